//! `rollsafe sessions`: the session timeline, oldest first, optionally for
//! a period of local days.

use rollsafe_core::Store;
use rollsafe_core::export::Period;

use crate::args::SessionsArgs;
use crate::failure::Failure;
use crate::view::session::{SessionView, SessionsView};
use crate::{log_file, paths, period, text, view};

/// Runs `rollsafe sessions`.
pub fn run(args: &SessionsArgs, json: bool) -> Result<(), Failure> {
    let chosen = period::chosen(&args.period)?;
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let sessions = SessionsView {
        from: chosen.map(|p| p.from()),
        to: chosen.map(|p| p.to()),
        sessions: fetch(&store, &chosen.unwrap_or_else(Period::everything))?,
    };
    let out = if json {
        view::to_json("sessions", &sessions)?
    } else {
        text::sessions::render(&sessions)
    };
    super::print(&out)
}

/// The sessions whose local date falls in `period`, oldest first.
fn fetch(store: &Store, period: &Period) -> rollsafe_core::Result<Vec<SessionView>> {
    let devices = store.devices()?;
    let mut sessions: Vec<SessionView> = store
        .sessions()?
        .iter()
        .filter(|s| period.contains(&s.at))
        .map(|s| SessionView::new(s, &devices))
        .collect();
    rollsafe_core::sorting::sort_by_key(&mut sessions, |s| s.at);
    Ok(sessions)
}
