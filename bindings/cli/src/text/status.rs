//! The home screen as text: what `rollsafe status` and `rollsafe demo` print.

use std::fmt::Write;

use crate::view::safety::{AlertView, FindingView, ReminderView, RiskView};
use crate::view::status::StatusView;

/// The home screen.
pub fn render(status: &StatusView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "RollSafe: a log of home microneedling");
    let _ = writeln!(out, "Store: {}", status.db);
    if let Some(plan) = &status.care_plan {
        let _ = writeln!(
            out,
            "Care plan: set by {} on {}",
            plan.set_by,
            plan.set_at.date_naive()
        );
    }
    let _ = writeln!(out, "\nDevices");
    if status.devices.is_empty() {
        let _ = writeln!(out, "  none yet");
    }
    for entry in &status.devices {
        let _ = writeln!(out, "  {}", super::device_line(&entry.device));
    }
    let _ = writeln!(out, "\nRecent sessions (newest first)");
    if status.recent_sessions.is_empty() {
        let _ = writeln!(out, "  none yet");
    }
    for session in &status.recent_sessions {
        let _ = writeln!(out, "  {}", super::session_line(session));
    }
    let _ = writeln!(
        out,
        "\nMay I use my device now? ({})",
        super::moment(&status.now)
    );
    for entry in &status.devices {
        let Some(verdict) = &entry.verdict else {
            continue;
        };
        let answer = if verdict.allowed { "yes" } else { "not now" };
        let zones: Vec<String> = verdict
            .checked_zones
            .iter()
            .map(|z| super::words(z))
            .collect();
        let _ = writeln!(
            out,
            "  {} (asked for {}, every pre-check clear): {answer}.",
            entry.device.nickname,
            zones.join(", ")
        );
        for finding in &verdict.findings {
            write_finding(&mut out, finding);
        }
    }
    write_risk(&mut out, &status.risk);
    write_alerts(&mut out, &status.open_alerts);
    write_reminders(&mut out, &status.reminders);
    let _ = writeln!(out, "\n{}", status.notice);
    out
}

fn write_finding(out: &mut String, finding: &FindingView) {
    let marker = match finding.severity {
        "blocker" => "blocked",
        other => other,
    };
    let _ = writeln!(out, "    [{marker}] {}", finding.message);
    let _ = writeln!(
        out,
        "      rule {} ({} evidence): {}",
        finding.source.rule_id,
        finding.source.evidence.replace('_', "-"),
        finding.source.citation
    );
}

/// The preventive level with its factors, the triage with its prompts.
fn write_risk(out: &mut String, risk: &RiskView) {
    let _ = writeln!(
        out,
        "\nInfection risk from how the devices were used (last 30 days): {}",
        risk.preventive_level
    );
    for factor in &risk.factors {
        let _ = writeln!(out, "  - {}. {}", factor.seen, factor.advice);
        let _ = writeln!(
            out,
            "      rule {} ({} evidence)",
            factor.source.rule_id,
            factor.source.evidence.replace('_', "-")
        );
    }
    let _ = writeln!(
        out,
        "\nSymptoms: {} ({})",
        risk.triage_level, risk.triage_summary
    );
    for prompt in &risk.prompts {
        let _ = writeln!(out, "  - {}. {}", prompt.seen, prompt.advice);
        let _ = writeln!(
            out,
            "      rule {}: {}",
            prompt.source.rule_id, prompt.source.citation
        );
    }
    let _ = writeln!(out, "  {}", risk.disclaimer);
}

/// Rises of risk not yet acknowledged.
fn write_alerts(out: &mut String, alerts: &[AlertView]) {
    let _ = writeln!(out, "\nOpen alerts");
    if alerts.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for alert in alerts {
        let _ = writeln!(out, "  {}  {}", super::moment(&alert.at), alert.title);
        for reason in &alert.reasons {
            let _ = writeln!(out, "      {}", reason.text);
        }
    }
}

/// The next reminders the phone would post.
fn write_reminders(out: &mut String, reminders: &[ReminderView]) {
    let _ = writeln!(out, "\nUpcoming reminders (quiet hours respected)");
    if reminders.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for reminder in reminders {
        let when = if reminder.overdue {
            "now".to_owned()
        } else {
            super::moment(&reminder.due)
        };
        let _ = writeln!(out, "  {when:<24} {}: {}", reminder.title, reminder.body);
    }
}
