//! Storing and reading sessions, and the verdict before a new one.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::devices::find_device;
use super::{Store, rows};
use crate::error::Result;
use crate::ids::{DeviceId, SessionId};
use crate::rules::interval_rule_for;
use crate::session::{NewSession, Session};
use crate::time::{self, Moment};
use crate::verdict::{SessionVerdict, check_interval};
use crate::zone::BodyZone;

/// The session columns, with the zones folded into one comma-separated list.
const SESSION_COLUMNS: &str = "s.id, s.device_id, s.at_ms, s.at_offset_s, s.needle_length_mm,
     s.recorded_at_ms, s.recorded_offset_s,
     (SELECT group_concat(zone, ',') FROM session_zones z WHERE z.session_id = s.id)";

impl Store {
    /// Records a session, stamped with `now` as the moment it was entered.
    pub fn record_session(&self, new: NewSession, now: Moment) -> Result<Session> {
        let now = time::check_plausible("now", now)?;
        self.write(|tx| {
            let device = find_device(tx, new.device_id)?;
            let valid = new.validated(&device)?;
            let session = Session {
                id: SessionId::random(),
                device_id: device.id,
                at: valid.at,
                zones: valid.zones,
                needle_length_mm: valid.needle_length_mm,
                recorded_at: now,
            };
            insert_session(tx, &session)?;
            Ok(session)
        })
    }

    /// Every session, most recent first.
    pub fn sessions(&self) -> Result<Vec<Session>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {SESSION_COLUMNS} FROM sessions s ORDER BY s.at_ms DESC, s.id"
            ))?;
            let raw = stmt
                .query_map([], StoredSession::from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            raw.into_iter().map(StoredSession::into_session).collect()
        })
    }

    /// May a session with `device_id` start at `now`? The verdict lists every
    /// reason and the local date from which the rest interval has passed.
    pub fn can_start_session(&self, device_id: DeviceId, now: Moment) -> Result<SessionVerdict> {
        let now = time::check_plausible("now", now)?;
        self.read(|tx| {
            let device = find_device(tx, device_id)?;
            let last = last_session_with(tx, device_id)?;
            let rule = interval_rule_for(device.needle_length_mm);
            Ok(check_interval(rule, last.as_ref(), &now))
        })
    }
}

fn insert_session(conn: &Connection, session: &Session) -> Result<()> {
    conn.execute(
        "INSERT INTO sessions (id, device_id, at_ms, at_offset_s, needle_length_mm,
                               recorded_at_ms, recorded_offset_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            session.id.to_string(),
            session.device_id.to_string(),
            time::unix_millis(&session.at),
            time::utc_offset_seconds(&session.at),
            session.needle_length_mm,
            time::unix_millis(&session.recorded_at),
            time::utc_offset_seconds(&session.recorded_at),
        ],
    )?;
    let mut zone_insert =
        conn.prepare_cached("INSERT INTO session_zones (session_id, zone) VALUES (?1, ?2)")?;
    for zone in &session.zones {
        zone_insert.execute(params![session.id.to_string(), zone.code()])?;
    }
    Ok(())
}

/// The latest session with a device, by the instant it took place.
fn last_session_with(conn: &Connection, device_id: DeviceId) -> Result<Option<Session>> {
    conn.query_row(
        &format!(
            "SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.device_id = ?1
             ORDER BY s.at_ms DESC, s.id LIMIT 1"
        ),
        [device_id.to_string()],
        StoredSession::from_row,
    )
    .optional()?
    .map(StoredSession::into_session)
    .transpose()
}

/// A session row as stored, before its codes are checked.
struct StoredSession {
    id: String,
    device_id: String,
    at_ms: i64,
    at_offset_s: i32,
    needle_length_mm: f64,
    recorded_at_ms: i64,
    recorded_offset_s: i32,
    zones: Option<String>,
}

impl StoredSession {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            device_id: row.get(1)?,
            at_ms: row.get(2)?,
            at_offset_s: row.get(3)?,
            needle_length_mm: row.get(4)?,
            recorded_at_ms: row.get(5)?,
            recorded_offset_s: row.get(6)?,
            zones: row.get(7)?,
        })
    }

    fn into_session(self) -> Result<Session> {
        let mut zones = self
            .zones
            .unwrap_or_default()
            .split(',')
            .filter(|code| !code.is_empty())
            .map(|code| rows::code("session_zones.zone", code, BodyZone::from_code))
            .collect::<Result<Vec<_>>>()?;
        zones.sort();
        Ok(Session {
            id: rows::code("sessions.id", &self.id, |t| SessionId::parse("id", t).ok())?,
            device_id: rows::code("sessions.device_id", &self.device_id, |t| {
                DeviceId::parse("device_id", t).ok()
            })?,
            at: rows::moment("sessions.at", self.at_ms, self.at_offset_s)?,
            zones,
            needle_length_mm: self.needle_length_mm,
            recorded_at: rows::moment(
                "sessions.recorded_at",
                self.recorded_at_ms,
                self.recorded_offset_s,
            )?,
        })
    }
}
