//! The home screen as it crosses the boundary.

use rollsafe_core as core;

use crate::enums::BodyRegion;
use crate::records::{Alert, Assessment, DeviceOverview, Reminder, SessionVerdict};
use crate::time::CalendarDate;

/// The home screen as of a moment: may each device be used now, on which
/// region, and when next; the risk; open alerts; upcoming reminders.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Today {
    /// The user's local date.
    pub date: CalendarDate,
    /// Each device in use, oldest first (retired ones left out).
    pub devices: Vec<DeviceToday>,
    /// The current risk with its reasons.
    pub assessment: Assessment,
    /// Rises not yet acknowledged, oldest first.
    pub open_alerts: Vec<Alert>,
    /// The upcoming reminders, soonest first.
    pub reminders: Vec<Reminder>,
    /// What the answers leave to the moment of logging (the skin checks):
    /// show it beside them.
    pub skin_checks_note: String,
}

/// One device on the home screen.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct DeviceToday {
    /// Wear, replacement and cleaning.
    pub overview: DeviceOverview,
    /// The verdict per body region the device is for.
    pub regions: Vec<RegionToday>,
    /// True when a session may start now on at least one region.
    pub may_use_now: bool,
    /// When no region is free now: the earliest day one will be.
    pub next_allowed_date: Option<CalendarDate>,
}

/// The verdict for a session now on one body region.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RegionToday {
    /// The region.
    pub region: BodyRegion,
    /// Allowed or not, every reason, the rest and the next allowed day.
    pub verdict: SessionVerdict,
}

impl From<core::Today> for Today {
    fn from(today: core::Today) -> Self {
        Self {
            date: today.date.into(),
            devices: today.devices.into_iter().map(DeviceToday::from).collect(),
            assessment: today.assessment.into(),
            open_alerts: today.open_alerts.into_iter().map(Alert::from).collect(),
            reminders: today.reminders.into_iter().map(Reminder::from).collect(),
            skin_checks_note: core::today::SKIN_CHECKS_NOTE.to_owned(),
        }
    }
}

impl From<core::DeviceToday> for DeviceToday {
    fn from(device: core::DeviceToday) -> Self {
        let may_use_now = device.may_use_now();
        let next_allowed_date = device.next_allowed_date().map(CalendarDate::from);
        Self {
            overview: device.overview.into(),
            regions: device
                .regions
                .into_iter()
                .map(|r| RegionToday {
                    region: r.region,
                    verdict: r.verdict.into(),
                })
                .collect(),
            may_use_now,
            next_allowed_date,
        }
    }
}
