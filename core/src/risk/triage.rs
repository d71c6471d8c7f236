//! Triage of open symptom reports against the expected course.

use chrono::TimeDelta;

use super::{Triage, TriagePrompt};
use crate::rules::triage::{
    DEEP_NEEDLE_MM, EXPECTED_REDNESS_HOURS_DEEP, EXPECTED_REDNESS_HOURS_SHORT, FEVER_FROM_C,
    LATE_BUMPS_FROM_DAYS, SETTLING_FROM_HOURS, TRIAGE_RULES, TriageLevel,
};
use crate::symptom::{Symptom, SymptomReport};
use crate::time::{self, Moment};

/// An open report with the session it is linked to.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportFacts {
    /// The report.
    pub report: SymptomReport,
    /// When the linked session took place, and its needle length.
    pub session: Option<(Moment, f64)>,
    /// The inflammation severity of the previous report on the same session.
    pub previous_severity: Option<u8>,
}

/// Everything triage reads, gathered as of `now`.
#[derive(Clone, Debug)]
pub struct TriageInput<'a> {
    /// The moment assessed.
    pub now: Moment,
    /// The latest open (unresolved) report per session in the last 30 days,
    /// and unlinked open reports, oldest first.
    pub reports: &'a [ReportFacts],
    /// True when the profile notes immunosuppression or diabetes.
    pub weakened_defences: bool,
}

/// Applies every triage rule to every open report.
pub fn assess_triage(input: &TriageInput<'_>) -> Triage {
    let mut prompts = Vec::new();
    for facts in input.reports {
        for rule in TRIAGE_RULES {
            if let Some(seen) = detect(rule.code, facts, input.weakened_defences) {
                prompts.push(TriagePrompt {
                    code: rule.code,
                    level: rule.level,
                    report_id: facts.report.id,
                    session_id: facts.report.session_id,
                    seen,
                    advice: rule.advice,
                    source: rule.source,
                });
            }
        }
    }
    prompts.sort_by_key(|p| std::cmp::Reverse(p.level));
    let level = prompts.first().map_or(TriageLevel::Green, |p| p.level);
    let summary = match level {
        TriageLevel::Red => "Seek urgent care: a report shows a warning sign.".to_owned(),
        TriageLevel::Amber => "Contact your dermatologist: a report is outside the expected course.".to_owned(),
        TriageLevel::Green if input.reports.is_empty() => "No open symptom reports.".to_owned(),
        TriageLevel::Green => "Within the expected course: redness and swelling usually settle within 72 hours, or up to 7 days after needles of 1 mm or more. Report again if anything gets worse.".to_owned(),
    };
    Triage {
        level,
        prompts,
        summary,
    }
}

fn detect(code: &str, facts: &ReportFacts, weakened: bool) -> Option<String> {
    let report = &facts.report;
    let since = facts.session.map(|(at, _)| report.at - at);
    let after_settling = since.is_some_and(|d| d >= TimeDelta::hours(SETTLING_FROM_HOURS));
    let worsening = after_settling
        && facts
            .previous_severity
            .is_some_and(|before| report.inflammation_severity() > before);
    let inflamed =
        report.symptoms.iter().any(|s| s.symptom.is_inflammation()) || report.has(Symptom::Pus);
    let purulent = report.has(Symptom::Pus) && report.pus.is_some_and(|p| p.is_purulent());
    // Near the eye any rise counts, not only after the first two days.
    let any_rise = facts
        .previous_severity
        .is_some_and(|before| report.inflammation_severity() > before);
    let feverish =
        report.has(Symptom::Fever) || report.temperature_c.is_some_and(|t| t >= FEVER_FROM_C);
    let beyond_expected_near_eye = [Symptom::Pain, Symptom::Swelling, Symptom::Warmth]
        .into_iter()
        .any(|s| report.has(s))
        || any_rise
        || feverish;
    let what = match code {
        "fever" => match (report.has(Symptom::Fever), report.temperature_c) {
            (_, Some(t)) if t >= FEVER_FROM_C => Some(format!("A temperature of {t:.1} °C")),
            (true, _) => Some("A fever".to_owned()),
            _ => None,
        },
        "spreading_redness" => when(report.has(Symptom::SpreadingRedness), || {
            "Redness that is spreading".to_owned()
        }),
        "feeling_unwell" => when(report.has(Symptom::FeelingUnwell), || {
            "Feeling unwell".to_owned()
        }),
        "around_the_eye" => when(report.around_eye && beyond_expected_near_eye, || {
            "Pain, swelling, heat, worsening or fever around the eye".to_owned()
        }),
        "near_the_eye" => when(
            report.around_eye && inflamed && !beyond_expected_near_eye,
            || "Redness near the eye".to_owned(),
        ),
        "purulent_discharge" => report
            .pus
            .filter(|_| purulent)
            .map(|p| format!("Pus, {} and {}", p.colour.code(), p.consistency.code())),
        "worsening_with_weakened_defences" => when(worsening && weakened, || {
            "Worse than the previous report, with a weakened immune system or diabetes".to_owned()
        }),
        "worse_instead_of_better" => when(worsening && !weakened, || {
            format!(
                "Worse than the previous report {} after the session",
                hours(since)
            )
        }),
        "redness_beyond_expected" => {
            let (_, needle) = facts.session?;
            let expected = if needle >= DEEP_NEEDLE_MM {
                EXPECTED_REDNESS_HOURS_DEEP
            } else {
                EXPECTED_REDNESS_HOURS_SHORT
            };
            let red = report.has(Symptom::Redness) || report.has(Symptom::Swelling);
            when(
                red && since.is_some_and(|d| d > TimeDelta::hours(expected)),
                || {
                    format!(
                        "Redness or swelling {} after the session; expected to settle within {expected} hours",
                        hours(since)
                    )
                },
            )
        }
        "blisters_or_cold_sore_signs" => when(report.has(Symptom::Blisters), || {
            "Blisters or cold-sore signs".to_owned()
        }),
        "delayed_bumps" => when(
            report.has(Symptom::Bumps)
                && since.is_some_and(|d| d >= TimeDelta::days(LATE_BUMPS_FROM_DAYS)),
            || format!("Bumps {} after the session", hours(since)),
        ),
        "discharge" => when(report.has(Symptom::Pus) && !purulent, || {
            "Discharge or pustules".to_owned()
        }),
        "darkening" => when(report.has(Symptom::Darkening), || {
            "Darkening of the skin".to_owned()
        }),
        _ => None,
    }?;
    Some(format!(
        "{what} (report of {})",
        time::local_date(&report.at)
    ))
}

fn when(condition: bool, text: impl FnOnce() -> String) -> Option<String> {
    condition.then(text)
}

fn hours(since: Option<TimeDelta>) -> String {
    match since.map(|d| d.num_hours()) {
        Some(h) if h >= 48 => format!("{} days", h / 24),
        Some(h) => format!("{h} hours"),
        None => "some time".to_owned(),
    }
}
