//! The schedule of upcoming reminders, computed from the log.
//!
//! The core decides what to remind and when; the shells only post the
//! notifications. Every reminder has an id made from what it is about, so the
//! same log gives the same ids: a shell reconciles by id, posting new ones and
//! cancelling those that vanished because they were done or became obsolete.
//! Quiet hours move reminders out of the night in the user's local time.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Timelike};

use crate::error::{Error, Result};
use crate::ids::{DeviceId, ReportId, SessionId};
use crate::time::Moment;

/// What a reminder is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReminderKind {
    /// Clean the device after a session not yet followed by a cleaning.
    CleanAfterSession,
    /// A soak started from the cleaning screen has run its time.
    SoakFinished,
    /// The rest interval has passed: a session is allowed again.
    NextSessionAllowed,
    /// The device (or its head) is due for replacement.
    ReplaceDevice,
    /// How does the skin look 24 hours after the session?
    CheckIn24h,
    /// How does the skin look 72 hours after the session?
    CheckIn72h,
    /// A triage prompt is open: report again on the skin.
    TriageFollowUp,
}

impl ReminderKind {
    /// The stable code, also the first part of every id.
    pub fn code(self) -> &'static str {
        match self {
            ReminderKind::CleanAfterSession => "clean_after_session",
            ReminderKind::SoakFinished => "soak_finished",
            ReminderKind::NextSessionAllowed => "next_session_allowed",
            ReminderKind::ReplaceDevice => "replace_device",
            ReminderKind::CheckIn24h => "check_in_24h",
            ReminderKind::CheckIn72h => "check_in_72h",
            ReminderKind::TriageFollowUp => "triage_follow_up",
        }
    }
}

/// One upcoming reminder.
#[derive(Clone, Debug, PartialEq)]
pub struct Reminder {
    /// A stable id: the same log gives the same id.
    pub id: String,
    /// What it is for.
    pub kind: ReminderKind,
    /// When to show it (may be in the past: overdue, show now).
    pub due: Moment,
    /// A short title for the notification.
    pub title: String,
    /// The notification's text.
    pub body: String,
    /// For reminders about a calendar date (next session, replacement): the
    /// local date and time on the user's clock. `due` places it in the UTC
    /// offset of `now`; a shell that knows the time-zone rules should
    /// schedule by this wall-clock time instead, so a DST change in between
    /// does not shift it by an hour.
    pub wall_clock: Option<NaiveDateTime>,
}

/// The user's quiet hours, in minutes after local midnight. When `start` is
/// after `end` they span midnight (22:00 to 07:00 is 1320 to 420).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuietHours {
    /// When quiet begins.
    pub start_minute: u16,
    /// When quiet ends.
    pub end_minute: u16,
}

impl QuietHours {
    /// The latest moment a minute value may take.
    pub const MINUTES_PER_DAY: u16 = 24 * 60;

    /// Checks both ends are minutes of the day and differ (equal ends
    /// would be no quiet at all, or all day, and say neither). The API and
    /// the import of a backup both apply it.
    pub fn validated(self) -> Result<Self> {
        for (field, minute) in [
            ("start_minute", self.start_minute),
            ("end_minute", self.end_minute),
        ] {
            crate::validate::within(field, minute, 0..=Self::MINUTES_PER_DAY - 1)?;
        }
        if self.start_minute == self.end_minute {
            return Err(Error::invalid("end_minute", "equals start_minute"));
        }
        Ok(self)
    }

    fn contains(self, minute: u16) -> bool {
        if self.start_minute <= self.end_minute {
            (self.start_minute..self.end_minute).contains(&minute)
        } else {
            minute >= self.start_minute || minute < self.end_minute
        }
    }

    /// Moves `due` to the end of the quiet hours it falls in, on the user's
    /// clock at `due`.
    pub fn defer(self, due: Moment) -> Moment {
        let minute = u16::try_from(due.hour() * 60 + due.minute()).unwrap_or(0);
        if !self.contains(minute) {
            return due;
        }
        let end = NaiveTime::from_hms_opt(
            u32::from(self.end_minute / 60),
            u32::from(self.end_minute % 60),
            0,
        )
        .unwrap_or(NaiveTime::MIN);
        let date = if minute >= self.end_minute {
            due.date_naive()
                .checked_add_days(Days::new(1))
                .unwrap_or(due.date_naive())
        } else {
            due.date_naive()
        };
        due.offset()
            .from_local_datetime(&date.and_time(end))
            .single()
            .unwrap_or(due)
    }
}

/// What the schedule reads about one active device.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviceFacts {
    /// The device's id.
    pub device_id: DeviceId,
    /// The user's name for it.
    pub nickname: String,
    /// Its last session, if not cleaned since.
    pub uncleaned_session: Option<(SessionId, Moment)>,
    /// A running soak: when it started and for how many minutes.
    pub soak: Option<(Moment, u32)>,
    /// The next local date its usual zones may be needled, if in the future.
    pub next_allowed_date: Option<NaiveDate>,
    /// When replacement is due: the local date, and whether it is due now.
    pub replacement: Option<(NaiveDate, bool)>,
}

/// A recent session and the check-ins already reported on it.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckInFacts {
    /// The session.
    pub session_id: SessionId,
    /// When it took place.
    pub at: Moment,
    /// True when a 24-hour check-in, or any report within its window (see
    /// [`check_in_window`]), was reported on it.
    pub has_24h: bool,
    /// The same for the 72-hour check-in.
    pub has_72h: bool,
}

/// Everything the schedule reads, gathered as of `now`.
#[derive(Clone, Debug)]
pub struct ReminderInput<'a> {
    /// The moment of the schedule.
    pub now: Moment,
    /// Active devices.
    pub devices: &'a [DeviceFacts],
    /// Sessions of the last four days.
    pub recent_sessions: &'a [CheckInFacts],
    /// The latest report behind an open amber or red triage prompt.
    pub open_triage: Option<(ReportId, Moment, bool)>,
    /// The user's quiet hours, if set.
    pub quiet_hours: Option<QuietHours>,
}

/// The hour of day reminders about a date are shown at.
const MORNING: u32 = 9;
/// How long after a session the cleaning reminder comes.
const CLEAN_AFTER: TimeDelta = TimeDelta::minutes(30);
/// How long a missed check-in stays on the schedule.
const CHECK_IN_GRACE: TimeDelta = TimeDelta::hours(24);
/// How long before a check-in is due a report on its session already counts
/// as that check-in (the 24- and 72-hour windows do not meet).
const CHECK_IN_EARLY: TimeDelta = TimeDelta::hours(12);

/// The moments, both included, between which any symptom report on a
/// session that took place `session_at` counts as its check-in at `hours`
/// (24 or 72): from 12 hours before the check-in is due until its reminder
/// lapses. A full report then is a look at the skin, as the check-in is.
pub fn check_in_window(session_at: Moment, hours: i64) -> (Moment, Moment) {
    let due = session_at + TimeDelta::hours(hours);
    (due - CHECK_IN_EARLY, due + CHECK_IN_GRACE)
}

/// The upcoming reminders, soonest first.
pub fn schedule(input: &ReminderInput<'_>) -> Vec<Reminder> {
    let mut reminders = Vec::new();
    for d in input.devices {
        device_reminders(input, d, &mut reminders);
    }
    for s in input.recent_sessions {
        for (kind, hours, done) in [
            (ReminderKind::CheckIn24h, 24, s.has_24h),
            (ReminderKind::CheckIn72h, 72, s.has_72h),
        ] {
            let due = s.at + TimeDelta::hours(hours);
            if !done && due + CHECK_IN_GRACE > input.now {
                reminders.push(Reminder {
                    id: format!("{}:{}", kind.code(), s.session_id),
                    kind,
                    due,
                    title: format!("{hours}-hour skin check-in"),
                    body: "How does the treated skin look? A quick check-in helps catch anything unusual early.".to_owned(),
                    wall_clock: None,
                });
            }
        }
    }
    if let Some((report, at, red)) = input.open_triage {
        let kind = ReminderKind::TriageFollowUp;
        reminders.push(Reminder {
            id: format!("{}:{report}", kind.code()),
            kind,
            due: at + TimeDelta::hours(if red { 6 } else { 24 }),
            title: "How is your skin now?".to_owned(),
            body: if red {
                "You reported a warning sign. If you have not sought care yet, please do now; then report how the skin looks."
            } else {
                "You reported a reaction outside the expected course. Report again, and contact your dermatologist if it is not settling."
            }
            .to_owned(),
            wall_clock: None,
        });
    }
    for r in &mut reminders {
        if let Some(quiet) = input
            .quiet_hours
            .filter(|_| r.kind != ReminderKind::SoakFinished)
        {
            r.due = quiet.defer(r.due);
        }
    }
    // Reminders due at the same instant: by kind, then by title (which names
    // the device), so the order means something and never depends on the
    // random ids; the id only separates what is otherwise identical.
    crate::sorting::sort_by(&mut reminders, |a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
    });
    reminders
}

fn device_reminders(input: &ReminderInput<'_>, d: &DeviceFacts, out: &mut Vec<Reminder>) {
    let wall = |date: NaiveDate| {
        date.and_time(NaiveTime::from_hms_opt(MORNING, 0, 0).unwrap_or(NaiveTime::MIN))
    };
    let morning = |date: NaiveDate| {
        input
            .now
            .offset()
            .from_local_datetime(&wall(date))
            .single()
            .unwrap_or(input.now)
    };
    if let Some((session, at)) = d.uncleaned_session {
        let kind = ReminderKind::CleanAfterSession;
        out.push(Reminder {
            id: format!("{}:{session}", kind.code()),
            kind,
            due: at + CLEAN_AFTER,
            title: format!("Clean {}", d.nickname),
            body: "Rinse it, soak it in 70% isopropyl alcohol for 20 minutes, let it dry, and log the cleaning.".to_owned(),
            wall_clock: None,
        });
    }
    if let Some((started, minutes)) = d.soak {
        let kind = ReminderKind::SoakFinished;
        out.push(Reminder {
            id: format!(
                "{}:{}:{}",
                kind.code(),
                d.device_id,
                started.timestamp_millis()
            ),
            kind,
            due: started + TimeDelta::minutes(i64::from(minutes)),
            title: format!("{} has soaked {minutes} minutes", d.nickname),
            body: "Take it out, let it air-dry in its case, and log the cleaning.".to_owned(),
            wall_clock: None,
        });
    }
    if let Some(date) = d.next_allowed_date {
        let kind = ReminderKind::NextSessionAllowed;
        out.push(Reminder {
            id: format!("{}:{}:{date}", kind.code(), d.device_id),
            kind,
            due: morning(date),
            title: format!("{} may be used again", d.nickname),
            body: "The rest interval has passed. Check your skin and clean the device before the session.".to_owned(),
            wall_clock: Some(wall(date)),
        });
    }
    if let Some((date, due_now)) = d.replacement {
        let kind = ReminderKind::ReplaceDevice;
        out.push(Reminder {
            id: format!("{}:{}:{date}", kind.code(), d.device_id),
            kind,
            due: if due_now { input.now } else { morning(date) },
            title: format!("Replace {}", d.nickname),
            body: "Its needles are due for replacement: worn needles tear the skin and are harder to clean.".to_owned(),
            wall_clock: (!due_now).then(|| wall(date)),
        });
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    fn at(text: &str) -> Moment {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn quiet_hours_spanning_midnight_defer_to_the_morning() {
        let quiet = QuietHours {
            start_minute: 22 * 60,
            end_minute: 7 * 60,
        };
        assert_eq!(
            quiet.defer(at("2026-03-01T23:30:00+01:00")),
            at("2026-03-02T07:00:00+01:00")
        );
        assert_eq!(
            quiet.defer(at("2026-03-02T03:00:00+01:00")),
            at("2026-03-02T07:00:00+01:00")
        );
        assert_eq!(
            quiet.defer(at("2026-03-02T07:00:00+01:00")),
            at("2026-03-02T07:00:00+01:00")
        );
        assert_eq!(
            quiet.defer(at("2026-03-01T21:59:00+01:00")),
            at("2026-03-01T21:59:00+01:00")
        );
    }

    #[test]
    fn reminders_due_together_sort_by_kind_then_device_name() {
        let device = |id: &str, nickname: &str| DeviceFacts {
            device_id: DeviceId::parse("id", id).unwrap(),
            nickname: nickname.to_owned(),
            uncleaned_session: None,
            soak: None,
            next_allowed_date: NaiveDate::from_ymd_opt(2026, 3, 8),
            replacement: None,
        };
        // The ids sort the other way round from the names.
        let devices = [
            device("00000000-0000-4000-8000-000000000001", "Scalp roller"),
            device("ffffffff-ffff-4fff-bfff-ffffffffffff", "Face roller"),
        ];
        let input = ReminderInput {
            now: at("2026-03-01T21:00:00+01:00"),
            devices: &devices,
            recent_sessions: &[],
            open_triage: None,
            quiet_hours: None,
        };
        let titles: Vec<String> = schedule(&input).into_iter().map(|r| r.title).collect();
        assert_eq!(
            titles,
            [
                "Face roller may be used again",
                "Scalp roller may be used again"
            ]
        );
    }

    #[test]
    fn quiet_hours_within_a_day_defer_to_their_end() {
        let quiet = QuietHours {
            start_minute: 13 * 60,
            end_minute: 14 * 60,
        };
        assert_eq!(
            quiet.defer(at("2026-03-01T13:30:00Z")),
            at("2026-03-01T14:00:00Z")
        );
    }
}
