//! Triage of open symptom reports against the expected course.

use chrono::TimeDelta;

use super::{Triage, TriagePrompt};
use crate::rules::triage::{
    DEEP_NEEDLE_MM, EXPECTED_REDNESS_HOURS_DEEP, EXPECTED_REDNESS_HOURS_SHORT, FEVER_FROM_C,
    LATE_BUMPS_FROM_DAYS, SETTLING_FROM_HOURS, TRIAGE_RULES, TriageLevel, TriagePromptCode,
};
use crate::symptom::{Symptom, SymptomReport, SymptomTrend};
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
    /// True for a report older than the 30-day window that was never
    /// settled (resolved, followed by a later report on its session, or seen
    /// by a clinician): if it raised a prompt, it is asked about
    /// ([`TriagePromptCode::DidItSettle`]) instead of being triaged again.
    pub aged: bool,
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
            let seen = if facts.aged {
                asked_whether_settled(rule.code, facts, input.weakened_defences)
            } else {
                detect(rule.code, facts, input.weakened_defences)
            };
            if let Some(seen) = seen {
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
    crate::sorting::sort_by_key(&mut prompts, |p| std::cmp::Reverse(p.level));
    let level = prompts.first().map_or(TriageLevel::Green, |p| p.level);
    let only_asking = prompts
        .iter()
        .all(|p| p.code == TriagePromptCode::DidItSettle);
    let current: Vec<&ReportFacts> = input.reports.iter().filter(|f| !f.aged).collect();
    let summary = match level {
        TriageLevel::Red => "Seek urgent care: a report shows a warning sign.".to_owned(),
        TriageLevel::Amber if only_asking => "A report that raised a prompt was never marked settled: mark it resolved if it has settled, or report again.".to_owned(),
        TriageLevel::Amber => "Contact your dermatologist: a report is outside the expected course.".to_owned(),
        TriageLevel::Green if current.is_empty() => "No open symptom reports.".to_owned(),
        TriageLevel::Green if current.iter().any(|f| f.session.is_none()) => "A report is not linked to a recent session, so RollSafe cannot compare it with the expected course after needling. See your doctor if it persists or gets worse.".to_owned(),
        TriageLevel::Green => "Within the expected course: redness and swelling usually settle within 72 hours, or up to 7 days after needles of 1 mm or more. Report again if anything gets worse.".to_owned(),
    };
    Triage {
        level,
        prompts,
        summary,
    }
}

fn detect(code: TriagePromptCode, facts: &ReportFacts, weakened: bool) -> Option<String> {
    let report = &facts.report;
    let since = facts.session.map(|(at, _)| report.at - at);
    let after_settling = since.is_some_and(|d| d >= TimeDelta::hours(SETTLING_FROM_HOURS));
    let rose = facts
        .previous_severity
        .is_some_and(|before| report.inflammation_severity() > before);
    // The user's own "worse" counts as a rise, with or without an earlier
    // report; a "better" or "same" never hides a rise the severities show.
    let said_worse = report.trend == Some(SymptomTrend::Worse);
    // Redness usually peaks in the first two days after needling, so a rise
    // then is expected; a report linked to no session has no such course.
    let past_expected_peak = after_settling || facts.session.is_none();
    let worsening = past_expected_peak && (rose || said_worse);
    let inflamed =
        report.symptoms.iter().any(|s| s.symptom.is_inflammation()) || report.has(Symptom::Pus);
    let purulent = report.has(Symptom::Pus) && report.pus.is_some_and(|p| p.is_purulent());
    // Near the eye any rise counts, not only after the first two days.
    let any_rise = rose || said_worse;
    let feverish =
        report.has(Symptom::Fever) || report.temperature_c.is_some_and(|t| t >= FEVER_FROM_C);
    let beyond_expected_near_eye = [Symptom::Pain, Symptom::Swelling, Symptom::Warmth]
        .into_iter()
        .any(|s| report.has(s))
        || any_rise
        || feverish;
    let what = match code {
        TriagePromptCode::Fever => match (report.has(Symptom::Fever), report.temperature_c) {
            (_, Some(t)) if t >= FEVER_FROM_C => Some(format!("A temperature of {t:.1} °C")),
            (true, _) => Some("A fever".to_owned()),
            _ => None,
        },
        TriagePromptCode::SpreadingRedness => when(report.has(Symptom::SpreadingRedness), || {
            "Redness that is spreading".to_owned()
        }),
        TriagePromptCode::FeelingUnwell => when(report.has(Symptom::FeelingUnwell), || {
            "Feeling unwell".to_owned()
        }),
        TriagePromptCode::AroundTheEye => {
            when(report.around_eye && beyond_expected_near_eye, || {
                "Pain, swelling, heat, worsening or fever around the eye".to_owned()
            })
        }
        TriagePromptCode::VisionChange => when(report.has(Symptom::VisionChange), || {
            "A change in eyesight".to_owned()
        }),
        // Never "expected" beside a change in eyesight, which is red.
        TriagePromptCode::NearTheEye => when(
            report.around_eye
                && inflamed
                && !beyond_expected_near_eye
                && !report.has(Symptom::VisionChange),
            || "Redness near the eye".to_owned(),
        ),
        TriagePromptCode::PurulentDischarge => report
            .pus
            .filter(|_| purulent)
            .map(|p| format!("Pus, {} and {}", p.colour.code(), p.consistency.code())),
        TriagePromptCode::WorseningWithWeakenedDefences => when(worsening && weakened, || {
            format!(
                "{}, with a weakened immune system or diabetes",
                worse_than(rose, since)
            )
        }),
        TriagePromptCode::WorseInsteadOfBetter => {
            when(worsening && !weakened, || worse_than(rose, since))
        }
        TriagePromptCode::RednessBeyondExpected => {
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
        TriagePromptCode::BlistersOrColdSoreSigns => when(report.has(Symptom::Blisters), || {
            "Blisters or cold-sore signs".to_owned()
        }),
        TriagePromptCode::DelayedBumps => when(
            report.has(Symptom::Bumps)
                && since.is_some_and(|d| d >= TimeDelta::days(LATE_BUMPS_FROM_DAYS)),
            || format!("Bumps {} after the session", hours(since)),
        ),
        TriagePromptCode::Discharge => when(report.has(Symptom::Pus) && !purulent, || {
            "Discharge or pustules".to_owned()
        }),
        TriagePromptCode::Darkening => when(report.has(Symptom::Darkening), || {
            "Darkening of the skin".to_owned()
        }),
        // Raised only for aged reports, by `asked_whether_settled`.
        TriagePromptCode::DidItSettle => None,
    }?;
    Some(format!(
        "{what} (report of {})",
        time::local_date(&report.at)
    ))
}

/// For a report past the window that was never settled: the one prompt
/// asking whether it settled, when it raised any amber or red prompt.
fn asked_whether_settled(
    code: TriagePromptCode,
    facts: &ReportFacts,
    weakened: bool,
) -> Option<String> {
    if code != TriagePromptCode::DidItSettle {
        return None;
    }
    let raised: Vec<&'static str> = TRIAGE_RULES
        .iter()
        .filter(|r| r.level > TriageLevel::Green && r.code != code)
        .filter(|r| detect(r.code, facts, weakened).is_some())
        .map(|r| r.code.code())
        .collect();
    (!raised.is_empty()).then(|| {
        format!(
            "Your report of {} raised a prompt ({}) and was never marked settled",
            time::local_date(&facts.report.at),
            raised.join(", ")
        )
    })
}

/// What a worsening is, in words: a rise over the previous report, or the
/// user's own "worse", and when after the session.
fn worse_than(rose: bool, since: Option<TimeDelta>) -> String {
    let what = if rose {
        "Worse than the previous report"
    } else {
        "Reported as worse than before"
    };
    match since {
        Some(_) => format!("{what} {} after the session", hours(since)),
        None => format!("{what}, not linked to a session"),
    }
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

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::ids::ReportId;
    use crate::symptom::{ReportKind, ReportedSymptom};
    use crate::zone::BodyZone;

    fn unlinked_mild_redness() -> ReportFacts {
        let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+01:00").unwrap_or_default();
        ReportFacts {
            report: SymptomReport {
                id: ReportId::random(),
                at,
                kind: ReportKind::Report,
                zones: vec![BodyZone::Cheeks],
                around_eye: false,
                symptoms: vec![ReportedSymptom {
                    symptom: Symptom::Redness,
                    severity: Some(2),
                }],
                overall_severity: 2,
                pus: None,
                temperature_c: None,
                trend: None,
                notes: None,
                photos: vec![],
                session_id: None,
                link_chosen_by_user: false,
                resolved_at: None,
                clinician_seen_at: None,
                recorded_at: at,
            },
            session: None,
            previous_severity: None,
            aged: false,
        }
    }

    #[test]
    fn a_report_with_no_recent_session_is_not_called_the_expected_course() {
        let facts = unlinked_mild_redness();
        let triage = assess_triage(&TriageInput {
            now: facts.report.at,
            reports: std::slice::from_ref(&facts),
            weakened_defences: false,
        });
        assert_eq!(triage.level, TriageLevel::Green);
        assert!(
            triage.summary.contains("not linked to a recent session"),
            "{}",
            triage.summary
        );
        assert!(
            !triage.summary.contains("Within the expected course"),
            "{}",
            triage.summary
        );
    }

    #[test]
    fn an_aged_report_that_raised_nothing_asks_nothing() {
        let facts = ReportFacts {
            aged: true,
            ..unlinked_mild_redness()
        };
        let triage = assess_triage(&TriageInput {
            now: facts.report.at,
            reports: std::slice::from_ref(&facts),
            weakened_defences: false,
        });
        assert!(triage.prompts.is_empty());
        assert_eq!(triage.summary, "No open symptom reports.");
    }

    fn triage_of(facts: &ReportFacts, weakened_defences: bool) -> Triage {
        assess_triage(&TriageInput {
            now: facts.report.at,
            reports: std::slice::from_ref(facts),
            weakened_defences,
        })
    }

    fn said(trend: SymptomTrend, facts: ReportFacts) -> ReportFacts {
        ReportFacts {
            report: SymptomReport {
                trend: Some(trend),
                ..facts.report
            },
            ..facts
        }
    }

    #[test]
    fn an_unlinked_report_that_says_worse_is_a_worsening() {
        let facts = said(SymptomTrend::Worse, unlinked_mild_redness());
        let triage = triage_of(&facts, false);
        assert_eq!(triage.level, TriageLevel::Amber);
        let codes: Vec<_> = triage.prompts.iter().map(|p| p.code).collect();
        assert_eq!(codes, [TriagePromptCode::WorseInsteadOfBetter]);
        assert!(
            triage.prompts[0]
                .seen
                .starts_with("Reported as worse than before, not linked to a session"),
            "{}",
            triage.prompts[0].seen
        );
        let weakened = triage_of(&facts, true);
        assert_eq!(weakened.level, TriageLevel::Red);
    }

    #[test]
    fn worse_in_the_first_two_days_is_the_expected_peak() {
        let mut facts = said(SymptomTrend::Worse, unlinked_mild_redness());
        facts.session = Some((
            facts.report.at - TimeDelta::hours(SETTLING_FROM_HOURS - 1),
            0.5,
        ));
        assert_eq!(triage_of(&facts, false).level, TriageLevel::Green);
        facts.session = Some((facts.report.at - TimeDelta::hours(SETTLING_FROM_HOURS), 0.5));
        assert_eq!(triage_of(&facts, false).level, TriageLevel::Amber);
    }

    #[test]
    fn better_does_not_hide_a_rise_the_severities_show() {
        let mut facts = said(SymptomTrend::Better, unlinked_mild_redness());
        facts.session = Some((facts.report.at - TimeDelta::hours(60), 0.5));
        facts.previous_severity = Some(1);
        let codes: Vec<_> = triage_of(&facts, false)
            .prompts
            .iter()
            .map(|p| p.code)
            .collect();
        assert_eq!(codes, [TriagePromptCode::WorseInsteadOfBetter]);
        facts.previous_severity = Some(2);
        assert_eq!(triage_of(&facts, false).level, TriageLevel::Green);
    }
}
