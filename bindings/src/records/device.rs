//! Devices, their overview and their audit trail.

use rollsafe_core as core;

use crate::enums::{CleaningState, DeviceKind, NeedleMaterial};
use crate::error::RollSafeError;
use crate::time::{CalendarDate, Moment, optional_date};

/// What the user enters to add a device.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct NewDevice {
    /// The form of the device.
    pub kind: DeviceKind,
    /// Needle length in millimetres, 0.1 to 3.0; an adjustable pen's shortest setting.
    pub needle_length_mm: f64,
    /// An adjustable pen's longest setting; `null`/`nil` for a fixed length.
    #[uniffi(default = None)]
    pub needle_length_max_mm: Option<f64>,
    /// How many needles, if known.
    #[uniffi(default = None)]
    pub needle_count: Option<u32>,
    /// What the needles are made of.
    pub material: NeedleMaterial,
    /// The user's name for it, 1 to 80 characters.
    pub nickname: String,
    /// The brand, if known.
    #[uniffi(default = None)]
    pub brand: Option<String>,
    /// The local date of first use, if it was used before it was logged.
    #[uniffi(default = None)]
    pub first_use_date: Option<CalendarDate>,
    /// True if someone else uses it too (never advisable).
    #[uniffi(default = false)]
    pub shared: bool,
}

/// A device in the log.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Device {
    /// Its stable id (a UUID).
    pub id: String,
    /// The form of the device.
    pub kind: DeviceKind,
    /// Needle length in millimetres (an adjustable pen's shortest setting).
    pub needle_length_mm: f64,
    /// An adjustable pen's longest setting.
    pub needle_length_max_mm: Option<f64>,
    /// How many needles, if known.
    pub needle_count: Option<u32>,
    /// What the needles are made of.
    pub material: NeedleMaterial,
    /// The user's name for it.
    pub nickname: String,
    /// The brand, if known.
    pub brand: Option<String>,
    /// The local date of first use given by the user.
    pub first_use_date: Option<CalendarDate>,
    /// True if someone else uses it too.
    pub shared: bool,
    /// True once the user reported bent needles or a rough roll.
    pub damaged: bool,
    /// When it was retired, if it was.
    pub retired_at: Option<Moment>,
    /// Why it was retired.
    pub retired_reason: Option<String>,
    /// The user's own replacement limit in uses.
    pub replace_after_uses: Option<u32>,
    /// The user's own replacement limit in days.
    pub replace_after_days: Option<u32>,
    /// When it was added.
    pub added_at: Moment,
}

/// Where a device stands against its replacement limit.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Replacement {
    /// The limit in uses of one head.
    pub max_uses: u32,
    /// The limit in days from the head's first use.
    pub max_days: u32,
    /// Uses left before the limit.
    pub uses_left: u32,
    /// The local date the day limit is reached.
    pub due_by: Option<CalendarDate>,
    /// True when it should be replaced before its next use.
    pub due: bool,
    /// Why it is due, in plain words.
    pub reason: Option<String>,
    /// The id of the rule that set the limit: look its
    /// source up with `rule_source(rule_id)` or in `rule_sources()`.
    pub rule_id: String,
}

/// A device and what the log says about it now.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct DeviceOverview {
    /// The device.
    pub device: Device,
    /// Sessions with its current head.
    pub uses: u32,
    /// Sessions with it in all.
    pub total_uses: u32,
    /// The local date its current head came into use.
    pub head_started: Option<CalendarDate>,
    /// Its replacement status.
    pub replacement: Replacement,
    /// Whether it was cleaned adequately since its last use.
    pub cleaning: CleaningState,
    /// True when clean for its next use (never "sterile").
    pub clean_for_next_use: bool,
    /// When it was last used.
    pub last_used_at: Option<Moment>,
}

/// One change to a device after it was added.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct DeviceChange {
    /// When it was made.
    pub at: Moment,
    /// What changed: `damaged`, `shared`, `retired`, `replacement_limits`, `head_changed`.
    pub change: String,
    /// The new value, in plain words.
    pub detail: String,
}

impl NewDevice {
    pub(crate) fn into_core(self) -> Result<core::NewDevice, RollSafeError> {
        Ok(core::NewDevice {
            kind: self.kind,
            needle_length_mm: self.needle_length_mm,
            needle_length_max_mm: self.needle_length_max_mm,
            needle_count: self.needle_count,
            material: self.material,
            nickname: self.nickname,
            brand: self.brand,
            first_use_date: optional_date(self.first_use_date, "first_use_date")?,
            shared: self.shared,
        })
    }
}

impl From<core::Device> for Device {
    fn from(device: core::Device) -> Self {
        let (retired_at, retired_reason) = match device.status {
            core::DeviceStatus::Active => (None, None),
            core::DeviceStatus::Retired { at, reason } => (Some(at.into()), Some(reason)),
        };
        Device {
            id: device.id.to_string(),
            kind: device.kind,
            needle_length_mm: device.needle_length_mm,
            needle_length_max_mm: device.needle_length_max_mm,
            needle_count: device.needle_count,
            material: device.material,
            nickname: device.nickname,
            brand: device.brand,
            first_use_date: device.first_use_date.map(CalendarDate::from),
            shared: device.shared,
            damaged: device.damaged,
            retired_at,
            retired_reason,
            replace_after_uses: device.replace_after_uses,
            replace_after_days: device.replace_after_days,
            added_at: device.added_at.into(),
        }
    }
}

impl From<core::wear::Replacement> for Replacement {
    fn from(r: core::wear::Replacement) -> Self {
        Replacement {
            max_uses: r.max_uses,
            max_days: r.max_days,
            uses_left: r.uses_left,
            due_by: r.due_by.map(CalendarDate::from),
            due: r.due,
            reason: r.reason,
            rule_id: r.source.rule_id.to_owned(),
        }
    }
}

impl From<core::DeviceOverview> for DeviceOverview {
    fn from(o: core::DeviceOverview) -> Self {
        DeviceOverview {
            clean_for_next_use: o.clean_for_next_use(),
            uses: o.wear.uses,
            total_uses: o.wear.total_uses,
            head_started: o.wear.head_started.map(CalendarDate::from),
            replacement: o.replacement.into(),
            cleaning: o.cleaning,
            last_used_at: o.last_used_at.map(Moment::from),
            device: o.device.into(),
        }
    }
}

impl From<core::store::DeviceChange> for DeviceChange {
    fn from(c: core::store::DeviceChange) -> Self {
        DeviceChange {
            at: c.at.into(),
            change: c.change,
            detail: c.detail,
        }
    }
}
