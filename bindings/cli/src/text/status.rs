//! The home screen as text: what `rollsafe status` and `rollsafe demo` print.

use std::fmt::Write;

use crate::view::safety::{AlertView, FindingView, ReminderView, RiskView};
use crate::view::status::{DeviceStatusView, StatusView};

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
    let _ = writeln!(out, "\nDevices in use");
    if status.devices.is_empty() {
        let _ = writeln!(out, "  none");
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
    write_verdicts(&mut out, status);
    write_risk(&mut out, &status.risk);
    write_alerts(&mut out, &status.open_alerts);
    write_reminders(&mut out, &status.reminders);
    let _ = writeln!(out, "\n{}", status.notice);
    out
}

/// Per device in use, the answer for each body region with its reasons,
/// then what the answers leave to the moment of logging.
fn write_verdicts(out: &mut String, status: &StatusView) {
    let _ = writeln!(
        out,
        "\nMay I use my device now? ({})",
        super::moment(&status.now)
    );
    if status.devices.is_empty() {
        let _ = writeln!(out, "  no device in use");
    }
    for entry in &status.devices {
        write_device_verdict(out, entry);
    }
    let _ = writeln!(out, "  {}", status.skin_checks_note);
}

/// One device: the overall answer, the reasons every region shares (printed
/// once), then each region with its own reasons. Only the layout is decided
/// here: the answers and the reasons are the core's.
fn write_device_verdict(out: &mut String, entry: &DeviceStatusView) {
    let regions = &entry.regions;
    let answer = if entry.may_use_now {
        let allowed: Vec<&str> = regions
            .iter()
            .filter(|r| r.allowed)
            .map(|r| r.region)
            .collect();
        format!("yes, on the {}", allowed.join(", the "))
    } else {
        match entry.next_allowed_date {
            Some(date) => {
                format!("not now; the earliest a resting region is free again: {date}")
            }
            None => "not now".to_owned(),
        }
    };
    let _ = writeln!(out, "  {}: {answer}.", entry.device.nickname);
    let shared = |finding: &FindingView| {
        regions.len() > 1
            && regions.iter().all(|r| {
                r.findings
                    .iter()
                    .any(|f| f.code == finding.code && f.message == finding.message)
            })
    };
    let first = regions.first().map_or(&[][..], |r| &r.findings[..]);
    for finding in first.iter().filter(|f| shared(f)) {
        write_finding(out, "    ", finding);
    }
    for region in regions {
        let answer = match (region.allowed, region.next_allowed_date) {
            (true, _) => "yes".to_owned(),
            (false, Some(date)) => format!("not now (rest until {date})"),
            (false, None) if region.findings.iter().all(shared) => "not now (see above)".to_owned(),
            (false, None) => "not now".to_owned(),
        };
        let _ = writeln!(out, "    {}: {answer}", region.region);
        for finding in region.findings.iter().filter(|f| !shared(f)) {
            write_finding(out, "      ", finding);
        }
    }
}

fn write_finding(out: &mut String, indent: &str, finding: &FindingView) {
    let marker = match finding.severity {
        "blocker" => "blocked",
        other => other,
    };
    let _ = writeln!(out, "{indent}[{marker}] {}", finding.message);
    let _ = writeln!(
        out,
        "{indent}  rule {} ({} evidence): {}",
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
    if !risk.other_risks.is_empty() {
        let _ = writeln!(out, "\nOther risks, apart from infection:");
        for factor in &risk.other_risks {
            let _ = writeln!(out, "  - {}. {}", factor.seen, factor.advice);
        }
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
