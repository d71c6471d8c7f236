//! `rollsafe clean` and `rollsafe soak`: a cleaning recorded, or a soak
//! timer started (the next cleaning stops it).

use rollsafe_core::NewCleaning;

use crate::args::actions::{CleanArgs, SoakArgs};
use crate::failure::Failure;
use crate::text;
use crate::view::actions::{CleaningRecordView, SoakView};
use crate::view::safety::ReminderView;

use super::{alerts, lookup, open, show};

/// Runs `rollsafe clean`.
pub fn clean(args: &CleanArgs, json: bool) -> Result<(), Failure> {
    let (store, now) = open(&args.device.change)?;
    let device = lookup::device(&store, &args.device.device)?;
    let changed = store.record_cleaning(
        NewCleaning {
            device_id: device.id,
            at: args.at.at.unwrap_or(now),
            method: args.method,
            soak_minutes: args.minutes,
        },
        now,
    )?;
    let view = CleaningRecordView::new(&changed.value, alerts(&changed.alerts));
    show(json, "cleaning", &view, text::actions::cleaning)
}

/// Runs `rollsafe soak`.
pub fn soak(args: &SoakArgs, json: bool) -> Result<(), Failure> {
    let (store, now) = open(&args.device.change)?;
    let device = lookup::device(&store, &args.device.device)?;
    let started_at = args.started.unwrap_or(now);
    store.start_soak_timer(device.id, started_at, args.minutes, now)?;
    let view = SoakView {
        device_id: device.id.to_string(),
        started_at,
        minutes: args.minutes,
        reminders: store
            .reminders(now)?
            .iter()
            .map(|r| ReminderView::new(r, &now))
            .collect(),
    };
    show(json, "soak", &view, text::actions::soak)
}
