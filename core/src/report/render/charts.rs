//! The three charts, drawn as vectors: sessions over time by zone, symptom
//! severity with the expected-reaction window, and the risk levels over time.

use super::axis::TimeAxis;
use super::fonts::Weight;
use super::layout::Layout;
use super::ops::{Op, Rgb, colour, hline};
use crate::report::model::{AlertFacts, LevelStep, SessionFacts, Span, SymptomFacts};
use crate::risk::TriageLevel;
use crate::zone::{BodyRegion, BodyZone};

/// Axis and legend label size, and the width of the lane names' gutter.
pub(crate) const LABEL: f32 = 7.0;
pub(crate) const GUTTER: f32 = 62.0;

/// The colour of a region in the session chart.
fn region_colour(region: BodyRegion) -> Rgb {
    match region {
        BodyRegion::Face => colour::SERIES[0],
        BodyRegion::Scalp => colour::SERIES[1],
        BodyRegion::Body => colour::SERIES[2],
    }
}

/// The colour of a level ranked 0, 1, 2.
fn level_colour(level: u8) -> Rgb {
    match level {
        0 => colour::GREEN,
        1 => colour::AMBER,
        _ => colour::RED,
    }
}

/// A chart's title, kept on a page with the `height` of its plot.
pub(crate) fn title(layout: &mut Layout<'_>, text: &str, height: f32) {
    layout.ensure(height + 24.0);
    let y = layout.y + 10.0;
    layout.text_at(layout.geo.left, y, 9.0, Weight::Bold, colour::TEXT, text);
    layout.y = y + 6.0;
}

/// Grid lines and labels of the time axis under a plot.
pub(crate) fn time_axis(layout: &mut Layout<'_>, axis: &TimeAxis, top: f32, bottom: f32) {
    let face = layout.fonts.face(Weight::Regular);
    let mut last_label_end = f32::MIN;
    for (date, label) in axis.ticks() {
        let x = axis.date_x(date);
        layout.push(Op::Line {
            points: vec![(x, top), (x, bottom + 2.0)],
            colour: colour::RULE,
            width: 0.4,
            dashed: false,
        });
        let width = face.width(&label, LABEL);
        let left = (x - width / 2.0).min(axis.x1 - width);
        if left > last_label_end + 4.0 {
            layout.text_at(
                left,
                bottom + 10.0,
                LABEL,
                Weight::Regular,
                colour::MUTED,
                &label,
            );
            last_label_end = left + width;
        }
    }
    layout.push(hline(axis.x0, axis.x1, bottom, colour::MUTED, 0.6));
}

fn legend(layout: &mut Layout<'_>, entries: &[(Rgb, &str)]) {
    let face = layout.fonts.face(Weight::Regular);
    let mut x = layout.geo.left + GUTTER;
    let y = layout.y;
    for (c, label) in entries {
        let width = face.width(label, LABEL);
        if x + 12.0 + width > layout.geo.right {
            break;
        }
        layout.push(Op::Rect {
            x,
            y: y + 1.5,
            w: 8.0,
            h: 6.0,
            fill: *c,
        });
        layout.text_at(
            x + 11.0,
            y + 7.0,
            LABEL,
            Weight::Regular,
            colour::TEXT,
            label,
        );
        x += 11.0 + width + 14.0;
    }
    layout.y += 16.0;
}

/// Sessions over time, one lane per zone, one mark per session (marks that
/// would overlap at this scale are drawn once).
pub(crate) fn sessions_by_zone(layout: &mut Layout<'_>, span: &Span, sessions: &SessionFacts) {
    let mut zones: Vec<BodyZone> = sessions.rows.iter().flat_map(|r| r.zones.clone()).collect();
    crate::sorting::sort(&mut zones);
    zones.dedup();
    let lane = 11.0;
    let height = lane * zones.len().max(1) as f32;
    title(layout, "Sessions over time, by zone", height + 30.0);
    let top = layout.y;
    let bottom = top + height;
    let axis = TimeAxis::new(span, layout.geo.left + GUTTER, layout.geo.right);
    time_axis(layout, &axis, top, bottom);
    let mark = ((axis.x1 - axis.x0) / axis.days * 0.5).clamp(1.2, 3.0);
    // Marks drawn so far, sorted, to skip a mark on top of another.
    let mut drawn: Vec<(usize, i32)> = Vec::new();
    for (i, zone) in zones.iter().enumerate() {
        let y = top + i as f32 * lane;
        let name = zone_label(*zone);
        layout.text_at(
            layout.geo.left,
            y + lane - 3.0,
            LABEL,
            Weight::Regular,
            colour::TEXT,
            &name,
        );
        if i > 0 {
            layout.push(hline(axis.x0, axis.x1, y, colour::BAND, 0.4));
        }
        for row in sessions.rows.iter().filter(|r| r.zones.contains(zone)) {
            let x = axis.moment_x(&row.at);
            let key = (i, (x * 2.0) as i32);
            match drawn.binary_search(&key) {
                Ok(_) => continue,
                Err(at) => drawn.insert(at, key),
            }
            layout.push(Op::Rect {
                x: x - mark / 2.0,
                y: y + 2.0,
                w: mark,
                h: lane - 4.0,
                fill: region_colour(zone.region()),
            });
        }
    }
    if zones.is_empty() {
        layout.text_at(
            axis.x0 + 4.0,
            top + 8.0,
            LABEL,
            Weight::Regular,
            colour::MUTED,
            "No sessions in this period.",
        );
    }
    layout.y = bottom + 14.0;
    legend(
        layout,
        &[
            (region_colour(BodyRegion::Face), "face and neck"),
            (region_colour(BodyRegion::Scalp), "scalp"),
            (region_colour(BodyRegion::Body), "body"),
        ],
    );
}

/// Overall severity of each report (0 to 10), coloured by its triage level,
/// over the expected-reaction window after each session.
pub(crate) fn severity(layout: &mut Layout<'_>, span: &Span, symptoms: &SymptomFacts) {
    let height = 70.0;
    title(
        layout,
        "Symptom severity over time (0–10), with the expected-reaction window",
        height + 30.0,
    );
    let top = layout.y;
    let bottom = top + height;
    let axis = TimeAxis::new(span, layout.geo.left + GUTTER, layout.geo.right);
    let y_of = |v: f32| bottom - v / 10.0 * height;
    // Windows first, merged where they overlap, so they sit behind the rest.
    let mut windows: Vec<(f32, f32)> = Vec::new();
    for (start, end) in &symptoms.windows {
        let (a, b) = (
            axis.moment_x(start),
            axis.moment_x(end).max(axis.moment_x(start) + 0.8),
        );
        match windows.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => windows.push((a, b)),
        }
    }
    for (a, b) in windows {
        layout.push(Op::Rect {
            x: a,
            y: top,
            w: b - a,
            h: height,
            fill: colour::WINDOW,
        });
    }
    for v in [0.0, 5.0, 10.0] {
        let y = y_of(v);
        layout.push(hline(axis.x0, axis.x1, y, colour::RULE, 0.4));
        layout.text_at(
            axis.x0 - 12.0,
            y + 2.5,
            LABEL,
            Weight::Regular,
            colour::MUTED,
            &format!("{v:.0}"),
        );
    }
    time_axis(layout, &axis, top, bottom);
    layout.text_at(
        layout.geo.left,
        top + 8.0,
        LABEL,
        Weight::Regular,
        colour::MUTED,
        "severity",
    );
    let mut previous: Option<(f32, f32)> = None;
    for point in &symptoms.points {
        let (x, y) = (axis.moment_x(&point.at), y_of(f32::from(point.severity)));
        if let Some(p) = previous {
            layout.push(Op::Line {
                points: vec![p, (x, y)],
                colour: colour::RULE,
                width: 0.5,
                dashed: false,
            });
        }
        previous = Some((x, y));
    }
    for point in &symptoms.points {
        let (x, y) = (axis.moment_x(&point.at), y_of(f32::from(point.severity)));
        let c = match point.level {
            TriageLevel::Green => colour::GREEN,
            TriageLevel::Amber => colour::AMBER,
            TriageLevel::Red => colour::RED,
        };
        layout.push(Op::Polygon {
            points: vec![(x, y - 2.6), (x + 2.6, y), (x, y + 2.6), (x - 2.6, y)],
            fill: c,
        });
    }
    layout.y = bottom + 14.0;
    legend(
        layout,
        &[
            (colour::WINDOW, "expected reaction: 72 h, 7 days from 1 mm"),
            (colour::GREEN, "as expected"),
            (colour::AMBER, "contact dermatologist"),
            (colour::RED, "urgent care"),
        ],
    );
}

/// The preventive and triage levels over time, as coloured bands.
pub(crate) fn risk(layout: &mut Layout<'_>, span: &Span, alerts: &AlertFacts) {
    let lane = 14.0;
    let height = lane * 2.0 + 6.0;
    title(
        layout,
        "Risk levels over time (from the alert history)",
        height + 30.0,
    );
    let top = layout.y;
    let bottom = top + height;
    let axis = TimeAxis::new(span, layout.geo.left + GUTTER, layout.geo.right);
    for (i, (name, steps)) in [
        ("infection risk", &alerts.preventive),
        ("symptom triage", &alerts.triage),
    ]
    .into_iter()
    .enumerate()
    {
        let y = top + 2.0 + i as f32 * (lane + 2.0);
        layout.text_at(
            layout.geo.left,
            y + lane - 4.0,
            LABEL,
            Weight::Regular,
            colour::TEXT,
            name,
        );
        bands(layout, &axis, steps, y, lane);
    }
    time_axis(layout, &axis, top, bottom);
    layout.y = bottom + 14.0;
    legend(
        layout,
        &[
            (colour::GREEN, "low / green"),
            (colour::AMBER, "moderate / amber"),
            (colour::RED, "high / red"),
        ],
    );
}

fn bands(layout: &mut Layout<'_>, axis: &TimeAxis, steps: &[LevelStep], y: f32, h: f32) {
    for (i, step) in steps.iter().enumerate() {
        let start = if i == 0 {
            axis.x0
        } else {
            axis.moment_x(&step.at)
        };
        let end = steps
            .get(i + 1)
            .map_or(axis.x1, |next| axis.moment_x(&next.at));
        if end > start {
            layout.push(Op::Rect {
                x: start,
                y,
                w: end - start,
                h,
                fill: level_colour(step.level),
            });
        }
    }
}

/// A zone's name for labels: "upper lip".
pub(crate) fn zone_label(zone: BodyZone) -> String {
    match zone {
        BodyZone::Decolletage => "décolleté".to_owned(),
        other => other.code().replace('_', " "),
    }
}
