//! Storing devices, their changes and head changes, and deriving their wear.

use rusqlite::{Connection, Row, params};

use super::conn_ext::ConnExt;
use super::sessions::first_session_of_device;
use super::{Snapshot, Store, rows};
use crate::alert::Changed;
use crate::device::{Device, DeviceKind, DeviceStatus, NeedleMaterial, NewDevice};
use crate::error::{Error, Result};
use crate::ids::DeviceId;
use crate::time::{self, Moment};
use crate::validate;
use crate::wear::DeviceWear;

const DEVICE_COLUMNS: &str =
    "id, kind, needle_length_mm, needle_length_max_mm, needle_count, material,
     nickname, brand, first_use_date, shared, damaged, retired_at_ms, retired_offset_s,
     retired_reason, replace_after_uses, replace_after_days, added_at_ms, added_offset_s";

/// The longest replacement limit a user may set: a year, or 365 uses.
pub const MAX_REPLACEMENT_LIMIT: u32 = 365;

/// A change to a device, recorded in its audit trail.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviceChange {
    /// When it was made.
    pub at: Moment,
    /// What changed, as a stable code (`damaged`, `shared`, `retired`,
    /// `replacement_limits`, `head_changed`).
    pub change: String,
    /// The new value, in plain words.
    pub detail: String,
}

impl Store {
    /// Adds a device to the log, stamped with `now`.
    pub fn add_device(&self, new: NewDevice, now: Moment) -> Result<Changed<Device>> {
        let new = new.validated()?;
        let now = time::check_plausible("now", now)?;
        let device = Device {
            id: DeviceId::random(),
            kind: new.kind,
            needle_length_mm: new.needle_length_mm,
            needle_length_max_mm: new.needle_length_max_mm,
            needle_count: new.needle_count,
            material: new.material,
            nickname: new.nickname,
            brand: new.brand,
            first_use_date: new.first_use_date,
            shared: new.shared,
            damaged: false,
            status: DeviceStatus::Active,
            replace_after_uses: None,
            replace_after_days: None,
            added_at: now,
        };
        self.change(&now, |tx| {
            insert_device(tx, &device)?;
            Ok(device)
        })
    }

    /// The device with `id`, or [`Error::NotFound`].
    pub fn device(&self, id: DeviceId) -> Result<Device> {
        self.read(|tx| find_device(tx, id))
    }

    /// Every device, retired ones included, oldest first.
    pub fn devices(&self) -> Result<Vec<Device>> {
        self.view(|view| view.devices())
    }

    /// Records that the needles look bent or the roll feels rough: the
    /// device is due for replacement at once.
    pub fn flag_device_damaged(&self, id: DeviceId, now: Moment) -> Result<Changed<Device>> {
        self.change_device(
            id,
            now,
            "damaged",
            "needles bent or roll rough".into(),
            |tx| {
                tx.execute("UPDATE devices SET damaged = 1 WHERE id = ?1", [id])?;
                Ok(())
            },
        )
    }

    /// Records whether someone else uses the device too.
    pub fn set_device_shared(
        &self,
        id: DeviceId,
        shared: bool,
        now: Moment,
    ) -> Result<Changed<Device>> {
        let detail = if shared {
            "shared with someone else"
        } else {
            "not shared"
        };
        self.change_device(id, now, "shared", detail.into(), |tx| {
            tx.execute(
                "UPDATE devices SET shared = ?2 WHERE id = ?1",
                params![id, shared],
            )?;
            Ok(())
        })
    }

    /// Retires a device: it stays in the log but is not used again.
    pub fn retire_device(
        &self,
        id: DeviceId,
        reason: &str,
        now: Moment,
    ) -> Result<Changed<Device>> {
        let reason = validate::label("reason", reason)?;
        let now_checked = time::check_plausible("now", now)?;
        self.change_device(id, now, "retired", reason.clone(), |tx| {
            if !find_device(tx, id)?.is_active() {
                return Err(Error::invalid("id", "this device is already retired"));
            }
            tx.execute(
                "UPDATE devices SET retired_at_ms = ?2, retired_offset_s = ?3, retired_reason = ?4
                 WHERE id = ?1 AND retired_at_ms IS NULL",
                params![
                    id,
                    time::unix_millis(&now_checked),
                    time::utc_offset_seconds(&now_checked),
                    reason
                ],
            )?;
            Ok(())
        })
    }

    /// Sets the user's own replacement limits for a device (`None` restores
    /// the default for its kind).
    pub fn set_replacement_limits(
        &self,
        id: DeviceId,
        max_uses: Option<u32>,
        max_days: Option<u32>,
        now: Moment,
    ) -> Result<Changed<Device>> {
        let max_uses = max_uses
            .map(|n| validate::within("max_uses", n, 1..=MAX_REPLACEMENT_LIMIT))
            .transpose()?;
        let max_days = max_days
            .map(|n| validate::within("max_days", n, 1..=MAX_REPLACEMENT_LIMIT))
            .transpose()?;
        let describe = |v: Option<u32>| v.map_or("default".to_owned(), |n| n.to_string());
        let detail = format!("uses {}, days {}", describe(max_uses), describe(max_days));
        self.change_device(id, now, "replacement_limits", detail, |tx| {
            tx.execute(
                "UPDATE devices SET replace_after_uses = ?2, replace_after_days = ?3 WHERE id = ?1",
                params![id, max_uses, max_days],
            )?;
            Ok(())
        })
    }

    /// Records that a new head or needle cartridge was fitted at `at`: wear
    /// counts restart, and a damage flag is cleared.
    pub fn record_head_change(
        &self,
        id: DeviceId,
        at: Moment,
        now: Moment,
    ) -> Result<Changed<Device>> {
        let at = time::check_plausible("at", at)?;
        let now_checked = time::check_plausible("now", now)?;
        time::check_not_after("at", &at, &now_checked)?;
        let detail = format!("new head fitted on {}", time::local_date(&at));
        self.change_device(id, now, "head_changed", detail, |tx| {
            tx.execute(
                "INSERT INTO head_changes (id, device_id, at_ms, at_offset_s, recorded_at_ms, recorded_offset_s)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    crate::ids::HeadChangeId::random(),
                    id,
                    time::unix_millis(&at),
                    time::utc_offset_seconds(&at),
                    time::unix_millis(&now_checked),
                    time::utc_offset_seconds(&now_checked)
                ],
            )?;
            tx.execute("UPDATE devices SET damaged = 0 WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The audit trail of a device: every change after it was added.
    pub fn device_changes(&self, id: DeviceId) -> Result<Vec<DeviceChange>> {
        self.read(|tx| {
            find_device(tx, id)?;
            tx.query_rows(
                "SELECT changed_at_ms, changed_offset_s, change, detail FROM device_changes
                 WHERE device_id = ?1 ORDER BY seq",
                [id],
                |r| {
                    Ok::<_, rusqlite::Error>(DeviceChange {
                        at: rows::moment_at(r, 0, "device_changes.changed_at")?,
                        change: r.get(2)?,
                        detail: r.get(3)?,
                    })
                },
            )
        })
    }

    /// Applies one change to an existing device and records it.
    fn change_device(
        &self,
        id: DeviceId,
        now: Moment,
        change: &str,
        detail: String,
        apply: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<Changed<Device>> {
        let now = time::check_plausible("now", now)?;
        self.change(&now, |tx| {
            find_device(tx, id)?;
            apply(tx)?;
            tx.execute(
                "INSERT INTO device_changes (device_id, seq, changed_at_ms, changed_offset_s, change, detail)
                 VALUES (?1, (SELECT COUNT(*) FROM device_changes WHERE device_id = ?1), ?2, ?3, ?4, ?5)",
                params![
                    id,
                    time::unix_millis(&now),
                    time::utc_offset_seconds(&now),
                    change,
                    detail
                ],
            )?;
            find_device(tx, id)
        })
    }
}

fn insert_device(conn: &Connection, device: &Device) -> Result<()> {
    conn.execute(
        &format!("INSERT INTO devices ({DEVICE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, NULL, NULL, NULL, NULL, ?12, ?13)"),
        params![
            device.id,
            device.kind.code(),
            device.needle_length_mm,
            device.needle_length_max_mm,
            device.needle_count,
            device.material.code(),
            device.nickname,
            device.brand,
            rows::date_text(device.first_use_date),
            device.shared,
            device.damaged,
            time::unix_millis(&device.added_at),
            time::utc_offset_seconds(&device.added_at),
        ],
    )?;
    Ok(())
}

/// Every device, oldest first, inside an open transaction.
pub(super) fn all_devices(conn: &Connection) -> Result<Vec<Device>> {
    conn.query_rows(
        &format!("SELECT {DEVICE_COLUMNS} FROM devices ORDER BY added_at_ms, rowid"),
        [],
        |r| StoredDevice::from_row(r)?.into_device(),
    )
}

/// Reads one device inside an open transaction.
pub(super) fn find_device(conn: &Connection, id: DeviceId) -> Result<Device> {
    conn.query_optional(
        &format!("SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?1"),
        [id],
        |r| StoredDevice::from_row(r)?.into_device(),
    )?
    .ok_or_else(|| Error::NotFound {
        entity: DeviceId::ENTITY,
        id: id.to_string(),
    })
}

/// The wear of a device's current head as of `cutoff` (sessions at `cutoff`
/// included). Its cost does not grow with the history: the total comes
/// from the count the database keeps (schema v2), less the sessions after
/// `cutoff`; the uses of the current head are counted from its fitting.
pub(super) fn device_wear(
    conn: &Connection,
    device: &Device,
    cutoff: &Moment,
) -> Result<DeviceWear> {
    let id = device.id;
    let cutoff_ms = time::unix_millis(cutoff);
    let head_change = conn.query_optional(
        "SELECT at_ms, at_offset_s FROM head_changes WHERE device_id = ?1 AND at_ms <= ?2
         ORDER BY at_ms DESC LIMIT 1",
        params![id, cutoff_ms],
        |r| rows::moment_at(r, 0, "head_changes.at"),
    )?;
    let total: Option<i64> = conn.query_optional(
        "SELECT c.sessions - (SELECT COUNT(*) FROM sessions s
                               WHERE s.device_id = ?1 AND s.deleted_at_ms IS NULL AND s.at_ms > ?2)
           FROM device_session_counts c WHERE c.device_id = ?1",
        params![id, cutoff_ms],
        |r| r.get(0),
    )?;
    let total_uses = rows::count("device_session_counts.sessions", total)?
        .ok_or_else(|| Error::Inconsistent("device_session_counts has no row".into()))?;
    let (uses, head_started) = match head_change {
        Some(change) => {
            let uses: i64 = conn.query_single(
                "SELECT COUNT(*) FROM sessions
                  WHERE device_id = ?1 AND deleted_at_ms IS NULL AND at_ms >= ?2 AND at_ms <= ?3",
                params![id, time::unix_millis(&change), cutoff_ms],
                |r| r.get(0),
            )?;
            let uses = rows::count("sessions", Some(uses))?.unwrap_or(0);
            (uses, Some(time::local_date(&change)))
        }
        None => {
            let first = first_session_of_device(conn, device.id, cutoff)?;
            let started = match (device.first_use_date, first) {
                (Some(date), Some(first)) => Some(date.min(time::local_date(&first))),
                (Some(date), None) => Some(date),
                (None, first) => first.map(|f| time::local_date(&f)),
            };
            (total_uses, started)
        }
    };
    Ok(DeviceWear {
        uses,
        total_uses,
        head_started,
    })
}

/// A device row as stored, before its codes are checked.
struct StoredDevice {
    id: DeviceId,
    kind: String,
    needle_length_mm: f64,
    needle_length_max_mm: Option<f64>,
    needle_count: Option<i64>,
    material: String,
    nickname: String,
    brand: Option<String>,
    first_use_date: Option<String>,
    shared: bool,
    damaged: bool,
    retired_at_ms: Option<i64>,
    retired_offset_s: Option<i32>,
    retired_reason: Option<String>,
    replace_after_uses: Option<i64>,
    replace_after_days: Option<i64>,
    added_at_ms: i64,
    added_offset_s: i32,
}

impl StoredDevice {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            kind: row.get(1)?,
            needle_length_mm: row.get(2)?,
            needle_length_max_mm: row.get(3)?,
            needle_count: row.get(4)?,
            material: row.get(5)?,
            nickname: row.get(6)?,
            brand: row.get(7)?,
            first_use_date: row.get(8)?,
            shared: row.get(9)?,
            damaged: row.get(10)?,
            retired_at_ms: row.get(11)?,
            retired_offset_s: row.get(12)?,
            retired_reason: row.get(13)?,
            replace_after_uses: row.get(14)?,
            replace_after_days: row.get(15)?,
            added_at_ms: row.get(16)?,
            added_offset_s: row.get(17)?,
        })
    }

    fn into_device(self) -> Result<Device> {
        let retired_at = rows::optional_moment(
            "devices.retired_at",
            self.retired_at_ms,
            self.retired_offset_s,
        )?;
        let status = match retired_at {
            Some(at) => DeviceStatus::Retired {
                at,
                reason: self.retired_reason.unwrap_or_default(),
            },
            None => DeviceStatus::Active,
        };
        Ok(Device {
            id: self.id,
            kind: rows::code("devices.kind", &self.kind, DeviceKind::from_code)?,
            needle_length_mm: self.needle_length_mm,
            needle_length_max_mm: self.needle_length_max_mm,
            needle_count: rows::count("devices.needle_count", self.needle_count)?,
            material: rows::code(
                "devices.material",
                &self.material,
                NeedleMaterial::from_code,
            )?,
            nickname: self.nickname,
            brand: self.brand,
            first_use_date: rows::date("devices.first_use_date", self.first_use_date)?,
            shared: self.shared,
            damaged: self.damaged,
            status,
            replace_after_uses: rows::count("devices.replace_after_uses", self.replace_after_uses)?,
            replace_after_days: rows::count("devices.replace_after_days", self.replace_after_days)?,
            added_at: rows::moment("devices.added_at", self.added_at_ms, self.added_offset_s)?,
        })
    }
}

impl Snapshot<'_> {
    /// Every device, retired ones included, oldest first.
    pub fn devices(&self) -> Result<Vec<Device>> {
        all_devices(self.conn)
    }
}
