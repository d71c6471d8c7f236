//! The days a report covers: the chosen period, narrowed to the days the log
//! has anything in, so "everything" prints as real dates and charts do not
//! stretch over two centuries.

use chrono::NaiveDate;

use crate::export::Period;
use crate::session::Session;
use crate::symptom::SymptomReport;
use crate::time::{self, Moment};

/// The chosen period and the days actually shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Span {
    /// What the user chose.
    pub period: Period,
    /// The first day shown.
    pub from: NaiveDate,
    /// The last day shown.
    pub to: NaiveDate,
}

impl Span {
    /// The period, with an open start narrowed to the first record in it and
    /// an open end to the day of `now`.
    pub(crate) fn new(
        period: &Period,
        now: &Moment,
        sessions: &[Session],
        reports: &[SymptomReport],
    ) -> Self {
        let today = time::local_date(now);
        let first_record = sessions
            .iter()
            .map(|s| time::local_date(&s.at))
            .chain(reports.iter().map(|r| time::local_date(&r.at)))
            .filter(|d| period.contains_date(*d))
            .min();
        let everything = Period::everything();
        let from = if period.from() == everything.from() {
            first_record.unwrap_or(today).min(today)
        } else {
            period.from()
        };
        let to = if period.to() == everything.to() || period.to() > today {
            today.max(from)
        } else {
            period.to()
        };
        Self {
            period: *period,
            from,
            to,
        }
    }

    /// Whether `moment`'s local date is shown.
    pub(crate) fn contains(&self, moment: &Moment) -> bool {
        self.contains_date(time::local_date(moment))
    }

    /// Whether `date` is shown.
    pub(crate) fn contains_date(&self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }

    /// The number of days shown.
    pub(crate) fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// "2026-01-01 to 2026-03-31".
    pub(crate) fn label(&self) -> String {
        format!("{} to {}", self.from, self.to)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    #[test]
    fn everything_narrows_to_the_log_and_today() {
        let now = DateTime::parse_from_rfc3339("2026-03-20T09:00:00+01:00").unwrap();
        let span = Span::new(&Period::everything(), &now, &[], &[]);
        assert_eq!(
            (span.from, span.to),
            (time::local_date(&now), time::local_date(&now))
        );
        assert_eq!(span.days(), 1);
        let chosen = Period::new(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        )
        .unwrap();
        let span = Span::new(&chosen, &now, &[], &[]);
        assert_eq!(
            span.label(),
            "2026-01-01 to 2026-03-20",
            "no days after today"
        );
    }
}
