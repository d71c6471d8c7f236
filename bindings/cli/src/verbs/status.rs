//! `rollsafe status`: the home screen of the app, in a terminal.

use std::path::Path;

use rollsafe_core::{BodyZone, Device, DeviceKind, Moment, PreChecks, SessionPlan, Store};

use crate::args::ReadArgs;
use crate::failure::Failure;
use crate::view::device::DeviceView;
use crate::view::safety::{AlertView, ReminderView, RiskView};
use crate::view::session::SessionView;
use crate::view::status::{CarePlanView, DeviceStatusView, NOTICE, StatusView, VerdictView};
use crate::{clock, log_file, paths, text, view};

/// How many recent sessions and reminders the home screen lists.
const RECENT: usize = 8;

/// Runs `rollsafe status`.
pub fn run(args: &ReadArgs) -> Result<(), Failure> {
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let now = clock::now_or_clock(args.now.now);
    let status = fetch(&store, &path, now)?;
    let out = if args.json {
        view::to_json(&status)?
    } else {
        text::status::render(&status)
    };
    super::print(&out)
}

/// Asks the core everything the home screen shows, as of `now`.
pub fn fetch(store: &Store, path: &Path, now: Moment) -> rollsafe_core::Result<StatusView> {
    let devices = store.devices()?;
    let mut device_status = Vec::with_capacity(devices.len());
    for device in &devices {
        let overview = store.device_overview(device.id, now)?;
        let verdict = if device.is_active() {
            let plan = usual_plan(device);
            let zones = plan.zones.iter().map(|z| z.code()).collect();
            Some(VerdictView::new(&store.check_session(&plan, now)?, zones))
        } else {
            None
        };
        device_status.push(DeviceStatusView {
            device: DeviceView::new(&overview, &now),
            verdict,
        });
    }
    Ok(StatusView {
        now,
        db: path.display().to_string(),
        care_plan: store.care_plan()?.map(|plan| CarePlanView {
            set_by: plan.set_by,
            set_at: plan.set_at,
        }),
        devices: device_status,
        recent_sessions: store
            .sessions()?
            .iter()
            .take(RECENT)
            .map(|s| SessionView::new(s, &devices))
            .collect(),
        risk: RiskView::from(&store.assess(now)?),
        open_alerts: store.open_alerts()?.iter().map(AlertView::from).collect(),
        reminders: store
            .reminders(now)?
            .iter()
            .take(RECENT)
            .map(|r| ReminderView::new(r, &now))
            .collect(),
        notice: NOTICE,
    })
}

/// The plan the home screen checks for a device: its usual zones (the scalp
/// for a scalp roller, cheeks and forehead otherwise), every pre-check
/// clear. The log has no "usual zones" per device, so this is the best case
/// for the most common use; the verdict says which zones it was asked for.
fn usual_plan(device: &Device) -> SessionPlan {
    let zones = match device.kind {
        DeviceKind::ScalpRoller => vec![BodyZone::Scalp],
        _ => vec![BodyZone::Cheeks, BodyZone::Forehead],
    };
    SessionPlan {
        device_id: device.id,
        zones,
        needle_length_mm: device.is_adjustable().then_some(device.needle_length_mm),
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    }
}
