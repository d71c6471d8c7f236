//! The alternative text of each chart: what it shows and its main figures,
//! made from the same facts the chart draws, so a reader who cannot see the
//! chart hears what a glance at it gives. Only counts, dates, zones and
//! levels: never anything the user typed.

use super::charts::zone_label;
use crate::report::model::{AlertFacts, LevelStep, SessionFacts, Span, SymptomFacts};
use crate::risk::TriageLevel;
use crate::zone::BodyZone;

/// The session chart: sessions per zone, and the first and last.
pub(crate) fn sessions(span: &Span, facts: &SessionFacts) -> String {
    let mut text = format!(
        "Chart: sessions over time, by zone, {}. {} sessions",
        span.label(),
        facts.rows.len()
    );
    let mut zones: Vec<(BodyZone, usize)> = Vec::new();
    for zone in facts.rows.iter().flat_map(|r| r.zones.iter()) {
        match zones.iter_mut().find(|(z, _)| z == zone) {
            Some((_, n)) => *n += 1,
            None => zones.push((*zone, 1)),
        }
    }
    // Most sessions first; equal counts in the chart's order of lanes.
    crate::sorting::sort(&mut zones);
    crate::sorting::sort_by(&mut zones, |a, b| b.1.cmp(&a.1));
    if !zones.is_empty() {
        let each: Vec<String> = zones
            .iter()
            .map(|(z, n)| format!("{} {n}", zone_label(*z)))
            .collect();
        text.push_str(&format!("; by zone: {}", each.join(", ")));
    }
    if let (Some(first), Some(last)) = (facts.rows.first(), facts.rows.last()) {
        text.push_str(&format!(
            "; the first on {}, the last on {}",
            first.date, last.date
        ));
    }
    text.push('.');
    text
}

/// The severity chart: how many reports, the highest and the latest, and
/// how many fell outside the expected course.
pub(crate) fn severity(span: &Span, facts: &SymptomFacts) -> String {
    let mut text = format!(
        "Chart: symptom severity over time (0 to 10), {}, with the expected-reaction window after each session shaded. {} reports",
        span.label(),
        facts.points.len()
    );
    let highest = facts.points.iter().max_by_key(|p| p.severity);
    if let (Some(high), Some(last)) = (highest, facts.points.last()) {
        text.push_str(&format!(
            "; highest {} of 10 on {}; the latest {} of 10 on {}",
            high.severity,
            high.at.date_naive(),
            last.severity,
            last.at.date_naive()
        ));
        let count = |level| facts.points.iter().filter(|p| p.level == level).count();
        text.push_str(&format!(
            "; {} as expected, {} advising to contact the dermatologist, {} advising urgent care",
            count(TriageLevel::Green),
            count(TriageLevel::Amber),
            count(TriageLevel::Red)
        ));
    }
    text.push('.');
    text
}

/// The risk chart: each level now, its highest in the period, and how
/// often it changed.
pub(crate) fn risk(span: &Span, facts: &AlertFacts) -> String {
    let lane = |name: &str, steps: &[LevelStep], now: &str, words: [&str; 3]| {
        let highest = steps.iter().map(|s| s.level).max().unwrap_or(0);
        let word = words
            .get(usize::from(highest))
            .or(words.last())
            .copied()
            .unwrap_or_default();
        let changes = steps.len().saturating_sub(1);
        format!("{name} now {now}, at most {word} in the period, {changes} change(s)")
    };
    format!(
        "Chart: risk levels over time, from the alert history, {}. {}; {}.",
        span.label(),
        lane(
            "Infection risk",
            &facts.preventive,
            &facts.preventive_now,
            ["low", "moderate", "high"]
        ),
        lane(
            "symptom triage",
            &facts.triage,
            &facts.triage_now,
            ["green", "amber", "red"]
        )
    )
}
