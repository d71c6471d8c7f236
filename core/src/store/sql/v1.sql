-- Schema version 1: the usage model.
-- Frozen once released: later changes go in a new file.
--
-- Instants are milliseconds since the Unix epoch (UTC) in *_ms columns; each
-- keeps the user's UTC offset in seconds at that moment in the matching
-- *_offset_s column, so local calendar days never shift. Local dates are
-- ISO 8601 text (YYYY-MM-DD). Enum values are stable snake_case codes; small
-- sets of codes are stored comma-separated. Nothing the user recorded is ever
-- deleted: edits add a version, deletions only mark.

CREATE TABLE devices (
    id                    TEXT    PRIMARY KEY NOT NULL,
    kind                  TEXT    NOT NULL,
    needle_length_mm      REAL    NOT NULL CHECK (needle_length_mm > 0),
    needle_length_max_mm  REAL    CHECK (needle_length_max_mm IS NULL OR needle_length_max_mm > needle_length_mm),
    needle_count          INTEGER CHECK (needle_count IS NULL OR needle_count > 0),
    material              TEXT    NOT NULL,
    nickname              TEXT    NOT NULL,
    brand                 TEXT,
    first_use_date        TEXT,
    shared                INTEGER NOT NULL CHECK (shared IN (0, 1)),
    damaged               INTEGER NOT NULL CHECK (damaged IN (0, 1)),
    retired_at_ms         INTEGER,
    retired_offset_s      INTEGER,
    retired_reason        TEXT,
    replace_after_uses    INTEGER CHECK (replace_after_uses IS NULL OR replace_after_uses > 0),
    replace_after_days    INTEGER CHECK (replace_after_days IS NULL OR replace_after_days > 0),
    added_at_ms           INTEGER NOT NULL,
    added_offset_s        INTEGER NOT NULL
) STRICT;

-- Every change to a device after it was added, as a readable audit trail.
CREATE TABLE device_changes (
    device_id             TEXT    NOT NULL REFERENCES devices (id),
    seq                   INTEGER NOT NULL,
    changed_at_ms         INTEGER NOT NULL,
    changed_offset_s      INTEGER NOT NULL,
    change                TEXT    NOT NULL,
    detail                TEXT    NOT NULL,
    PRIMARY KEY (device_id, seq)
) STRICT, WITHOUT ROWID;

-- A new head or needle cartridge fitted: wear counts restart from here.
CREATE TABLE head_changes (
    id                    TEXT    PRIMARY KEY NOT NULL,
    device_id             TEXT    NOT NULL REFERENCES devices (id),
    at_ms                 INTEGER NOT NULL,
    at_offset_s           INTEGER NOT NULL,
    recorded_at_ms        INTEGER NOT NULL,
    recorded_offset_s     INTEGER NOT NULL
) STRICT;
CREATE INDEX head_changes_by_device_and_time ON head_changes (device_id, at_ms);

-- One row per session: its current version, and the mark if deleted.
CREATE TABLE sessions (
    id                    TEXT    PRIMARY KEY NOT NULL,
    device_id             TEXT    NOT NULL REFERENCES devices (id),
    revision              INTEGER NOT NULL CHECK (revision >= 0),
    at_ms                 INTEGER NOT NULL,
    deleted_at_ms         INTEGER,
    deleted_offset_s      INTEGER
) STRICT;
-- Every read of sessions skips the deleted ones, so both indexes carry the
-- deletion mark before the time: a range scan then touches live rows only.
CREATE INDEX sessions_by_device_and_time ON sessions (device_id, deleted_at_ms, at_ms);
CREATE INDEX sessions_by_time ON sessions (deleted_at_ms, at_ms);

-- Every version of every session: revision 0 as recorded, then each edit.
CREATE TABLE session_versions (
    session_id            TEXT    NOT NULL REFERENCES sessions (id),
    revision              INTEGER NOT NULL CHECK (revision >= 0),
    device_id             TEXT    NOT NULL REFERENCES devices (id),
    at_ms                 INTEGER NOT NULL,
    at_offset_s           INTEGER NOT NULL,
    needle_length_mm      REAL    NOT NULL CHECK (needle_length_mm > 0),
    passes                INTEGER,
    pain                  INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
    notes                 TEXT,
    pre_device_cleaned    INTEGER NOT NULL CHECK (pre_device_cleaned IN (0, 1)),
    pre_skin_clean        INTEGER NOT NULL CHECK (pre_skin_clean IN (0, 1)),
    pre_active_breakout   INTEGER NOT NULL CHECK (pre_active_breakout IN (0, 1)),
    pre_cold_sore         INTEGER NOT NULL CHECK (pre_cold_sore IN (0, 1)),
    pre_open_wound        INTEGER NOT NULL CHECK (pre_open_wound IN (0, 1)),
    pre_sunburn           INTEGER NOT NULL CHECK (pre_sunburn IN (0, 1)),
    saved_at_ms           INTEGER NOT NULL,
    saved_offset_s        INTEGER NOT NULL,
    PRIMARY KEY (session_id, revision)
) STRICT, WITHOUT ROWID;

CREATE TABLE session_zones (
    session_id            TEXT    NOT NULL,
    revision              INTEGER NOT NULL,
    zone                  TEXT    NOT NULL,
    PRIMARY KEY (session_id, revision, zone),
    FOREIGN KEY (session_id, revision) REFERENCES session_versions (session_id, revision)
) STRICT, WITHOUT ROWID;
CREATE INDEX session_zones_by_zone ON session_zones (zone);

CREATE TABLE session_products (
    session_id            TEXT    NOT NULL,
    revision              INTEGER NOT NULL,
    position              INTEGER NOT NULL,
    name                  TEXT    NOT NULL,
    timing                TEXT    NOT NULL,
    categories            TEXT    NOT NULL,
    PRIMARY KEY (session_id, revision, position),
    FOREIGN KEY (session_id, revision) REFERENCES session_versions (session_id, revision)
) STRICT, WITHOUT ROWID;

-- Blockers the user saw and chose to override when recording the session.
CREATE TABLE session_overrides (
    session_id            TEXT    NOT NULL REFERENCES sessions (id),
    position              INTEGER NOT NULL,
    code                  TEXT    NOT NULL,
    message               TEXT    NOT NULL,
    PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE cleanings (
    id                    TEXT    PRIMARY KEY NOT NULL,
    device_id             TEXT    NOT NULL REFERENCES devices (id),
    at_ms                 INTEGER NOT NULL,
    at_offset_s           INTEGER NOT NULL,
    method                TEXT    NOT NULL,
    soak_minutes          INTEGER CHECK (soak_minutes IS NULL OR soak_minutes > 0),
    recorded_at_ms        INTEGER NOT NULL,
    recorded_offset_s     INTEGER NOT NULL
) STRICT;
CREATE INDEX cleanings_by_device_and_time ON cleanings (device_id, at_ms);

-- The profile is append-only: the newest revision is the current profile.
CREATE TABLE profile_revisions (
    revision              INTEGER PRIMARY KEY,
    skin_type             TEXT,
    saved_at_ms           INTEGER NOT NULL,
    saved_offset_s        INTEGER NOT NULL
) STRICT;

CREATE TABLE profile_answers (
    revision              INTEGER NOT NULL REFERENCES profile_revisions (revision),
    condition             TEXT    NOT NULL,
    present               INTEGER NOT NULL CHECK (present IN (0, 1)),
    stopped_on            TEXT,
    confirmed_at_ms       INTEGER NOT NULL,
    confirmed_offset_s    INTEGER NOT NULL,
    PRIMARY KEY (revision, condition)
) STRICT, WITHOUT ROWID;

-- Care plans are append-only: the newest is the plan in force.
CREATE TABLE care_plans (
    revision              INTEGER PRIMARY KEY,
    set_by                TEXT    NOT NULL,
    set_at_ms             INTEGER NOT NULL,
    set_offset_s          INTEGER NOT NULL,
    rest_face_days        INTEGER,
    rest_scalp_days       INTEGER,
    rest_body_days        INTEGER,
    max_needle_length_mm  REAL,
    allowed_zones         TEXT    NOT NULL,
    avoid_products        TEXT    NOT NULL,
    cleared_conditions    TEXT    NOT NULL,
    recorded_at_ms        INTEGER NOT NULL,
    recorded_offset_s     INTEGER NOT NULL
) STRICT;

-- Symptom and irritation reports, each linked to the session that most
-- plausibly caused it (or to the one the user chose).
CREATE TABLE symptom_reports (
    id                    TEXT    PRIMARY KEY NOT NULL,
    at_ms                 INTEGER NOT NULL,
    at_offset_s           INTEGER NOT NULL,
    kind                  TEXT    NOT NULL,
    around_eye            INTEGER NOT NULL CHECK (around_eye IN (0, 1)),
    overall_severity      INTEGER NOT NULL CHECK (overall_severity BETWEEN 0 AND 10),
    pus_colour            TEXT,
    pus_consistency       TEXT,
    temperature_c         REAL,
    notes                 TEXT,
    session_id            TEXT    REFERENCES sessions (id),
    link_chosen_by_user   INTEGER NOT NULL CHECK (link_chosen_by_user IN (0, 1)),
    resolved_at_ms        INTEGER,
    resolved_offset_s     INTEGER,
    recorded_at_ms        INTEGER NOT NULL,
    recorded_offset_s     INTEGER NOT NULL
) STRICT;
CREATE INDEX symptom_reports_by_time ON symptom_reports (at_ms);
CREATE INDEX symptom_reports_by_session ON symptom_reports (session_id);

CREATE TABLE report_zones (
    report_id             TEXT    NOT NULL REFERENCES symptom_reports (id),
    zone                  TEXT    NOT NULL,
    PRIMARY KEY (report_id, zone)
) STRICT, WITHOUT ROWID;

CREATE TABLE report_symptoms (
    report_id             TEXT    NOT NULL REFERENCES symptom_reports (id),
    symptom               TEXT    NOT NULL,
    severity              INTEGER CHECK (severity IS NULL OR severity BETWEEN 0 AND 10),
    PRIMARY KEY (report_id, symptom)
) STRICT, WITHOUT ROWID;

CREATE TABLE report_photos (
    report_id             TEXT    NOT NULL REFERENCES symptom_reports (id),
    position              INTEGER NOT NULL,
    file                  TEXT    NOT NULL,
    sha256                TEXT    NOT NULL,
    PRIMARY KEY (report_id, position)
) STRICT, WITHOUT ROWID;

-- The levels of the last assessment, to tell when a change raises them.
CREATE TABLE risk_state (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    preventive            TEXT    NOT NULL,
    triage                TEXT    NOT NULL
) STRICT;

-- Every change of level: rises are alerts that stay until acknowledged.
CREATE TABLE alerts (
    id                    TEXT    PRIMARY KEY NOT NULL,
    at_ms                 INTEGER NOT NULL,
    at_offset_s           INTEGER NOT NULL,
    kind                  TEXT    NOT NULL,
    from_level            TEXT    NOT NULL,
    to_level              TEXT    NOT NULL,
    rising                INTEGER NOT NULL CHECK (rising IN (0, 1)),
    reasons               TEXT    NOT NULL,
    acknowledged_at_ms    INTEGER,
    acknowledged_offset_s INTEGER
) STRICT;
CREATE INDEX alerts_by_time ON alerts (at_ms);

-- The user's settings: one row.
CREATE TABLE settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    quiet_start_minute    INTEGER CHECK (quiet_start_minute BETWEEN 0 AND 1439),
    quiet_end_minute      INTEGER CHECK (quiet_end_minute BETWEEN 0 AND 1439)
) STRICT;

-- A soak started from the cleaning screen, until its cleaning is logged.
CREATE TABLE soak_timers (
    device_id             TEXT    PRIMARY KEY NOT NULL REFERENCES devices (id),
    started_at_ms         INTEGER NOT NULL,
    started_offset_s      INTEGER NOT NULL,
    minutes               INTEGER NOT NULL CHECK (minutes > 0)
) STRICT;
