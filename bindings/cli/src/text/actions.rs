//! The changes and lists of the tracker verbs as text: one line saying what
//! was recorded, then what the core said about it (alerts, warnings).

use std::fmt::Write;

use crate::view::actions::{
    AlertsView, CarePlanFullView, CleaningRecordView, DeviceChangedView, HistoryView, LoggedView,
    ProfileView, QuietHoursView, RemindersView, ReportRecordView, ReportsView, SoakView,
    SymptomReportView, VerdictView,
};
use crate::view::safety::{AlertView, FindingView};

use super::{moment, plural, words};

/// The alerts a change raised, if any.
fn alert_lines(out: &mut String, alerts: &[AlertView]) {
    for alert in alerts {
        let _ = writeln!(
            out,
            "Alert {} ({}): {}",
            alert.id,
            alert.at.date_naive(),
            alert.title
        );
        for reason in &alert.reasons {
            let _ = writeln!(out, "  {}", reason.text);
        }
    }
    if alerts
        .iter()
        .any(|a| a.rising && a.acknowledged_at.is_none())
    {
        let _ = writeln!(out, "Acknowledge with `rollsafe ack ID` once read.");
    }
}

fn finding_line(out: &mut String, finding: &FindingView) {
    let _ = writeln!(
        out,
        "  {:<8} [{}] {}",
        finding.severity, finding.code, finding.message
    );
}

/// A device after a change.
pub fn device(view: &DeviceChangedView, what: &str) -> String {
    let mut out = format!(
        "{what}: {}\n  id {}\n",
        super::device_line(&view.device),
        view.device.id
    );
    alert_lines(&mut out, &view.alerts);
    out
}

/// A cleaning recorded.
pub fn cleaning(view: &CleaningRecordView) -> String {
    let minutes = view
        .soak_minutes
        .map(|m| format!(", {}", plural(u64::from(m), "minute")))
        .unwrap_or_default();
    let mut out = format!(
        "Cleaning recorded: {}{minutes}, {}\n",
        words(view.method),
        moment(&view.at)
    );
    alert_lines(&mut out, &view.alerts);
    out
}

/// A soak timer started.
pub fn soak(view: &SoakView) -> String {
    format!(
        "Soak timer started at {} for {}; logging the cleaning stops it.\n",
        moment(&view.started_at),
        plural(u64::from(view.minutes), "minute")
    )
}

/// The verdict on a planned session.
pub fn verdict(view: &VerdictView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        if view.allowed {
            "Allowed: nothing blocks this session."
        } else {
            "Blocked: this session should not go ahead now."
        }
    );
    if let Some(date) = view.next_allowed_date {
        let _ = writeln!(out, "Next allowed: {date}");
    }
    for finding in &view.findings {
        finding_line(&mut out, finding);
    }
    if !view.to_acknowledge.is_empty() {
        let _ = writeln!(
            out,
            "Logging it needs each acknowledged: {}",
            view.to_acknowledge
                .iter()
                .map(|c| format!("--ack {c}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    out
}

/// A session logged.
pub fn logged(view: &LoggedView) -> String {
    let mut out = format!(
        "Session recorded: {}\n  id {}\n",
        super::session_line(&view.session),
        view.session.id
    );
    for o in &view.session.overrides {
        let _ = writeln!(out, "  overridden [{}]: {}", o.code, o.message);
    }
    for finding in view
        .verdict
        .findings
        .iter()
        .filter(|f| f.severity == "warning")
    {
        finding_line(&mut out, finding);
    }
    alert_lines(&mut out, &view.alerts);
    out
}

/// A symptom report recorded or changed.
pub fn symptom(view: &SymptomReportView) -> String {
    let mut out = report_line(&view.report);
    alert_lines(&mut out, &view.alerts);
    out
}

/// Every symptom report, most recent first.
pub fn reports(view: &ReportsView) -> String {
    let mut out = String::new();
    for report in &view.reports {
        out.push_str(&report_line(report));
    }
    let _ = writeln!(
        out,
        "{}",
        plural(view.reports.len() as u64, "symptom report")
    );
    out
}

fn report_line(view: &ReportRecordView) -> String {
    let zones: Vec<String> = view.zones.iter().map(|z| words(z)).collect();
    let mut out = format!(
        "{} recorded: {}, severity {}/10, {}\n  id {}\n",
        match view.kind {
            "check_in_24h" => "24-hour check-in",
            "check_in_72h" => "72-hour check-in",
            _ => "Symptom report",
        },
        zones.join(", "),
        view.overall_severity,
        moment(&view.at),
        view.id
    );
    if let Some(session) = &view.session_id {
        let _ = writeln!(out, "  about session {session}");
    }
    if let Some(at) = &view.clinician_seen_at {
        let _ = writeln!(out, "  seen by a clinician {}", moment(at));
    }
    if let Some(at) = &view.resolved_at {
        let _ = writeln!(out, "  resolved {}", moment(at));
    }
    out
}

/// The profile.
pub fn profile(view: &ProfileView) -> String {
    let mut out = String::new();
    let Some(saved) = &view.saved_at else {
        return "No profile saved yet: `rollsafe profile set`.\n".to_owned();
    };
    let _ = writeln!(out, "Profile saved {}", moment(saved));
    let _ = writeln!(
        out,
        "  skin type   {}",
        view.skin_type.unwrap_or("not given")
    );
    for answer in &view.answers {
        let _ = writeln!(
            out,
            "  {:<11} {}{}",
            words(answer.condition),
            if answer.present { "yes" } else { "no" },
            answer
                .stopped_on
                .map(|d| format!(", stopped {d}"))
                .unwrap_or_default()
        );
    }
    if let Some(name) = &view.name {
        let _ = writeln!(out, "  name        {name}");
    }
    if let Some(date) = view.birth_date {
        let _ = writeln!(out, "  born        {date}");
    }
    if let Some(number) = &view.patient_number {
        let _ = writeln!(out, "  patient no. {number}");
    }
    alert_lines(&mut out, &view.alerts);
    out
}

/// The care plan.
pub fn care_plan(view: &CarePlanFullView) -> String {
    let mut out = String::new();
    let (Some(by), Some(at)) = (&view.set_by, &view.set_at) else {
        return "No care plan set: the default rules apply.\n".to_owned();
    };
    let _ = writeln!(out, "Care plan set by {by} on {}", at.date_naive());
    for rest in &view.rest_days {
        let _ = writeln!(
            out,
            "  rest {:<6} {}",
            rest.region,
            plural(u64::from(rest.value), "day")
        );
    }
    for limit in &view.max_needle_mm {
        let _ = writeln!(
            out,
            "  needle {:<4} at most {:.2} mm",
            limit.region, limit.value
        );
    }
    if !view.allowed_zones.is_empty() {
        let _ = writeln!(out, "  only zones  {}", view.allowed_zones.join(", "));
    }
    if !view.avoid_products.is_empty() {
        let _ = writeln!(out, "  avoid       {}", view.avoid_products.join(", "));
    }
    if !view.cleared_conditions.is_empty() {
        let _ = writeln!(out, "  cleared     {}", view.cleared_conditions.join(", "));
    }
    alert_lines(&mut out, &view.alerts);
    out
}

/// A list of alerts.
pub fn alerts(view: &AlertsView) -> String {
    let mut out = String::new();
    for alert in &view.alerts {
        let state = match &alert.acknowledged_at {
            Some(at) => format!("acknowledged {}", moment(at)),
            None if alert.rising => "open".to_owned(),
            None => "fall".to_owned(),
        };
        let _ = writeln!(
            out,
            "{}  {}  {} ({state})",
            alert.id,
            moment(&alert.at),
            alert.title
        );
        for reason in &alert.reasons {
            let _ = writeln!(out, "    {}", reason.text);
        }
    }
    let what = if view.all { "alert" } else { "open alert" };
    let _ = writeln!(out, "{}", plural(view.alerts.len() as u64, what));
    out
}

/// An alert acknowledged.
pub fn acknowledged(view: &AlertView) -> String {
    format!(
        "Acknowledged: {} ({})\n",
        view.title,
        view.acknowledged_at
            .as_ref()
            .map(moment)
            .unwrap_or_default()
    )
}

/// The upcoming reminders.
pub fn reminders(view: &RemindersView) -> String {
    let mut out = String::new();
    for r in &view.reminders {
        let due = if r.overdue { " (due now)" } else { "" };
        let _ = writeln!(out, "{}{due}  {}: {}", moment(&r.due), r.title, r.body);
    }
    let _ = writeln!(out, "{}", plural(view.reminders.len() as u64, "reminder"));
    out
}

/// The quiet hours.
pub fn quiet_hours(view: &QuietHoursView) -> String {
    match (&view.start, &view.end) {
        (Some(start), Some(end)) => format!("Quiet hours: {start} to {end}\n"),
        _ => "Quiet hours: off\n".to_owned(),
    }
}

/// Every version of a session.
pub fn history(view: &HistoryView) -> String {
    let mut out = String::new();
    for version in &view.versions {
        let _ = writeln!(
            out,
            "revision {}  saved  {}",
            version.revision,
            super::session_line(version)
        );
    }
    if let Some(at) = &view.deleted_at {
        let _ = writeln!(out, "deleted {}", moment(at));
    }
    out
}
