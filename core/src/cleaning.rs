//! Cleaning a device between uses.
//!
//! Home cleaning (a soak in 70% isopropyl alcohol) disinfects; it does not make
//! a device fit to enter sterile tissue (CDC, Spaulding classification;
//! domain reference 2.3). RollSafe therefore speaks of a device being "clean
//! for next use" after an adequate cleaning logged since its last session, and
//! never of it being anything more.

use crate::error::{Error, Result};
use crate::ids::{CleaningId, DeviceId};
use crate::time::{self, Moment};
use crate::validate;

/// How a device was cleaned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CleaningMethod {
    /// Soaked in 70% isopropyl alcohol (give the minutes).
    IsopropylSoak,
    /// Soaked in another alcohol solution (give the minutes).
    OtherAlcoholSoak,
    /// Rinsed with soap and water only.
    SoapAndWater,
    /// Another method.
    Other,
}

crate::codes::stable_codes!(CleaningMethod {
    IsopropylSoak => "isopropyl_soak",
    OtherAlcoholSoak => "other_alcohol_soak",
    SoapAndWater => "soap_and_water",
    Other => "other",
});

impl CleaningMethod {
    /// True for the methods that are a soak and so need a duration.
    pub fn is_soak(self) -> bool {
        matches!(
            self,
            CleaningMethod::IsopropylSoak | CleaningMethod::OtherAlcoholSoak
        )
    }
}

/// The longest soak RollSafe accepts, in minutes (a day).
pub const MAX_SOAK_MINUTES: u32 = 24 * 60;

/// What the user enters after cleaning a device.
#[derive(Clone, Debug, PartialEq)]
pub struct NewCleaning {
    /// The device cleaned.
    pub device_id: DeviceId,
    /// When it was cleaned.
    pub at: Moment,
    /// How.
    pub method: CleaningMethod,
    /// For soaks, how long, in minutes; must be absent for other methods.
    pub soak_minutes: Option<u32>,
}

impl NewCleaning {
    /// Checks the fields: a soak names its minutes, other methods do not.
    pub fn validated(self) -> Result<Self> {
        let soak_minutes = match (self.method.is_soak(), self.soak_minutes) {
            (true, Some(minutes)) => Some(validate::within(
                "soak_minutes",
                minutes,
                1..=MAX_SOAK_MINUTES,
            )?),
            (true, None) => {
                return Err(Error::invalid("soak_minutes", "a soak needs its duration"));
            }
            (false, Some(_)) => {
                return Err(Error::invalid("soak_minutes", "only a soak has a duration"));
            }
            (false, None) => None,
        };
        Ok(Self {
            at: time::check_plausible("at", self.at)?,
            soak_minutes,
            ..self
        })
    }
}

/// Where a cleaning falls relative to the device's sessions, derived from
/// the log rather than asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CleaningTiming {
    /// The first cleaning after a session (within a day of it).
    AfterUse,
    /// The last cleaning before a session (within a day of it).
    BeforeUse,
    /// Both: between two sessions close together.
    AfterAndBeforeUse,
    /// Neither.
    Standalone,
}

/// A recorded cleaning.
#[derive(Clone, Debug, PartialEq)]
pub struct Cleaning {
    /// Its stable id.
    pub id: CleaningId,
    /// The device cleaned.
    pub device_id: DeviceId,
    /// When.
    pub at: Moment,
    /// How.
    pub method: CleaningMethod,
    /// For soaks, the minutes.
    pub soak_minutes: Option<u32>,
    /// When it was entered.
    pub recorded_at: Moment,
}

/// How close to a session a cleaning must be to count as before or after it.
pub const TIMING_WINDOW: chrono::TimeDelta = chrono::TimeDelta::hours(24);

/// Classifies each cleaning (instants, ascending) against the device's
/// sessions (instants, ascending): the first cleaning within a day after a
/// session is its after-use cleaning; the last within a day before a session
/// is its before-use cleaning.
pub fn classify_timings(cleanings: &[Moment], sessions: &[Moment]) -> Vec<CleaningTiming> {
    cleanings
        .iter()
        .enumerate()
        .map(|(i, at)| {
            let previous_cleaning = i.checked_sub(1).and_then(|p| cleanings.get(p));
            let next_cleaning = cleanings.get(i + 1);
            let session_before = sessions.iter().rev().find(|s| *s <= at);
            let session_after = sessions.iter().find(|s| *s > at);
            let after_use = session_before.is_some_and(|s| {
                *at - *s <= TIMING_WINDOW && previous_cleaning.is_none_or(|p| p < s)
            });
            let before_use = session_after
                .is_some_and(|s| *s - *at <= TIMING_WINDOW && next_cleaning.is_none_or(|n| n >= s));
            match (after_use, before_use) {
                (true, true) => CleaningTiming::AfterAndBeforeUse,
                (true, false) => CleaningTiming::AfterUse,
                (false, true) => CleaningTiming::BeforeUse,
                (false, false) => CleaningTiming::Standalone,
            }
        })
        .collect()
}

/// A cleaning with where it falls around the device's sessions.
#[derive(Clone, Debug, PartialEq)]
pub struct CleaningEntry {
    /// The cleaning.
    pub cleaning: Cleaning,
    /// Before use, after use, both or neither.
    pub timing: CleaningTiming,
    /// True when it counts as adequate for the next use.
    pub adequate: bool,
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    fn at(text: &str) -> Moment {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn cleanings_are_placed_around_sessions() {
        let sessions = [at("2026-03-01T21:00:00Z"), at("2026-03-08T21:00:00Z")];
        let cleanings = [
            at("2026-03-01T20:30:00Z"), // before the first session
            at("2026-03-01T21:30:00Z"), // after it
            at("2026-03-01T23:00:00Z"), // a second one after it: standalone
            at("2026-03-05T12:00:00Z"), // mid-week: standalone
            at("2026-03-08T20:40:00Z"), // before the second session
        ];
        assert_eq!(
            classify_timings(&cleanings, &sessions),
            vec![
                CleaningTiming::BeforeUse,
                CleaningTiming::AfterUse,
                CleaningTiming::Standalone,
                CleaningTiming::Standalone,
                CleaningTiming::BeforeUse,
            ]
        );
    }

    #[test]
    fn one_cleaning_between_close_sessions_counts_for_both() {
        let sessions = [at("2026-03-01T08:00:00Z"), at("2026-03-01T20:00:00Z")];
        let cleanings = [at("2026-03-01T09:00:00Z")];
        assert_eq!(
            classify_timings(&cleanings, &sessions),
            vec![CleaningTiming::AfterAndBeforeUse]
        );
    }

    fn soak(minutes: Option<u32>) -> NewCleaning {
        NewCleaning {
            device_id: DeviceId::random(),
            at: DateTime::parse_from_rfc3339("2026-03-01T22:00:00+01:00").unwrap(),
            method: CleaningMethod::IsopropylSoak,
            soak_minutes: minutes,
        }
    }

    #[test]
    fn a_soak_needs_its_minutes() {
        assert!(soak(Some(10)).validated().is_ok());
        for bad in [None, Some(0), Some(MAX_SOAK_MINUTES + 1)] {
            assert!(matches!(
                soak(bad).validated(),
                Err(Error::InvalidInput {
                    field: "soak_minutes",
                    ..
                })
            ));
        }
    }

    #[test]
    fn a_rinse_has_no_minutes() {
        let rinse = NewCleaning {
            method: CleaningMethod::SoapAndWater,
            ..soak(Some(5))
        };
        assert!(rinse.validated().is_err());
    }
}
