//! Gathering what the reminder schedule reads, quiet hours and soak timers.

use rusqlite::{Connection, params};

use super::assessment::triage_at;
use super::conn_ext::ConnExt;
use super::devices::find_device;
use super::facts::{self, LogFacts};
use super::{Store, rows};
use crate::check::{CheckContext, CleaningState, check_session};
use crate::error::{Error, Result};
use crate::ids::{DeviceId, SessionId};
use crate::reminders::{
    CheckInFacts, DeviceFacts, QuietHours, Reminder, ReminderInput, check_in_window, schedule,
};
use crate::risk::{Triage, TriageLevel};
use crate::session::{PreChecks, SessionPlan};
use crate::symptom::ReportKind;
use crate::time::{self, Moment};
use crate::wear;

/// The longest soak timer, in minutes.
pub const MAX_TIMER_MINUTES: u32 = 120;

impl Store {
    /// The upcoming reminders as of `now`, soonest first, each with a stable
    /// id. Call again after every change and reconcile by id.
    pub fn reminders(&self, now: Moment) -> Result<Vec<Reminder>> {
        let now = time::check_plausible("now", now)?;
        self.read(|tx| reminders_in(tx, &now))
    }

    /// Sets the user's quiet hours (`None` turns them off).
    pub fn set_quiet_hours(&self, quiet: Option<QuietHours>) -> Result<()> {
        let quiet = quiet.map(QuietHours::validated).transpose()?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (id, quiet_start_minute, quiet_end_minute) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET quiet_start_minute = ?1, quiet_end_minute = ?2",
                params![quiet.map(|q| q.start_minute), quiet.map(|q| q.end_minute)],
            )?;
            Ok(())
        })
    }

    /// The user's quiet hours, if set.
    pub fn quiet_hours(&self) -> Result<Option<QuietHours>> {
        self.read(|tx| quiet_hours_in(tx))
    }

    /// Starts a soak timer for a device, started at `started_at` as the
    /// clock showed `now`; logging its next cleaning stops it. A start later
    /// than `now` (beyond [`time::FUTURE_TOLERANCE`]) is refused.
    pub fn start_soak_timer(
        &self,
        device_id: DeviceId,
        started_at: Moment,
        minutes: u32,
        now: Moment,
    ) -> Result<()> {
        let started_at = time::check_plausible("started_at", started_at)?;
        let now = time::check_plausible("now", now)?;
        time::check_not_after("started_at", &started_at, &now)?;
        let minutes = crate::validate::within("minutes", minutes, 1..=MAX_TIMER_MINUTES)?;
        self.write(|tx| {
            find_device(tx, device_id)?;
            tx.execute(
                "INSERT INTO soak_timers (device_id, started_at_ms, started_offset_s, minutes) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (device_id) DO UPDATE SET started_at_ms = ?2, started_offset_s = ?3, minutes = ?4",
                params![
                    device_id,
                    time::unix_millis(&started_at),
                    time::utc_offset_seconds(&started_at),
                    minutes
                ],
            )?;
            Ok(())
        })
    }
}

/// Stops a device's soak timer once a cleaning from its start on is logged.
pub(super) fn stop_soak_timer(
    conn: &Connection,
    device_id: DeviceId,
    cleaned_at: &Moment,
) -> Result<()> {
    conn.execute(
        "DELETE FROM soak_timers WHERE device_id = ?1 AND started_at_ms <= ?2",
        params![device_id, time::unix_millis(cleaned_at)],
    )?;
    Ok(())
}

/// The upcoming reminders as of `now`, from the log in `conn`.
pub(super) fn reminders_in(conn: &Connection, now: &Moment) -> Result<Vec<Reminder>> {
    let facts = facts::gather(conn, now)?;
    let triage = triage_at(conn, &facts.person, now)?;
    reminders_from(conn, &facts, &triage, now)
}

/// The upcoming reminders as of `now`, from facts and a triage already read
/// in the same snapshot.
pub(super) fn reminders_from(
    conn: &Connection,
    facts: &LogFacts,
    triage: &Triage,
    now: &Moment,
) -> Result<Vec<Reminder>> {
    let open_triage = triage
        .prompts
        .iter()
        .filter(|p| p.level > TriageLevel::Green)
        .max_by_key(|p| p.level)
        .map(|p| {
            let report_at = super::reports::query_reports(conn, "WHERE id = ?1", [p.report_id])
                .ok()
                .and_then(|mut r| r.pop())
                .map_or(*now, |r| r.at);
            (p.report_id, report_at, p.level == TriageLevel::Red)
        });
    Ok(schedule(&ReminderInput {
        now: *now,
        devices: &device_facts(conn, facts, now)?,
        recent_sessions: &check_in_facts(conn, now)?,
        open_triage,
        quiet_hours: quiet_hours_in(conn)?,
    }))
}

fn quiet_hours_in(conn: &Connection) -> Result<Option<QuietHours>> {
    let row: Option<(Option<i64>, Option<i64>)> = conn.query_optional(
        "SELECT quiet_start_minute, quiet_end_minute FROM settings WHERE id = 1",
        [],
        |r| Ok::<_, rusqlite::Error>((r.get(0)?, r.get(1)?)),
    )?;
    Ok(match row {
        Some((Some(start), Some(end))) => Some(QuietHours {
            start_minute: u16::try_from(start)
                .map_err(|_| Error::Inconsistent("settings.quiet_start_minute".into()))?,
            end_minute: u16::try_from(end)
                .map_err(|_| Error::Inconsistent("settings.quiet_end_minute".into()))?,
        }),
        _ => None,
    })
}

fn device_facts(conn: &Connection, facts: &LogFacts, now: &Moment) -> Result<Vec<DeviceFacts>> {
    let today = time::local_date(now);
    let mut out = Vec::new();
    for state in &facts.devices {
        let device = &state.device;
        let last = state.last_session.as_ref();
        let uncleaned = last
            .filter(|_| state.cleaning != CleaningState::CleanForNextUse)
            .map(|s| (s.id, s.at));
        let next_allowed_date = last.and_then(|s| {
            let plan = SessionPlan {
                device_id: device.id,
                zones: s.zones.clone(),
                needle_length_mm: device.is_adjustable().then_some(s.needle_length_mm),
                products: vec![],
                pre_checks: PreChecks::ALL_CLEAR,
            };
            let valid = plan.validated(device).ok()?;
            check_session(&CheckContext {
                device,
                plan: &valid,
                now: *now,
                profile: facts.person.profile.as_ref(),
                care_plan: facts.person.care_plan.as_ref(),
                wear: &state.wear,
                cleaning: state.cleaning,
                region_history: &facts.region_history,
                // Only the date the rest passes is read here: neither a later
                // session nor an open prompt moves it.
                later_sessions: &[],
                open_prompts: &[],
            })
            .next_allowed_date
        });
        let replacement = wear::replacement(device, &state.wear, today);
        let soak = conn.query_optional(
            "SELECT started_at_ms, started_offset_s, minutes FROM soak_timers WHERE device_id = ?1",
            [device.id],
            |r| -> Result<(Moment, u32)> {
                Ok((
                    rows::moment_at(r, 0, "soak_timers.started_at")?,
                    rows::count("soak_timers.minutes", Some(r.get(2)?))?.unwrap_or(0),
                ))
            },
        )?;
        out.push(DeviceFacts {
            device_id: device.id,
            nickname: device.nickname.clone(),
            uncleaned_session: uncleaned,
            soak,
            next_allowed_date,
            replacement: replacement
                .due_by
                .filter(|_| state.wear.total_uses > 0 || replacement.due)
                .map(|date| (date, replacement.due))
                .or(replacement.due.then_some((today, true))),
        });
    }
    Ok(out)
}

fn check_in_facts(conn: &Connection, now: &Moment) -> Result<Vec<CheckInFacts>> {
    let end = time::unix_millis(now);
    let start = end - 4 * 86_400_000;
    // Only when each session took place: the check-ins need nothing else of
    // it, so its zones, products and overrides are not read.
    let sessions: Vec<(SessionId, Moment)> = conn.query_rows(
        "SELECT s.id, v.at_ms, v.at_offset_s FROM sessions s
           JOIN session_versions v ON v.session_id = s.id AND v.revision = s.revision
          WHERE s.deleted_at_ms IS NULL AND s.at_ms >= ?1 AND s.at_ms <= ?2 ORDER BY s.at_ms",
        params![start, end],
        |r| Ok::<_, rusqlite::Error>((r.get(0)?, rows::moment_at(r, 1, "session_versions.at")?)),
    )?;
    let mut has = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM symptom_reports WHERE session_id = ?1
                          AND (kind = ?2 OR (at_ms >= ?3 AND at_ms <= ?4)))",
    )?;
    let mut done = |id: SessionId, at: Moment, kind: ReportKind, hours: i64| -> Result<bool> {
        let (from, to) = check_in_window(at, hours);
        let window = (time::unix_millis(&from), time::unix_millis(&to));
        Ok(has.query_row(params![id, kind.code(), window.0, window.1], |r| r.get(0))?)
    };
    sessions
        .into_iter()
        .map(|(id, at)| {
            Ok(CheckInFacts {
                session_id: id,
                at,
                has_24h: done(id, at, ReportKind::CheckIn24h, 24)?,
                has_72h: done(id, at, ReportKind::CheckIn72h, 72)?,
            })
        })
        .collect()
}
