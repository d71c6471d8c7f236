//! Tables: a header row, rows whose cells wrap, light bands, and the header
//! repeated at the top of each page a table continues on. The header goes
//! with the first row, a row kept whole moves to the next page, a taller one
//! flows on with two lines at least on each page, and a footnote stays with
//! the last row.

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
    table_noted(layout, columns, rows, None);
}

/// A footnote under a table, in small muted type.
pub(crate) const NOTE_SIZE: f32 = 7.0;

/// Draws a table, then `note` under it, kept on a page with the last row
/// so a footnote never opens a page alone.
pub(crate) fn table_noted(
    layout: &mut Layout<'_>,
    columns: &[Column],
    rows: &[Vec<Cell>],
    note: Option<&str>,
) {
    let total: f32 = columns.iter().map(|c| c.share).sum::<f32>().max(0.01);
    let width = layout.geo.content_width();
    let mut xs = Vec::with_capacity(columns.len());
    let mut x = layout.geo.left;
    for c in columns {
        let w = c.share / total * width;
        xs.push((x, w));
        x += w;
    }
    let wrapped: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&xs)
                .map(|(cell, (_, w))| {
                    wrap(
                        layout.fonts.face(cell.weight),
                        &cell.text,
                        SIZE,
                        w - 2.0 * PAD,
                    )
                })
                .collect()
        })
        .collect();
    let limit = layout.keep_limit();
    let note_height = note.map_or(0.0, |n| {
        layout.paragraph_height(n, NOTE_SIZE, Weight::Regular) + 6.0
    });
    let heights: Vec<usize> = wrapped
        .iter()
        .map(|lines| lines.iter().map(Vec::len).max().unwrap_or(1).max(1))
        .collect();
    // The header goes with the first row, whole if it is kept whole.
    let first = heights.first().map_or(0.0, |n| {
        let whole = row_height(*n);
        if whole <= limit { whole } else { row_height(2) }
    });
    header(layout, columns, &xs, first);
    for (i, (row, lines)) in rows.iter().zip(&wrapped).enumerate() {
        let total_lines = heights.get(i).copied().unwrap_or(1);
        // A row up to the keep limit moves to the next page whole rather
        // than split (the last one with the footnote); a taller one (a long
        // note) starts here and flows on, its lines continued under the
        // header repeated on each page, two lines at least on each.
        let mut whole = row_height(total_lines);
        if i + 1 == rows.len() && whole + note_height <= limit {
            whole += note_height;
        }
        if whole <= limit && layout.ensure(whole) {
            header(layout, columns, &xs, 0.0);
        }
        let mut start = 0;
        // True just after a page break, where a new page would not help.
        let mut fresh = false;
        loop {
            let rest = total_lines - start;
            let fit = lines_that_fit(layout);
            let mut room = fit.min(rest);
            if room < rest {
                if rest - room < 2 {
                    room = rest.saturating_sub(2);
                }
                if room < 2 {
                    room = if fresh { fit.clamp(1, rest) } else { 0 };
                }
            }
            if room == 0 {
                layout.new_page();
                header(layout, columns, &xs, 0.0);
                fresh = true;
                continue;
            }
            let end = (start + room).min(total_lines);
            let height = row_height(end - start);
            if i % 2 == 1 {
                layout.push(Op::Rect {
                    x: layout.geo.left,
                    y: layout.y,
                    w: width,
                    h: height,
                    fill: colour::BAND,
                });
            }
            for ((cell, cell_lines), (x, _)) in row.iter().zip(lines).zip(&xs) {
                let part = cell_lines
                    .get(start..end.min(cell_lines.len()))
                    .unwrap_or_default();
                for (n, line) in part.iter().enumerate() {
                    let y = layout.y + PAD + SIZE + n as f32 * LINE;
                    layout.text_at(x + PAD, y, SIZE, cell.weight, cell.colour, line);
                }
            }
            layout.y += height;
            start = end;
            if start >= total_lines {
                break;
            }
            layout.new_page();
            header(layout, columns, &xs, 0.0);
            fresh = true;
        }
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
    if let Some(note) = note {
        layout.paragraph(note, NOTE_SIZE, Weight::Regular, colour::MUTED);
    }
}

/// The height of a row (or the part of one on a page) of `lines` lines.
fn row_height(lines: usize) -> f32 {
    lines as f32 * LINE + 2.0 * PAD - 2.0
}

/// How many lines of a row fit between the cursor and the page's bottom.
fn lines_that_fit(layout: &Layout<'_>) -> usize {
    let room = layout.geo.bottom - layout.y - 2.0 * PAD + 2.0;
    if room <= 0.0 {
        0
    } else {
        (room / LINE).floor() as usize
    }
}

/// The header row, kept on a page with `first` points of what follows.
fn header(layout: &mut Layout<'_>, columns: &[Column], xs: &[(f32, f32)], first: f32) {
    let face = layout.fonts.face(Weight::Bold);
    let titles: Vec<Vec<String>> = columns
        .iter()
        .zip(xs)
        .map(|(c, (_, w))| wrap(face, c.title, SIZE, w - 2.0 * PAD))
        .collect();
    let lines = titles.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let height = lines * LINE + 2.0 * PAD;
    layout.ensure(height + first.max(row_height(1)));
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
