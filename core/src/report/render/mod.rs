//! Rendering the report's facts into pages, then into PDF bytes.
//!
//! | file | concern |
//! |---|---|
//! | `fonts.rs`, `wrap.rs` | the embedded faces, glyphs, widths, line breaking |
//! | `ops.rs`, `layout.rs` | drawing operations, pages and the cursor |
//! | `tags.rs` | the structure tree the layout records: elements, artifacts |
//! | `table.rs`, `tile.rs`, `axis.rs`, `charts.rs` | tables, cover tiles, the time axis, the three charts |
//! | `timeline.rs` | sessions, cleanings and symptom reports on one time axis |
//! | `alt.rs` | each chart's alternative text, from its data |
//! | `summary.rs`, `detail.rs`, `frame.rs` | the report's parts and every page's frame |
//! | `course.rs` | the symptom course after each session, days 0 to 7 |
//! | `references.rs` | the numbered sources the cells point to |
//! | `draw.rs`, `marked.rs`, `structure.rs` | writing the pages (with their marked content), fonts and structure tree with pdf-writer |
//! | `xmp.rs`, `intent.rs` | the XMP metadata stream, the sRGB output intent |

mod alt;
mod axis;
mod charts;
mod course;
mod detail;
mod draw;
mod fonts;
mod frame;
mod intent;
mod layout;
mod marked;
mod ops;
mod references;
mod structure;
mod summary;
mod table;
mod tags;
mod tile;
mod timeline;
mod wrap;
mod xmp;

use self::fonts::Fonts;
use self::layout::{Geometry, Layout};
use self::ops::{Op, Page};
use self::references::References;
use super::Paper;
use super::model::Report;
use crate::error::Result;

pub(crate) use self::draw::{Attachment, Body};

/// Lays out `report` on `paper` and writes the PDF, carrying `attachments`.
pub(crate) fn render(
    report: &Report,
    paper: Paper,
    attachments: &[Attachment<'_>],
) -> Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let geo = Geometry::of(paper);
    let mut layout = Layout::new(&fonts, geo);
    summary::title(&mut layout, report);
    summary::figures(&mut layout, report);
    summary::points(&mut layout, report);
    if let Some(profile) = &report.profile {
        summary::profile(&mut layout, profile);
    }
    if let Some(devices) = &report.devices {
        summary::devices(&mut layout, devices);
    }
    if let Some(plan) = &report.care_plan {
        summary::care_plan(&mut layout, plan);
    }
    let has_charts = report.timeline.is_some()
        || report.sessions.is_some()
        || report.symptoms.is_some()
        || report.alerts.is_some();
    if has_charts {
        layout.heading("Over the period");
        let span = &report.span;
        if let Some(timeline) = &report.timeline {
            layout.figure(timeline::ALT.to_owned(), |l| {
                timeline::chart(l, span, timeline);
            });
            timeline::caption(&mut layout, timeline);
        }
        if let Some(sessions) = &report.sessions {
            layout.figure(alt::sessions(span, sessions), |l| {
                charts::sessions_by_zone(l, span, sessions);
            });
        }
        if let Some(symptoms) = &report.symptoms {
            layout.figure(alt::severity(span, symptoms), |l| {
                charts::severity(l, span, symptoms);
            });
        }
        if let Some(alerts) = &report.alerts {
            layout.figure(alt::risk(span, alerts), |l| charts::risk(l, span, alerts));
        }
    }
    let references = References::of(report);
    if let Some(sessions) = &report.sessions {
        detail::sessions(&mut layout, sessions);
    }
    if let Some(symptoms) = &report.symptoms {
        detail::symptoms(&mut layout, symptoms, &references);
    }
    if let Some(course) = &report.course {
        course::section(&mut layout, course, &references);
    }
    if let Some(alerts) = &report.alerts {
        detail::alerts(&mut layout, alerts);
    }
    if let Some(cleanings) = &report.cleanings {
        detail::cleanings(&mut layout, cleanings, &references);
    }
    let uncovered = uses_uncovered(&fonts, &layout.pages);
    frame::about(&mut layout, uncovered);
    references::section(&mut layout, &references);
    let mut pages = layout.finish();
    frame::frame(&fonts, geo, &mut pages, report);
    let title = format!("RollSafe microneedling log, {}", report.span.label());
    draw::write(
        &fonts,
        geo,
        &draw::Document {
            pages: &pages,
            tags: &layout.tags,
            title: &title,
            now: &report.generated_at,
        },
        attachments,
    )
}

/// True when any text drawn has a character the faces lack.
fn uses_uncovered(fonts: &Fonts, pages: &[Page]) -> bool {
    pages.iter().flatten().any(|marked| match &marked.op {
        Op::Text { text, weight, .. } => text.chars().any(|c| !fonts.face(*weight).covers(c)),
        _ => false,
    })
}
