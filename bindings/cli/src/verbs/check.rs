//! `rollsafe check`: the core's verdict on a planned session, before it
//! starts. Unanswered pre-checks are taken as passing, and the verdict's
//! reasons say what the answers would change.

use crate::args::actions::CheckArgs;
use crate::failure::Failure;
use crate::text;
use crate::view::actions::VerdictView;

use super::plan::{Unanswered, plan};
use super::{open, show};

/// Runs `rollsafe check`.
pub fn run(args: &CheckArgs, json: bool) -> Result<(), Failure> {
    let (store, now) = open(&args.change)?;
    let plan = plan(&store, &args.plan, Unanswered::AssumeClear)?;
    let verdict = store.check_session(&plan, now)?;
    show(
        json,
        "check",
        &VerdictView::from(&verdict),
        text::actions::verdict,
    )
}
