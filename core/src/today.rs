//! "May I use my device today?": the home screen's answer, per device and
//! body region, with the risk, the open alerts and what comes next.
//!
//! The log cannot know how the skin looks today, so each answer assumes the
//! pre-session checks will pass and says so ([`SKIN_CHECKS_NOTE`]): the
//! questions about breakouts, cold sores, wounds and sunburn come when the
//! user logs the session, and can still block it then.

use chrono::NaiveDate;

use crate::alert::Alert;
use crate::device_overview::DeviceOverview;
use crate::reminders::Reminder;
use crate::risk::Assessment;
use crate::verdict::SessionVerdict;
use crate::zone::BodyRegion;

/// What every answer of [`Today`] leaves to the moment of logging.
pub const SKIN_CHECKS_NOTE: &str = "As far as the log knows. Before you start, RollSafe asks about \
your skin (breakouts, cold sores, wounds, sunburn) and the device's cleaning, and may still say no.";

/// The home screen as of a moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Today {
    /// The user's local date at that moment.
    pub date: NaiveDate,
    /// Each device in use (retired ones are left out), oldest first.
    pub devices: Vec<DeviceToday>,
    /// The current risk, with its reasons.
    pub assessment: Assessment,
    /// Rises not yet acknowledged, oldest first.
    pub open_alerts: Vec<Alert>,
    /// The upcoming reminders, soonest first.
    pub reminders: Vec<Reminder>,
}

/// One device: what the log says about it, and a verdict per body region.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviceToday {
    /// Wear, replacement and cleaning.
    pub overview: DeviceOverview,
    /// The verdict for a session now on each region the device is for
    /// (a scalp roller: the scalp; any other device: face, scalp and body),
    /// with the pre-session checks assumed to pass.
    pub regions: Vec<RegionToday>,
}

/// The verdict for a session on one body region.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionToday {
    /// The region.
    pub region: BodyRegion,
    /// Whether a session may start now, every reason, and the next allowed day.
    pub verdict: SessionVerdict,
}

impl DeviceToday {
    /// True when a session may start now on at least one region.
    pub fn may_use_now(&self) -> bool {
        self.regions.iter().any(|r| r.verdict.allowed)
    }

    /// The earliest day a region becomes free by waiting alone: over the
    /// regions held back only by their rest interval. `None` when a region is
    /// free now, or when every region is also held back by something no date
    /// clears (a device to clean or replace, a care-plan limit): then the
    /// findings say what to do.
    pub fn next_allowed_date(&self) -> Option<NaiveDate> {
        if self.may_use_now() {
            return None;
        }
        self.regions
            .iter()
            .filter(|r| {
                r.verdict
                    .blockers()
                    .all(|f| f.code == crate::verdict::FindingCode::IntervalNotElapsed)
            })
            .filter_map(|r| r.verdict.next_allowed_date)
            .min()
    }
}
