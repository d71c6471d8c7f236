-- Schema version 4: a symptom report may say how the skin compares with
-- before.
-- Frozen once released: later changes go in a new file.
--
-- The user says directly whether it is worse, the same or better than
-- before; a comparison of severities needs an earlier report, and a first
-- report that says "worse" is a worsening all the same. Reports made before
-- this version said nothing, which NULL records.

ALTER TABLE symptom_reports ADD COLUMN trend TEXT
    CHECK (trend IS NULL OR trend IN ('worse', 'same', 'better'));
