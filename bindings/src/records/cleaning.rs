//! Cleanings.

use rollsafe_core as core;

use crate::enums::{CleaningMethod, CleaningTiming};
use crate::error::RollSafeError;
use crate::time::Moment;

/// What the user enters after cleaning a device.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct NewCleaning {
    /// The id of the device cleaned.
    pub device_id: String,
    /// When it was cleaned.
    pub at: Moment,
    /// How.
    pub method: CleaningMethod,
    /// For soaks, the minutes (1 to 1,440); `null`/`nil` otherwise.
    #[uniffi(default = None)]
    pub soak_minutes: Option<u32>,
}

/// A recorded cleaning.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Cleaning {
    /// Its stable id (a UUID).
    pub id: String,
    /// The id of the device cleaned.
    pub device_id: String,
    /// When.
    pub at: Moment,
    /// How.
    pub method: CleaningMethod,
    /// For soaks, the minutes.
    pub soak_minutes: Option<u32>,
    /// When it was entered.
    pub recorded_at: Moment,
}

/// A cleaning with where it falls around the device's sessions.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct CleaningEntry {
    /// The cleaning.
    pub cleaning: Cleaning,
    /// Before use, after use, both or neither (derived from timing).
    pub timing: CleaningTiming,
    /// True when it counts as adequate for the next use.
    pub adequate: bool,
}

impl NewCleaning {
    pub(crate) fn into_core(self) -> Result<core::NewCleaning, RollSafeError> {
        Ok(core::NewCleaning {
            device_id: core::DeviceId::parse("device_id", &self.device_id)?,
            at: self.at.to_core("at")?,
            method: self.method,
            soak_minutes: self.soak_minutes,
        })
    }
}

impl From<core::Cleaning> for Cleaning {
    fn from(c: core::Cleaning) -> Self {
        Cleaning {
            id: c.id.to_string(),
            device_id: c.device_id.to_string(),
            at: c.at.into(),
            method: c.method,
            soak_minutes: c.soak_minutes,
            recorded_at: c.recorded_at.into(),
        }
    }
}

impl From<core::CleaningEntry> for CleaningEntry {
    fn from(e: core::CleaningEntry) -> Self {
        CleaningEntry {
            cleaning: e.cleaning.into(),
            timing: e.timing,
            adequate: e.adequate,
        }
    }
}
