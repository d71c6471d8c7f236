//! Storing and reading devices.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, rows};
use crate::device::{Device, DeviceKind, NewDevice};
use crate::error::{Error, Result};
use crate::ids::DeviceId;
use crate::time::{self, Moment};

const DEVICE_COLUMNS: &str = "id, kind, needle_length_mm, nickname, added_at_ms, added_offset_s";

impl Store {
    /// Adds a device to the log, stamped with `now`.
    pub fn add_device(&self, new: NewDevice, now: Moment) -> Result<Device> {
        let new = new.validated()?;
        let now = time::check_plausible("now", now)?;
        let device = Device {
            id: DeviceId::random(),
            kind: new.kind,
            needle_length_mm: new.needle_length_mm,
            nickname: new.nickname,
            added_at: now,
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO devices (id, kind, needle_length_mm, nickname, added_at_ms, added_offset_s)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    device.id.to_string(),
                    device.kind.code(),
                    device.needle_length_mm,
                    device.nickname,
                    time::unix_millis(&device.added_at),
                    time::utc_offset_seconds(&device.added_at),
                ],
            )?;
            Ok(())
        })?;
        Ok(device)
    }

    /// The device with `id`, or [`Error::NotFound`].
    pub fn device(&self, id: DeviceId) -> Result<Device> {
        self.read(|tx| find_device(tx, id))
    }

    /// Every device, oldest first.
    pub fn devices(&self) -> Result<Vec<Device>> {
        self.read(|tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {DEVICE_COLUMNS} FROM devices ORDER BY added_at_ms, id"
            ))?;
            let raw = stmt
                .query_map([], StoredDevice::from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            raw.into_iter().map(StoredDevice::into_device).collect()
        })
    }
}

/// Reads one device inside an open transaction.
pub(super) fn find_device(conn: &Connection, id: DeviceId) -> Result<Device> {
    conn.query_row(
        &format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?1"),
        [id.to_string()],
        StoredDevice::from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: DeviceId::ENTITY,
        id: id.to_string(),
    })?
    .into_device()
}

/// A device row as stored, before its codes are checked.
struct StoredDevice {
    id: String,
    kind: String,
    needle_length_mm: f64,
    nickname: String,
    added_at_ms: i64,
    added_offset_s: i32,
}

impl StoredDevice {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            kind: row.get(1)?,
            needle_length_mm: row.get(2)?,
            nickname: row.get(3)?,
            added_at_ms: row.get(4)?,
            added_offset_s: row.get(5)?,
        })
    }

    fn into_device(self) -> Result<Device> {
        Ok(Device {
            id: rows::code("devices.id", &self.id, |t| DeviceId::parse("id", t).ok())?,
            kind: rows::code("devices.kind", &self.kind, DeviceKind::from_code)?,
            needle_length_mm: self.needle_length_mm,
            nickname: self.nickname,
            added_at: rows::moment("devices.added_at", self.added_at_ms, self.added_offset_s)?,
        })
    }
}
