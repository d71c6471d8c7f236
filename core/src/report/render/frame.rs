//! What every page carries (title, period, generated-at, page n of m and a
//! one-line disclaimer) and the full disclaimer at the end of the report.
//! The running header and footer are pagination artifacts: a reader of the
//! structure tree hears them once, in the report's own words, not per page.

use super::fonts::{Fonts, Weight};
use super::layout::{BODY, Geometry, Layout};
use super::ops::{Marked, Op, Page, colour, hline};
use super::tags::{Artifact, Mark};
use crate::report::model::Report;
use crate::risk::CLINICIAN_DISCLAIMER;
use crate::rules::triage::{TriagePromptCode, triage_rule};

/// The line under every page's footer.
const FOOTNOTE: &str = "Recorded by the patient. Safety prompts, not a diagnosis. Home cleaning disinfects; RollSafe never claims a device is sterile.";

/// Adds the running header and footer to every page.
pub(crate) fn frame(fonts: &Fonts, geo: Geometry, pages: &mut [Page], report: &Report) {
    let total = pages.len();
    let generated = report
        .generated_at
        .format("%Y-%m-%d %H:%M (UTC%:z)")
        .to_string();
    let period = format!("Period {}", report.span.label());
    let regular = fonts.face(Weight::Regular);
    let heading = match &report.patient {
        Some(patient) => format!("RollSafe log · {}", patient.running),
        None => "RollSafe · home microneedling log".to_owned(),
    };
    for (i, page) in pages.iter_mut().enumerate() {
        let mut header = |op| page.push(marked(Artifact::Header, op));
        let size = 7.5;
        let top = 34.0;
        header(text(geo.left, top, size, Weight::Bold, &heading));
        // A long name leaves no room for the period, which the footer
        // repeats anyway.
        let room = geo.content_width() - fonts.face(Weight::Bold).width(&heading, size);
        if regular.width(&period, size) + 12.0 <= room {
            header(text(
                geo.right - regular.width(&period, size),
                top,
                size,
                Weight::Regular,
                &period,
            ));
        }
        header(hline(geo.left, geo.right, top + 5.0, colour::RULE, 0.5));
        let mut footer = |op| page.push(marked(Artifact::Footer, op));
        let bottom = geo.height - 36.0;
        footer(hline(geo.left, geo.right, bottom - 9.0, colour::RULE, 0.5));
        let left = format!("Generated {generated} · {period}");
        footer(text(geo.left, bottom, size, Weight::Regular, &left));
        let number = format!("Page {} of {total}", i + 1);
        footer(text(
            geo.right - fonts.face(Weight::Bold).width(&number, size),
            bottom,
            size,
            Weight::Bold,
            &number,
        ));
        footer(Op::Text {
            x: geo.left,
            y: bottom + 10.0,
            size: 6.5,
            weight: Weight::Regular,
            colour: colour::MUTED,
            text: FOOTNOTE.to_owned(),
        });
    }
}

fn marked(kind: Artifact, op: Op) -> Marked {
    Marked {
        mark: Mark::Artifact(kind),
        op,
    }
}

fn text(x: f32, y: f32, size: f32, weight: Weight, text: &str) -> Op {
    Op::Text {
        x,
        y,
        size,
        weight,
        colour: colour::MUTED,
        text: text.to_owned(),
    }
}

/// The closing section: what the report is and is not, and when to seek care.
pub(crate) fn about(layout: &mut Layout<'_>, uncovered: bool) {
    layout.heading("About this report");
    let urgent = triage_rule(TriagePromptCode::Fever).map_or("", |r| r.advised);
    let soon = triage_rule(TriagePromptCode::Darkening).map_or("", |r| r.advised);
    let paragraphs = [
        "Everything here was recorded by the patient in the RollSafe app and has not been checked by a clinician. The rest limits, replacement limits and triage prompts are RollSafe's rules, each built from the published guidance it names, or the care plan above where one was set.".to_owned(),
        CLINICIAN_DISCLAIMER.to_owned(),
        "RollSafe never claims a device is sterile: soaking in alcohol disinfects a device between uses; it does not make it fit to enter sterile tissue.".to_owned(),
        format!("What the app tells the patient. On fever of 38 °C or more, redness that spreads, signs around the eye or a change in eyesight, pus, or feeling unwell: {urgent} When redness or swelling lasts beyond the expected course or gets worse, or blisters, bumps or darkening appear: {soon} Either keeps needling off until the report is settled or the patient records a clinician's visit."),
    ];
    // The closing section is short: it is kept whole, with its heading.
    let height: f32 = paragraphs
        .iter()
        .map(|t| layout.paragraph_height(t, BODY, Weight::Regular) + 4.0)
        .sum::<f32>()
        + if uncovered {
            layout.paragraph_height(UNCOVERED, BODY, Weight::Bold)
        } else {
            0.0
        };
    layout.keep(height);
    for text in paragraphs {
        layout.paragraph(&text, BODY, Weight::Regular, colour::TEXT);
        layout.gap(4.0);
    }
    if uncovered {
        layout.paragraph(UNCOVERED, BODY, Weight::Bold, colour::AMBER);
    }
}

/// Said when some typed characters print as the replacement mark.
const UNCOVERED: &str = "Some characters the patient typed are in a script this report's font does not cover (it covers Latin, Greek and Cyrillic): they print as the replacement mark \u{FFFD}. The text itself is kept in the PDF and can be copied out of it.";
