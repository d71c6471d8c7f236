//! Plain-text rendering of the views, for people at a terminal. Only layout
//! is decided here; every word of advice comes from the core.

pub mod actions;
pub mod devices;
pub mod import;
pub mod sessions;
pub mod status;

use rollsafe_core::Moment;

use crate::view::device::DeviceView;
use crate::view::session::SessionView;

/// A moment as the user's clock showed it then.
fn moment(at: &Moment) -> String {
    at.format("%Y-%m-%d %H:%M %:z").to_string()
}

/// A count with its noun, singular for one: `1 session`, `2 sessions`.
pub fn plural(count: u64, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A stable code made readable: `scalp_roller` becomes `scalp roller`.
fn words(code: &str) -> String {
    code.replace('_', " ")
}

/// One line per device: name, kind, needle, uses, cleaning, replacement.
pub fn device_line(device: &DeviceView) -> String {
    let clean = if device.cleaning.clean_for_next_use() {
        "clean for next use"
    } else {
        "needs cleaning"
    };
    let replace = match (&device.replacement.reason, device.replacement.due_by) {
        (Some(_), _) => "replace now".to_owned(),
        (None, Some(date)) => format!("replace by {date}"),
        (None, None) => "new".to_owned(),
    };
    let retired = if device.is_active() { "" } else { ", retired" };
    format!(
        "{:<13} {:<13} {:.2} mm  {}, {clean}, {replace}{retired}",
        device.nickname,
        words(device.kind),
        device.needle_length_mm,
        plural(u64::from(device.uses), "use"),
    )
}

/// One line per session: when, device, needle, zones.
pub fn session_line(session: &SessionView) -> String {
    let zones: Vec<String> = session.zones.iter().map(|z| words(z)).collect();
    format!(
        "{}  {:<13} {:.2} mm  {}",
        moment(&session.at),
        session.device.as_deref().unwrap_or("(unknown device)"),
        session.needle_length_mm,
        zones.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(0, "session"), "0 sessions");
        assert_eq!(plural(1, "session"), "1 session");
        assert_eq!(plural(2, "day"), "2 days");
    }
}
