//! A session: one use of one device on one or more body zones.
//!
//! Sessions are the log itself. Each keeps the user's UTC offset so its local
//! calendar date never changes, the moment it was entered so a back-dated
//! entry shows as such, and any blocker the user chose to override, so the
//! log shows the user decided to proceed.

use crate::device::{Device, NEEDLE_LENGTH_RANGE_MM};
use crate::error::{Error, Result};
use crate::ids::{DeviceId, SessionId};
use crate::product::{self, Product};
use crate::time::{self, Moment};
use crate::validate;
use crate::zone::{self, BodyZone};

/// The most passes over a zone RollSafe accepts in one session.
pub const MAX_PASSES: u32 = 50;

/// The user's answers to the checks before a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PreChecks {
    /// The device was cleaned right before use.
    pub device_cleaned: bool,
    /// The skin was washed and is clean.
    pub skin_clean: bool,
    /// An active breakout (acne, a flare) in a zone.
    pub active_breakout: bool,
    /// A cold sore in or near a zone.
    pub cold_sore: bool,
    /// An open wound or broken skin in a zone.
    pub open_wound: bool,
    /// Sunburn in a zone.
    pub sunburn: bool,
}

impl PreChecks {
    /// Every check passed: cleaned, clean skin, nothing active.
    pub const ALL_CLEAR: PreChecks = PreChecks {
        device_cleaned: true,
        skin_clean: true,
        active_breakout: false,
        cold_sore: false,
        open_wound: false,
        sunburn: false,
    };
}

/// A session the user is about to start: what the verdict is computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionPlan {
    /// The device to use.
    pub device_id: DeviceId,
    /// The zones to treat.
    pub zones: Vec<BodyZone>,
    /// The needle length to use; required for an adjustable pen, otherwise
    /// `None` (the device's length).
    pub needle_length_mm: Option<f64>,
    /// Products to apply before and after.
    pub products: Vec<Product>,
    /// The user's pre-session checks.
    pub pre_checks: PreChecks,
}

/// What the user enters to record a session.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSession {
    /// What was done, as planned.
    pub plan: SessionPlan,
    /// When the session took place, with the user's offset then.
    pub at: Moment,
    /// Passes over each zone, if counted.
    pub passes: Option<u32>,
    /// Pain felt, 0 (none) to 10 (worst), if given.
    pub pain: Option<u8>,
    /// Free-text notes.
    pub notes: Option<String>,
}

/// A plan after validation against its device: what the rules read.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidPlan {
    /// The zones, sorted, each once.
    pub zones: Vec<BodyZone>,
    /// The needle length that will be used.
    pub needle_length_mm: f64,
    /// The products, with names trimmed.
    pub products: Vec<Product>,
    /// The pre-checks as answered.
    pub pre_checks: PreChecks,
}

impl SessionPlan {
    /// Checks every field against the device it names.
    pub fn validated(&self, device: &Device) -> Result<ValidPlan> {
        Ok(ValidPlan {
            zones: zone::validate_zones("zones", &self.zones)?,
            needle_length_mm: needle_length_used(device, self.needle_length_mm)?,
            products: product::validate_products(&self.products)?,
            pre_checks: self.pre_checks,
        })
    }
}

/// The needle length a session uses: the one given, which must lie within an
/// adjustable pen's range, or the device's fixed length.
fn needle_length_used(device: &Device, given: Option<f64>) -> Result<f64> {
    let Some(length) = given else {
        if device.is_adjustable() {
            return Err(Error::invalid(
                "needle_length_mm",
                "an adjustable pen needs the length used",
            ));
        }
        return Ok(device.needle_length_mm);
    };
    let length = validate::millimetres("needle_length_mm", length, NEEDLE_LENGTH_RANGE_MM)?;
    let range = device.needle_length_mm..=device.longest_needle_mm();
    if !range.contains(&length) {
        // The device's lengths are the user's too: not repeated here.
        return Err(Error::invalid(
            "needle_length_mm",
            "must be the device's needle length (for an adjustable pen, within its range)",
        ));
    }
    Ok(length)
}

/// The details of a session beyond its plan, validated.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ValidDetails {
    pub at: Moment,
    pub passes: Option<u32>,
    pub pain: Option<u8>,
    pub notes: Option<String>,
}

impl NewSession {
    /// Checks the fields beyond the plan.
    pub(crate) fn validated_details(&self) -> Result<ValidDetails> {
        Ok(ValidDetails {
            at: time::check_plausible("at", self.at)?,
            passes: self
                .passes
                .map(|p| validate::within("passes", p, 1..=MAX_PASSES))
                .transpose()?,
            pain: self
                .pain
                .map(|p| validate::within("pain", p, 0..=10))
                .transpose()?,
            notes: validate::note("notes", self.notes.as_deref())?,
        })
    }
}

/// A blocker the user saw and chose to override, kept with the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Override {
    /// The blocker's stable code.
    pub code: String,
    /// The message the user was shown.
    pub message: String,
}

/// A recorded session.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// Its stable id.
    pub id: SessionId,
    /// The device used.
    pub device_id: DeviceId,
    /// When it took place, with the user's offset then.
    pub at: Moment,
    /// The zones treated, sorted.
    pub zones: Vec<BodyZone>,
    /// The needle length used, in millimetres.
    pub needle_length_mm: f64,
    /// Products applied before and after.
    pub products: Vec<Product>,
    /// The user's pre-session checks.
    pub pre_checks: PreChecks,
    /// Passes over each zone, if counted.
    pub passes: Option<u32>,
    /// Pain, 0 to 10, if given.
    pub pain: Option<u8>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Blockers the user overrode to record it.
    pub overrides: Vec<Override>,
    /// When it was first entered into the log.
    pub recorded_at: Moment,
    /// 0 as recorded, then one more for each edit.
    pub revision: u32,
    /// When this revision was saved.
    pub saved_at: Moment,
}

/// Every version of a session, and its deletion if it was deleted.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionHistory {
    /// The versions, oldest first: as recorded, then each edit.
    pub versions: Vec<Session>,
    /// When it was deleted, if it was.
    pub deleted_at: Option<Moment>,
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::device::{DeviceKind, DeviceStatus, NeedleMaterial};

    fn pen() -> Device {
        Device {
            id: DeviceId::random(),
            kind: DeviceKind::Pen,
            needle_length_mm: 0.25,
            needle_length_max_mm: Some(1.0),
            needle_count: None,
            material: NeedleMaterial::Titanium,
            nickname: "Pen".into(),
            brand: None,
            first_use_date: None,
            shared: false,
            damaged: false,
            status: DeviceStatus::Active,
            replace_after_uses: None,
            replace_after_days: None,
            added_at: DateTime::parse_from_rfc3339("2026-01-01T10:00:00Z").unwrap(),
        }
    }

    #[test]
    fn a_pen_needs_a_length_within_its_range() {
        let device = pen();
        assert!(needle_length_used(&device, None).is_err());
        assert!(needle_length_used(&device, Some(1.5)).is_err());
        assert_eq!(needle_length_used(&device, Some(0.5)).unwrap(), 0.5);
    }

    #[test]
    fn a_fixed_device_uses_its_own_length() {
        let mut device = pen();
        device.needle_length_max_mm = None;
        assert_eq!(needle_length_used(&device, None).unwrap(), 0.25);
        assert!(needle_length_used(&device, Some(0.5)).is_err());
    }
}
