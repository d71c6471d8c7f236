//! `rollsafe log`: records a session. The core checks it and says which
//! findings need an acknowledgement; a terminal shows each and asks, a
//! script gives them with `--ack CODE`. Nothing is recorded until every one
//! is acknowledged: the core refuses otherwise.

use rollsafe_core::{Error, NewSession};

use crate::args::actions::LogArgs;
use crate::failure::Failure;
use crate::text;
use crate::view::actions::{LoggedView, VerdictView};
use crate::view::session::SessionView;

use super::plan::{Unanswered, ask_yes_no, on_terminal, plan};
use super::{alerts, open, show};

/// Runs `rollsafe log`.
pub fn run(args: &LogArgs, json: bool) -> Result<(), Failure> {
    let (store, now) = open(&args.change)?;
    let interactive = !args.no_input && on_terminal();
    let unanswered = if interactive {
        Unanswered::Ask
    } else {
        Unanswered::Refuse
    };
    let new = NewSession {
        plan: plan(&store, &args.plan, unanswered)?,
        at: args.at.at.unwrap_or(now),
        passes: args.passes,
        pain: args.pain,
        notes: args.notes.clone(),
    };
    let mut acks = args.acks.clone();
    let changed = loop {
        match store.record_session(new.clone(), &acks, now) {
            Ok(changed) => break changed,
            Err(Error::Blocked { blockers }) if interactive => {
                eprintln!("This session needs an explicit decision; nothing is recorded yet.");
                for finding in &blockers {
                    let severity = match finding.severity {
                        rollsafe_core::Severity::Blocker => "BLOCKER",
                        _ => "caution",
                    };
                    eprintln!("  {severity} [{}] {}", finding.code.code(), finding.message);
                    if !ask_yes_no("  Go ahead anyway, recording that you overrode it?")?.yes() {
                        return Err(Failure::input("not confirmed; nothing was recorded"));
                    }
                    acks.push(finding.code.code().to_owned());
                }
            }
            Err(error @ Error::Blocked { .. }) => {
                return Err(Failure::from(error).with_context(
                    "nothing was recorded; read `rollsafe check`, then add --ack CODE for each: ",
                ));
            }
            Err(error) => return Err(error.into()),
        }
    };
    let devices = store.devices()?;
    let recorded = &changed.value;
    let view = LoggedView {
        session: SessionView::new(&recorded.session, &devices),
        verdict: VerdictView::from(&recorded.verdict),
        alerts: alerts(&changed.alerts),
    };
    show(json, "log", &view, text::actions::logged)
}
