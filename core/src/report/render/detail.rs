//! The detail after the summary: the session timeline, symptom reports with
//! their triage prompts, alerts and cleanings.

use super::charts::zone_label;
use super::fonts::Weight;
use super::layout::{BODY, Layout};
use super::ops::colour;
use super::references::References;
use super::table::{Cell, col, table, table_noted};
use crate::report::model::{
    AlertFacts, CleaningRow, MonthRow, SessionFacts, SessionRow, SymptomFacts, SymptomRow,
};
use crate::risk::TriageLevel;
use crate::time::Moment;

fn when(at: &Moment) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn zones(list: &[crate::zone::BodyZone]) -> String {
    list.iter()
        .map(|z| zone_label(*z))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The session timeline.
pub(crate) fn sessions(layout: &mut Layout<'_>, facts: &SessionFacts) {
    layout.heading("Session timeline");
    if facts.rows.is_empty() {
        layout.paragraph(
            "No sessions in this period.",
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
        return;
    }
    if !facts.months.is_empty() {
        layout.intro(
            &format!(
                "{} sessions in the period: a summary per month first, then the {} most recent sessions in full. Choose a shorter period for every session in full; the JSON and CSV exports hold the whole log.",
                facts.rows.len(),
                facts.listed
            ),
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
        layout.gap(3.0);
        months(layout, &facts.months);
        layout.subheading("Most recent sessions");
    }
    let rows: Vec<Vec<Cell>> = facts.listed_rows().iter().map(session_row).collect();
    table_noted(
        layout,
        &[
            col("Date", 1.6),
            col("Device", 1.25),
            col("Zones", 1.5),
            col("Needle", 1.0),
            col("Rest: days / limit", 1.05),
            col("Cleaned before", 0.95),
            col("Products flagged", 1.6),
            col("Overrides acknowledged, notes", 2.85),
        ],
        &rows,
        Some(REST_NOTE),
    );
}

/// The footnote under the session table.
const REST_NOTE: &str = "Rest: local calendar days since the previous session on the same region, against the minimum that applied (the care plan's where it sets one, marked \"plan\", else RollSafe's default for the needle length).";

fn session_row(row: &SessionRow) -> Vec<Cell> {
    let rest = match &row.rest {
        None => Cell::from("first"),
        Some(rest) => {
            let text = format!(
                "{} / {}{}",
                rest.days_since,
                rest.limit,
                if rest.from_care_plan { " plan" } else { "" }
            );
            if rest.too_soon() {
                Cell::strong(text, colour::RED)
            } else {
                Cell::from(text)
            }
        }
    };
    let mut notes: Vec<String> = row
        .overrides
        .iter()
        .map(|o| format!("Overrode: {o}"))
        .collect();
    if let Some(note) = &row.note {
        notes.push(format!("Note: {}", note.shown()));
    }
    if let Some(pain) = row.pain {
        notes.push(format!("pain {pain}/10"));
    }
    if row.edited {
        notes.push("edited after recording".to_owned());
    }
    vec![
        Cell::from(when(&row.at)),
        Cell::from(row.device.clone()),
        Cell::from(zones(&row.zones)),
        Cell::from(format!("{} mm", crate::report::model::mm(row.needle_mm))),
        rest,
        if row.pre_cleaned {
            Cell::from("yes")
        } else {
            Cell::strong("no", colour::RED)
        },
        if row.flagged_products.is_empty() {
            Cell::from("–")
        } else {
            Cell::strong(row.flagged_products.join("; "), colour::AMBER)
        },
        if row.overrides.is_empty() {
            Cell::from(notes.join(" · "))
        } else {
            Cell::strong(notes.join(" · "), colour::AMBER)
        },
    ]
}

fn months(layout: &mut Layout<'_>, months: &[MonthRow]) {
    let rows: Vec<Vec<Cell>> = months
        .iter()
        .map(|m| {
            let zones: Vec<String> = m
                .zones
                .iter()
                .take(4)
                .map(|(z, n)| format!("{} {n}", zone_label(*z)))
                .collect();
            let warn = |n: u32| {
                if n > 0 {
                    Cell::strong(n.to_string(), colour::AMBER)
                } else {
                    Cell::from("0")
                }
            };
            vec![
                Cell::from(m.month.format("%Y %b").to_string()),
                Cell::from(m.sessions.to_string()),
                Cell::from(zones.join(", ")),
                warn(m.too_soon),
                warn(m.overrides),
                warn(m.flagged),
            ]
        })
        .collect();
    table(
        layout,
        &[
            col("Month", 1.0),
            col("Sessions", 0.8),
            col("Zones (sessions)", 3.6),
            col("Sooner than limit", 1.1),
            col("Overrides", 0.9),
            col("Products flagged", 1.1),
        ],
        &rows,
    );
}

/// Symptom reports with their triage prompts and what followed.
pub(crate) fn symptoms(layout: &mut Layout<'_>, facts: &SymptomFacts, references: &References) {
    layout.heading("Symptom reports and triage prompts");
    if facts.rows.is_empty() {
        layout.paragraph(
            "No symptom reports in this period.",
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
        return;
    }
    if facts.listed.len() < facts.rows.len() {
        layout.intro(
            &format!(
                "{} reports in the period; listed: every report that raised a prompt and the most recent others ({} in all).",
                facts.rows.len(),
                facts.listed.len()
            ),
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
    }
    let rows: Vec<Vec<Cell>> = facts
        .listed
        .iter()
        .filter_map(|i| facts.rows.get(*i))
        .map(|row| symptom_row(row, references))
        .collect();
    table(
        layout,
        &[
            col("Date", 1.5),
            col("Kind, zones", 1.5),
            col("Symptoms (0–10)", 2.0),
            col("Overall", 0.75),
            col("Triage prompt at the time", 3.4),
            col("What happened after", 2.2),
        ],
        &rows,
    );
}

fn symptom_row(row: &SymptomRow, references: &References) -> Vec<Cell> {
    let mut kind = format!("{}; {}", row.kind, zones(&row.zones));
    if row.around_eye {
        kind.push_str("; around the eye");
    }
    if let Some(since) = row.since_session {
        let hours = since.num_hours();
        kind.push_str(&if hours < 48 {
            format!("; {hours} h after session")
        } else {
            format!("; {} days after session", hours / 24)
        });
    }
    let mut symptoms = row.symptoms.clone();
    if let Some(t) = row.temperature_c {
        symptoms.push_str(&format!("; {t:.1} °C"));
    }
    if let Some(trend) = row.trend {
        symptoms.push_str(&format!("; {}", trend.label()));
    }
    if let Some(note) = &row.note {
        symptoms.push_str(&format!(" · Note: {}", note.shown()));
    }
    for photo in &row.photos {
        symptoms.push_str(&format!(" · Photo: {photo}"));
    }
    let triage = if row.prompts.is_empty() {
        Cell::from("within the expected course")
    } else {
        let text: Vec<String> = row
            .prompts
            .iter()
            .map(|p| {
                format!(
                    "{}: {}. {} {}",
                    p.level.code().to_uppercase(),
                    p.seen,
                    p.advised,
                    references.marker(&p.source)
                )
            })
            .collect();
        let c = if row.level == TriageLevel::Red {
            colour::RED
        } else {
            colour::AMBER
        };
        Cell {
            text: text.join(" "),
            colour: c,
            weight: Weight::Regular,
        }
    };
    vec![
        Cell::from(when(&row.at)),
        Cell::from(kind),
        Cell::from(symptoms),
        Cell::from(row.overall.to_string()),
        triage,
        Cell::from(if row.after.is_empty() {
            "nothing logged since".to_owned()
        } else {
            row.after.join("; ")
        }),
    ]
}

/// The alerts of the period.
pub(crate) fn alerts(layout: &mut Layout<'_>, facts: &AlertFacts) {
    layout.heading("Alerts");
    layout.intro(
        &format!(
            "Now: infection risk {}, symptom triage {}. {}",
            facts.preventive_now, facts.triage_now, facts.triage_summary
        ),
        BODY,
        Weight::Regular,
        colour::TEXT,
    );
    layout.gap(3.0);
    if facts.rows.is_empty() {
        layout.paragraph(
            "No alerts in this period.",
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
        return;
    }
    let skip = facts
        .rows
        .len()
        .saturating_sub(crate::report::model::ALERTS_LISTED);
    if skip > 0 {
        layout.intro(
            &format!(
                "{} alerts in the period; the {} most recent are listed.",
                facts.rows.len(),
                crate::report::model::ALERTS_LISTED
            ),
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
    }
    let rows: Vec<Vec<Cell>> = facts
        .rows
        .iter()
        .skip(skip)
        .map(|a| {
            let change = format!("{} {} to {}", a.kind, a.from_level, a.to_level);
            vec![
                Cell::from(when(&a.at)),
                if a.rising {
                    Cell::strong(change, colour::AMBER)
                } else {
                    Cell::from(change)
                },
                Cell::from(format!("{}: {}", a.title, a.reasons.join(" "))),
                Cell::from(match (a.rising, a.acknowledged) {
                    (false, _) => "level fell".to_owned(),
                    (true, Some(day)) => format!("acknowledged {day}"),
                    (true, None) => "not acknowledged".to_owned(),
                }),
            ]
        })
        .collect();
    table(
        layout,
        &[
            col("Date", 1.5),
            col("Change", 1.6),
            col("What the patient was told", 5.5),
            col("Patient's response", 1.5),
        ],
        &rows,
    );
}

/// Cleanings per device.
pub(crate) fn cleanings(layout: &mut Layout<'_>, rows: &[CleaningRow], references: &References) {
    layout.heading("Cleanings");
    let rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let methods: Vec<String> = r.methods.iter().map(|(m, n)| format!("{m} {n}")).collect();
            vec![
                Cell::from(r.device.clone()),
                Cell::from(r.total.to_string()),
                if r.adequate < r.total {
                    Cell::strong(format!("{} of {}", r.adequate, r.total), colour::AMBER)
                } else {
                    Cell::from(format!("{} of {}", r.adequate, r.total))
                },
                Cell::from(format!(
                    "{} / {} / {}",
                    r.before_use, r.after_use, r.standalone
                )),
                Cell::from(methods.join(", ")),
                Cell::from(r.last.as_ref().map_or("–".to_owned(), when)),
            ]
        })
        .collect();
    let note = format!(
        "Adequate: an alcohol soak of at least {} minutes {}. {}",
        crate::rules::cleaning::MIN_SOAK_MINUTES,
        references.marker(&crate::rules::cleaning::CLEANING_RULE),
        crate::rules::cleaning::CLEANING_RULE.note
    );
    table_noted(
        layout,
        &[
            col("Device", 1.6),
            col("Cleanings", 0.8),
            col("Adequate", 0.9),
            col("Before / after use / other", 1.5),
            col("Methods", 2.4),
            col("Last", 1.2),
        ],
        &rows,
        Some(&note),
    );
}
