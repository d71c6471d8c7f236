//! The time axis shared by the charts: days of the report's span mapped to
//! points, and ticks at weeks, months, quarters or years as the span needs.

use chrono::{Datelike, Months, NaiveDate, NaiveTime};

use crate::report::model::Span;
use crate::time::Moment;

/// Maps the span onto `[x0, x1]`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TimeAxis {
    pub from: NaiveDate,
    pub days: f32,
    pub x0: f32,
    pub x1: f32,
}

impl TimeAxis {
    pub(crate) fn new(span: &Span, x0: f32, x1: f32) -> Self {
        Self {
            from: span.from,
            days: span.days().max(1) as f32,
            x0,
            x1,
        }
    }

    /// The x of local midnight starting `date`.
    pub(crate) fn date_x(&self, date: NaiveDate) -> f32 {
        self.day_x((date - self.from).num_days() as f32)
    }

    /// The x of `moment`, by its local date and time.
    pub(crate) fn moment_x(&self, moment: &Moment) -> f32 {
        let start = self.from.and_time(NaiveTime::MIN);
        let seconds = (moment.naive_local() - start).num_seconds() as f32;
        self.day_x(seconds / 86_400.0)
    }

    fn day_x(&self, day: f32) -> f32 {
        let x = self.x0 + day / self.days * (self.x1 - self.x0);
        x.clamp(self.x0, self.x1)
    }

    /// Tick dates and their labels.
    pub(crate) fn ticks(&self) -> Vec<(NaiveDate, String)> {
        let to = self.from + chrono::Days::new(self.days as u64);
        if self.days <= 62.0 {
            let mut out = Vec::new();
            let mut day = self.from;
            while day <= to {
                out.push((day, day.format("%-d %b").to_string()));
                day = day + chrono::Days::new(7);
            }
            return out;
        }
        let step = match self.days {
            d if d <= 400.0 => 1,
            d if d <= 1200.0 => 3,
            d if d <= 3000.0 => 6,
            _ => 12,
        };
        let mut month = self.from.with_day(1).unwrap_or(self.from);
        if month < self.from {
            month = month.checked_add_months(Months::new(1)).unwrap_or(month);
        }
        while month.month0() % step != 0 {
            month = month.checked_add_months(Months::new(1)).unwrap_or(month);
        }
        let mut out = Vec::new();
        while month <= to {
            let label = if step == 12 {
                month.format("%Y").to_string()
            } else if month.month() == 1 || out.is_empty() {
                month.format("%b %Y").to_string()
            } else {
                month.format("%b").to_string()
            };
            out.push((month, label));
            match month.checked_add_months(Months::new(step)) {
                Some(next) => month = next,
                None => break,
            }
        }
        out
    }
}
