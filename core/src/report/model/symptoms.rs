//! Symptom reports with the triage prompts each raised and what happened
//! after.
//!
//! The prompts are the triage rules applied to the report as of the moment
//! it was made ([`crate::risk::assess_triage`]), with their own wording, so
//! the report shows what the user was told, not a new opinion.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeDelta};

use super::{Note, Span};
use crate::export::Privacy;
use crate::ids::SessionId;
use crate::profile::{Condition, Profile};
use crate::risk::{ReportFacts, TriageInput, TriageLevel, assess_triage};
use crate::rules::source::RuleSource;
use crate::rules::triage::{
    DEEP_NEEDLE_MM, EXPECTED_REDNESS_HOURS_DEEP, EXPECTED_REDNESS_HOURS_SHORT, triage_rule,
};
use crate::session::Session;
use crate::symptom::{ReportKind, SymptomReport, SymptomTrend};
use crate::time::{self, Moment};
use crate::zone::BodyZone;

/// Above this many reports, the detail lists every report that raised a
/// prompt and only the most recent others.
pub(crate) const ALL_REPORTS_UP_TO: usize = 80;
/// How many recent reports without a prompt a long list keeps.
pub(crate) const RECENT_QUIET_REPORTS: usize = 30;

/// One triage prompt, as the clinician's report tells of it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Prompt {
    pub level: TriageLevel,
    pub seen: String,
    /// What the patient was told, in words for the clinician.
    pub advised: &'static str,
    pub source: RuleSource,
}

/// One report as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SymptomRow {
    pub at: Moment,
    pub kind: &'static str,
    pub zones: Vec<BodyZone>,
    pub around_eye: bool,
    /// "redness 6, warmth 6".
    pub symptoms: String,
    pub overall: u8,
    pub temperature_c: Option<f64>,
    /// Worse, the same or better than before, as the user said.
    pub trend: Option<SymptomTrend>,
    /// Days and hours since the linked session, if linked.
    pub since_session: Option<TimeDelta>,
    pub prompts: Vec<Prompt>,
    pub level: TriageLevel,
    /// What the log shows after: later reports, resolution, next session.
    pub after: Vec<String>,
    pub note: Option<Note>,
    /// Photo references, only when the user chose to include them.
    pub photos: Vec<String>,
}

/// A point of the severity chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SeverityPoint {
    pub at: Moment,
    pub severity: u8,
    pub level: TriageLevel,
}

/// The reports of the period.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SymptomFacts {
    /// Every report in the period, oldest first.
    pub rows: Vec<SymptomRow>,
    /// The indices of `rows` the detail lists.
    pub listed: Vec<usize>,
    /// The chart's points (every report).
    pub points: Vec<SeverityPoint>,
    /// The expected-reaction window after each session in the period.
    pub windows: Vec<(Moment, Moment)>,
}

pub(crate) fn gather(
    reports: &[SymptomReport],
    sessions: &[Session],
    profiles: &[Profile],
    span: &Span,
    privacy: Privacy,
) -> SymptomFacts {
    let by_id: HashMap<SessionId, &Session> = sessions.iter().map(|s| (s.id, s)).collect();
    let mut ordered: Vec<&SymptomReport> = reports.iter().collect();
    crate::sorting::sort_by_key(&mut ordered, |r| (r.at, r.id.to_string()));
    let mut session_times: Vec<Moment> = sessions.iter().map(|s| s.at).collect();
    crate::sorting::sort(&mut session_times);
    let mut rows = Vec::new();
    for (i, report) in ordered.iter().enumerate() {
        if !span.contains(&report.at) {
            continue;
        }
        let session = report.session_id.and_then(|id| by_id.get(&id));
        let earlier_same_session = ordered
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .find(|r| r.session_id.is_some() && r.session_id == report.session_id);
        let facts = ReportFacts {
            report: (*report).clone(),
            session: session.map(|s| (s.at, s.needle_length_mm)),
            previous_severity: earlier_same_session.map(|r| r.inflammation_severity()),
            aged: false,
        };
        let weakened = profile_at(profiles, &report.at)
            .is_some_and(|p| p.has(Condition::Immunosuppression) || p.has(Condition::Diabetes));
        let triage = assess_triage(&TriageInput {
            now: report.at,
            reports: std::slice::from_ref(&facts),
            weakened_defences: weakened,
        });
        let later = ordered.get(i + 1..).unwrap_or_default();
        rows.push(SymptomRow {
            at: report.at,
            kind: match report.kind {
                ReportKind::Report => "report",
                ReportKind::CheckIn24h => "24 h check-in",
                ReportKind::CheckIn72h => "72 h check-in",
            },
            zones: report.zones.clone(),
            around_eye: report.around_eye,
            symptoms: symptom_list(report),
            overall: report.overall_severity,
            temperature_c: report.temperature_c,
            trend: report.trend,
            since_session: session.map(|s| report.at - s.at),
            level: triage.level,
            prompts: triage
                .prompts
                .iter()
                .map(|p| Prompt {
                    level: p.level,
                    seen: p.seen.clone(),
                    advised: triage_rule(p.code).map_or(p.advice, |r| r.advised),
                    source: p.source,
                })
                .collect(),
            after: after(report, later, &session_times),
            note: Note::of(report.notes.as_deref(), privacy.redact_notes),
            photos: if privacy.include_photo_references {
                report
                    .photos
                    .iter()
                    .map(|p| format!("{} (SHA-256 {})", p.file, p.sha256))
                    .collect()
            } else {
                Vec::new()
            },
        });
    }
    let listed = listed(&rows);
    let points = rows
        .iter()
        .map(|r| SeverityPoint {
            at: r.at,
            severity: r.overall,
            level: r.level,
        })
        .collect();
    let mut windows: Vec<(Moment, Moment)> = sessions
        .iter()
        .filter(|s| span.contains(&s.at))
        .map(|s| {
            let hours = if s.needle_length_mm >= DEEP_NEEDLE_MM {
                EXPECTED_REDNESS_HOURS_DEEP
            } else {
                EXPECTED_REDNESS_HOURS_SHORT
            };
            (s.at, s.at + TimeDelta::hours(hours))
        })
        .collect();
    crate::sorting::sort(&mut windows);
    SymptomFacts {
        rows,
        listed,
        points,
        windows,
    }
}

fn listed(rows: &[SymptomRow]) -> Vec<usize> {
    if rows.len() <= ALL_REPORTS_UP_TO {
        return (0..rows.len()).collect();
    }
    let quiet: Vec<usize> = (0..rows.len())
        .filter(|i| rows.get(*i).is_some_and(|r| r.prompts.is_empty()))
        .collect();
    let keep_quiet_from = quiet.len().saturating_sub(RECENT_QUIET_REPORTS);
    let recent_quiet = quiet.get(keep_quiet_from..).unwrap_or_default();
    (0..rows.len())
        .filter(|i| rows.get(*i).is_some_and(|r| !r.prompts.is_empty()) || recent_quiet.contains(i))
        .collect()
}

fn symptom_list(report: &SymptomReport) -> String {
    if report.symptoms.is_empty() {
        return "looks fine".to_owned();
    }
    report
        .symptoms
        .iter()
        .map(|s| match s.severity {
            Some(n) => format!("{} {n}", s.symptom.label()),
            None => s.symptom.label().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What followed a report: the next report on the same session (or zones),
/// its resolution, and the next session.
fn after(report: &SymptomReport, later: &[&SymptomReport], sessions: &[Moment]) -> Vec<String> {
    let mut out = Vec::new();
    let next = later.iter().find(|r| match report.session_id {
        Some(id) => r.session_id == Some(id),
        None => r.zones.iter().any(|z| report.zones.contains(z)),
    });
    if let Some(next) = next {
        let change = match next.overall_severity.cmp(&report.overall_severity) {
            std::cmp::Ordering::Less => "better",
            std::cmp::Ordering::Equal => "the same",
            std::cmp::Ordering::Greater => "worse",
        };
        out.push(format!(
            "next report {}: severity {} ({change})",
            ago(report.at, next.at),
            next.overall_severity
        ));
    }
    if let Some(resolved) = report.resolved_at {
        out.push(format!("marked resolved {}", date(&resolved)));
    }
    if let Some(session) = sessions.iter().find(|s| **s > report.at) {
        out.push(format!("next session {}", date(session)));
    }
    out
}

fn ago(from: Moment, to: Moment) -> String {
    let hours = (to - from).num_hours();
    if hours < 48 {
        format!("{hours} h later")
    } else {
        format!("{} days later", hours / 24)
    }
}

fn date(moment: &Moment) -> NaiveDate {
    time::local_date(moment)
}

/// The profile revision in force at `at`.
pub(crate) fn profile_at<'p>(profiles: &'p [Profile], at: &Moment) -> Option<&'p Profile> {
    profiles
        .iter()
        .filter(|p| p.saved_at <= *at)
        .max_by_key(|p| p.saved_at)
}
