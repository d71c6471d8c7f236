//! The symptom course after each session: one small table per session,
//! headed with its device, needle length, date and zones, each reported
//! symptom's score by day 0 to 7, under the expected course it is read
//! against, cited like the report's other sources.

use super::charts::zone_label;
use super::fonts::Weight;
use super::layout::{BODY, Layout};
use super::ops::colour;
use super::references::References;
use super::table::{Cell, Column, col, table};
use crate::report::model::{COURSE_DAYS, CourseFacts, Mark, SessionCourse, mm};
use crate::rules::triage::{EXPECTED, TriagePromptCode, triage_rule};

/// The day columns' titles, day 0 the session's local day.
const DAYS: [&str; COURSE_DAYS] = [
    "Day 0", "Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7",
];

/// The section: what is expected, then each session's table.
pub(crate) fn section(layout: &mut Layout<'_>, facts: &CourseFacts, references: &References) {
    if facts.sessions.is_empty() {
        return;
    }
    layout.heading("Symptom course after each session");
    let settling = triage_rule(TriagePromptCode::WorseInsteadOfBetter)
        .map_or_else(String::new, |r| references.marker(&r.source));
    let expected = references.marker(&EXPECTED);
    let mut intro = format!(
        "Each session with symptom reports in the seven days after it. Day 0 is the session's local day; each cell is the highest score (0–10) reported that day, \"yes\" a symptom reported without a score. Expected after needling: redness and swelling at their worst in the first 48 hours, then settling {settling}; gone within 72 hours below 1 mm and within 7 days from 1 mm {expected}. A symptom still reported after the expected course is in bold."
    );
    if facts.total > facts.sessions.len() {
        intro.push_str(&format!(
            " {} sessions had reports; the {} most recent are shown.",
            facts.total,
            facts.sessions.len()
        ));
    }
    layout.intro(&intro, BODY, Weight::Regular, colour::MUTED);
    layout.gap(3.0);
    for session in &facts.sessions {
        block(layout, session);
    }
}

fn block(layout: &mut Layout<'_>, session: &SessionCourse) {
    let zones: Vec<String> = session.zones.iter().map(|z| zone_label(*z)).collect();
    layout.subheading(&format!(
        "{} · {} mm · session {} · {} · expected course days 0–{}",
        session.device,
        mm(session.needle_mm),
        session.at.format("%Y-%m-%d %H:%M"),
        zones.join(", "),
        session.expected_last_day()
    ));
    let last = session.expected_last_day();
    let mut rows: Vec<Vec<Cell>> = session
        .lines
        .iter()
        .map(|line| {
            let mut row = vec![Cell::from(line.symptom.label())];
            row.extend(line.days.iter().enumerate().map(|(day, mark)| {
                let text = match mark {
                    None => "–".to_owned(),
                    Some(Mark::Seen) => "yes".to_owned(),
                    Some(Mark::Score(n)) => n.to_string(),
                };
                let late = day > last && matches!(mark, Some(Mark::Seen) | Some(Mark::Score(1..)));
                if late {
                    Cell::strong(text, colour::AMBER)
                } else {
                    Cell::from(text)
                }
            }));
            row
        })
        .collect();
    let mut overall = vec![Cell::strong("overall", colour::TEXT)];
    overall.extend(
        session
            .overall
            .iter()
            .map(|v| Cell::strong(v.map_or("–".to_owned(), |n| n.to_string()), colour::TEXT)),
    );
    rows.push(overall);
    // A session's table is a few one-line rows: kept whole, with its
    // subheading, where it fits (a header and a row are about 14 pt each).
    layout.keep((rows.len() + 1) as f32 * 14.0 + 6.0);
    let mut columns: Vec<Column> = vec![col("Symptom", 2.0)];
    columns.extend(DAYS.iter().map(|d| col(d, 1.0)));
    table(layout, &columns, &rows);
}
