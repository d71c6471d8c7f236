//! A page as a list of drawing operations: what layout produces and the PDF
//! writer consumes. Keeping the two apart lets the layout be finished (and
//! the page count known, for "page n of m") before anything is written.
//! Each operation carries its mark: the structure element it belongs to, or
//! that it is an artifact.

use super::fonts::Weight;
use super::tags::Mark;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

/// The report's palette: dark text, greys for rules, and the level colours.
pub(crate) mod colour {
    use super::Rgb;
    pub(crate) const TEXT: Rgb = Rgb(0x1f, 0x29, 0x37);
    pub(crate) const MUTED: Rgb = Rgb(0x5b, 0x65, 0x73);
    pub(crate) const RULE: Rgb = Rgb(0xc9, 0xcf, 0xd6);
    pub(crate) const BAND: Rgb = Rgb(0xf1, 0xf4, 0xf7);
    pub(crate) const ACCENT: Rgb = Rgb(0x1d, 0x5c, 0x8f);
    pub(crate) const GREEN: Rgb = Rgb(0x2e, 0x7d, 0x32);
    pub(crate) const AMBER: Rgb = Rgb(0xc7, 0x7c, 0x02);
    pub(crate) const RED: Rgb = Rgb(0xc6, 0x28, 0x28);
    pub(crate) const WINDOW: Rgb = Rgb(0xdc, 0xea, 0xf5);
    /// One colour per series, distinguishable in print.
    pub(crate) const SERIES: [Rgb; 6] = [
        Rgb(0x1d, 0x5c, 0x8f),
        Rgb(0xd9, 0x6c, 0x06),
        Rgb(0x3a, 0x8a, 0x3e),
        Rgb(0x8e, 0x44, 0xad),
        Rgb(0xb0, 0x3a, 0x2e),
        Rgb(0x5b, 0x65, 0x73),
    ];
}

/// One drawing operation, in points from the top-left corner of the page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Op {
    /// A single line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: Rgb,
        text: String,
    },
    /// A rectangle, filled.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// An open polyline, stroked.
    Line {
        points: Vec<(f32, f32)>,
        colour: Rgb,
        width: f32,
        dashed: bool,
    },
    /// A closed polygon, filled.
    Polygon { points: Vec<(f32, f32)>, fill: Rgb },
}

/// An operation with what it is to a reader (see `tags.rs`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Marked {
    pub mark: Mark,
    pub op: Op,
}

/// One page: its operations in drawing order.
pub(crate) type Page = Vec<Marked>;

/// A horizontal rule.
pub(crate) fn hline(x0: f32, x1: f32, y: f32, colour: Rgb, width: f32) -> Op {
    Op::Line {
        points: vec![(x0, y), (x1, y)],
        colour,
        width,
        dashed: false,
    }
}
