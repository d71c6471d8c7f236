//! `rollsafe status`: the home screen of the app, in a terminal. The core's
//! `Store::today` decides every answer; this verb only adds the care plan
//! and the recent sessions the screen lists.

use std::path::Path;

use rollsafe_core::today::SKIN_CHECKS_NOTE;
use rollsafe_core::{Moment, Store};

use crate::args::ReadArgs;
use crate::failure::Failure;
use crate::view::safety::{AlertView, ReminderView, RiskView};
use crate::view::session::SessionView;
use crate::view::status::{CarePlanView, DeviceStatusView, NOTICE, StatusView};
use crate::{clock, log_file, paths, text, view};

/// How many recent sessions and reminders the home screen lists.
const RECENT: usize = 8;

/// Runs `rollsafe status`.
pub fn run(args: &ReadArgs, json: bool) -> Result<(), Failure> {
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let now = clock::now_or_clock(args.now.now);
    let status = fetch(&store, &path, now)?;
    let out = if json {
        view::to_json("status", &status)?
    } else {
        text::status::render(&status)
    };
    super::print(&out)
}

/// Asks the core everything the home screen shows, as of `now`.
pub fn fetch(store: &Store, path: &Path, now: Moment) -> rollsafe_core::Result<StatusView> {
    let today = store.today(now)?;
    let devices = store.devices()?;
    Ok(StatusView {
        now,
        date: today.date,
        db: path.display().to_string(),
        care_plan: store.care_plan()?.map(|plan| CarePlanView {
            set_by: plan.set_by,
            set_at: plan.set_at,
        }),
        devices: today
            .devices
            .iter()
            .map(|device| DeviceStatusView::new(device, &now))
            .collect(),
        skin_checks_note: SKIN_CHECKS_NOTE,
        recent_sessions: store
            .sessions()?
            .iter()
            .take(RECENT)
            .map(|s| SessionView::new(s, &devices))
            .collect(),
        risk: RiskView::from(&today.assessment),
        open_alerts: today.open_alerts.iter().map(AlertView::from).collect(),
        reminders: today
            .reminders
            .iter()
            .take(RECENT)
            .map(|r| ReminderView::new(r, &now))
            .collect(),
        notice: NOTICE,
    })
}
