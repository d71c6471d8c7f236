//! The home screen: for each device in use, may a session start now on each
//! body region and why, and when next; the infection risk; open alerts;
//! upcoming reminders. Every answer is the core's `Store::today`.

use chrono::NaiveDate;
use rollsafe_core::{DeviceToday, Moment, RegionToday};
use serde::Serialize;

use super::device::DeviceView;
use super::safety::{AlertView, FindingView, ReminderView, RestView, RiskView};
use super::ser;
use super::session::SessionView;

/// What the CLI tells everyone reading a status, with every answer.
pub const NOTICE: &str = "RollSafe is a log and a reminder, not medical advice. Cleaning disinfects a device; it does not make it sterile.\n\
If the skin gets worse instead of better after 2 to 3 days, contact your dermatologist; with fever, spreading redness or pus, seek urgent care.";

/// Everything `rollsafe status` shows.
#[derive(Debug, Serialize)]
pub struct StatusView {
    /// The moment the answers are for.
    #[serde(serialize_with = "ser::moment")]
    pub now: Moment,
    /// The user's local date at that moment.
    #[serde(serialize_with = "ser::date")]
    pub date: NaiveDate,
    /// The log file.
    pub db: String,
    /// The care plan in force, if the dermatologist set one.
    pub care_plan: Option<CarePlanView>,
    /// Each device in use (retired ones are left out, as in the app; see
    /// `rollsafe devices`), oldest first, with a verdict per body region.
    pub devices: Vec<DeviceStatusView>,
    /// What every verdict leaves to the moment of logging: the skin checks
    /// are assumed to pass.
    pub skin_checks_note: &'static str,
    /// The latest sessions, newest first.
    pub recent_sessions: Vec<SessionView>,
    /// The risk assessment as of `now`.
    pub risk: RiskView,
    /// Rises of risk not yet acknowledged.
    pub open_alerts: Vec<AlertView>,
    /// The next reminders the phone would post (quiet hours respected).
    pub reminders: Vec<ReminderView>,
    /// That this is a log, not medical advice, and when to seek care.
    pub notice: &'static str,
}

/// The care plan in force.
#[derive(Debug, Serialize)]
pub struct CarePlanView {
    /// Who set it.
    pub set_by: String,
    /// When.
    #[serde(serialize_with = "ser::moment")]
    pub set_at: Moment,
}

/// A device in use and the answer to "may I use it now?".
#[derive(Debug, Serialize)]
pub struct DeviceStatusView {
    /// The device and its overview.
    pub device: DeviceView,
    /// True when a session may start now on at least one region.
    pub may_use_now: bool,
    /// The earliest day a region that must rest may be needled again;
    /// `null` when a region is free now, or when no rest interval is what
    /// stops it (the reasons say what is).
    #[serde(serialize_with = "ser::opt_date")]
    pub next_allowed_date: Option<NaiveDate>,
    /// One verdict per body region the device is for.
    pub regions: Vec<RegionStatusView>,
}

/// The core's verdict for a session now on one body region, the skin checks
/// assumed to pass.
#[derive(Debug, Serialize)]
pub struct RegionStatusView {
    /// The region code: `face`, `scalp` or `body`.
    pub region: &'static str,
    /// True when nothing blocks a session there now.
    pub allowed: bool,
    /// The first local date every rest interval has passed, if not yet.
    #[serde(serialize_with = "ser::opt_date")]
    pub next_allowed_date: Option<NaiveDate>,
    /// Every reason, blockers first.
    pub findings: Vec<FindingView>,
    /// The rest interval of the region.
    pub rest: Vec<RestView>,
}

impl DeviceStatusView {
    /// The view of the core's answer for one device, as of `now`.
    pub fn new(today: &DeviceToday, now: &Moment) -> Self {
        Self {
            device: DeviceView::new(&today.overview, now),
            may_use_now: today.may_use_now(),
            next_allowed_date: today.next_allowed_date(),
            regions: today.regions.iter().map(RegionStatusView::from).collect(),
        }
    }
}

impl From<&RegionToday> for RegionStatusView {
    fn from(region: &RegionToday) -> Self {
        let verdict = &region.verdict;
        Self {
            region: region.region.code(),
            allowed: verdict.allowed,
            next_allowed_date: verdict.next_allowed_date,
            findings: verdict.findings.iter().map(FindingView::from).collect(),
            rest: verdict.rest.iter().map(RestView::from).collect(),
        }
    }
}
