//! Plain-text rendering of what the app's home screen shows.

use std::fmt::Write;
use std::path::Path;

use rollsafe_core::{Device, Moment, Session, Severity, Store, time};

/// How many recent sessions the home screen lists.
const RECENT_SESSIONS: usize = 8;

/// Devices, recent sessions, and whether each device may be used now and why.
pub fn home_screen(store: &Store, path: &Path, now: Moment) -> rollsafe_core::Result<String> {
    let devices = store.devices()?;
    let sessions = store.sessions()?;
    let mut out = String::new();
    let _ = writeln!(out, "RollSafe: a log of home microneedling");
    let _ = writeln!(out, "Store: {}", path.display());
    let _ = writeln!(out, "\nDevices");
    for device in &devices {
        let _ = writeln!(
            out,
            "  {:<14} {:<13} {:.2} mm   added {}",
            device.nickname,
            device.kind.code().replace('_', " "),
            device.needle_length_mm,
            time::local_date(&device.added_at)
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
    for device in &devices {
        let verdict = store.can_start_session(device.id, now)?;
        let days = verdict.interval_rule.min_rest_days;
        if verdict.allowed {
            let last = verdict
                .last_session_date
                .map(|d| format!("last session {d}; "))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}: yes ({last}minimum rest {days} days).",
                device.nickname
            );
        } else {
            let _ = writeln!(out, "  {}: not yet.", device.nickname);
        }
        for finding in &verdict.findings {
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
    }
    let _ = writeln!(
        out,
        "\nRollSafe is a log and a reminder, not medical advice. If the skin gets worse instead of better, ask your dermatologist."
    );
    Ok(out)
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
        "{}  {:<14} {:.2} mm  {}",
        session.at.format("%Y-%m-%d %H:%M %:z"),
        device,
        session.needle_length_mm,
        zones.join(", ")
    )
}
