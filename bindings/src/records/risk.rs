//! Assessments, alerts and reminders.

use rollsafe_core as core;

use crate::enums::{AlertKind, AlertReason, FactorKind, ReminderKind, RiskLevel, TriageLevel};
use crate::time::{CalendarDate, Moment};

/// One reason the preventive risk is raised, or another risk shown apart.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RiskFactor {
    /// The factor's stable code.
    pub code: String,
    /// How it counts.
    pub kind: FactorKind,
    /// How much each counted occurrence adds.
    pub weight: u32,
    /// How many times it was seen in the window (sessions or devices; 1 for
    /// a condition).
    pub occurrences: u32,
    /// What it adds to the score: the weight times the occurrences, up to
    /// three; 0 for a declared condition while no behaviour factor is
    /// present, and for other risks.
    pub points: u32,
    /// What was seen, with dates.
    pub seen: String,
    /// The local dates of the events behind it.
    pub dates: Vec<CalendarDate>,
    /// The local day its last occurrence leaves the 30-day window; absent
    /// while its cause is still present (a device still worn or shared).
    pub ages_out_on: Option<CalendarDate>,
    /// What to do about it.
    pub advice: String,
    /// The id of the rule behind it: look its
    /// source up with `rule_source(rule_id)` or in `rule_sources()`.
    pub rule_id: String,
}

/// Preventive risk, before any symptom.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct PreventiveRisk {
    /// The level of infection risk.
    pub level: RiskLevel,
    /// The sum of the factors' points.
    pub score: u32,
    /// Every factor of infection risk.
    pub factors: Vec<RiskFactor>,
    /// Risks other than infection (herpes reactivation, dark marks), shown
    /// apart and never counted in the level.
    pub other_risks: Vec<RiskFactor>,
}

/// One triage prompt raised by a report.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct TriagePrompt {
    /// The prompt's stable code.
    pub code: String,
    /// How urgent.
    pub level: TriageLevel,
    /// The report that raised it.
    pub report_id: String,
    /// The session the report is linked to.
    pub session_id: Option<String>,
    /// What was seen, with dates.
    pub seen: String,
    /// What to do.
    pub advice: String,
    /// The id of the rule behind it: look its
    /// source up with `rule_source(rule_id)` or in `rule_sources()`.
    pub rule_id: String,
}

/// Triage of the open symptom reports.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Triage {
    /// The most urgent level; green when none.
    pub level: TriageLevel,
    /// Every prompt, most urgent first.
    pub prompts: Vec<TriagePrompt>,
    /// A plain summary.
    pub summary: String,
}

/// A full assessment as of a moment. A safety prompt, never a diagnosis.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Assessment {
    /// The moment assessed.
    pub at: Moment,
    /// Preventive risk.
    pub preventive: PreventiveRisk,
    /// Symptom triage.
    pub triage: Triage,
    /// That this is a safety prompt, not a diagnosis.
    pub disclaimer: String,
}

/// A change of risk level: a rise to acknowledge, or a recorded fall.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Alert {
    /// Its stable id.
    pub id: String,
    /// When the change that caused it was made.
    pub at: Moment,
    /// Which assessment changed.
    pub kind: AlertKind,
    /// The level before (`low`/`moderate`/`high` or `green`/`amber`/`red`).
    pub from_level: String,
    /// The level after.
    pub to_level: String,
    /// True for a rise.
    pub rising: bool,
    /// A one-line title for a notification.
    pub title: String,
    /// The reasons at the new level.
    pub reasons: Vec<AlertReason>,
    /// When the user acknowledged it; falls are closed from the start.
    pub acknowledged_at: Option<Moment>,
}

/// One upcoming reminder; reconcile notifications by `id`.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Reminder {
    /// A stable id: the same log gives the same id.
    pub id: String,
    /// What it is for.
    pub kind: ReminderKind,
    /// When to show it (in the past: overdue, show now).
    pub due: Moment,
    /// A short title.
    pub title: String,
    /// The text.
    pub body: String,
    /// For reminders about a calendar date: the local date and time to show
    /// it at. Prefer scheduling by this wall-clock time in the device's time
    /// zone (a DST change before it would otherwise shift it by an hour).
    pub wall_clock: Option<WallClock>,
}

/// A local date and time of day on the user's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Record)]
pub struct WallClock {
    /// The local date.
    pub date: CalendarDate,
    /// The hour, 0 to 23.
    pub hour: u32,
    /// The minute, 0 to 59.
    pub minute: u32,
}

impl From<core::RiskFactor> for RiskFactor {
    fn from(f: core::RiskFactor) -> Self {
        RiskFactor {
            code: f.code.code().to_owned(),
            kind: f.kind,
            weight: f.weight,
            occurrences: f.occurrences,
            points: f.points,
            seen: f.seen,
            dates: f.dates.into_iter().map(CalendarDate::from).collect(),
            ages_out_on: f.ages_out_on.map(CalendarDate::from),
            advice: f.advice.to_owned(),
            rule_id: f.source.rule_id.to_owned(),
        }
    }
}

impl From<core::PreventiveRisk> for PreventiveRisk {
    fn from(p: core::PreventiveRisk) -> Self {
        PreventiveRisk {
            level: p.level,
            score: p.score,
            factors: p.factors.into_iter().map(RiskFactor::from).collect(),
            other_risks: p.other_risks.into_iter().map(RiskFactor::from).collect(),
        }
    }
}

impl From<core::TriagePrompt> for TriagePrompt {
    fn from(p: core::TriagePrompt) -> Self {
        TriagePrompt {
            code: p.code.code().to_owned(),
            level: p.level,
            report_id: p.report_id.to_string(),
            session_id: p.session_id.map(|s| s.to_string()),
            seen: p.seen,
            advice: p.advice.to_owned(),
            rule_id: p.source.rule_id.to_owned(),
        }
    }
}

impl From<core::Triage> for Triage {
    fn from(t: core::Triage) -> Self {
        Triage {
            level: t.level,
            prompts: t.prompts.into_iter().map(TriagePrompt::from).collect(),
            summary: t.summary,
        }
    }
}

impl From<core::Assessment> for Assessment {
    fn from(a: core::Assessment) -> Self {
        Assessment {
            at: a.at.into(),
            preventive: a.preventive.into(),
            triage: a.triage.into(),
            disclaimer: a.disclaimer.to_owned(),
        }
    }
}

impl From<core::Alert> for Alert {
    fn from(a: core::Alert) -> Self {
        Alert {
            id: a.id.to_string(),
            at: a.at.into(),
            kind: a.kind,
            from_level: a.from_level,
            to_level: a.to_level,
            rising: a.rising,
            title: a.title,
            reasons: a.reasons,
            acknowledged_at: a.acknowledged_at.map(Moment::from),
        }
    }
}

impl From<core::Reminder> for Reminder {
    fn from(r: core::Reminder) -> Self {
        Reminder {
            id: r.id,
            kind: r.kind,
            due: r.due.into(),
            title: r.title,
            body: r.body,
            wall_clock: r.wall_clock.map(|w| WallClock {
                date: w.date().into(),
                hour: chrono::Timelike::hour(&w),
                minute: chrono::Timelike::minute(&w),
            }),
        }
    }
}

/// Converts a list of core alerts.
pub(crate) fn alerts(list: Vec<core::Alert>) -> Vec<Alert> {
    list.into_iter().map(Alert::from).collect()
}
