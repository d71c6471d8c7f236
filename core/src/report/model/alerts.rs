//! Alerts in the period and the risk levels over time they trace.
//!
//! Each alert is a change of level (a rise to acknowledge, or a fall), so the
//! alert history read in order is the level over time: the step series the
//! risk chart draws.

use chrono::{DateTime, NaiveDate, NaiveTime, Offset, TimeZone, Utc};

use super::Span;
use crate::alert::{Alert, AlertKind};
use crate::error::Result;
use crate::store::Snapshot;
use crate::time::{self, Moment};

/// Above this many alerts, the detail lists only the most recent.
pub(crate) const ALERTS_LISTED: usize = 60;

/// One alert as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AlertRow {
    pub at: Moment,
    pub kind: &'static str,
    pub from_level: String,
    pub to_level: String,
    pub rising: bool,
    pub title: String,
    pub reasons: Vec<String>,
    pub acknowledged: Option<NaiveDate>,
}

/// A level from a moment on, as 0 (low or green), 1 or 2.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LevelStep {
    pub at: Moment,
    pub level: u8,
}

/// The alerts of the period and the levels over time.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AlertFacts {
    /// Every alert in the period, oldest first.
    pub rows: Vec<AlertRow>,
    /// The preventive level: where it stood when the period began, then
    /// every change in the period.
    pub preventive: Vec<LevelStep>,
    /// The triage level, likewise.
    pub triage: Vec<LevelStep>,
    /// The levels as of the moment the report was made.
    pub preventive_now: String,
    pub triage_now: String,
    pub triage_summary: String,
    /// Rises in the period still waiting for the user's acknowledgement.
    pub open: u32,
    /// Rises from before the period still waiting for it.
    pub open_before: u32,
}

pub(crate) fn gather(store: &Snapshot<'_>, span: &Span, now: Moment) -> Result<AlertFacts> {
    // Oldest first, and alerts of one change in the order it made them (a
    // random id would order the same log differently on another phone).
    let history = store.alert_history()?;
    let assessment = store.assess(now)?;
    let rows = history
        .iter()
        .filter(|a| span.contains(&a.at))
        .map(row)
        .collect();
    Ok(AlertFacts {
        rows,
        preventive: steps(&history, AlertKind::Preventive, span),
        triage: steps(&history, AlertKind::Triage, span),
        preventive_now: assessment.preventive.level.code().to_owned(),
        triage_now: assessment.triage.level.code().to_owned(),
        triage_summary: assessment.triage.summary,
        open: count(
            history
                .iter()
                .filter(|a| a.is_open() && span.contains(&a.at)),
        ),
        open_before: count(
            history
                .iter()
                .filter(|a| a.is_open() && time::local_date(&a.at) < span.from),
        ),
    })
}

fn count<'a>(alerts: impl Iterator<Item = &'a Alert>) -> u32 {
    u32::try_from(alerts.count()).unwrap_or(u32::MAX)
}

fn row(alert: &Alert) -> AlertRow {
    AlertRow {
        at: alert.at,
        kind: match alert.kind {
            AlertKind::Preventive => "preventive",
            AlertKind::Triage => "triage",
        },
        from_level: alert.from_level.clone(),
        to_level: alert.to_level.clone(),
        rising: alert.rising,
        title: alert.title.clone(),
        reasons: alert
            .reasons
            .iter()
            .map(|r| r.as_reported(alert.kind))
            .collect(),
        acknowledged: alert.acknowledged_at.as_ref().map(time::local_date),
    }
}

/// 0, 1 or 2 for a stored level code.
pub(crate) fn level_rank(code: &str) -> u8 {
    match code {
        "moderate" | "amber" => 1,
        "high" | "red" => 2,
        _ => 0,
    }
}

fn steps(history: &[Alert], kind: AlertKind, span: &Span) -> Vec<LevelStep> {
    let of_kind: Vec<&Alert> = history.iter().filter(|a| a.kind == kind).collect();
    let before: Vec<&&Alert> = of_kind
        .iter()
        .filter(|a| time::local_date(&a.at) < span.from)
        .collect();
    let mut out = Vec::new();
    let start_level = match before.last() {
        Some(a) => level_rank(&a.to_level),
        None => of_kind
            .iter()
            .find(|a| span.contains(&a.at))
            .map_or(0, |a| level_rank(&a.from_level)),
    };
    if let Some(first) = of_kind.iter().find(|a| span.contains(&a.at)) {
        out.push(LevelStep {
            at: first.at,
            level: start_level,
        });
    }
    out.extend(
        of_kind
            .iter()
            .filter(|a| span.contains(&a.at))
            .map(|a| LevelStep {
                at: a.at,
                level: level_rank(&a.to_level),
            }),
    );
    if out.is_empty() {
        // No change in the period: the level held throughout.
        out.push(LevelStep {
            at: span_start(span, history),
            level: start_level,
        });
    }
    out
}

fn span_start(span: &Span, history: &[Alert]) -> Moment {
    let offset = history.first().map_or(Utc.fix(), |a| *a.at.offset());
    let midnight = span.from.and_time(NaiveTime::MIN);
    offset
        .from_local_datetime(&midnight)
        .single()
        .unwrap_or_else(|| DateTime::from_naive_utc_and_offset(midnight, offset))
}
