//! The core's safety answers as the CLI shows them: verdict findings, the
//! risk assessment, alerts and reminders, each with the rule behind it.

use chrono::NaiveDate;
use rollsafe_core::rules::RuleSource;
use rollsafe_core::{
    Alert, Assessment, Finding, Moment, RegionRest, Reminder, RiskFactor, Severity, TriagePrompt,
};
use serde::Serialize;

use super::ser;

/// Where a rule comes from.
#[derive(Debug, Serialize)]
pub struct SourceView {
    /// The rule's stable id.
    pub rule_id: &'static str,
    /// The evidence code (`peer_reviewed`, `clinician`...).
    pub evidence: &'static str,
    /// The publications it rests on.
    pub citation: &'static str,
}

impl From<&RuleSource> for SourceView {
    fn from(source: &RuleSource) -> Self {
        Self {
            rule_id: source.rule_id,
            evidence: source.evidence.code(),
            citation: source.citation,
        }
    }
}

/// One reason behind a verdict.
#[derive(Debug, Serialize)]
pub struct FindingView {
    /// Its stable code.
    pub code: &'static str,
    /// `blocker`, `caution` or `warning`.
    pub severity: &'static str,
    /// The plain message.
    pub message: String,
    /// The rule behind it.
    pub source: SourceView,
}

impl From<&Finding> for FindingView {
    fn from(finding: &Finding) -> Self {
        Self {
            code: finding.code.code(),
            severity: match finding.severity {
                Severity::Blocker => "blocker",
                Severity::Caution => "caution",
                Severity::Warning => "warning",
            },
            message: finding.message.clone(),
            source: (&finding.source).into(),
        }
    }
}

/// The rest interval for one region.
#[derive(Debug, Serialize)]
pub struct RestView {
    /// The region code.
    pub region: &'static str,
    /// The local date of the last session on it.
    #[serde(serialize_with = "ser::opt_date")]
    pub last_session_date: Option<NaiveDate>,
    /// The minimum rest in local calendar days.
    pub min_rest_days: u32,
    /// The first local date a session is allowed again.
    #[serde(serialize_with = "ser::opt_date")]
    pub next_allowed_date: Option<NaiveDate>,
    /// The rule (or care plan) that set it.
    pub rule_id: &'static str,
}

impl From<&RegionRest> for RestView {
    fn from(rest: &RegionRest) -> Self {
        Self {
            region: rest.region.code(),
            last_session_date: rest.last_session_date,
            min_rest_days: rest.min_rest_days,
            next_allowed_date: rest.next_allowed_date,
            rule_id: rest.source.rule_id,
        }
    }
}

/// The risk assessment as of a moment.
#[derive(Debug, Serialize)]
pub struct RiskView {
    /// Preventive risk: `low`, `moderate` or `high`.
    pub preventive_level: &'static str,
    /// The sum of the factors' points.
    pub preventive_score: u32,
    /// What raises it.
    pub factors: Vec<FactorView>,
    /// Risks other than infection, shown apart and never counted.
    pub other_risks: Vec<FactorView>,
    /// Symptom triage: `green`, `amber` or `red`.
    pub triage_level: &'static str,
    /// A plain summary of the triage.
    pub triage_summary: String,
    /// The triage prompts, most urgent first.
    pub prompts: Vec<PromptView>,
    /// That this is a safety prompt, not a diagnosis.
    pub disclaimer: &'static str,
}

/// One factor of the preventive risk.
#[derive(Debug, Serialize)]
pub struct FactorView {
    /// Its stable code.
    pub code: &'static str,
    /// `behaviour`, `host` or `other_risk`.
    pub kind: &'static str,
    /// How much each counted occurrence adds.
    pub weight: u32,
    /// How many times it was seen in the window.
    pub occurrences: u32,
    /// What it adds to the score.
    pub points: u32,
    /// What was seen, with dates.
    pub seen: String,
    /// The local dates behind it.
    #[serde(serialize_with = "ser::dates")]
    pub dates: Vec<NaiveDate>,
    /// The local day its last occurrence leaves the window, if it does.
    #[serde(serialize_with = "ser::opt_date")]
    pub ages_out_on: Option<NaiveDate>,
    /// What to do.
    pub advice: &'static str,
    /// The rule behind it.
    pub source: SourceView,
}

/// One triage prompt.
#[derive(Debug, Serialize)]
pub struct PromptView {
    /// Its stable code.
    pub code: &'static str,
    /// `green`, `amber` or `red`.
    pub level: &'static str,
    /// The report that raised it.
    pub report_id: String,
    /// What was seen, with dates.
    pub seen: String,
    /// What to do.
    pub advice: &'static str,
    /// The rule behind it.
    pub source: SourceView,
}

impl From<&Assessment> for RiskView {
    fn from(a: &Assessment) -> Self {
        Self {
            preventive_level: a.preventive.level.code(),
            preventive_score: a.preventive.score,
            factors: a.preventive.factors.iter().map(FactorView::from).collect(),
            other_risks: a
                .preventive
                .other_risks
                .iter()
                .map(FactorView::from)
                .collect(),
            triage_level: a.triage.level.code(),
            triage_summary: a.triage.summary.clone(),
            prompts: a.triage.prompts.iter().map(PromptView::from).collect(),
            disclaimer: a.disclaimer,
        }
    }
}

impl From<&RiskFactor> for FactorView {
    fn from(f: &RiskFactor) -> Self {
        Self {
            code: f.code.code(),
            kind: f.kind.code(),
            weight: f.weight,
            occurrences: f.occurrences,
            points: f.points,
            seen: f.seen.clone(),
            dates: f.dates.clone(),
            ages_out_on: f.ages_out_on,
            advice: f.advice,
            source: (&f.source).into(),
        }
    }
}

impl From<&TriagePrompt> for PromptView {
    fn from(p: &TriagePrompt) -> Self {
        Self {
            code: p.code.code(),
            level: p.level.code(),
            report_id: p.report_id.to_string(),
            seen: p.seen.clone(),
            advice: p.advice,
            source: (&p.source).into(),
        }
    }
}

/// A change of risk level.
#[derive(Debug, Serialize)]
pub struct AlertView {
    /// Its stable id.
    pub id: String,
    /// When the change that caused it was made.
    #[serde(serialize_with = "ser::moment")]
    pub at: Moment,
    /// `preventive` or `triage`.
    pub kind: &'static str,
    /// The level before.
    pub from_level: String,
    /// The level after.
    pub to_level: String,
    /// True for a rise, false for a fall.
    pub rising: bool,
    /// A one-line title.
    pub title: String,
    /// The reasons at the new level.
    pub reasons: Vec<ReasonView>,
    /// When the user acknowledged it, `null` while not.
    #[serde(serialize_with = "ser::opt_moment")]
    pub acknowledged_at: Option<Moment>,
}

/// One reason behind an alert.
#[derive(Debug, Serialize)]
pub struct ReasonView {
    /// The factor's or prompt's code.
    pub code: String,
    /// What was seen and what to do.
    pub text: String,
}

impl From<&Alert> for AlertView {
    fn from(a: &Alert) -> Self {
        Self {
            id: a.id.to_string(),
            at: a.at,
            kind: a.kind.code(),
            from_level: a.from_level.clone(),
            to_level: a.to_level.clone(),
            rising: a.rising,
            title: a.title.clone(),
            reasons: a
                .reasons
                .iter()
                .map(|r| ReasonView {
                    code: r.code.clone(),
                    text: r.text.clone(),
                })
                .collect(),
            acknowledged_at: a.acknowledged_at,
        }
    }
}

/// An upcoming reminder.
#[derive(Debug, Serialize)]
pub struct ReminderView {
    /// Its stable id.
    pub id: String,
    /// Its kind code.
    pub kind: &'static str,
    /// When to show it (in the past: overdue).
    #[serde(serialize_with = "ser::moment")]
    pub due: Moment,
    /// True when it is due now or overdue.
    pub overdue: bool,
    /// The title.
    pub title: String,
    /// The text.
    pub body: String,
}

impl ReminderView {
    /// The view of `reminder` as of `now`.
    pub fn new(reminder: &Reminder, now: &Moment) -> Self {
        Self {
            id: reminder.id.clone(),
            kind: reminder.kind.code(),
            due: reminder.due,
            overdue: reminder.due <= *now,
            title: reminder.title.clone(),
            body: reminder.body.clone(),
        }
    }
}
