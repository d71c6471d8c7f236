//! Sessions, cleanings and symptom reports in lanes on one time axis, told
//! apart by shape and fill rather than by colour alone, so they read in
//! greyscale print: a session without a cleaning before it is a hollow bar
//! with a cross, an inadequate cleaning a hollow tick, and a report's shape
//! says its triage level while its height says its severity.

use super::axis::TimeAxis;
use super::charts::{GUTTER, LABEL, time_axis, title};
use super::fonts::Weight;
use super::layout::Layout;
use super::ops::{Op, Rgb, colour, hline};
use crate::report::model::{Span, TimelineFacts};
use crate::risk::TriageLevel;

const SESSION_LANE: f32 = 14.0;
const CLEANING_LANE: f32 = 10.0;
const REPORT_LANE: f32 = 30.0;
/// A mark's half-size in the reports' lane.
const SHAPE: f32 = 2.8;

/// The chart, then its facts in words under it.
pub(crate) fn chart(layout: &mut Layout<'_>, span: &Span, facts: &TimelineFacts) {
    let mut lanes: Vec<(&str, f32)> = Vec::new();
    if facts.sessions.is_some() {
        lanes.push(("sessions", SESSION_LANE));
    }
    if facts.cleanings.is_some() {
        lanes.push(("cleanings", CLEANING_LANE));
    }
    if facts.reports.is_some() {
        lanes.push(("symptoms (0–10)", REPORT_LANE));
    }
    let height: f32 = lanes.iter().map(|(_, h)| h).sum();
    title(
        layout,
        "Sessions, cleanings and symptom reports on one time axis",
        height + 60.0,
    );
    let top = layout.y;
    let bottom = top + height;
    let axis = TimeAxis::new(span, layout.geo.left + GUTTER, layout.geo.right);
    time_axis(layout, &axis, top, bottom);
    let mut y = top;
    for (i, (name, lane)) in lanes.iter().enumerate() {
        if i > 0 {
            layout.push(hline(axis.x0, axis.x1, y, colour::RULE, 0.4));
        }
        layout.text_at(
            layout.geo.left,
            y + lane / 2.0 + 2.5,
            LABEL,
            Weight::Regular,
            colour::TEXT,
            name,
        );
        y += lane;
    }
    // Bars as wide as half a day, at most 2.4 pt, so daily use stays striped.
    let bar = ((axis.x1 - axis.x0) / axis.days * 0.5).clamp(0.6, 2.4);
    let mut y = top;
    if let Some(sessions) = &facts.sessions {
        for s in sessions {
            session_mark(layout, axis.moment_x(&s.at), y, s.cleaned_before, bar);
        }
        y += SESSION_LANE;
    }
    if let Some(cleanings) = &facts.cleanings {
        for c in cleanings {
            cleaning_mark(layout, axis.moment_x(&c.at), y, c.adequate, bar * 0.7);
        }
        y += CLEANING_LANE;
    }
    if let Some(reports) = &facts.reports {
        let base = y + REPORT_LANE - SHAPE - 1.0;
        let span = REPORT_LANE - 2.0 * SHAPE - 2.0;
        for r in reports {
            let cy = base - f32::from(r.severity.min(10)) / 10.0 * span;
            report_mark(layout, axis.moment_x(&r.at), cy, r.level);
        }
    }
    layout.y = bottom + 14.0;
    legend(layout, facts);
}

/// The chart's facts in words, printed under it: read as text, since the
/// figure's alternative text points to it.
pub(crate) fn caption(layout: &mut Layout<'_>, facts: &TimelineFacts) {
    layout.paragraph(&facts.description(), LABEL, Weight::Regular, colour::MUTED);
    layout.gap(6.0);
}

/// The figure's alternative text.
pub(crate) const ALT: &str = "Chart: sessions, cleanings and symptom reports on one time axis; its facts follow in the text below it.";

/// A session: a filled bar when cleaned before, else a hollow one crossed.
fn session_mark(layout: &mut Layout<'_>, x: f32, lane_top: f32, cleaned: bool, w: f32) {
    let (top, h) = (lane_top + 2.0, SESSION_LANE - 4.0);
    if cleaned {
        layout.push(Op::Rect {
            x: x - w / 2.0,
            y: top,
            w,
            h,
            fill: colour::ACCENT,
        });
    } else {
        let (l, r, b) = (x - 2.5, x + 2.5, top + h);
        outline(layout, &[(l, top), (r, top), (r, b), (l, b)], colour::RED);
        for points in [vec![(l, top), (r, b)], vec![(r, top), (l, b)]] {
            layout.push(Op::Line {
                points,
                colour: colour::RED,
                width: 0.8,
                dashed: false,
            });
        }
    }
}

/// A cleaning: a filled tick when adequate, else a hollow one.
fn cleaning_mark(layout: &mut Layout<'_>, x: f32, lane_top: f32, adequate: bool, w: f32) {
    let (top, h) = (lane_top + 2.0, CLEANING_LANE - 4.0);
    if adequate {
        layout.push(Op::Rect {
            x: x - w / 2.0,
            y: top,
            w,
            h,
            fill: colour::MUTED,
        });
    } else {
        let (l, r) = (x - 1.6, x + 1.6);
        outline(
            layout,
            &[(l, top), (r, top), (r, top + h), (l, top + h)],
            colour::AMBER,
        );
    }
}

/// A report: a diamond as expected, a triangle for the dermatologist, a
/// square for urgent care.
fn report_mark(layout: &mut Layout<'_>, x: f32, y: f32, level: TriageLevel) {
    let s = SHAPE;
    let (points, fill) = match level {
        TriageLevel::Green => (
            vec![(x, y - s), (x + s, y), (x, y + s), (x - s, y)],
            colour::GREEN,
        ),
        TriageLevel::Amber => (
            vec![(x, y - s - 0.4), (x + s + 0.4, y + s), (x - s - 0.4, y + s)],
            colour::AMBER,
        ),
        TriageLevel::Red => (
            vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ],
            colour::RED,
        ),
    };
    layout.push(Op::Polygon { points, fill });
}

fn outline(layout: &mut Layout<'_>, corners: &[(f32, f32)], c: Rgb) {
    let mut points = corners.to_vec();
    if let Some(first) = corners.first() {
        points.push(*first);
    }
    layout.push(Op::Line {
        points,
        colour: c,
        width: 0.8,
        dashed: false,
    });
}

/// The marks the chart uses, drawn as on the chart, wrapping as needed.
fn legend(layout: &mut Layout<'_>, facts: &TimelineFacts) {
    type Draw = fn(&mut Layout<'_>, f32, f32);
    let mut entries: Vec<(Draw, &str)> = Vec::new();
    if facts.sessions.is_some() {
        entries.push((
            |l, x, y| session_mark(l, x, y - 3.0, true, 2.4),
            "session, cleaned before",
        ));
        entries.push((
            |l, x, y| session_mark(l, x, y - 3.0, false, 2.4),
            "session, not cleaned before",
        ));
    }
    if facts.cleanings.is_some() {
        entries.push((|l, x, y| cleaning_mark(l, x, y, true, 1.6), "cleaning"));
        entries.push((
            |l, x, y| cleaning_mark(l, x, y, false, 1.6),
            "cleaning not adequate",
        ));
    }
    if facts.reports.is_some() {
        entries.push((
            |l, x, y| report_mark(l, x, y + 4.5, TriageLevel::Green),
            "report as expected",
        ));
        entries.push((
            |l, x, y| report_mark(l, x, y + 4.5, TriageLevel::Amber),
            "contact dermatologist",
        ));
        entries.push((
            |l, x, y| report_mark(l, x, y + 4.5, TriageLevel::Red),
            "urgent care",
        ));
    }
    let face = layout.fonts.face(Weight::Regular);
    let widths: Vec<f32> = entries
        .iter()
        .map(|(_, label)| face.width(label, LABEL))
        .collect();
    let mut x = layout.geo.left + GUTTER;
    for ((draw, label), width) in entries.iter().zip(widths) {
        if x + 12.0 + width > layout.geo.right {
            layout.y += 14.0;
            x = layout.geo.left + GUTTER;
        }
        let y = layout.y;
        draw(layout, x + 3.0, y);
        layout.text_at(
            x + 10.0,
            y + 7.0,
            LABEL,
            Weight::Regular,
            colour::TEXT,
            label,
        );
        x += 10.0 + width + 14.0;
    }
    layout.y += 16.0;
}
