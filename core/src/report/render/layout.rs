//! Pages and the cursor moving down them: where the next block goes, and a
//! new page when it does not fit.

use super::fonts::{Fonts, Weight};
use super::ops::{Op, Rgb, colour, hline};
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
    pub pages: Vec<Vec<Op>>,
    /// The top of the free space on the current page.
    pub y: f32,
}

impl<'f> Layout<'f> {
    pub(crate) fn new(fonts: &'f Fonts, geo: Geometry) -> Self {
        Self {
            fonts,
            geo,
            pages: vec![Vec::new()],
            y: geo.top,
        }
    }

    /// Adds an operation to the current page.
    pub(crate) fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Starts a new page.
    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.geo.top;
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
        self.text_at(
            self.geo.left,
            baseline,
            12.0,
            Weight::Bold,
            colour::ACCENT,
            text,
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

    /// A small heading inside a section.
    pub(crate) fn subheading(&mut self, text: &str) {
        self.ensure(40.0);
        let baseline = self.y + 10.0;
        self.text_at(
            self.geo.left,
            baseline,
            9.5,
            Weight::Bold,
            colour::TEXT,
            text,
        );
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

    /// A wrapped paragraph in a column.
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
        for line in wrap(self.fonts.face(weight), text, size, width) {
            self.ensure(line_height);
            self.text_at(x, self.y + size, size, weight, colour, &line);
            self.y += line_height;
        }
    }

    /// A bullet point.
    pub(crate) fn bullet(&mut self, text: &str, colour: Rgb) {
        let indent = 10.0;
        let width = self.geo.content_width() - indent;
        let lines = wrap(self.fonts.face(Weight::Regular), text, BODY, width);
        self.ensure(LINE * lines.len().min(3) as f32);
        self.text_at(
            self.geo.left + 2.0,
            self.y + BODY,
            BODY,
            Weight::Bold,
            colour,
            "•",
        );
        for line in lines {
            self.ensure(LINE);
            self.text_at(
                self.geo.left + indent,
                self.y + BODY,
                BODY,
                Weight::Regular,
                colour::TEXT,
                &line,
            );
            self.y += LINE;
        }
    }

    /// Vertical space.
    pub(crate) fn gap(&mut self, points: f32) {
        self.y += points;
    }
}
