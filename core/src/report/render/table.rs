//! Tables: a header row, rows whose cells wrap, light bands, and the header
//! repeated at the top of each page a table continues on.

use super::fonts::Weight;
use super::layout::Layout;
use super::ops::{Op, Rgb, colour, hline};
use super::wrap::wrap;

/// Table text size and line height.
const SIZE: f32 = 7.5;
const LINE: f32 = 9.4;
const PAD: f32 = 3.0;

/// A column: its title and its share of the width.
pub(crate) struct Column {
    pub title: &'static str,
    pub share: f32,
}

/// Shorthand for a column.
pub(crate) const fn col(title: &'static str, share: f32) -> Column {
    Column { title, share }
}

/// One cell.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    pub text: String,
    pub colour: Rgb,
    pub weight: Weight,
}

impl Cell {
    /// A cell in `colour`, bold.
    pub(crate) fn strong(text: impl Into<String>, colour: Rgb) -> Self {
        Self {
            text: text.into(),
            colour,
            weight: Weight::Bold,
        }
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Self {
        Self {
            text: text.into(),
            colour: colour::TEXT,
            weight: Weight::Regular,
        }
    }
}

/// Draws a table across the content width.
pub(crate) fn table(layout: &mut Layout<'_>, columns: &[Column], rows: &[Vec<Cell>]) {
    let total: f32 = columns.iter().map(|c| c.share).sum::<f32>().max(0.01);
    let width = layout.geo.content_width();
    let mut xs = Vec::with_capacity(columns.len());
    let mut x = layout.geo.left;
    for c in columns {
        let w = c.share / total * width;
        xs.push((x, w));
        x += w;
    }
    header(layout, columns, &xs);
    for (i, row) in rows.iter().enumerate() {
        let lines: Vec<Vec<String>> = row
            .iter()
            .zip(&xs)
            .map(|(cell, (_, w))| {
                wrap(
                    layout.fonts.face(cell.weight),
                    &cell.text,
                    SIZE,
                    w - 2.0 * PAD,
                )
            })
            .collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * LINE + 2.0 * PAD - 2.0;
        if layout.ensure(height) {
            header(layout, columns, &xs);
        }
        if i % 2 == 1 {
            layout.push(Op::Rect {
                x: layout.geo.left,
                y: layout.y,
                w: width,
                h: height,
                fill: colour::BAND,
            });
        }
        for ((cell, cell_lines), (x, _)) in row.iter().zip(&lines).zip(&xs) {
            for (n, line) in cell_lines.iter().enumerate() {
                let y = layout.y + PAD + SIZE + n as f32 * LINE;
                layout.text_at(x + PAD, y, SIZE, cell.weight, cell.colour, line);
            }
        }
        layout.y += height;
    }
    let y = layout.y;
    layout.push(hline(
        layout.geo.left,
        layout.geo.right,
        y,
        colour::RULE,
        0.5,
    ));
    layout.gap(6.0);
}

fn header(layout: &mut Layout<'_>, columns: &[Column], xs: &[(f32, f32)]) {
    let face = layout.fonts.face(Weight::Bold);
    let titles: Vec<Vec<String>> = columns
        .iter()
        .zip(xs)
        .map(|(c, (_, w))| wrap(face, c.title, SIZE, w - 2.0 * PAD))
        .collect();
    let lines = titles.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let height = lines * LINE + 2.0 * PAD;
    layout.ensure(height + LINE * 2.0);
    for (title, (x, _)) in titles.iter().zip(xs) {
        for (n, line) in title.iter().enumerate() {
            let y = layout.y + PAD + SIZE + n as f32 * LINE;
            layout.text_at(x + PAD, y, SIZE, Weight::Bold, colour::MUTED, line);
        }
    }
    layout.y += height;
    let y = layout.y;
    layout.push(hline(
        layout.geo.left,
        layout.geo.right,
        y - 1.0,
        colour::MUTED,
        0.6,
    ));
}
