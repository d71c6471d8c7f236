//! Cutting a backup down to a period, keeping what the records in it need.
//!
//! A period backup carries the sessions, cleanings, reports, alerts and
//! soak timers of its days, plus what they refer to, so it can be imported
//! on its own: the devices used, the sessions reports are linked to, and the
//! profile revision and care plan that were in force when the period began.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::document::{BackupDocument, PeriodDoc};
use crate::error::{Error, Result};
use crate::period::Period;

fn local_date(text: &str) -> Result<NaiveDate> {
    super::instant::from_text("$", text)
        .map(|m| m.date_naive())
        .map_err(|_| Error::Inconsistent("a stored instant no longer parses".into()))
}

/// The part of `doc` within `period`, with what it refers to.
pub fn within(doc: BackupDocument, period: Period) -> Result<BackupDocument> {
    let inside = |text: &str| local_date(text).map(|d| period.contains_date(d));
    let before = |text: &str| local_date(text).map(|d| d < period.from());

    let mut linked_sessions: HashSet<String> = HashSet::new();
    let mut symptom_reports = Vec::new();
    for r in doc.symptom_reports {
        if inside(&r.at)? {
            linked_sessions.extend(r.session_id.clone());
            symptom_reports.push(r);
        }
    }
    let mut sessions = Vec::new();
    for s in doc.sessions {
        let current = s.versions.last().map(|v| v.at.as_str()).unwrap_or_default();
        if linked_sessions.contains(&s.id) || inside(current)? {
            sessions.push(s);
        }
    }
    let mut cleanings = Vec::new();
    for c in doc.cleanings {
        if inside(&c.at)? {
            cleanings.push(c);
        }
    }
    let mut alerts = Vec::new();
    for a in doc.alerts {
        if inside(&a.at)? {
            alerts.push(a);
        }
    }
    let mut soak_timers = Vec::new();
    for t in doc.soak_timers {
        if inside(&t.started_at)? {
            soak_timers.push(t);
        }
    }
    let used: HashSet<&str> = sessions
        .iter()
        .flat_map(|s| s.versions.iter().map(|v| v.device_id.as_str()))
        .chain(cleanings.iter().map(|c| c.device_id.as_str()))
        .chain(soak_timers.iter().map(|t| t.device_id.as_str()))
        .collect();
    let mut devices = Vec::new();
    for d in doc.devices {
        if used.contains(d.id.as_str()) || inside(&d.added_at)? {
            devices.push(d);
        }
    }
    let profile_revisions =
        in_force_and_inside(doc.profile_revisions, |p| &p.saved_at, &inside, &before)?;
    let care_plans = in_force_and_inside(doc.care_plans, |p| &p.recorded_at, &inside, &before)?;
    Ok(BackupDocument {
        period: Some(PeriodDoc {
            from: period.from().format("%Y-%m-%d").to_string(),
            to: period.to().format("%Y-%m-%d").to_string(),
        }),
        profile_revisions,
        care_plans,
        devices,
        sessions,
        cleanings,
        symptom_reports,
        alerts,
        soak_timers,
        // The last assessed levels describe the whole log, not this part of
        // it: a log restored from the part assesses itself afresh.
        risk_levels: None,
        ..doc
    })
}

/// The revisions saved inside the period, and the last one saved before it
/// (the one in force on its first day).
fn in_force_and_inside<T>(
    revisions: Vec<T>,
    saved_at: impl Fn(&T) -> &String,
    inside: &impl Fn(&str) -> Result<bool>,
    before: &impl Fn(&str) -> Result<bool>,
) -> Result<Vec<T>> {
    let mut in_force = None;
    let mut kept = Vec::new();
    for revision in revisions {
        if before(saved_at(&revision))? {
            in_force = Some(revision);
        } else if inside(saved_at(&revision))? {
            kept.push(revision);
        }
    }
    Ok(in_force.into_iter().chain(kept).collect())
}
