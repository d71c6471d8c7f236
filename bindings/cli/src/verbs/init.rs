//! `rollsafe init`: the one verb that starts a new log, so that every other
//! verb can refuse a path where there is none (a typo never starts a second,
//! empty log beside the real one).

use serde::Serialize;

use crate::args::DbArg;
use crate::failure::{ErrorCode, Failure};
use crate::{log_file, paths};

use super::show;

/// What `rollsafe init --json` prints.
#[derive(Debug, Serialize)]
pub struct InitView {
    /// The new log's path.
    pub db: String,
}

/// Runs `rollsafe init`.
pub fn run(args: &DbArg, json: bool) -> Result<(), Failure> {
    let path = paths::db_or_default(args.db.as_deref());
    if path.exists() {
        return Err(Failure::input(format!(
            "{} already exists; `rollsafe init` only starts a new log",
            path.display()
        ))
        .coded(ErrorCode::FileExists)
        .at_field("db"));
    }
    let opened = log_file::open_or_create(&path)?;
    drop(opened);
    let view = InitView {
        db: path.display().to_string(),
    };
    show(json, "init", &view, |v| {
        format!(
            "Started a new log at {}. Next: `rollsafe device add --help`.\n",
            v.db
        )
    })
}
