//! `rollsafe devices` as text: one block per device.

use std::fmt::Write;

use crate::view::device::DevicesView;

/// Every device with its wear, replacement and cleaning state.
pub fn render(view: &DevicesView) -> String {
    let devices = &view.devices;
    let mut out = String::new();
    if devices.is_empty() {
        let _ = writeln!(out, "No devices in this log yet.");
    }
    for device in devices {
        let _ = writeln!(out, "{}", super::device_line(device));
        let _ = writeln!(out, "  id            {}", device.id);
        let _ = writeln!(out, "  material      {}", super::words(device.material));
        if let Some(brand) = &device.brand {
            let _ = writeln!(out, "  brand         {brand}");
        }
        let head = match (device.head_started, device.age_days) {
            (Some(started), Some(age)) => format!(
                "since {started}, {}",
                super::plural(age.unsigned_abs(), "day")
            ),
            _ => "not used yet".to_owned(),
        };
        let _ = writeln!(
            out,
            "  uses          {} with this head ({head}), {} in all",
            device.uses, device.total_uses
        );
        if let Some(at) = &device.last_used_at {
            let _ = writeln!(out, "  last used     {}", super::moment(at));
        }
        let replacement = &device.replacement;
        let _ = writeln!(
            out,
            "  replacement   after {} or {} ({} left); rule {}",
            super::plural(u64::from(replacement.max_uses), "use"),
            super::plural(u64::from(replacement.max_days), "day"),
            super::plural(u64::from(replacement.uses_left), "use"),
            replacement.rule_id
        );
        if let Some(reason) = &replacement.reason {
            let _ = writeln!(out, "                replace before the next use: {reason}");
        }
        let cleaning = match (device.cleaning.method, device.cleaning.soak_minutes) {
            (Some(method), Some(minutes)) => format!(
                "{} (last: {}, {minutes} min)",
                super::words(device.cleaning.state),
                super::words(method)
            ),
            (Some(method), None) => format!(
                "{} (last: {})",
                super::words(device.cleaning.state),
                super::words(method)
            ),
            _ => super::words(device.cleaning.state),
        };
        let _ = writeln!(out, "  cleaning      {cleaning}");
        if device.shared {
            let _ = writeln!(out, "  shared        someone else uses it too");
        }
        if device.damaged {
            let _ = writeln!(out, "  damaged       bent needles or a rough roll reported");
        }
        if let Some(at) = &device.retired_at {
            let _ = writeln!(out, "  retired       {}", super::moment(at));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(
        out,
        "Clean for next use means an adequate cleaning was logged since the last use; no cleaning makes a device sterile."
    );
    out
}
