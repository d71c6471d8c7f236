//! `rollsafe reminders` and `rollsafe quiet-hours`: what the phone would
//! post, and when it must stay silent.

use rollsafe_core::QuietHours;

use crate::args::ReadArgs;
use crate::args::actions::QuietHoursArgs;
use crate::failure::{ErrorCode, Failure};
use crate::text;
use crate::view::actions::{QuietHoursView, RemindersView};
use crate::{clock, log_file, paths};

use super::show;

/// Runs `rollsafe reminders`.
pub fn list(args: &ReadArgs, json: bool) -> Result<(), Failure> {
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let now = clock::now_or_clock(args.now.now);
    let view = RemindersView::new(&store.reminders(now)?, now);
    show(json, "reminders", &view, text::actions::reminders)
}

/// Runs `rollsafe quiet-hours`.
pub fn quiet_hours(args: &QuietHoursArgs, json: bool) -> Result<(), Failure> {
    let quiet = parse(&args.hours)?;
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    store.set_quiet_hours(quiet)?;
    let saved = store.quiet_hours()?;
    let view = QuietHoursView {
        start: saved.map(|q| clock_text(q.start_minute)),
        end: saved.map(|q| clock_text(q.end_minute)),
    };
    show(json, "quiet_hours", &view, text::actions::quiet_hours)
}

fn clock_text(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// `HH:MM-HH:MM` or `off`; the core checks the minutes' range.
fn parse(text: &str) -> Result<Option<QuietHours>, Failure> {
    if text == "off" {
        return Ok(None);
    }
    let bad = || {
        Failure::input("quiet hours are HH:MM-HH:MM (for example 22:00-07:00) or off")
            .coded(ErrorCode::InvalidInput)
            .at_field("hours")
    };
    let minute = |t: &str| -> Result<u16, Failure> {
        let (h, m) = t.split_once(':').ok_or_else(bad)?;
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        if h > 23 || m > 59 {
            return Err(bad());
        }
        Ok(h * 60 + m)
    };
    let (start, end) = text.split_once('-').ok_or_else(bad)?;
    Ok(Some(QuietHours {
        start_minute: minute(start)?,
        end_minute: minute(end)?,
    }))
}
