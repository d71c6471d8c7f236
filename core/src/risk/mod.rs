//! The risk engine: preventive risk from behaviour, and triage of symptoms.
//!
//! The two are kept apart because they answer different questions. Preventive
//! risk asks "is the way the device is being used raising the chance of
//! infection?"; triage asks "do the reactions reported match what is expected,
//! or is it time to seek care?". Both are pure functions of facts gathered
//! from the log and `now`, list every factor with its source, and are safety
//! prompts, never a diagnosis.

mod preventive;
mod triage;

pub use preventive::{PreventiveInput, SessionFacts, assess_preventive};
pub use triage::{ReportFacts, TriageInput, assess_triage};

use chrono::NaiveDate;

use crate::ids::{ReportId, SessionId};
use crate::rules::RuleSource;
pub use crate::rules::risk::{FactorKind, RiskFactorCode};
pub use crate::rules::triage::{TriageLevel, TriagePromptCode};
use crate::time::Moment;

/// What every assessment says about itself.
pub const DISCLAIMER: &str = "RollSafe's prompts are safety reminders built from published guidance, not a diagnosis. If you are worried about your skin, contact a doctor whatever RollSafe says.";

/// The same statement in the clinician's report and the FHIR bundle, which
/// a clinician reads: addressed to them, not to the patient.
pub const CLINICIAN_DISCLAIMER: &str = "RollSafe's prompts are safety reminders built from published guidance, not a diagnosis. The app tells the patient to contact a doctor whenever they are worried about their skin, whatever it says.";

/// The preventive risk level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RiskLevel {
    /// Nothing in the last 30 days raises the risk.
    Low,
    /// Something does; see the factors.
    Moderate,
    /// Several things, or a serious one, do.
    High,
}

crate::codes::stable_codes!(RiskLevel {
    Low => "low",
    Moderate => "moderate",
    High => "high",
});

/// One reason the preventive risk is raised, or another risk shown apart.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskFactor {
    /// The factor's stable code.
    pub code: RiskFactorCode,
    /// How it counts: behaviour, a declared condition, or another risk.
    pub kind: FactorKind,
    /// How much each counted occurrence adds.
    pub weight: u32,
    /// How many times it was seen in the window (sessions or devices; 1 for
    /// a condition).
    pub occurrences: u32,
    /// What it adds to the score: the weight times the occurrences, up to
    /// `MOST_COUNTED`; 0 for a declared condition while no behaviour factor
    /// is present, and for other risks.
    pub points: u32,
    /// What was seen, with dates.
    pub seen: String,
    /// The local dates of the events behind it, if any.
    pub dates: Vec<NaiveDate>,
    /// The local day its last occurrence leaves the 30-day window; `None`
    /// while its cause is still present (a device still worn or shared).
    pub ages_out_on: Option<NaiveDate>,
    /// What to do about it.
    pub advice: &'static str,
    /// The rule behind it.
    pub source: RuleSource,
}

/// Preventive risk, before any symptom.
#[derive(Clone, Debug, PartialEq)]
pub struct PreventiveRisk {
    /// The level of infection risk.
    pub level: RiskLevel,
    /// The sum of the factors' points.
    pub score: u32,
    /// Every factor of infection risk, in a stable order.
    pub factors: Vec<RiskFactor>,
    /// Risks other than infection (herpes reactivation, dark marks), shown
    /// apart and never counted in the level.
    pub other_risks: Vec<RiskFactor>,
}

/// One triage prompt raised by a report.
#[derive(Clone, Debug, PartialEq)]
pub struct TriagePrompt {
    /// The prompt's stable code.
    pub code: TriagePromptCode,
    /// How urgent.
    pub level: TriageLevel,
    /// The report that raised it.
    pub report_id: ReportId,
    /// The session the report is linked to, if any.
    pub session_id: Option<SessionId>,
    /// What was seen, with dates.
    pub seen: String,
    /// What to do.
    pub advice: &'static str,
    /// The rule behind it.
    pub source: RuleSource,
}

/// Triage of the open symptom reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Triage {
    /// The most urgent level among the prompts; green when none.
    pub level: TriageLevel,
    /// Every prompt, most urgent first.
    pub prompts: Vec<TriagePrompt>,
    /// A plain summary of where things stand.
    pub summary: String,
}

/// A full assessment as of a moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The moment assessed.
    pub at: Moment,
    /// Preventive risk.
    pub preventive: PreventiveRisk,
    /// Symptom triage.
    pub triage: Triage,
    /// That this is a safety prompt, not a diagnosis.
    pub disclaimer: &'static str,
}
