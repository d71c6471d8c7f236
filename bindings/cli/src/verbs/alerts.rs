//! `rollsafe alerts` and `rollsafe ack`: the rises of risk the core
//! recorded, and saying one was seen.

use crate::args::actions::{AckArgs, AlertsArgs};
use crate::failure::Failure;
use crate::text;
use crate::view::actions::AlertsView;
use crate::view::safety::AlertView;

use super::{alerts, lookup, open, show};

/// Runs `rollsafe alerts`.
pub fn list(args: &AlertsArgs, json: bool) -> Result<(), Failure> {
    let (store, _) = open(&args.change)?;
    let listed = if args.all {
        store.alert_history()?
    } else {
        store.open_alerts()?
    };
    let view = AlertsView {
        all: args.all,
        alerts: alerts(&listed),
    };
    show(json, "alerts", &view, text::actions::alerts)
}

/// Runs `rollsafe ack`.
pub fn acknowledge(args: &AckArgs, json: bool) -> Result<(), Failure> {
    let id = lookup::alert_id(&args.alert)?;
    let (store, now) = open(&args.change)?;
    let alert = store.acknowledge_alert(id, now)?;
    show(
        json,
        "ack",
        &AlertView::from(&alert),
        text::actions::acknowledged,
    )
}
