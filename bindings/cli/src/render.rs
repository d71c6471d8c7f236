//! Plain-text rendering of what the app's home screen shows.

use std::fmt::Write;
use std::path::Path;

use rollsafe_core::{
    BodyZone, Device, DeviceKind, Finding, Moment, PreChecks, Session, SessionPlan, Severity,
    Store, time,
};

/// How many recent sessions the home screen lists.
const RECENT_SESSIONS: usize = 8;

/// Devices, recent sessions, and whether each device may be used now and why.
pub fn home_screen(store: &Store, path: &Path, now: Moment) -> rollsafe_core::Result<String> {
    let devices = store.devices()?;
    let sessions = store.sessions()?;
    let mut out = String::new();
    let _ = writeln!(out, "RollSafe: a log of home microneedling");
    let _ = writeln!(out, "Store: {}", path.display());
    if let Some(plan) = store.care_plan()? {
        let _ = writeln!(
            out,
            "Care plan: set by {} on {}",
            plan.set_by,
            time::local_date(&plan.set_at)
        );
    }
    let _ = writeln!(out, "\nDevices");
    for device in &devices {
        let overview = store.device_overview(device.id, now)?;
        let clean = if overview.clean_for_next_use() {
            "clean for next use"
        } else {
            "needs cleaning"
        };
        let replace = match (&overview.replacement.reason, overview.replacement.due_by) {
            (Some(_), _) => "replace now".to_owned(),
            (None, Some(date)) => format!("replace by {date}"),
            (None, None) => "new".to_owned(),
        };
        let _ = writeln!(
            out,
            "  {:<13} {:<13} {:.2} mm  {} uses, {clean}, {replace}",
            device.nickname,
            device.kind.code().replace('_', " "),
            device.needle_length_mm,
            overview.wear.uses,
        );
    }
    let _ = writeln!(out, "\nRecent sessions (newest first)");
    for session in sessions.iter().take(RECENT_SESSIONS) {
        let _ = writeln!(out, "  {}", session_line(session, &devices));
    }
    let _ = writeln!(
        out,
        "\nMay I use my device now? ({})",
        now.format("%Y-%m-%d %H:%M %:z")
    );
    for device in devices.iter().filter(|d| d.is_active()) {
        let verdict = store.check_session(&usual_plan(device), now)?;
        let answer = if verdict.allowed { "yes" } else { "not now" };
        let _ = writeln!(out, "  {}: {answer}.", device.nickname);
        for finding in &verdict.findings {
            write_finding(&mut out, finding);
        }
    }
    write_risk(&mut out, store, now)?;
    write_alerts(&mut out, store)?;
    write_reminders(&mut out, store, now)?;
    let _ = writeln!(
        out,
        "\nRollSafe is a log and a reminder, not medical advice. Cleaning disinfects a device; it does not make it sterile.\n\
         If the skin gets worse instead of better after 2 to 3 days, contact your dermatologist; with fever, spreading redness or pus, seek urgent care."
    );
    Ok(out)
}

/// The current risk: preventive level with its factors, triage with its
/// prompts.
fn write_risk(out: &mut String, store: &Store, now: Moment) -> rollsafe_core::Result<()> {
    let assessment = store.assess(now)?;
    let _ = writeln!(
        out,
        "\nInfection risk from how the devices were used (last 30 days): {}",
        assessment.preventive.level.code()
    );
    for factor in &assessment.preventive.factors {
        let _ = writeln!(out, "  - {}. {}", factor.seen, factor.advice);
        let _ = writeln!(
            out,
            "      rule {} ({} evidence)",
            factor.source.rule_id,
            factor.source.evidence.code().replace('_', "-")
        );
    }
    let _ = writeln!(
        out,
        "\nSymptoms: {} ({})",
        assessment.triage.level.code(),
        assessment.triage.summary
    );
    for prompt in &assessment.triage.prompts {
        let _ = writeln!(out, "  - {}. {}", prompt.seen, prompt.advice);
        let _ = writeln!(
            out,
            "      rule {}: {}",
            prompt.source.rule_id, prompt.source.citation
        );
    }
    let _ = writeln!(out, "  {}", assessment.disclaimer);
    Ok(())
}

/// Alerts raised and not yet acknowledged.
fn write_alerts(out: &mut String, store: &Store) -> rollsafe_core::Result<()> {
    let alerts = store.open_alerts()?;
    let _ = writeln!(out, "\nOpen alerts");
    if alerts.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for alert in &alerts {
        let _ = writeln!(
            out,
            "  {}  {}",
            alert.at.format("%Y-%m-%d %H:%M %:z"),
            alert.title
        );
        for reason in &alert.reasons {
            let _ = writeln!(out, "      {}", reason.text);
        }
    }
    Ok(())
}

/// The next reminders the phone would post.
fn write_reminders(out: &mut String, store: &Store, now: Moment) -> rollsafe_core::Result<()> {
    let _ = writeln!(out, "\nUpcoming reminders (quiet hours respected)");
    for reminder in store.reminders(now)?.iter().take(RECENT_SESSIONS) {
        let when = if reminder.due <= now {
            "now".to_owned()
        } else {
            reminder.due.format("%Y-%m-%d %H:%M %:z").to_string()
        };
        let _ = writeln!(out, "  {when:<24} {}: {}", reminder.title, reminder.body);
    }
    Ok(())
}

/// The plan the home screen checks for a device: its usual zones, all
/// pre-checks clear.
fn usual_plan(device: &Device) -> SessionPlan {
    let zones = match device.kind {
        DeviceKind::ScalpRoller => vec![BodyZone::Scalp],
        _ => vec![BodyZone::Cheeks, BodyZone::Forehead],
    };
    SessionPlan {
        device_id: device.id,
        zones,
        needle_length_mm: device.is_adjustable().then_some(device.needle_length_mm),
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}

fn write_finding(out: &mut String, finding: &Finding) {
    let marker = match finding.severity {
        Severity::Blocker => "blocked",
        Severity::Warning => "warning",
    };
    let _ = writeln!(out, "    [{marker}] {}", finding.message);
    let _ = writeln!(
        out,
        "      rule {} ({} evidence): {}",
        finding.source.rule_id,
        finding.source.evidence.code().replace('_', "-"),
        finding.source.citation
    );
}

fn session_line(session: &Session, devices: &[Device]) -> String {
    let device = devices
        .iter()
        .find(|d| d.id == session.device_id)
        .map_or("(unknown device)", |d| d.nickname.as_str());
    let zones: Vec<_> = session
        .zones
        .iter()
        .map(|z| z.code().replace('_', " "))
        .collect();
    format!(
        "{}  {:<13} {:.2} mm  {}",
        session.at.format("%Y-%m-%d %H:%M %:z"),
        device,
        session.needle_length_mm,
        zones.join(", ")
    )
}
