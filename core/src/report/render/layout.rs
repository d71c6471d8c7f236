//! Pages and the cursor moving down them: where the next block goes, and a
//! new page when it does not fit. Every primitive also says what it draws
//! is to a reader (a heading, a paragraph, a list item, a figure), so the
//! structure tree (`tags.rs`) follows from the layout.

use super::fonts::{Fonts, Weight};
use super::ops::{Marked, Op, Page, Rgb, colour, hline};
use super::tags::{Artifact, Role, Tagger};
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

/// The pages laid out so far and the cursor on the last one.
pub(crate) struct Layout<'f> {
    pub fonts: &'f Fonts,
    pub geo: Geometry,
    pub pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub y: f32,
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
            tags: Tagger::new(),
        }
    }

    /// Adds an operation to the current page, in the current element.
    pub(crate) fn push(&mut self, op: Op) {
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

    /// Makes sure `height` points fit below the cursor, else starts a page.
    /// Returns true when it started one.
    pub(crate) fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > self.geo.bottom && self.y > self.geo.top {
            self.new_page();
            return true;
        }
        false
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

    /// A section heading with a rule under it; it never ends a page alone.
    pub(crate) fn heading(&mut self, text: &str) {
        // Room for the heading, a table's header and its first rows.
        self.ensure(90.0);
        if self.y > self.geo.top {
            self.y += 8.0;
        }
        let baseline = self.y + 12.0;
        self.tagged(Role::H2, |l| {
            l.text_at(
                l.geo.left,
                baseline,
                12.0,
                Weight::Bold,
                colour::ACCENT,
                text,
            );
        });
        self.push(hline(
            self.geo.left,
            self.geo.right,
            baseline + 4.0,
            colour::ACCENT,
            0.8,
        ));
        self.y = baseline + 11.0;
    }

    /// A small heading inside a section.
    pub(crate) fn subheading(&mut self, text: &str) {
        self.ensure(40.0);
        let baseline = self.y + 10.0;
        self.tagged(Role::H3, |l| {
            l.text_at(l.geo.left, baseline, 9.5, Weight::Bold, colour::TEXT, text);
        });
        self.y = baseline + 5.0;
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
        let line_height = size * 1.35;
        let lines = wrap(self.fonts.face(weight), text, size, width);
        self.tagged(Role::P, |l| {
            for line in lines {
                l.ensure(line_height);
                l.text_at(x, l.y + size, size, weight, colour, &line);
                l.y += line_height;
            }
        });
    }

    /// A bullet point: an item of the list the bullets drawn just before it
    /// began, or of a new list.
    pub(crate) fn bullet(&mut self, text: &str, colour: Rgb) {
        let indent = 10.0;
        let width = self.geo.content_width() - indent;
        let lines = wrap(self.fonts.face(Weight::Regular), text, BODY, width);
        self.ensure(LINE * lines.len().min(3) as f32);
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
            for line in lines {
                l.ensure(LINE);
                l.text_at(
                    l.geo.left + indent,
                    l.y + BODY,
                    BODY,
                    Weight::Regular,
                    colour::TEXT,
                    &line,
                );
                l.y += LINE;
            }
        });
        self.tags.end();
        self.tags.end_list();
    }

    /// Vertical space.
    pub(crate) fn gap(&mut self, points: f32) {
        self.y += points;
    }
}
