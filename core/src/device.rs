//! The devices a user owns: rollers, stamps and pens.
//!
//! A device's needle length drives the rest interval and its wear drives
//! replacement, so devices are the first thing a user records. Use counts and
//! age are derived from the log, never typed in.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::ids::DeviceId;
use crate::time::Moment;
use crate::validate;

/// The shortest and longest needles RollSafe accepts, in millimetres. Home
/// devices are 0.2 to 1 mm; clinical ones reach 3 mm (domain reference 2.2).
pub const NEEDLE_LENGTH_RANGE_MM: std::ops::RangeInclusive<f64> = 0.1..=3.0;

/// The most needles a device head may have (rollers carry about 200 to 1,000).
pub const MAX_NEEDLE_COUNT: u32 = 5_000;

/// The form of a microneedling device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeviceKind {
    /// A derma roller.
    Roller,
    /// A derma stamp.
    Stamp,
    /// A motorised pen with needle cartridges.
    Pen,
    /// A roller made for the scalp.
    ScalpRoller,
    /// Anything else.
    Other,
}

crate::codes::stable_codes!(DeviceKind {
    Roller => "roller",
    Stamp => "stamp",
    Pen => "pen",
    ScalpRoller => "scalp_roller",
    Other => "other",
});

/// What the needles are made of; it matters for nickel allergy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NeedleMaterial {
    /// Titanium.
    Titanium,
    /// Stainless steel (surgical 316L holds 10-14% nickel).
    StainlessSteel,
    /// Another material, or not known.
    Unknown,
}

crate::codes::stable_codes!(NeedleMaterial {
    Titanium => "titanium",
    StainlessSteel => "stainless_steel",
    Unknown => "unknown",
});

/// What the user enters to add a device.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDevice {
    /// The form of the device.
    pub kind: DeviceKind,
    /// Needle length in millimetres; for an adjustable pen, the shortest
    /// setting.
    pub needle_length_mm: f64,
    /// For an adjustable pen, the longest setting; `None` for a fixed length.
    pub needle_length_max_mm: Option<f64>,
    /// How many needles, if known.
    pub needle_count: Option<u32>,
    /// What the needles are made of.
    pub material: NeedleMaterial,
    /// The user's name for it, for example "Face roller".
    pub nickname: String,
    /// The brand, if known.
    pub brand: Option<String>,
    /// The local date of first use, if it was used before it was logged.
    pub first_use_date: Option<NaiveDate>,
    /// True if someone else uses it too (never advisable).
    pub shared: bool,
}

impl NewDevice {
    /// A fixed-length device with every optional field empty.
    pub fn simple(kind: DeviceKind, needle_length_mm: f64, nickname: &str) -> Self {
        Self {
            kind,
            needle_length_mm,
            needle_length_max_mm: None,
            needle_count: None,
            material: NeedleMaterial::Unknown,
            nickname: nickname.to_owned(),
            brand: None,
            first_use_date: None,
            shared: false,
        }
    }

    /// Checks every field and returns the cleaned value.
    pub fn validated(self) -> Result<Self> {
        let min = validate::millimetres(
            "needle_length_mm",
            self.needle_length_mm,
            NEEDLE_LENGTH_RANGE_MM,
        )?;
        let max = self
            .needle_length_max_mm
            .map(|max| validate::millimetres("needle_length_max_mm", max, NEEDLE_LENGTH_RANGE_MM))
            .transpose()?;
        if let Some(max) = max {
            if self.kind != DeviceKind::Pen {
                return Err(Error::invalid(
                    "needle_length_max_mm",
                    "only a pen has an adjustable needle length",
                ));
            }
            if max < min {
                return Err(Error::invalid(
                    "needle_length_max_mm",
                    "is shorter than needle_length_mm",
                ));
            }
        }
        Ok(Self {
            needle_length_mm: min,
            needle_length_max_mm: max.filter(|max| *max > min),
            needle_count: self
                .needle_count
                .map(|n| validate::within("needle_count", n, 1..=MAX_NEEDLE_COUNT))
                .transpose()?,
            nickname: validate::label("nickname", &self.nickname)?,
            brand: self
                .brand
                .as_deref()
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .map(|b| validate::label("brand", b))
                .transpose()?,
            ..self
        })
    }
}

/// Whether a device is still in use.
#[derive(Clone, Debug, PartialEq)]
pub enum DeviceStatus {
    /// In use.
    Active,
    /// Retired by the user.
    Retired {
        /// When.
        at: Moment,
        /// Why, in the user's words.
        reason: String,
    },
}

/// A recorded device.
#[derive(Clone, Debug, PartialEq)]
pub struct Device {
    /// Its stable id.
    pub id: DeviceId,
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
    /// The local date of first use given by the user, if any.
    pub first_use_date: Option<NaiveDate>,
    /// True if someone else uses it too.
    pub shared: bool,
    /// True once the user reported bent needles or a rough roll.
    pub damaged: bool,
    /// Active or retired.
    pub status: DeviceStatus,
    /// The user's own replacement limit in uses, replacing the default.
    pub replace_after_uses: Option<u32>,
    /// The user's own replacement limit in days, replacing the default.
    pub replace_after_days: Option<u32>,
    /// When it was added to the log.
    pub added_at: Moment,
}

impl Device {
    /// The longest needle this device can use, in millimetres.
    pub fn longest_needle_mm(&self) -> f64 {
        self.needle_length_max_mm.unwrap_or(self.needle_length_mm)
    }

    /// True for an adjustable pen.
    pub fn is_adjustable(&self) -> bool {
        self.needle_length_max_mm.is_some()
    }

    /// True while the device has not been retired.
    pub fn is_active(&self) -> bool {
        self.status == DeviceStatus::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roller(length: f64) -> NewDevice {
        NewDevice::simple(DeviceKind::Roller, length, "Face roller")
    }

    #[test]
    fn codes_round_trip() {
        for kind in DeviceKind::ALL {
            assert_eq!(DeviceKind::from_code(kind.code()), Some(kind));
        }
        for material in NeedleMaterial::ALL {
            assert_eq!(NeedleMaterial::from_code(material.code()), Some(material));
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

    #[test]
    fn only_pens_have_a_range_and_it_must_be_ordered() {
        let mut ranged_roller = roller(0.25);
        ranged_roller.needle_length_max_mm = Some(0.5);
        assert!(ranged_roller.validated().is_err());
        let mut pen = NewDevice::simple(DeviceKind::Pen, 1.0, "Pen");
        pen.needle_length_max_mm = Some(0.5);
        assert!(matches!(
            pen.clone().validated(),
            Err(Error::InvalidInput {
                field: "needle_length_max_mm",
                ..
            })
        ));
        pen.needle_length_mm = 0.25;
        assert_eq!(pen.validated().unwrap().needle_length_max_mm, Some(0.5));
    }

    #[test]
    fn an_empty_brand_is_no_brand() {
        let mut device = roller(0.25);
        device.brand = Some("  ".into());
        assert_eq!(device.validated().unwrap().brand, None);
    }
}
