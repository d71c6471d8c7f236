//! The home screen: for each device, may it be used now and why; the
//! infection risk; open alerts; upcoming reminders.

use chrono::NaiveDate;
use rollsafe_core::{Moment, SessionVerdict};
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
    /// The log file.
    pub db: String,
    /// The care plan in force, if the dermatologist set one.
    pub care_plan: Option<CarePlanView>,
    /// Every device, with its verdict when active.
    pub devices: Vec<DeviceStatusView>,
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

/// A device and the answer to "may I use it now?".
#[derive(Debug, Serialize)]
pub struct DeviceStatusView {
    /// The device and its overview.
    pub device: DeviceView,
    /// The verdict for its usual zones; `null` for a retired device.
    pub verdict: Option<VerdictView>,
}

/// The core's verdict for a session with a device's usual zones, every
/// pre-check clear: the best case; a real session's checks can only add
/// findings.
#[derive(Debug, Serialize)]
pub struct VerdictView {
    /// The zone codes the verdict was asked for.
    pub checked_zones: Vec<&'static str>,
    /// True when nothing blocks it.
    pub allowed: bool,
    /// The first local date every rest interval has passed, if not yet.
    #[serde(serialize_with = "ser::opt_date")]
    pub next_allowed_date: Option<NaiveDate>,
    /// Every reason, blockers first.
    pub findings: Vec<FindingView>,
    /// The rest interval per region.
    pub rest: Vec<RestView>,
}

impl VerdictView {
    /// The view of `verdict`, asked for `zones`.
    pub fn new(verdict: &SessionVerdict, zones: Vec<&'static str>) -> Self {
        Self {
            checked_zones: zones,
            allowed: verdict.allowed,
            next_allowed_date: verdict.next_allowed_date,
            findings: verdict.findings.iter().map(FindingView::from).collect(),
            rest: verdict.rest.iter().map(RestView::from).collect(),
        }
    }
}
