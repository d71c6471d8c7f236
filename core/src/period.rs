//! The stretch of the log an export covers, in the user's local calendar days.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::time::{EARLIEST_YEAR, LATEST_YEAR, Moment, local_date};
use chrono::Datelike;

/// A run of local calendar days, both ends included. An event belongs to it
/// when its local date (in the offset the user lived in at that moment) falls
/// within: a session at 23:30 on the last day is in, whatever the time zone
/// of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

impl Period {
    /// The days from `from` to `to`, both included. Fails when `to` comes
    /// before `from`, or either lies outside the years RollSafe accepts.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self> {
        for (field, date) in [("period.from", from), ("period.to", to)] {
            if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
                return Err(Error::invalid(
                    field,
                    format!("must be a date in the years {EARLIEST_YEAR} to {LATEST_YEAR}"),
                ));
            }
        }
        if to < from {
            return Err(Error::invalid("period.to", "comes before period.from"));
        }
        Ok(Self { from, to })
    }

    /// Every day RollSafe can record: the whole log.
    pub fn everything() -> Self {
        Self {
            from: NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN),
            to: NaiveDate::from_ymd_opt(LATEST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The first day included.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day included.
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// Whether the local date of `moment` falls within the period.
    pub fn contains(&self, moment: &Moment) -> bool {
        self.contains_date(local_date(moment))
    }

    /// Whether `date` falls within the period.
    pub fn contains_date(&self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }

    /// Refuses, naming `period.from`, a period that starts after the local
    /// day of `now`: there is nothing to report in it yet, and a report of
    /// it would show the future as if it were the record.
    pub fn check_started_by(&self, now: &Moment) -> Result<()> {
        if self.from > local_date(now) {
            return Err(Error::invalid("period.from", "is after today"));
        }
        Ok(())
    }

    /// How many days the period spans, both ends counted.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn both_ends_are_included_by_local_date() {
        let period = Period::new(date(2026, 3, 1), date(2026, 3, 31)).unwrap();
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        // 23:30 on 31 March in Tokyo is still 31 March there: inside.
        let late = tokyo.with_ymd_and_hms(2026, 3, 31, 23, 30, 0).unwrap();
        assert!(period.contains(&late));
        // 00:10 on 1 April in Tokyo is 31 March in UTC, but the user's day is April.
        let after = tokyo.with_ymd_and_hms(2026, 4, 1, 0, 10, 0).unwrap();
        assert!(!period.contains(&after));
        assert_eq!(period.days(), 31);
    }

    #[test]
    fn a_reversed_or_implausible_period_names_its_field() {
        let reversed = Period::new(date(2026, 3, 2), date(2026, 3, 1)).unwrap_err();
        assert!(reversed.to_string().contains("period.to"), "{reversed}");
        let ancient = Period::new(date(1999, 12, 31), date(2026, 1, 1)).unwrap_err();
        assert!(ancient.to_string().contains("period.from"), "{ancient}");
    }

    #[test]
    fn a_period_may_start_today_in_the_user_s_offset_but_not_later() {
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        // 00:30 on 1 March in Tokyo: still 28 February in UTC.
        let now = tokyo.with_ymd_and_hms(2026, 3, 1, 0, 30, 0).unwrap();
        let today = Period::new(date(2026, 3, 1), date(2026, 3, 31)).unwrap();
        assert!(today.check_started_by(&now).is_ok());
        let tomorrow = Period::new(date(2026, 3, 2), date(2026, 3, 31)).unwrap();
        let refused = tomorrow.check_started_by(&now).unwrap_err();
        assert!(refused.to_string().contains("period.from"), "{refused}");
        assert!(Period::everything().check_started_by(&now).is_ok());
    }

    #[test]
    fn everything_spans_every_recordable_day() {
        let all = Period::everything();
        assert!(all.contains_date(date(EARLIEST_YEAR, 1, 1)));
        assert!(all.contains_date(date(LATEST_YEAR, 12, 31)));
    }
}
