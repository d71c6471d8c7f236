//! The devices a user owns: rollers, stamps and pens.
//!
//! A device's needle length drives the rest interval, and every session names
//! the device it used, so devices are the first thing a user records.

use crate::error::Result;
use crate::ids::DeviceId;
use crate::time::Moment;
use crate::validate;

/// The shortest and longest needles RollSafe accepts, in millimetres. Home
/// devices are 0.2 to 1 mm; clinical ones reach 3 mm (domain reference 2.2).
pub const NEEDLE_LENGTH_RANGE_MM: std::ops::RangeInclusive<f64> = 0.1..=3.0;

/// The form of a microneedling device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeviceKind {
    /// A derma roller.
    Roller,
    /// A derma stamp.
    Stamp,
    /// A motorised pen.
    Pen,
    /// A roller made for the scalp.
    ScalpRoller,
    /// Anything else.
    Other,
}

impl DeviceKind {
    /// Every kind, in display order.
    pub const ALL: [DeviceKind; 5] = [
        DeviceKind::Roller,
        DeviceKind::Stamp,
        DeviceKind::Pen,
        DeviceKind::ScalpRoller,
        DeviceKind::Other,
    ];

    /// The stable code used in storage and exports.
    pub fn code(self) -> &'static str {
        match self {
            DeviceKind::Roller => "roller",
            DeviceKind::Stamp => "stamp",
            DeviceKind::Pen => "pen",
            DeviceKind::ScalpRoller => "scalp_roller",
            DeviceKind::Other => "other",
        }
    }

    /// Parses a stable code; `None` if unknown.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// What the user enters to add a device.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDevice {
    /// The form of the device.
    pub kind: DeviceKind,
    /// Needle length in millimetres.
    pub needle_length_mm: f64,
    /// The user's name for it, for example "Face roller".
    pub nickname: String,
}

impl NewDevice {
    /// Checks every field and returns the cleaned value.
    pub fn validated(self) -> Result<Self> {
        Ok(Self {
            kind: self.kind,
            needle_length_mm: validate::millimetres(
                "needle_length_mm",
                self.needle_length_mm,
                NEEDLE_LENGTH_RANGE_MM,
            )?,
            nickname: validate::label("nickname", &self.nickname)?,
        })
    }
}

/// A recorded device.
#[derive(Clone, Debug, PartialEq)]
pub struct Device {
    /// Its stable id.
    pub id: DeviceId,
    /// The form of the device.
    pub kind: DeviceKind,
    /// Needle length in millimetres.
    pub needle_length_mm: f64,
    /// The user's name for it.
    pub nickname: String,
    /// When it was added to the log.
    pub added_at: Moment,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn roller(length: f64) -> NewDevice {
        NewDevice {
            kind: DeviceKind::Roller,
            needle_length_mm: length,
            nickname: "Face roller".into(),
        }
    }

    #[test]
    fn kind_codes_round_trip() {
        for kind in DeviceKind::ALL {
            assert_eq!(DeviceKind::from_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn a_plausible_device_is_accepted() {
        assert_eq!(roller(0.25).validated().unwrap().needle_length_mm, 0.25);
    }

    #[test]
    fn implausible_needles_name_the_field() {
        for length in [f64::NAN, -1.0, 0.0, 0.05, 3.01, f64::NEG_INFINITY] {
            let err = roller(length).validated().unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::InvalidInput {
                        field: "needle_length_mm",
                        ..
                    }
                ),
                "{length}: {err}"
            );
        }
    }
}
