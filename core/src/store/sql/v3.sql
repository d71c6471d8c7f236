-- Schema version 3: care-plan needle limits per region, and clinician visits
-- on symptom reports.
-- Frozen once released: later changes go in a new file.
--
-- A care plan's needle limit was one number for every region, so a scalp
-- limit blocked the face. Each region now has its own column, like the rest
-- days. A plan saved before this version meant its limit everywhere: it is
-- copied to the three regions, so no plan loses or changes what it said. The
-- old column is no longer written or read (SQLite keeps it; new rows leave
-- it NULL).
--
-- An amber or red triage prompt stops needling until a clinician has seen
-- the skin; the user records when that happened on the report it concerns.

ALTER TABLE care_plans ADD COLUMN max_needle_face_mm REAL
    CHECK (max_needle_face_mm IS NULL OR max_needle_face_mm > 0);
ALTER TABLE care_plans ADD COLUMN max_needle_scalp_mm REAL
    CHECK (max_needle_scalp_mm IS NULL OR max_needle_scalp_mm > 0);
ALTER TABLE care_plans ADD COLUMN max_needle_body_mm REAL
    CHECK (max_needle_body_mm IS NULL OR max_needle_body_mm > 0);

UPDATE care_plans
   SET max_needle_face_mm = max_needle_length_mm,
       max_needle_scalp_mm = max_needle_length_mm,
       max_needle_body_mm = max_needle_length_mm,
       max_needle_length_mm = NULL
 WHERE max_needle_length_mm IS NOT NULL;

ALTER TABLE symptom_reports ADD COLUMN clinician_seen_at_ms INTEGER;
ALTER TABLE symptom_reports ADD COLUMN clinician_seen_offset_s INTEGER;
