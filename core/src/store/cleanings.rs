//! Storing cleanings, and what the log says about a device right now.

use rusqlite::{Connection, Row, params};

use super::conn_ext::ConnExt;
use super::devices::find_device;
use super::facts::{DeviceState, device_state};
use super::{Snapshot, Store, rows};
use crate::alert::Changed;
use crate::cleaning::{Cleaning, CleaningEntry, CleaningMethod, NewCleaning, classify_timings};
use crate::device::Device;
use crate::device_overview::DeviceOverview;
use crate::error::Result;
use crate::ids::{CleaningId, DeviceId};
use crate::rules::cleaning::is_adequate;
use crate::time::{self, Moment};
use crate::wear;

impl Store {
    /// Records a cleaning, stamped with `now` as the moment it was entered.
    pub fn record_cleaning(&self, new: NewCleaning, now: Moment) -> Result<Changed<Cleaning>> {
        let new = new.validated()?;
        let now = time::check_plausible("now", now)?;
        time::check_not_after("at", &new.at, &now)?;
        self.change(&now, |tx| {
            find_device(tx, new.device_id)?;
            let cleaning = Cleaning {
                id: CleaningId::random(),
                device_id: new.device_id,
                at: new.at,
                method: new.method,
                soak_minutes: new.soak_minutes,
                recorded_at: now,
            };
            tx.prepare_cached(
                "INSERT INTO cleanings (id, device_id, at_ms, at_offset_s, method, soak_minutes, recorded_at_ms, recorded_offset_s)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(
                params![
                    cleaning.id,
                    cleaning.device_id,
                    time::unix_millis(&cleaning.at),
                    time::utc_offset_seconds(&cleaning.at),
                    cleaning.method.code(),
                    cleaning.soak_minutes,
                    time::unix_millis(&now),
                    time::utc_offset_seconds(&now),
                ],
            )?;
            super::reminders::stop_soak_timer(tx, cleaning.device_id, &cleaning.at)?;
            Ok(cleaning)
        })
    }

    /// The cleanings of a device, oldest first, each placed before or after
    /// the device's sessions.
    pub fn cleanings(&self, device_id: DeviceId) -> Result<Vec<CleaningEntry>> {
        self.view(|view| view.cleanings(device_id))
    }

    /// What the log says about a device as of `now`.
    pub fn device_overview(&self, device_id: DeviceId, now: Moment) -> Result<DeviceOverview> {
        self.view(|view| view.device_overview(device_id, now))
    }
}

/// What the log in `conn` says about `device` as of `now`.
pub(super) fn overview_of(
    conn: &Connection,
    device: Device,
    now: &Moment,
) -> Result<DeviceOverview> {
    Ok(device_state(conn, device, now)?.overview(now))
}

impl DeviceState {
    /// The device screen's view of this state as of `now`.
    pub(super) fn overview(self, now: &Moment) -> DeviceOverview {
        DeviceOverview {
            replacement: wear::replacement(&self.device, &self.wear, time::local_date(now)),
            last_used_at: self.last_session.map(|s| s.at),
            cleaning: self.cleaning,
            device: self.device,
            wear: self.wear,
        }
    }
}

fn device_cleanings(conn: &Connection, device_id: DeviceId) -> Result<Vec<Cleaning>> {
    conn.query_rows(
        "SELECT id, device_id, at_ms, at_offset_s, method, soak_minutes, recorded_at_ms, recorded_offset_s
           FROM cleanings WHERE device_id = ?1 ORDER BY at_ms, id",
        [device_id],
        |r| StoredCleaning::from_row(r)?.into_cleaning(),
    )
}

fn device_session_times(conn: &Connection, device_id: DeviceId) -> Result<Vec<Moment>> {
    conn.query_rows(
        "SELECT v.at_ms, v.at_offset_s FROM sessions s
           JOIN session_versions v ON v.session_id = s.id AND v.revision = s.revision
          WHERE s.device_id = ?1 AND s.deleted_at_ms IS NULL ORDER BY s.at_ms",
        [device_id],
        |r| rows::moment_at(r, 0, "session_versions.at"),
    )
}

struct StoredCleaning {
    id: CleaningId,
    device_id: DeviceId,
    at_ms: i64,
    at_offset_s: i32,
    method: String,
    soak_minutes: Option<i64>,
    recorded_at_ms: i64,
    recorded_offset_s: i32,
}

impl StoredCleaning {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            device_id: row.get(1)?,
            at_ms: row.get(2)?,
            at_offset_s: row.get(3)?,
            method: row.get(4)?,
            soak_minutes: row.get(5)?,
            recorded_at_ms: row.get(6)?,
            recorded_offset_s: row.get(7)?,
        })
    }

    fn into_cleaning(self) -> Result<Cleaning> {
        Ok(Cleaning {
            id: self.id,
            device_id: self.device_id,
            at: rows::moment("cleanings.at", self.at_ms, self.at_offset_s)?,
            method: rows::code("cleanings.method", &self.method, CleaningMethod::from_code)?,
            soak_minutes: rows::count("cleanings.soak_minutes", self.soak_minutes)?,
            recorded_at: rows::moment(
                "cleanings.recorded_at",
                self.recorded_at_ms,
                self.recorded_offset_s,
            )?,
        })
    }
}

impl Snapshot<'_> {
    /// The cleanings of a device, oldest first, each placed before or after
    /// the device's sessions.
    pub fn cleanings(&self, device_id: DeviceId) -> Result<Vec<CleaningEntry>> {
        let tx = self.conn;
        find_device(tx, device_id)?;
        let cleanings = device_cleanings(tx, device_id)?;
        let sessions = device_session_times(tx, device_id)?;
        let times: Vec<Moment> = cleanings.iter().map(|c| c.at).collect();
        let timings = classify_timings(&times, &sessions);
        Ok(cleanings
            .into_iter()
            .zip(timings)
            .map(|(cleaning, timing)| CleaningEntry {
                adequate: is_adequate(cleaning.method, cleaning.soak_minutes),
                cleaning,
                timing,
            })
            .collect())
    }

    /// What the log says about a device as of `now`.
    pub fn device_overview(&self, device_id: DeviceId, now: Moment) -> Result<DeviceOverview> {
        let now = time::check_plausible("now", now)?;
        overview_of(self.conn, find_device(self.conn, device_id)?, &now)
    }
}
