//! The first page or two: the period, the figures a clinician scans first,
//! the points worth discussing, the profile, the devices and the care plan.

use super::fonts::Weight;
use super::layout::{BODY, Layout};
use super::ops::{Rgb, colour};
use super::table::{Cell, col, table};
use super::tags::Role;
use crate::report::model::Report;
use crate::report::model::{CarePlanFacts, DeviceRow, ProfileFacts};
use crate::risk::TriageLevel;

/// The title block.
pub(crate) fn title(layout: &mut Layout<'_>, report: &Report) {
    let left = layout.geo.left;
    layout.tagged(Role::H1, |layout| {
        layout.text_at(
            left,
            layout.y + 18.0,
            17.0,
            Weight::Bold,
            colour::TEXT,
            "Home microneedling log",
        );
    });
    layout.y += 24.0;
    layout.text_at(
        left,
        layout.y + 10.0,
        10.0,
        Weight::Regular,
        colour::MUTED,
        "A summary for the dermatologist, recorded by the patient in RollSafe",
    );
    layout.y += 18.0;
    if let Some(patient) = &report.patient {
        layout.paragraph(&patient.line, 10.0, Weight::Bold, colour::TEXT);
        layout.gap(4.5);
    }
    let span = &report.span;
    let line = format!("Period: {} ({} days)", span.label(), span.days());
    layout.text_at(
        left,
        layout.y + 10.0,
        10.0,
        Weight::Bold,
        colour::ACCENT,
        &line,
    );
    layout.y += 18.0;
    if report.recorded_nothing() {
        layout.text_at(
            left,
            layout.y + 10.0,
            10.0,
            Weight::Bold,
            colour::TEXT,
            "Nothing was recorded in this period.",
        );
        layout.y += 18.0;
    }
}

/// One key figure.
struct Figure {
    value: String,
    label: String,
    tone: Rgb,
}

fn figure(value: impl Into<String>, label: impl Into<String>, tone: Rgb) -> Figure {
    Figure {
        value: value.into(),
        label: label.into(),
        tone,
    }
}

/// The boxes of key figures, from the sections that are on.
pub(crate) fn figures(layout: &mut Layout<'_>, report: &Report) {
    let mut figures = Vec::new();
    if let Some(sessions) = &report.sessions {
        let too_soon = sessions
            .rows
            .iter()
            .filter(|r| r.rest.as_ref().is_some_and(|x| x.too_soon()))
            .count();
        // Sessions recorded with an acknowledgement: a blocker overridden,
        // or a caution (professional needle range) confirmed as read.
        let acknowledged = sessions
            .rows
            .iter()
            .filter(|r| !r.overrides.is_empty())
            .count();
        figures.push(figure(
            sessions.rows.len().to_string(),
            "sessions",
            colour::TEXT,
        ));
        figures.push(figure(
            too_soon.to_string(),
            "sooner than the rest limit",
            tone(too_soon > 0),
        ));
        figures.push(figure(
            acknowledged.to_string(),
            "with a warning acknowledged",
            tone(acknowledged > 0),
        ));
    }
    if let Some(devices) = &report.devices {
        let (n, before, after) = devices.iter().fold((0, 0, 0), |(n, b, a), d| {
            (
                n + d.sessions_in_period,
                b + d.cleaned_before,
                a + d.cleaned_after,
            )
        });
        let share = |part| {
            crate::report::model::percent(part, n).map_or("–".to_owned(), |p| format!("{p}%"))
        };
        figures.push(figure(
            share(before),
            "cleaned before use",
            tone(before < n),
        ));
        figures.push(figure(share(after), "cleaned after use", tone(after < n)));
    }
    if let Some(symptoms) = &report.symptoms {
        let worst = symptoms.rows.iter().map(|r| r.overall).max();
        figures.push(figure(
            symptoms.rows.len().to_string(),
            "symptom reports",
            colour::TEXT,
        ));
        figures.push(figure(
            worst.map_or("–".to_owned(), |w| format!("{w}/10")),
            "highest severity",
            colour::TEXT,
        ));
        let prompts = symptoms
            .rows
            .iter()
            .filter(|r| r.level != TriageLevel::Green)
            .count();
        figures.push(figure(
            prompts.to_string(),
            "reports outside the expected course",
            tone(prompts > 0),
        ));
    }
    if let Some(alerts) = &report.alerts {
        figures.push(figure(
            alerts.preventive_now.clone(),
            "infection risk now",
            level_tone(&alerts.preventive_now),
        ));
        figures.push(figure(
            alerts.triage_now.clone(),
            "symptom triage now",
            level_tone(&alerts.triage_now),
        ));
    }
    let per_row = 5usize;
    let gap = 6.0;
    let width = (layout.geo.content_width() - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let height = 40.0;
    for chunk in figures.chunks(per_row) {
        layout.ensure(height + gap);
        for (i, f) in chunk.iter().enumerate() {
            let x = layout.geo.left + i as f32 * (width + gap);
            super::tile::tile(layout, (x, width, height), &f.value, &f.label, f.tone);
        }
        layout.y += height + gap;
    }
}

fn tone(warn: bool) -> Rgb {
    if warn { colour::AMBER } else { colour::TEXT }
}

fn level_tone(level: &str) -> Rgb {
    match level {
        "low" | "green" => colour::GREEN,
        "moderate" | "amber" => colour::AMBER,
        _ => colour::RED,
    }
}

/// The points a clinician may want to raise, drawn from every section on.
pub(crate) fn points(layout: &mut Layout<'_>, report: &Report) {
    let mut points: Vec<(Rgb, String)> = Vec::new();
    if let Some(alerts) = &report.alerts {
        if alerts.triage_now != "green" {
            points.push((
                level_tone(&alerts.triage_now),
                format!("Symptom triage now: {}", alerts.triage_summary),
            ));
        }
        // Counts what the alerts table below shows, and says plainly what
        // lies before the period.
        let waiting = match (alerts.open, alerts.open_before) {
            (0, 0) => None,
            (0, before) => Some(format!(
                "{before} alert(s) from before this period not yet acknowledged by the patient."
            )),
            (open, 0) => Some(format!(
                "{open} alert(s) in this period not yet acknowledged by the patient."
            )),
            (open, before) => Some(format!(
                "{open} alert(s) in this period not yet acknowledged by the patient, and {before} before it."
            )),
        };
        if let Some(text) = waiting {
            points.push((colour::AMBER, text));
        }
    }
    if let Some(symptoms) = &report.symptoms {
        for row in symptoms
            .rows
            .iter()
            .rev()
            .filter(|r| r.level != TriageLevel::Green)
            .take(3)
        {
            if let Some(prompt) = row.prompts.first() {
                points.push((level_tone(prompt.level.code()), prompt.seen.clone()));
            }
        }
    }
    if let Some(devices) = &report.devices {
        for d in devices {
            if let Some(reason) = &d.replacement_due {
                points.push((
                    colour::AMBER,
                    format!("{} is due for replacement: {reason}.", d.name),
                ));
            }
            if d.shared {
                points.push((
                    colour::AMBER,
                    format!("{} is shared with someone else.", d.name),
                ));
            }
        }
    }
    if let Some(sessions) = &report.sessions {
        let too_soon: Vec<_> = sessions
            .rows
            .iter()
            .filter(|r| r.rest.as_ref().is_some_and(|x| x.too_soon()))
            .collect();
        if let Some(last) = too_soon.last() {
            points.push((
                colour::AMBER,
                format!(
                    "{} session(s) came sooner than the rest limit; the latest on {}.",
                    too_soon.len(),
                    last.date
                ),
            ));
        }
        let flagged = sessions
            .rows
            .iter()
            .filter(|r| !r.flagged_products.is_empty())
            .count();
        if flagged > 0 {
            points.push((
                colour::AMBER,
                format!("{flagged} session(s) used a product best kept off freshly needled skin."),
            ));
        }
    }
    if let Some(profile) = &report.profile {
        let present: Vec<&str> = profile
            .answers
            .iter()
            .filter(|a| a.present)
            .map(|a| a.label)
            .collect();
        if !present.is_empty() {
            points.push((
                colour::TEXT,
                format!("The patient reports {}.", present.join("; ")),
            ));
        }
    }
    if points.is_empty() {
        return;
    }
    layout.heading("Points to discuss");
    layout.bullets(&points);
}

/// Skin type, condition answers with dates, and the topicals used.
pub(crate) fn profile(layout: &mut Layout<'_>, profile: &ProfileFacts) {
    layout.heading("Profile");
    let skin = profile
        .skin_type
        .as_deref()
        .map_or("not given".to_owned(), |t| format!("type {t}"));
    let saved = profile
        .saved
        .map_or("never saved".to_owned(), |d| format!("last saved {d}"));
    layout.paragraph(
        &format!(
            "Fitzpatrick skin type: {skin} · profile {saved}; {} change(s) in the period.",
            profile.changes_in_period
        ),
        BODY,
        Weight::Regular,
        colour::TEXT,
    );
    layout.gap(3.0);
    let rows: Vec<Vec<Cell>> = profile
        .answers
        .iter()
        .map(|a| {
            vec![
                Cell::from(capitalise(a.label)),
                if a.present {
                    Cell::strong("yes", colour::AMBER)
                } else {
                    Cell::from("no")
                },
                Cell::from(a.detail.clone().unwrap_or_default()),
                Cell::from(a.confirmed.to_string()),
            ]
        })
        .collect();
    if !rows.is_empty() {
        table(
            layout,
            &[
                col("Condition or medication", 5.0),
                col("Answer", 1.2),
                col("Detail", 2.0),
                col("Confirmed", 1.6),
            ],
            &rows,
        );
    }
    if !profile.unanswered.is_empty() {
        layout.paragraph(
            &format!("Not answered: {}.", profile.unanswered.join("; ")),
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
    }
    let topicals = if profile.topicals.is_empty() {
        "none recorded".to_owned()
    } else {
        profile
            .topicals
            .iter()
            .take(12)
            .map(|(name, n)| format!("{name} ({n})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    layout.paragraph(
        &format!("Products used around sessions in the period (sessions): {topicals}."),
        BODY,
        Weight::Regular,
        colour::TEXT,
    );
}

/// The device table.
pub(crate) fn devices(layout: &mut Layout<'_>, devices: &[DeviceRow]) {
    layout.heading("Devices");
    if devices.is_empty() {
        layout.paragraph("No devices recorded.", BODY, Weight::Regular, colour::MUTED);
        return;
    }
    let rows: Vec<Vec<Cell>> = devices
        .iter()
        .map(|d| {
            let mut name = d.name.clone();
            if let Some(brand) = &d.brand {
                name.push_str(&format!(" ({brand})"));
            }
            if let Some(retired) = d.retired {
                name.push_str(&format!(", retired {retired}"));
            }
            if d.shared {
                name.push_str(", shared");
            }
            let pct = |p: Option<u32>| p.map_or("–".to_owned(), |p| format!("{p}%"));
            vec![
                Cell::from(name),
                Cell::from(format!("{}, {}", d.kind, d.needle)),
                Cell::from(d.material),
                Cell::from(format!("{} ({} in all)", d.uses, d.total_uses)),
                Cell::from(match (d.head_started, d.age_days) {
                    (Some(start), Some(age)) => format!("{age} days (since {start})"),
                    _ => "not used yet".to_owned(),
                }),
                match &d.replacement_due {
                    Some(reason) => Cell::strong(format!("due: {reason}"), colour::AMBER),
                    None => Cell::from(format!("limit {}", d.limit)),
                },
                Cell::from(format!(
                    "{} / {} of {}",
                    pct(d.before_percent()),
                    pct(d.after_percent()),
                    d.sessions_in_period
                )),
            ]
        })
        .collect();
    table(
        layout,
        &[
            col("Device", 2.2),
            col("Kind, needle", 1.7),
            col("Material", 1.2),
            col("Uses (head)", 1.3),
            col("Head age", 1.6),
            col("Replacement", 2.2),
            col("Cleaned before / after (sessions)", 1.9),
        ],
        &rows,
    );
    layout.paragraph("Cleaned before: the patient's pre-session answer. Cleaned after: a cleaning logged within a day after the session. Home cleaning disinfects; it does not sterilise.", 7.0, Weight::Regular, colour::MUTED);
}

/// The care plan in force at the end of the period.
pub(crate) fn care_plan(layout: &mut Layout<'_>, facts: &CarePlanFacts) {
    layout.heading("Care plan in force");
    let Some(plan) = &facts.current else {
        layout.paragraph(
            "No care plan recorded: RollSafe applies its default rules, each naming its source.",
            BODY,
            Weight::Regular,
            colour::MUTED,
        );
        return;
    };
    let mut lines = vec![format!(
        "Set by {} on {}.",
        plan.set_by,
        crate::time::local_date(&plan.set_at)
    )];
    if !plan.rest.is_empty() {
        let rests: Vec<String> = plan
            .rest
            .iter()
            .map(|r| format!("{} {} days", r.region.code(), r.min_rest_days))
            .collect();
        lines.push(format!("Minimum rest: {}.", rests.join(", ")));
    }
    let limits: Vec<f64> = plan
        .max_needle
        .iter()
        .map(|l| l.max_needle_length_mm)
        .collect();
    match limits.first() {
        Some(&mm)
            if plan.max_needle.len() == crate::zone::BodyRegion::ALL.len()
                && limits.iter().all(|l| *l == mm) =>
        {
            lines.push(format!(
                "Longest needle: {} mm.",
                crate::report::model::mm(mm)
            ));
        }
        Some(_) => {
            let each: Vec<String> = plan
                .max_needle
                .iter()
                .map(|l| {
                    format!(
                        "{} {} mm",
                        l.region.code(),
                        crate::report::model::mm(l.max_needle_length_mm)
                    )
                })
                .collect();
            lines.push(format!("Longest needle: {}.", each.join(", ")));
        }
        None => {}
    }
    if !plan.allowed_zones.is_empty() {
        let zones: Vec<String> = plan
            .allowed_zones
            .iter()
            .map(|z| super::charts::zone_label(*z))
            .collect();
        lines.push(format!("Only these zones: {}.", zones.join(", ")));
    }
    if !plan.avoid_products.is_empty() {
        let products: Vec<&str> = plan.avoid_products.iter().map(|p| p.label()).collect();
        lines.push(format!(
            "Keep away from needled skin: {}.",
            products.join(", ")
        ));
    }
    if !plan.cleared_conditions.is_empty() {
        let cleared: Vec<&str> = plan.cleared_conditions.iter().map(|c| c.label()).collect();
        lines.push(format!("Reviewed and cleared: {}.", cleared.join("; ")));
    }
    for (date, by) in &facts.earlier_in_period {
        lines.push(format!(
            "Earlier in the period: a plan set by {by} on {date}."
        ));
    }
    let items: Vec<_> = lines.into_iter().map(|l| (colour::TEXT, l)).collect();
    layout.bullets(&items);
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
