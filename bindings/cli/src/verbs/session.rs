//! `rollsafe session edit|delete|history`: changing one session keeps every
//! earlier version, as the core stores them.

use rollsafe_core::NewSession;

use crate::args::actions::{SessionCommand, SessionEditArgs, YesNo};
use crate::failure::Failure;
use crate::text;
use crate::view::actions::{DeletedView, HistoryView, SessionChangedView};
use crate::view::session::SessionView;

use super::plan::{Unanswered, plan};
use super::{alerts, lookup, open, show};

/// Runs `rollsafe session ...`.
pub fn run(command: &SessionCommand, json: bool) -> Result<(), Failure> {
    match command {
        SessionCommand::Edit(args) => edit(args, json),
        SessionCommand::Delete(args) => {
            let id = lookup::session_id(&args.session)?;
            let (store, now) = open(&args.change)?;
            let changed = store.delete_session(id, now)?;
            let view = DeletedView {
                session_id: id.to_string(),
                alerts: alerts(&changed.alerts),
            };
            show(json, "session_delete", &view, |v| {
                format!(
                    "Session {} deleted (it stays in its history).\n",
                    v.session_id
                )
            })
        }
        SessionCommand::History(args) => {
            let id = lookup::session_id(&args.session)?;
            let (store, _) = open(&args.change)?;
            let history = store.session_history(id)?;
            let view = HistoryView::new(&history, &store.devices()?);
            show(json, "session_history", &view, text::actions::history)
        }
    }
}

/// The edit replaces the details with what is given; pre-checks not given
/// keep the answers the session was recorded with.
fn edit(args: &SessionEditArgs, json: bool) -> Result<(), Failure> {
    let id = lookup::session_id(&args.session)?;
    let (store, now) = open(&args.change)?;
    let current = store.session(id)?;
    let mut planned = plan(&store, &args.plan, Unanswered::AssumeClear)?;
    let given = &args.plan.pre_checks;
    let was = current.pre_checks;
    // Each flag answers its question: yes is the fact it names.
    let pick = |answer: Option<YesNo>, old: bool| answer.map_or(old, YesNo::yes);
    planned.pre_checks = rollsafe_core::PreChecks {
        device_cleaned: pick(given.device_cleaned, was.device_cleaned),
        skin_clean: pick(given.skin_clean, was.skin_clean),
        active_breakout: pick(given.breakout, was.active_breakout),
        cold_sore: pick(given.cold_sore, was.cold_sore),
        open_wound: pick(given.open_wound, was.open_wound),
        sunburn: pick(given.sunburn, was.sunburn),
    };
    let edit = NewSession {
        plan: planned,
        at: args.at.at.unwrap_or(current.at),
        passes: args.passes.or(current.passes),
        pain: args.pain.or(current.pain),
        notes: args.notes.clone().or(current.notes),
    };
    let changed = store.edit_session(id, edit, now)?;
    let view = SessionChangedView {
        session: SessionView::new(&changed.value, &store.devices()?),
        alerts: alerts(&changed.alerts),
    };
    show(json, "session_edit", &view, |v| {
        format!(
            "Session edited: {}\n  revision {}\n",
            text::session_line(&v.session),
            v.session.revision
        )
    })
}
