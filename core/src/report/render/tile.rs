//! A cover tile: one key figure, its value large over a short label, on a
//! band with a stripe in the figure's tone.
//!
//! A reader must hear the value with its label ("9 sessions"). Tagging the
//! tile as one paragraph does that for the structure tree; a text extractor
//! reading the page by its geometry (poppler's pdftotext) would still take
//! a row of tiles as a line of values and then a line of labels, whatever
//! order they are drawn in, because the two sizes of type never join one
//! block. So the tile also carries its words in reading order as
//! `/ActualText`, which extractors put in place of the glyphs.

use super::fonts::Weight;
use super::layout::Layout;
use super::ops::{Op, Rgb, colour};
use super::wrap::wrap;

/// Draws a tile at `x` on the cursor's line, `w` by `h` points.
pub(crate) fn tile(
    layout: &mut Layout<'_>,
    (x, w, h): (f32, f32, f32),
    value: &str,
    label: &str,
    tone: Rgb,
) {
    let y = layout.y;
    layout.push(Op::Rect {
        x,
        y,
        w,
        h,
        fill: colour::BAND,
    });
    layout.push(Op::Rect {
        x,
        y,
        w: 2.5,
        h,
        fill: tone,
    });
    let lines = wrap(layout.fonts.face(Weight::Regular), label, 7.0, w - 12.0);
    let lines: Vec<String> = lines.into_iter().take(2).collect();
    let words = format!("{value} {}", lines.join(" "));
    layout.read_as(words, |layout| {
        layout.text_at(x + 8.0, y + 17.0, 13.0, Weight::Bold, tone, value);
        for (n, line) in lines.iter().enumerate() {
            layout.text_at(
                x + 8.0,
                y + 27.0 + n as f32 * 8.0,
                7.0,
                Weight::Regular,
                colour::MUTED,
                line,
            );
        }
    });
}
