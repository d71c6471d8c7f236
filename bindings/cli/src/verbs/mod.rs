//! One file per verb: each reads its options and the clock, asks the core,
//! and hands what it got to `view/` and `text/` to print.

pub mod alerts;
pub mod care_plan;
pub mod check;
pub mod clean;
pub mod device;
pub mod devices;
pub mod docs;
pub mod export;
pub mod import;
pub mod init;
pub mod log;
pub mod lookup;
pub mod plan;
pub mod profile;
pub mod reminders;
pub mod report;
pub mod reports;
pub mod session;
pub mod sessions;
pub mod status;
pub mod symptom;

use rollsafe_core::{Alert, Moment, Store};
use serde::Serialize;

use crate::args::actions::ChangeArgs;
use crate::failure::Failure;
use crate::view::safety::AlertView;
use crate::{clock, log_file, paths, view};

/// Opens the existing log `args` name, and the moment of the change.
pub fn open(args: &ChangeArgs) -> Result<(Store, Moment), Failure> {
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    Ok((store, clock::now_or_clock(args.now.now)))
}

/// The views of the alerts a change raised.
pub fn alerts(alerts: &[Alert]) -> Vec<AlertView> {
    alerts.iter().map(AlertView::from).collect()
}

/// Prints `value` as the JSON output `output`, or as `text` renders it.
pub fn show<T: Serialize>(
    json: bool,
    output: &'static str,
    value: &T,
    text: impl FnOnce(&T) -> String,
) -> Result<(), Failure> {
    let out = if json {
        view::to_json(output, value)?
    } else {
        text(value)
    };
    print(&out)
}

/// Prints `text` to standard output as it is.
pub fn print(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::storage(format!("cannot write to standard output: {e}")))
}
