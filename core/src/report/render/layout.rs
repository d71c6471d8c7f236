//! Pages and the cursor moving down them: where the next block goes, and a
//! new page when it does not fit.
//!
//! The flow's rules, so no page is left mostly blank and nothing is cut: a
//! heading (or an introductory line) waits and is drawn with the first
//! lines of the block it belongs to; a block up to 40% of a page is kept
//! whole, moved to the next page rather than split; a taller one flows on,
//! leaving at least two lines of a paragraph on each page (no widow, no
//! orphan).
//!
//! Every primitive also says what it draws is to a reader (a heading, a
//! paragraph, a list item, a figure), so the structure tree (`tags.rs`)
//! follows from the layout. A waiting heading takes its place in the tree
//! when it is asked for, so it reads before the block it is drawn with.

use super::fonts::{Fonts, Weight};
use super::ops::{Marked, Op, Page, Rgb, colour, hline};
use super::tags::{Artifact, ElementId, Role, Tagger};
use super::wrap::wrap;
use crate::report::Paper;

/// Page size and margins, in points.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    /// Where content starts, below the running header.
    pub top: f32,
    /// Where content must end, above the running footer.
    pub bottom: f32,
}

impl Geometry {
    pub(crate) fn of(paper: Paper) -> Self {
        let (width, height) = match paper {
            Paper::A4 => (595.276, 841.89),
            Paper::UsLetter => (612.0, 792.0),
        };
        Self {
            width,
            height,
            left: 42.0,
            right: width - 42.0,
            top: 62.0,
            bottom: height - 58.0,
        }
    }

    /// The width between the margins.
    pub(crate) fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// Body text size and line height.
pub(crate) const BODY: f32 = 8.5;
pub(crate) const LINE: f32 = 11.5;

/// The share of a page's content height up to which a block is kept whole
/// (moved to the next page rather than split): a heading with its first
/// lines, a short paragraph, a table row, a chart. A taller block flows on,
/// so no page ends more than this much short of full.
const KEEP_WHOLE_SHARE: f32 = 0.4;

/// A subheading's size and line height.
const SUB_SIZE: f32 = 9.5;
const SUB_LINE: f32 = 12.5;

/// How far a bullet's text sits right of the margin.
const BULLET_INDENT: f32 = 10.0;

/// What waits for the block it belongs to: it is drawn, and kept on the
/// same page, with that block's first lines.
#[derive(Clone, Debug)]
enum Kept {
    /// A section heading.
    Heading(String),
    /// A heading inside a section, wrapped.
    Subheading(Vec<String>),
    /// A short paragraph introducing the block, wrapped.
    Intro {
        lines: Vec<String>,
        size: f32,
        weight: Weight,
        colour: Rgb,
    },
}

#[derive(Clone, Debug)]
struct Waiting {
    kept: Kept,
    /// Its element in the structure tree, placed when it was asked for.
    element: ElementId,
    /// Space asked for under it before the block.
    gap_after: f32,
}

impl Waiting {
    /// Its height, with the space above a heading not at a page's top.
    fn height(&self, at_top: bool) -> f32 {
        let own = match &self.kept {
            Kept::Heading(_) if at_top => 23.0,
            Kept::Heading(_) => 31.0,
            Kept::Subheading(lines) => 15.0 + SUB_LINE * lines.len().saturating_sub(1) as f32,
            Kept::Intro { lines, size, .. } => lines.len() as f32 * size * 1.35,
        };
        own + self.gap_after
    }
}

/// The pages laid out so far and the cursor on the last one.
pub(crate) struct Layout<'f> {
    pub fonts: &'f Fonts,
    pub geo: Geometry,
    pub pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub y: f32,
    /// Headings not drawn yet: they go with the next block.
    waiting: Vec<Waiting>,
    /// The structure tree so far.
    pub tags: Tagger,
}

impl<'f> Layout<'f> {
    pub(crate) fn new(fonts: &'f Fonts, geo: Geometry) -> Self {
        Self {
            fonts,
            geo,
            pages: vec![Vec::new()],
            y: geo.top,
            waiting: Vec::new(),
            tags: Tagger::new(),
        }
    }

    /// The pages, with any heading still waiting drawn; the tree stays in
    /// [`Layout::tags`].
    pub(crate) fn finish(&mut self) -> Vec<Page> {
        self.ensure(0.0);
        std::mem::take(&mut self.pages)
    }

    /// The tallest block kept whole on one page; a taller one flows on.
    pub(crate) fn keep_limit(&self) -> f32 {
        (self.geo.bottom - self.geo.top) * KEEP_WHOLE_SHARE
    }

    /// Adds an operation to the current page, after any waiting heading, in
    /// the current element.
    pub(crate) fn push(&mut self, op: Op) {
        if !self.waiting.is_empty() {
            self.ensure(0.0);
        }
        let mark = self.tags.mark(&op);
        if let Some(page) = self.pages.last_mut() {
            page.push(Marked { mark, op });
        }
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.tags.new_page();
        self.y = self.geo.top;
    }

    /// Runs `draw` inside a new element of `role`.
    pub(crate) fn tagged<R>(&mut self, role: Role, draw: impl FnOnce(&mut Self) -> R) -> R {
        self.tags.begin(role);
        let out = draw(self);
        self.tags.end();
        out
    }

    /// Runs `draw` as a figure described by `alt`: everything it draws,
    /// shapes and labels, is the figure, read as `alt`.
    pub(crate) fn figure<R>(&mut self, alt: String, draw: impl FnOnce(&mut Self) -> R) -> R {
        let id = self.tags.begin(Role::Figure);
        self.tags.describe(id, alt);
        let out = draw(self);
        self.tags.end();
        out
    }

    /// Runs `draw` as a paragraph read as `text`, whatever the order its
    /// parts are placed in (a value over its label).
    pub(crate) fn read_as<R>(&mut self, text: String, draw: impl FnOnce(&mut Self) -> R) -> R {
        let id = self.tags.begin(Role::P);
        self.tags.read_as(id, text);
        let out = draw(self);
        self.tags.end();
        out
    }

    /// Runs `draw` as an artifact of `kind`: drawn, not read.
    pub(crate) fn artifact<R>(&mut self, kind: Artifact, draw: impl FnOnce(&mut Self) -> R) -> R {
        let before = self.tags.begin_artifact(kind);
        let out = draw(self);
        self.tags.end_artifact(before);
        out
    }

    /// Queues `kept` for the next block, its element placed in the tree now.
    fn wait(&mut self, kept: Kept, role: Role) {
        let element = self.tags.begin(role);
        self.tags.end();
        self.waiting.push(Waiting {
            kept,
            element,
            gap_after: 0.0,
        });
    }

    fn at_top(&self) -> bool {
        self.y <= self.geo.top
    }

    /// Makes sure `height` points fit below the cursor, with any waiting
    /// heading above them, else starts a page; then draws the headings.
    /// Returns true when it started a page.
    pub(crate) fn ensure(&mut self, height: f32) -> bool {
        let waiting = std::mem::take(&mut self.waiting);
        let mut started = false;
        let lead: f32 = waiting.iter().map(|w| w.height(self.at_top())).sum();
        if self.y + lead + height > self.geo.bottom && !self.at_top() {
            self.new_page();
            started = true;
        }
        for kept in waiting {
            self.draw_kept(kept);
        }
        started
    }

    /// Keeps a block of `height` points whole on one page when it is short
    /// enough to (see [`Layout::keep_limit`]).
    pub(crate) fn keep(&mut self, height: f32) {
        if height <= self.keep_limit() {
            self.ensure(height);
        }
    }

    /// A line of text at `x` on the baseline `y`.
    pub(crate) fn text_at(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: Rgb,
        text: &str,
    ) {
        if !text.is_empty() {
            self.push(Op::Text {
                x,
                y,
                size,
                weight,
                colour,
                text: text.to_owned(),
            });
        }
    }

    /// A section heading with a rule under it, drawn with the first lines
    /// of what follows it, so it never ends a page alone.
    pub(crate) fn heading(&mut self, text: &str) {
        self.wait(Kept::Heading(text.to_owned()), Role::H2);
    }

    /// A small heading inside a section, kept with what follows it too.
    pub(crate) fn subheading(&mut self, text: &str) {
        let lines = wrap(
            self.fonts.face(Weight::Bold),
            text,
            SUB_SIZE,
            self.geo.content_width(),
        );
        self.wait(Kept::Subheading(lines), Role::H3);
    }

    /// Draws a waiting heading or intro into the element it was given, even
    /// while another element (the block it waited for) or an artifact (a
    /// table header repeated on a new page) is being drawn.
    fn draw_kept(&mut self, waiting: Waiting) {
        self.tags.enter(waiting.element);
        let artifact = self.tags.suspend_artifact();
        self.draw_kept_ops(waiting.kept);
        self.tags.end_artifact(artifact);
        self.tags.end();
        self.y += waiting.gap_after;
    }

    fn draw_kept_ops(&mut self, kept: Kept) {
        match kept {
            Kept::Heading(text) => {
                if !self.at_top() {
                    self.y += 8.0;
                }
                let baseline = self.y + 12.0;
                self.text_at(
                    self.geo.left,
                    baseline,
                    12.0,
                    Weight::Bold,
                    colour::ACCENT,
                    &text,
                );
                self.push(hline(
                    self.geo.left,
                    self.geo.right,
                    baseline + 4.0,
                    colour::ACCENT,
                    0.8,
                ));
                self.y = baseline + 11.0;
            }
            Kept::Subheading(lines) => {
                let mut baseline = self.y + 10.0;
                for (n, line) in lines.iter().enumerate() {
                    if n > 0 {
                        baseline += SUB_LINE;
                    }
                    self.text_at(
                        self.geo.left,
                        baseline,
                        SUB_SIZE,
                        Weight::Bold,
                        colour::TEXT,
                        line,
                    );
                }
                self.y = baseline + 5.0;
            }
            Kept::Intro {
                lines,
                size,
                weight,
                colour,
            } => {
                for line in &lines {
                    self.text_at(self.geo.left, self.y + size, size, weight, colour, line);
                    self.y += size * 1.35;
                }
            }
        }
    }

    /// The height of a paragraph across the content width.
    pub(crate) fn paragraph_height(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let lines = wrap(
            self.fonts.face(weight),
            text,
            size,
            self.geo.content_width(),
        )
        .len();
        lines as f32 * size * 1.35
    }

    /// A wrapped paragraph across the content width.
    pub(crate) fn paragraph(&mut self, text: &str, size: f32, weight: Weight, colour: Rgb) {
        self.paragraph_at(
            self.geo.left,
            self.geo.content_width(),
            text,
            size,
            weight,
            colour,
        );
    }

    /// A short paragraph that introduces the next block: drawn with that
    /// block's first lines, on the same page (a long one is a paragraph).
    pub(crate) fn intro(&mut self, text: &str, size: f32, weight: Weight, colour: Rgb) {
        let lines = wrap(
            self.fonts.face(weight),
            text,
            size,
            self.geo.content_width(),
        );
        if lines.len() as f32 * size * 1.35 > self.keep_limit() / 2.0 {
            self.paragraph(text, size, weight, colour);
            return;
        }
        self.wait(
            Kept::Intro {
                lines,
                size,
                weight,
                colour,
            },
            Role::P,
        );
    }

    /// A wrapped paragraph in a column, one paragraph element whatever
    /// pages it flows over.
    pub(crate) fn paragraph_at(
        &mut self,
        x: f32,
        width: f32,
        text: &str,
        size: f32,
        weight: Weight,
        colour: Rgb,
    ) {
        let lines = wrap(self.fonts.face(weight), text, size, width);
        self.tagged(Role::P, |l| {
            l.lines(x, &lines, size, size * 1.35, weight, colour);
        });
    }

    /// Lines of one paragraph: kept whole when short enough, else split
    /// leaving at least two lines on each page (no widow, no orphan).
    fn lines(
        &mut self,
        x: f32,
        lines: &[String],
        size: f32,
        line_height: f32,
        weight: Weight,
        colour: Rgb,
    ) {
        let whole = lines.len() as f32 * line_height;
        if whole <= self.keep_limit() {
            self.ensure(whole);
        } else {
            self.ensure(2.0 * line_height);
        }
        let mut done = 0;
        while done < lines.len() {
            let rest = lines.len() - done;
            let room = ((self.geo.bottom - self.y) / line_height).floor().max(0.0) as usize;
            let mut take = room.min(rest);
            if take < rest {
                if rest - take < 2 {
                    take = rest.saturating_sub(2);
                }
                if take < 2 && !self.at_top() {
                    take = 0;
                }
            }
            if take == 0 {
                if self.at_top() {
                    take = 1;
                } else {
                    self.new_page();
                    continue;
                }
            }
            for line in lines.iter().skip(done).take(take) {
                self.text_at(x, self.y + size, size, weight, colour, line);
                self.y += line_height;
            }
            done += take;
            if done < lines.len() {
                self.new_page();
            }
        }
    }

    /// A bulleted list, each item in its colour: kept whole when short,
    /// else its first two items kept together (with any waiting heading).
    pub(crate) fn bullets(&mut self, items: &[(Rgb, String)]) {
        let width = self.geo.content_width() - BULLET_INDENT;
        let heights: Vec<f32> = items
            .iter()
            .map(|(_, text)| {
                wrap(self.fonts.face(Weight::Regular), text, BODY, width).len() as f32 * LINE
            })
            .collect();
        let total: f32 = heights.iter().sum();
        if total <= self.keep_limit() {
            self.ensure(total);
        } else {
            self.keep(heights.iter().take(2).sum());
        }
        for (colour, text) in items {
            self.bullet(text, *colour);
        }
    }

    /// A bullet point: an item of the list the bullets drawn just before it
    /// began, or of a new list.
    fn bullet(&mut self, text: &str, colour: Rgb) {
        let indent = BULLET_INDENT;
        let width = self.geo.content_width() - indent;
        let lines = wrap(self.fonts.face(Weight::Regular), text, BODY, width);
        // What `lines` keeps together, so the mark goes with its first line.
        let whole = LINE * lines.len() as f32;
        self.ensure(if whole <= self.keep_limit() {
            whole
        } else {
            2.0 * LINE
        });
        self.tags.begin_item();
        self.tagged(Role::Lbl, |l| {
            l.text_at(
                l.geo.left + 2.0,
                l.y + BODY,
                BODY,
                Weight::Bold,
                colour,
                "•",
            );
        });
        self.tagged(Role::LBody, |l| {
            l.lines(
                l.geo.left + indent,
                &lines,
                BODY,
                LINE,
                Weight::Regular,
                colour::TEXT,
            );
        });
        self.tags.end();
        self.tags.end_list();
    }

    /// Vertical space; under a waiting heading, space between it and its
    /// block.
    pub(crate) fn gap(&mut self, points: f32) {
        match self.waiting.last_mut() {
            Some(heading) => heading.gap_after += points,
            None => self.y += points,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many text lines each page holds, for the pages from `first`.
    fn lines_per_page(layout: &Layout<'_>, first: usize) -> Vec<usize> {
        layout
            .pages
            .iter()
            .skip(first)
            .map(|p| p.iter().filter(|m| matches!(m.op, Op::Text { .. })).count())
            .collect()
    }

    fn words(n: usize) -> String {
        (0..n)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A paragraph started at every height near a page's foot: a short one
    /// moves whole, a long one leaves at least two lines on each page.
    #[test]
    fn a_paragraph_never_leaves_one_line_alone_and_a_short_one_stays_whole() {
        let fonts = Fonts::load().unwrap();
        for paper in [Paper::A4, Paper::UsLetter] {
            let geo = Geometry::of(paper);
            for (text, short) in [(words(40), true), (words(400), false)] {
                let lines = wrap(
                    fonts.face(Weight::Regular),
                    &text,
                    BODY,
                    geo.content_width(),
                )
                .len();
                for step in 0..60 {
                    let mut layout = Layout::new(&fonts, geo);
                    layout.y = geo.bottom - step as f32 * 3.0;
                    layout.new_page();
                    layout.y = geo.bottom - step as f32 * 3.0;
                    layout.paragraph(&text, BODY, Weight::Regular, colour::TEXT);
                    let counts = lines_per_page(&layout, 1);
                    assert_eq!(counts.iter().sum::<usize>(), lines, "{counts:?}");
                    if short {
                        assert_eq!(
                            counts.iter().filter(|n| **n > 0).count(),
                            1,
                            "{paper:?} {step}: {counts:?}"
                        );
                    }
                    assert!(
                        counts.iter().all(|n| *n != 1),
                        "{paper:?}, {lines} lines from {step} × 3 pt above the foot: {counts:?}"
                    );
                }
            }
        }
    }
}
