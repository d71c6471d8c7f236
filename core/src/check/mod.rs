//! The pre-session check: every rule applied to a planned session.
//!
//! A pure function of what the log says (gathered by the store into a
//! [`CheckContext`]) and `now`: the same log and the same `now` always give
//! the same verdict, in the same order.

mod device;
mod interval;
mod person;
mod symptoms;

pub use symptoms::OpenPrompt;

use crate::care_plan::CarePlan;
use crate::cleaning::CleaningMethod;
use crate::device::Device;
use crate::profile::Profile;

use crate::session::ValidPlan;
use crate::time::{self, Moment};
use crate::verdict::SessionVerdict;
use crate::wear::DeviceWear;
use crate::zone::BodyRegion;

/// The last session on one body region before the check.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionLastSession {
    /// The region.
    pub region: BodyRegion,
    /// When the session took place.
    pub at: Moment,
    /// The needle length it used.
    pub needle_length_mm: f64,
}

/// Whether the device was cleaned adequately since it was last used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CleaningState {
    /// An adequate cleaning was logged since its last use.
    CleanForNextUse,
    /// It was never used and no adequate cleaning was logged.
    NotCleanedBeforeFirstUse,
    /// Nothing was logged since its last use.
    NotCleanedSinceLastUse,
    /// The latest cleaning since its last use was not adequate.
    Inadequate {
        /// How it was cleaned.
        method: CleaningMethod,
        /// For soaks, the minutes.
        soak_minutes: Option<u32>,
    },
}

/// Everything the check reads, gathered from the log as of `now`.
#[derive(Clone, Debug)]
pub struct CheckContext<'a> {
    /// The device to be used.
    pub device: &'a Device,
    /// The validated plan.
    pub plan: &'a ValidPlan,
    /// The moment of the check (or of the session, when recording).
    pub now: Moment,
    /// The current profile, if saved.
    pub profile: Option<&'a Profile>,
    /// The care plan in force, if any.
    pub care_plan: Option<&'a CarePlan>,
    /// The device's wear up to `now`.
    pub wear: &'a DeviceWear,
    /// The device's cleaning up to `now`.
    pub cleaning: CleaningState,
    /// The last session on each region up to `now`, any device.
    pub region_history: &'a [RegionLastSession],
    /// The first session on each region after `now`, any device: a session
    /// entered later but dated earlier must rest before it too.
    pub later_sessions: &'a [RegionLastSession],
    /// The open reports whose amber or red prompts stop needling as of `now`.
    pub open_prompts: &'a [OpenPrompt],
}

/// Applies every rule to the plan and returns the verdict.
pub fn check_session(ctx: &CheckContext<'_>) -> SessionVerdict {
    let today = time::local_date(&ctx.now);
    let (mut findings, rest) = interval::rest_findings(ctx, today);
    findings.extend(interval::later_session_findings(ctx, today));
    findings.extend(symptoms::open_prompt_findings(ctx));
    findings.extend(device::device_findings(ctx, today));
    findings.extend(person::plan_findings(ctx));
    findings.extend(person::profile_findings(ctx, today));
    SessionVerdict::from_findings(findings, rest, today)
}
