//! Gathering what the risk engine reads from the log, as of a moment.

use rusqlite::{Connection, params};

use super::conn_ext::ConnExt;
use super::context::{Person, person};
use super::devices::{all_devices, device_wear};
use super::reports::query_reports;
use super::risk_window::session_facts;
use super::{Snapshot, Store, rows};
use crate::device::Device;
use crate::error::Result;
use crate::profile::Condition;
use crate::risk::{
    Assessment, DISCLAIMER, PreventiveInput, PreventiveRisk, ReportFacts, Triage, TriageInput,
    assess_preventive, assess_triage,
};
use crate::rules::risk::LOOKBACK_DAYS;
use crate::rules::triage::LINK_WINDOW_DAYS;
use crate::time::{self, Moment};
use crate::wear::{self, DeviceWear};

impl Store {
    /// The preventive risk and the symptom triage as of `now`. The same log
    /// and the same `now` always give the same assessment.
    pub fn assess(&self, now: Moment) -> Result<Assessment> {
        self.view(|view| view.assess(now))
    }
}

/// Assesses the log as it stands in `conn` as of `now`.
pub(super) fn assess_at(conn: &Connection, now: &Moment) -> Result<Assessment> {
    let person = person(conn)?;
    let devices = all_devices(conn)?
        .into_iter()
        .filter(Device::is_active)
        .map(|device| Ok((device_wear(conn, &device, now)?, device)))
        .collect::<Result<Vec<_>>>()?;
    let wear: Vec<(&Device, &DeviceWear)> = devices.iter().map(|(w, d)| (d, w)).collect();
    assess_with(conn, &person, &wear, now)
}

/// Assesses the log as of `now`, given the person and each device in use
/// with its wear, already read in the same snapshot.
pub(super) fn assess_with(
    conn: &Connection,
    person: &Person,
    devices: &[(&Device, &DeviceWear)],
    now: &Moment,
) -> Result<Assessment> {
    Ok(Assessment {
        at: *now,
        preventive: preventive_at(conn, person, devices, now)?,
        triage: triage_at(conn, person, now)?,
        disclaimer: DISCLAIMER,
    })
}

/// The preventive risk as of `now`.
fn preventive_at(
    conn: &Connection,
    person: &Person,
    devices: &[(&Device, &DeviceWear)],
    now: &Moment,
) -> Result<PreventiveRisk> {
    let today = time::local_date(now);
    let shared: Vec<String> = devices
        .iter()
        .filter(|(d, _)| d.shared)
        .map(|(d, _)| d.nickname.clone())
        .collect();
    let worn: Vec<String> = devices
        .iter()
        .filter(|(d, w)| w.total_uses > 0 && wear::replacement(d, w, today).due)
        .map(|(d, _)| d.nickname.clone())
        .collect();
    Ok(assess_preventive(&PreventiveInput {
        now: *now,
        sessions: &session_facts(
            conn,
            time::unix_millis(now) - LOOKBACK_DAYS * 86_400_000,
            time::unix_millis(now),
        )?,
        shared_devices: &shared,
        worn_devices: &worn,
        profile: person.profile.as_ref(),
        care_plan_avoid: person.care_plan.as_ref().map_or(&[], |p| &p.avoid_products),
    }))
}

/// The symptom triage as of `now`.
pub(super) fn triage_at(conn: &Connection, person: &Person, now: &Moment) -> Result<Triage> {
    let reports = open_reports(conn, now)?;
    let weakened = person
        .profile
        .as_ref()
        .is_some_and(|p| p.has(Condition::Immunosuppression) || p.has(Condition::Diabetes));
    Ok(assess_triage(&TriageInput {
        now: *now,
        reports: &reports,
        weakened_defences: weakened,
    }))
}

/// Open reports in the link window before `now`: the latest per session and
/// every unlinked one, oldest first, each with the previous report's
/// inflammation severity on the same session.
fn open_reports(conn: &Connection, now: &Moment) -> Result<Vec<ReportFacts>> {
    let end = time::unix_millis(now);
    let start = end - LINK_WINDOW_DAYS * 86_400_000;
    let reports = query_reports(
        conn,
        "WHERE at_ms <= ?1 AND at_ms >= ?2 ORDER BY at_ms, id",
        params![end, start],
    )?;
    let mut facts: Vec<ReportFacts> = Vec::new();
    for (i, report) in reports.iter().enumerate() {
        let later_on_same_session = report.session_id.is_some()
            && reports
                .iter()
                .skip(i + 1)
                .any(|r| r.session_id == report.session_id);
        if report.resolved_at.is_some_and(|r| r <= *now) || later_on_same_session {
            continue;
        }
        let previous_severity = report.session_id.and_then(|sid| {
            reports
                .iter()
                .take(i)
                .rev()
                .find(|r| r.session_id == Some(sid))
                .map(|r| r.inflammation_severity())
        });
        let session = match report.session_id {
            Some(sid) => session_timing(conn, sid)?,
            None => None,
        };
        facts.push(ReportFacts {
            report: report.clone(),
            session,
            previous_severity,
            aged: false,
        });
    }
    let mut aged = aged_reports(conn, start, end)?;
    aged.append(&mut facts);
    Ok(aged)
}

/// Reports from before the window `start` that were never settled: not
/// resolved, not seen by a clinician, and with no later report on their
/// session by `end`. Time alone never settles a report; triage asks about
/// each that raised a prompt.
fn aged_reports(conn: &Connection, start: i64, end: i64) -> Result<Vec<ReportFacts>> {
    let reports = query_reports(
        conn,
        "WHERE at_ms < ?1 AND (resolved_at_ms IS NULL OR resolved_at_ms > ?2)
           AND (clinician_seen_at_ms IS NULL OR clinician_seen_at_ms > ?2)
           AND (session_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM symptom_reports later
                 WHERE later.session_id = symptom_reports.session_id
                   AND later.at_ms > symptom_reports.at_ms AND later.at_ms <= ?2))
         ORDER BY at_ms, id",
        params![start, end],
    )?;
    reports
        .into_iter()
        .map(|report| {
            let (session, previous_severity) = match report.session_id {
                Some(sid) => {
                    let previous = query_reports(
                        conn,
                        "WHERE session_id = ?1 AND at_ms < ?2 ORDER BY at_ms DESC, id LIMIT 1",
                        params![sid, time::unix_millis(&report.at)],
                    )?;
                    (
                        session_timing(conn, sid)?,
                        previous.first().map(|r| r.inflammation_severity()),
                    )
                }
                None => (None, None),
            };
            Ok(ReportFacts {
                report,
                session,
                previous_severity,
                aged: true,
            })
        })
        .collect()
}

fn session_timing(conn: &Connection, id: crate::ids::SessionId) -> Result<Option<(Moment, f64)>> {
    conn.query_optional(
        "SELECT v.at_ms, v.at_offset_s, v.needle_length_mm FROM sessions s
           JOIN session_versions v ON v.session_id = s.id AND v.revision = s.revision
          WHERE s.id = ?1",
        [id],
        |r| Ok::<_, rusqlite::Error>((rows::moment_at(r, 0, "session_versions.at")?, r.get(2)?)),
    )
}

impl Snapshot<'_> {
    /// The preventive risk and the symptom triage as of `now`. The same log
    /// and the same `now` always give the same assessment.
    pub fn assess(&self, now: Moment) -> Result<Assessment> {
        let now = time::check_plausible("now", now)?;
        assess_at(self.conn, &now)
    }
}
