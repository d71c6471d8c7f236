-- Schema version 1: devices and sessions.
-- Frozen once released: later changes go in a new file.
-- Instants are milliseconds since the Unix epoch (UTC); every instant keeps the
-- user's UTC offset in seconds at that moment, so local calendar days never shift.

CREATE TABLE devices (
    id                 TEXT    PRIMARY KEY NOT NULL,
    kind               TEXT    NOT NULL,
    needle_length_mm   REAL    NOT NULL CHECK (needle_length_mm > 0),
    nickname           TEXT    NOT NULL,
    added_at_ms        INTEGER NOT NULL,
    added_offset_s     INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
    id                 TEXT    PRIMARY KEY NOT NULL,
    device_id          TEXT    NOT NULL REFERENCES devices (id),
    at_ms              INTEGER NOT NULL,
    at_offset_s        INTEGER NOT NULL,
    needle_length_mm   REAL    NOT NULL CHECK (needle_length_mm > 0),
    recorded_at_ms     INTEGER NOT NULL,
    recorded_offset_s  INTEGER NOT NULL
) STRICT;

CREATE INDEX sessions_by_device_and_time ON sessions (device_id, at_ms);
CREATE INDEX sessions_by_time ON sessions (at_ms);

CREATE TABLE session_zones (
    session_id         TEXT    NOT NULL REFERENCES sessions (id),
    zone               TEXT    NOT NULL,
    PRIMARY KEY (session_id, zone)
) STRICT, WITHOUT ROWID;
