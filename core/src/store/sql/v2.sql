-- Schema version 2: each device's count of sessions, kept by the database.
-- Frozen once released: later changes go in a new file.
--
-- A device's wear counts its sessions. Counting them at every read grows
-- with the history (ten years of daily use: hundreds of index entries per
-- device, on every home screen). The count is derived state: triggers keep
-- it in step with every write to `sessions` (recording, editing to another
-- device, deleting, importing a backup) inside the writer's transaction, so
-- it can never disagree with the rows it counts. It holds the sessions not
-- marked deleted, whatever their time; readers subtract the few that lie
-- after the moment they ask about.

CREATE TABLE device_session_counts (
    device_id             TEXT    PRIMARY KEY NOT NULL REFERENCES devices (id),
    sessions              INTEGER NOT NULL CHECK (sessions >= 0)
) STRICT, WITHOUT ROWID;

INSERT INTO device_session_counts (device_id, sessions)
    SELECT d.id, (SELECT COUNT(*) FROM sessions s
                   WHERE s.device_id = d.id AND s.deleted_at_ms IS NULL)
      FROM devices d;

CREATE TRIGGER device_session_counts_on_new_device AFTER INSERT ON devices
BEGIN
    INSERT INTO device_session_counts (device_id, sessions) VALUES (NEW.id, 0);
END;

CREATE TRIGGER device_session_counts_on_new_session AFTER INSERT ON sessions
WHEN NEW.deleted_at_ms IS NULL
BEGIN
    UPDATE device_session_counts SET sessions = sessions + 1 WHERE device_id = NEW.device_id;
END;

CREATE TRIGGER device_session_counts_on_changed_session
AFTER UPDATE OF device_id, deleted_at_ms ON sessions
BEGIN
    UPDATE device_session_counts SET sessions = sessions - 1
     WHERE device_id = OLD.device_id AND OLD.deleted_at_ms IS NULL;
    UPDATE device_session_counts SET sessions = sessions + 1
     WHERE device_id = NEW.device_id AND NEW.deleted_at_ms IS NULL;
END;

CREATE TRIGGER device_session_counts_on_removed_session AFTER DELETE ON sessions
WHEN OLD.deleted_at_ms IS NULL
BEGIN
    UPDATE device_session_counts SET sessions = sessions - 1 WHERE device_id = OLD.device_id;
END;
