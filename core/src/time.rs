//! Time as the core sees it: an instant plus the user's UTC offset at that moment.
//!
//! The core never reads the clock; every operation that depends on "now" takes
//! it as an argument, so the same log and the same `now` always give the same
//! answer. Each recorded event keeps the offset the user was living in when it
//! happened, because rest intervals count *local calendar days*: a session on
//! Sunday at 21:00 makes seven days pass on the next Sunday, whatever the hour,
//! even if the user crossed time zones or a DST change in between.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone};

use crate::error::{Error, Result};

/// An instant with the user's UTC offset at that instant.
pub type Moment = DateTime<FixedOffset>;

/// The widest UTC offset accepted: real offsets lie within ±14 h; ISO 8601
/// and `java.time` allow ±18 h, and so do we.
pub const MAX_UTC_OFFSET_SECONDS: i32 = 18 * 3600;

/// The earliest year an event may be recorded in.
pub const EARLIEST_YEAR: i32 = 2000;

/// The latest year an event may be recorded in.
pub const LATEST_YEAR: i32 = 2199;

/// Builds a moment from milliseconds since the Unix epoch and an offset in
/// seconds east of UTC, checking both are plausible.
pub fn moment_from_parts(
    field: &'static str,
    unix_millis: i64,
    utc_offset_seconds: i32,
) -> Result<Moment> {
    // `unsigned_abs`, not `abs`: `i32::MIN.abs()` overflows.
    if utc_offset_seconds.unsigned_abs() > MAX_UTC_OFFSET_SECONDS.unsigned_abs() {
        return Err(Error::invalid(
            field,
            format!("UTC offset of {utc_offset_seconds} s is beyond ±18 h"),
        ));
    }
    let offset = FixedOffset::east_opt(utc_offset_seconds)
        .ok_or_else(|| Error::invalid(field, "UTC offset is out of range"))?;
    let moment = offset
        .timestamp_millis_opt(unix_millis)
        .single()
        .ok_or_else(|| Error::invalid(field, "instant is out of range"))?;
    check_plausible(field, moment)
}

/// Checks that a moment lies in the years RollSafe accepts, with an offset
/// of whole minutes within ±18 h, and drops any precision below the
/// millisecond, which is what storage keeps.
///
/// Offsets with seconds (local mean time, before 1900) cannot be written in
/// RFC 3339, so the backup could not give them back: they are refused.
pub fn check_plausible(field: &'static str, moment: Moment) -> Result<Moment> {
    let offset = moment.offset().local_minus_utc();
    if offset.unsigned_abs() > MAX_UTC_OFFSET_SECONDS.unsigned_abs() {
        return Err(Error::invalid(field, "UTC offset is beyond ±18 h"));
    }
    if offset % 60 != 0 {
        return Err(Error::invalid(
            field,
            "UTC offset is not a whole number of minutes",
        ));
    }
    let year = moment.year();
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
        return Err(Error::invalid(
            field,
            format!("year {year} is outside {EARLIEST_YEAR} to {LATEST_YEAR}"),
        ));
    }
    moment_from_millis(moment.timestamp_millis(), *moment.offset())
        .ok_or_else(|| Error::invalid(field, "instant is out of range"))
}

/// How far ahead of the moment it is entered an event may be dated, to
/// allow for clocks that disagree slightly.
pub const FUTURE_TOLERANCE: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// Refuses an event dated later than the moment it is entered (beyond
/// [`FUTURE_TOLERANCE`]): the log records what happened, not what is planned.
///
/// `entered` is the `now` of the call that records the event, which the log
/// keeps with it (`recorded_at`, `saved_at`). The import of a backup applies
/// this same check against that kept moment, never against the moment of
/// the import: a record made while the phone's clock ran ahead was right by
/// that clock, and its backup must still restore once the clock is put right.
pub fn check_not_after(field: &'static str, at: &Moment, entered: &Moment) -> Result<()> {
    if *at > *entered + FUTURE_TOLERANCE {
        return Err(Error::invalid(
            field,
            "is later than the moment it was entered",
        ));
    }
    Ok(())
}

/// Milliseconds since the Unix epoch: how instants are stored.
pub fn unix_millis(moment: &Moment) -> i64 {
    moment.timestamp_millis()
}

/// The offset in seconds east of UTC: how offsets are stored.
pub fn utc_offset_seconds(moment: &Moment) -> i32 {
    moment.offset().local_minus_utc()
}

/// The calendar date the user saw on their own clock at `moment`.
pub fn local_date(moment: &Moment) -> NaiveDate {
    moment.date_naive()
}

/// Whole local calendar days from `earlier` to `later` (negative if `later`
/// is before `earlier`).
pub fn calendar_days_between(earlier: NaiveDate, later: NaiveDate) -> i64 {
    (later - earlier).num_days()
}

fn moment_from_millis(unix_millis: i64, offset: FixedOffset) -> Option<Moment> {
    offset.timestamp_millis_opt(unix_millis).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Moment {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn local_date_uses_the_offset_of_the_event() {
        // 23:30 in New York is already the next day in UTC.
        let late_evening = at("2026-03-01T23:30:00-05:00");
        assert_eq!(local_date(&late_evening).to_string(), "2026-03-01");
    }

    #[test]
    fn days_between_counts_calendar_days_not_24h_periods() {
        let sunday_night = local_date(&at("2026-03-01T21:00:00+01:00"));
        let next_sunday_morning = local_date(&at("2026-03-08T06:00:00+01:00"));
        assert_eq!(calendar_days_between(sunday_night, next_sunday_morning), 7);
    }

    #[test]
    fn offsets_beyond_eighteen_hours_are_refused() {
        let err = moment_from_parts("now", 0, 18 * 3600 + 1).unwrap_err();
        assert!(matches!(err, Error::InvalidInput { field: "now", .. }));
        assert!(moment_from_parts("now", 1_800_000_000_000, -18 * 3600).is_ok());
        for extreme in [i32::MIN, i32::MAX, i32::MIN + 1] {
            let err = moment_from_parts("now", 1_800_000_000_000, extreme).unwrap_err();
            assert!(matches!(err, Error::InvalidInput { field: "now", .. }));
        }
    }

    #[test]
    fn offsets_with_seconds_are_refused() {
        let err = moment_from_parts("at", 1_800_000_000_000, 3630).unwrap_err();
        assert!(matches!(err, Error::InvalidInput { field: "at", .. }));
        assert!(moment_from_parts("at", 1_800_000_000_000, 5 * 3600 + 45 * 60).is_ok());
    }

    #[test]
    fn the_future_is_bounded_by_the_moment_of_entry() {
        let entered = at("2026-03-01T21:00:00+01:00");
        let edge = entered + FUTURE_TOLERANCE;
        assert!(check_not_after("at", &edge, &entered).is_ok());
        let beyond = edge + chrono::TimeDelta::milliseconds(1);
        let err = check_not_after("at", &beyond, &entered).unwrap_err();
        assert!(matches!(err, Error::InvalidInput { field: "at", .. }));
    }

    #[test]
    fn implausible_years_are_refused() {
        assert!(moment_from_parts("at", 0, 0).is_err(), "1970 is too early");
        assert!(moment_from_parts("at", i64::MAX, 0).is_err());
        assert!(moment_from_parts("at", 1_800_000_000_000, 3600).is_ok());
    }

    #[test]
    fn precision_below_a_millisecond_is_dropped() {
        let precise = at("2026-03-01T21:00:00.123456789+01:00");
        let kept = check_plausible("at", precise).unwrap();
        assert_eq!(kept.timestamp_subsec_nanos(), 123_000_000);
        assert_eq!(kept.offset(), precise.offset());
    }
}
