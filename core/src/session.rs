//! A session: one use of one device on one or more body zones.
//!
//! Sessions are the log itself. Each keeps the user's UTC offset so its local
//! calendar date never changes, and the moment it was entered so that a
//! back-dated entry is visible as such in the dermatologist's report.

use crate::device::{Device, NEEDLE_LENGTH_RANGE_MM};
use crate::error::Result;
use crate::ids::{DeviceId, SessionId};
use crate::time::{self, Moment};
use crate::validate;
use crate::zone::{self, BodyZone};

/// What the user enters to record a session.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSession {
    /// The device used.
    pub device_id: DeviceId,
    /// When the session took place, with the user's offset then.
    pub at: Moment,
    /// The zones treated: at least one, each at most once.
    pub zones: Vec<BodyZone>,
    /// The needle length actually used, for adjustable pens; `None` means the
    /// device's own length.
    pub needle_length_mm: Option<f64>,
}

/// A session after validation, ready to be stored.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ValidSession {
    pub at: Moment,
    pub zones: Vec<BodyZone>,
    pub needle_length_mm: f64,
}

impl NewSession {
    /// Checks every field against the device it names.
    pub(crate) fn validated(&self, device: &Device) -> Result<ValidSession> {
        let needle_length_mm = match self.needle_length_mm {
            Some(length) => {
                validate::millimetres("needle_length_mm", length, NEEDLE_LENGTH_RANGE_MM)?
            }
            None => device.needle_length_mm,
        };
        Ok(ValidSession {
            at: time::check_plausible("at", self.at)?,
            zones: zone::validate_zones("zones", &self.zones)?,
            needle_length_mm,
        })
    }
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
    /// When it was entered into the log.
    pub recorded_at: Moment,
}
