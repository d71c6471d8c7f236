-- Schema version 5: who the user is, and the key that keeps a pseudonymous
-- export apart from a named one.
-- Frozen once released: later changes go in a new file.
--
-- A profile revision may carry the user's name, date of birth and a patient
-- number with who gave it. No rule reads them; exports show them only when
-- the user asks. Revisions made before this version gave none, which NULL
-- records.
--
-- The pseudonym key is 32 random bytes made once per log (SQLite's
-- randomblob draws them from the operating system's source). A pseudonymous
-- export names its resources by keyed hashes of the record ids, so without
-- this key nobody can tell which named export it matches. The one row is
-- kept for the life of the log; a restore brings the backup's key with it.

ALTER TABLE profile_revisions ADD COLUMN patient_name TEXT;
ALTER TABLE profile_revisions ADD COLUMN birth_date TEXT;
ALTER TABLE profile_revisions ADD COLUMN patient_identifier TEXT;
ALTER TABLE profile_revisions ADD COLUMN identifier_issuer TEXT
    CHECK (identifier_issuer IS NULL OR patient_identifier IS NOT NULL);

CREATE TABLE pseudonym_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key BLOB NOT NULL CHECK (length(key) = 32)
);

INSERT INTO pseudonym_key (id, key) VALUES (1, randomblob(32));
