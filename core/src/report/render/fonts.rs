//! The report's face (Noto Sans, subset to Latin, Greek and Cyrillic by
//! `core/assets/fonts/make-subset.sh`, kept as a zlib stream) and what layout
//! and the PDF writer need from it: which glyph draws a character, how wide it
//! is, and the metrics the PDF's font descriptor names. Bold is drawn by
//! stroking the regular glyphs (see `draw.rs`): a second face would have cost
//! the mobile library another 70 KB it does not have.
//!
//! The report places glyphs itself, one per character with the font's own
//! advance, instead of running a shaper: the scripts it covers need no
//! shaping beyond that (precomposed letters; no ligatures or kerning), it
//! keeps the library small, and the widths used to wrap text are exactly the
//! widths drawn. A character the subset lacks is drawn as the replacement
//! mark U+FFFD (�), visibly, while the PDF's text layer keeps the character
//! itself (see `draw.rs`).

use std::collections::HashMap;

use crate::error::{Error, Result};

/// The subset font file as a zlib stream: embedded in the PDF as is.
static REGULAR_ZLIB: &[u8] =
    include_bytes!("../../../assets/fonts/NotoSans-Regular-subset.ttf.zlib");

/// Regular, or bold (drawn as stroked regular glyphs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// The metrics a PDF font descriptor carries, in thousandths of an em.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Metrics {
    pub ascent: f32,
    pub descent: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
}

/// One face: the font file, its character map with advances in ems, and
/// its metrics.
pub(crate) struct Face {
    zlib: &'static [u8],
    length: usize,
    postscript_name: &'static str,
    glyphs: HashMap<char, (u16, f32)>,
    /// What a missing character is drawn with: U+FFFD if the face has it.
    missing: (u16, f32),
    metrics: Metrics,
}

/// The report's fonts.
pub(crate) struct Fonts {
    regular: Face,
}

impl Fonts {
    /// Loads the embedded subset.
    pub(crate) fn load() -> Result<Self> {
        Ok(Self {
            regular: Face::load(REGULAR_ZLIB, "NotoSans-Regular")?,
        })
    }

    /// The face that draws `weight`: the same glyphs for both; bold text
    /// advances by the same widths, so layout measures with this face too.
    pub(crate) fn face(&self, _weight: Weight) -> &Face {
        &self.regular
    }
}

impl Face {
    fn load(zlib: &'static [u8], postscript_name: &'static str) -> Result<Self> {
        let broken = || Error::Inconsistent("the report font cannot be read".into());
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(zlib).map_err(|_| broken())?;
        let face = ttf_parser::Face::parse(&bytes, 0).map_err(|_| broken())?;
        let upem = f32::from(face.units_per_em().max(1));
        let em = |units: f32| units / upem;
        let advance =
            |gid: ttf_parser::GlyphId| em(f32::from(face.glyph_hor_advance(gid).unwrap_or(0)));
        let mut glyphs = HashMap::new();
        for subtable in face
            .tables()
            .cmap
            .into_iter()
            .flat_map(|cmap| cmap.subtables)
            .filter(|s| s.is_unicode())
        {
            subtable.codepoints(|cp| {
                if let (Some(c), Some(gid)) = (char::from_u32(cp), subtable.glyph_index(cp)) {
                    glyphs.entry(c).or_insert((gid.0, advance(gid)));
                }
            });
        }
        let missing = glyphs
            .get(&char::REPLACEMENT_CHARACTER)
            .copied()
            .unwrap_or((0, advance(ttf_parser::GlyphId(0))));
        let thousandths = |units: i16| em(f32::from(units)) * 1000.0;
        let bbox = face.global_bounding_box();
        let metrics = Metrics {
            ascent: thousandths(face.ascender()),
            descent: thousandths(face.descender()),
            cap_height: thousandths(face.capital_height().unwrap_or(face.ascender())),
            bbox: [
                thousandths(bbox.x_min),
                thousandths(bbox.y_min),
                thousandths(bbox.x_max),
                thousandths(bbox.y_max),
            ],
        };
        Ok(Self {
            zlib,
            length: bytes.len(),
            postscript_name,
            glyphs,
            missing,
            metrics,
        })
    }

    /// The font file as a zlib stream, embedded whole (it is already a
    /// subset), and its length inflated.
    pub(crate) fn file(&self) -> (&'static [u8], usize) {
        (self.zlib, self.length)
    }

    /// The font's PostScript name.
    pub(crate) fn postscript_name(&self) -> &'static str {
        self.postscript_name
    }

    /// Its metrics for the PDF font descriptor.
    pub(crate) fn metrics(&self) -> Metrics {
        self.metrics
    }

    /// True when the face has a glyph for `c`.
    pub(crate) fn covers(&self, c: char) -> bool {
        self.glyphs.contains_key(&c)
    }

    /// The glyph id and advance (in ems) that draw `c`.
    pub(crate) fn glyph(&self, c: char) -> (u16, f32) {
        self.glyphs.get(&c).copied().unwrap_or(self.missing)
    }

    /// The width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_greek_and_cyrillic_are_covered_cjk_is_not() {
        let fonts = Fonts::load().unwrap();
        for weight in [Weight::Regular, Weight::Bold] {
            let face = fonts.face(weight);
            for c in "Aéßœ Ωλά Жщё №–…°±•�".chars() {
                assert!(face.covers(c), "{c:?}");
            }
            for c in "漢字ع→".chars() {
                assert!(!face.covers(c), "{c:?}");
                assert_eq!(
                    face.glyph(c),
                    face.glyph('�'),
                    "drawn as the replacement mark"
                );
            }
        }
    }

    #[test]
    fn widths_add_up() {
        let fonts = Fonts::load().unwrap();
        let face = fonts.face(Weight::Regular);
        let ab = face.width("ab", 10.0);
        assert!((ab - face.width("a", 10.0) - face.width("b", 10.0)).abs() < 1e-4);
        assert!(face.width("W", 10.0) > face.width("i", 10.0));
    }
}
