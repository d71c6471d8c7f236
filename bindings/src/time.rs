//! Moments and calendar dates across the boundary.
//!
//! An instant crosses as `SystemTime` (Kotlin `java.time.Instant`, Swift
//! `Date`) together with the user's UTC offset at that instant, which the
//! core needs to count local calendar days. Dates cross as plain records that
//! map directly onto `java.time.LocalDate` and `DateComponents`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{Datelike, NaiveDate};
use rollsafe_core::time as core_time;

use crate::error::RollSafeError;

/// An instant and the user's offset from UTC at that instant, in seconds east
/// of UTC (Kotlin: `ZoneOffset.totalSeconds`; Swift:
/// `TimeZone.secondsFromGMT(for:)`). Stored to the millisecond.
#[derive(Clone, Copy, Debug, PartialEq, uniffi::Record)]
pub struct Moment {
    /// The instant.
    pub instant: SystemTime,
    /// Seconds east of UTC, within ±18 hours.
    pub utc_offset_seconds: i32,
}

/// A date on the user's calendar, without a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Record)]
pub struct CalendarDate {
    /// The year, for example 2026.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
}

impl Moment {
    /// Converts to the core's moment, naming `field` if it is not plausible.
    pub(crate) fn to_core(self, field: &'static str) -> Result<core_time::Moment, RollSafeError> {
        let since_epoch =
            self.instant
                .duration_since(UNIX_EPOCH)
                .map_err(|_| RollSafeError::InvalidInput {
                    field: field.to_owned(),
                    reason: "instant is before 1970".to_owned(),
                })?;
        let millis = i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX);
        Ok(core_time::moment_from_parts(
            field,
            millis,
            self.utc_offset_seconds,
        )?)
    }
}

impl From<core_time::Moment> for Moment {
    fn from(moment: core_time::Moment) -> Self {
        // Stored moments lie between 2000 and 2199, so they are after 1970.
        let millis = u64::try_from(core_time::unix_millis(&moment)).unwrap_or(0);
        Moment {
            instant: UNIX_EPOCH + Duration::from_millis(millis),
            utc_offset_seconds: core_time::utc_offset_seconds(&moment),
        }
    }
}

impl CalendarDate {
    /// Converts to a core date, naming `field` if the date does not exist
    /// or lies outside the years a log records.
    pub(crate) fn to_core(self, field: &'static str) -> Result<NaiveDate, RollSafeError> {
        self.to_core_within(field, core_time::EARLIEST_YEAR)
    }

    /// Converts a date of birth, which may lie before the years a log
    /// records; the core checks it against today.
    pub(crate) fn to_core_birth_date(
        self,
        field: &'static str,
    ) -> Result<NaiveDate, RollSafeError> {
        self.to_core_within(field, rollsafe_core::identity::EARLIEST_BIRTH_DATE.year())
    }

    fn to_core_within(
        self,
        field: &'static str,
        earliest: i32,
    ) -> Result<NaiveDate, RollSafeError> {
        NaiveDate::from_ymd_opt(self.year, self.month, self.day)
            .filter(|d| (earliest..=core_time::LATEST_YEAR).contains(&d.year()))
            .ok_or_else(|| RollSafeError::InvalidInput {
                field: field.to_owned(),
                // The date may be health data (when a medicine was
                // stopped): the message names the rule, not the date.
                reason: format!(
                    "must be a real calendar date in the years {earliest} to {}",
                    core_time::LATEST_YEAR
                ),
            })
    }
}

/// Converts an optional date to the core, naming `field` if invalid.
pub(crate) fn optional_date(
    date: Option<CalendarDate>,
    field: &'static str,
) -> Result<Option<NaiveDate>, RollSafeError> {
    date.map(|d| d.to_core(field)).transpose()
}

impl From<NaiveDate> for CalendarDate {
    fn from(date: NaiveDate) -> Self {
        CalendarDate {
            year: date.year(),
            month: date.month(),
            day: date.day(),
        }
    }
}
