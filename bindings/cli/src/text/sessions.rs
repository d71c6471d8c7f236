//! `rollsafe sessions` as text: the timeline, one line per session with its
//! products, overrides and notes beneath.

use std::fmt::Write;

use crate::view::session::SessionsView;

/// The timeline, oldest first.
pub fn render(view: &SessionsView) -> String {
    let sessions = &view.sessions;
    let mut out = String::new();
    if sessions.is_empty() {
        let _ = writeln!(out, "No sessions in this period.");
    }
    for session in sessions {
        let _ = writeln!(out, "{}", super::session_line(session));
        let mut details = Vec::new();
        if let Some(passes) = session.passes {
            details.push(if passes == 1 {
                "1 pass".to_owned()
            } else {
                format!("{passes} passes")
            });
        }
        if let Some(pain) = session.pain {
            details.push(format!("pain {pain}/10"));
        }
        if !details.is_empty() {
            let _ = writeln!(out, "    {}", details.join(", "));
        }
        for product in &session.products {
            let _ = writeln!(out, "    {} needling: {}", product.timing, product.name);
        }
        for overridden in &session.overrides {
            let _ = writeln!(
                out,
                "    overridden [{}]: {}",
                overridden.code, overridden.message
            );
        }
        if let Some(notes) = &session.notes {
            let _ = writeln!(out, "    note: {notes}");
        }
    }
    let _ = writeln!(out, "{}", super::plural(sessions.len() as u64, "session"));
    out
}
