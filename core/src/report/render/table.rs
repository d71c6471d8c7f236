//! Tables: a header row, rows whose cells wrap, light bands, and the header
//! repeated at the top of each page a table continues on. The header goes
//! with the first row, a row kept whole moves to the next page, a taller one
//! flows on with two lines at least on each page, and a footnote stays with
//! the last row.
//!
//! Tagged as a table of rows: header cells in the first, data cells after;
//! a header repeated on a later page is a pagination artifact, and a cell
//! that flows onto the next page stays one cell.

use super::fonts::Weight;
use super::layout::Layout;
use super::ops::{Op, Rgb, colour, hline};
use super::tags::{Artifact, Role};
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
    layout.tagged(Role::Table, |layout| {
        layout.tagged(Role::TR, |l| header(l, columns, &xs, first, true));
        for (i, (row, lines)) in rows.iter().zip(&wrapped).enumerate() {
            let total_lines = heights.get(i).copied().unwrap_or(1);
            let is_last = i + 1 == rows.len();
            let shape = RowShape {
                xs: &xs,
                width,
                banded: i % 2 == 1,
                total_lines,
                // The last row is kept with the footnote when both fit.
                kept_with: if is_last { note_height } else { 0.0 },
            };
            draw_row(layout, columns, row, lines, &shape);
        }
    });
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

/// Where a row goes and how it is kept.
struct RowShape<'a> {
    xs: &'a [(f32, f32)],
    width: f32,
    banded: bool,
    total_lines: usize,
    kept_with: f32,
}

/// One row, a TR of TD cells, flowing over pages when taller than the keep
/// limit.
fn draw_row(
    layout: &mut Layout<'_>,
    columns: &[Column],
    row: &[Cell],
    lines: &[Vec<String>],
    shape: &RowShape<'_>,
) {
    let (xs, width, total_lines) = (shape.xs, shape.width, shape.total_lines);
    let limit = layout.keep_limit();
    let mut whole = row_height(total_lines);
    if whole + shape.kept_with <= limit {
        whole += shape.kept_with;
    }
    if whole <= limit && layout.ensure(whole) {
        repeat_header(layout, columns, xs);
    }
    let tr = layout.tags.begin(Role::TR);
    let cells: Vec<_> = row.iter().map(|_| layout.tags.add(tr, Role::TD)).collect();
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
            repeat_header(layout, columns, xs);
            fresh = true;
            continue;
        }
        let end = (start + room).min(total_lines);
        let height = row_height(end - start);
        if shape.banded {
            layout.push(Op::Rect {
                x: layout.geo.left,
                y: layout.y,
                w: width,
                h: height,
                fill: colour::BAND,
            });
        }
        for (((cell, cell_lines), (x, _)), td) in row.iter().zip(lines).zip(xs).zip(&cells) {
            let part = cell_lines
                .get(start..end.min(cell_lines.len()))
                .unwrap_or_default();
            layout.tags.enter(*td);
            for (n, line) in part.iter().enumerate() {
                let y = layout.y + PAD + SIZE + n as f32 * LINE;
                layout.text_at(x + PAD, y, SIZE, cell.weight, cell.colour, line);
            }
            layout.tags.end();
        }
        layout.y += height;
        start = end;
        if start >= total_lines {
            break;
        }
        layout.new_page();
        repeat_header(layout, columns, xs);
        fresh = true;
    }
    layout.tags.end();
}

/// The header again at the top of a page the table continues on: drawn,
/// not read a second time.
fn repeat_header(layout: &mut Layout<'_>, columns: &[Column], xs: &[(f32, f32)]) {
    layout.artifact(Artifact::Pagination, |layout| {
        header(layout, columns, xs, 0.0, false);
    });
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

/// The header row, kept on a page with `first` points of what follows;
/// each title a header cell when `cells`.
fn header(layout: &mut Layout<'_>, columns: &[Column], xs: &[(f32, f32)], first: f32, cells: bool) {
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
        if cells {
            layout.tags.begin(Role::TH);
        }
        for (n, line) in title.iter().enumerate() {
            let y = layout.y + PAD + SIZE + n as f32 * LINE;
            layout.text_at(x + PAD, y, SIZE, Weight::Bold, colour::MUTED, line);
        }
        if cells {
            layout.tags.end();
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
