//! Writing laid-out pages into a PDF with pdf-writer: with `marked.rs` (the
//! marked content of a page) and `structure.rs` (the structure tree), the
//! only files that know the PDF object model.
//!
//! The face is embedded whole as a Type 0 font over a TrueType CID font
//! (glyph ids as character codes), with the widths of the glyphs used and a
//! ToUnicode map so text can be searched and copied. A run containing a
//! character the font lacks carries its real text as `/ActualText`, since its
//! replacement glyph cannot map back to every character it stood for. Bold
//! text is the same glyphs filled and stroked in their own colour.
//! Streams are compressed with zlib and objects written compactly (the
//! structure tree is hundreds of small ones); nothing depends on the clock,
//! so equal input gives equal bytes.
//!
//! The PDF is tagged. Each run of operations the layout marked as one
//! element's content becomes a marked-content sequence (`marked.rs`) whose
//! structure element `structure.rs` writes; the rest (rules, bands, the
//! running header and footer) is marked `/Artifact`. A line of text that
//! the same element goes on after (a paragraph's next line) ends with a
//! space, which draws nothing, so readers that join an element's text keep
//! its words apart. Every page names its entry in the parent tree
//! (`/StructParents`). The catalog says the document is marked, names its
//! language (`/Lang`), the XMP metadata (`xmp.rs`) and the sRGB output
//! intent (`intent.rs`), and asks viewers to show the title rather than the
//! file name.
//!
//! Files the report carries (the FHIR bundle of the same log) are embedded
//! file streams, listed in the catalog's `/EmbeddedFiles` name tree (what
//! viewers show as attachments and `pdfdetach` lists) and in its `/AF`
//! array with their relationship to the document, as PDF/A-3 asks. The
//! report does not claim PDF/A conformance: no validator checks it here.

use chrono::{Datelike, Timelike};
use miniz_oxide::deflate::compress_to_vec_zlib;
use pdf_writer::types::{AssociationKind, CidFontType, FontFlags, SystemInfo, TextRenderingMode};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};

use super::fonts::{Face, Fonts, Weight};
use super::intent;
use super::layout::Geometry;
use super::marked::Marks;
use super::ops::{Op, Page, Rgb};
use super::structure::{self, Refs};
use super::tags::Tagger;
use super::xmp;
use crate::error::Result;
use crate::time::Moment;

/// The language of the report's text: English. Plain "en" rather than a
/// region: the words are the same on A4 and on Letter (with British
/// spellings here and there), and a reader's own English voice reads them.
const LANG: &str = "en";

const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// The glyphs drawn, in glyph order, with the text each stands for.
type Used = Vec<(u16, String)>;

/// The font's name in every page's resources.
const FONT: Name<'static> = Name(b"F1");

/// The stroke that makes regular glyphs bold, as a share of the font size.
const BOLD_STROKE: f32 = 0.035;

/// A file the PDF carries inside it.
pub(crate) struct Attachment<'a> {
    /// Its file name, as viewers and `pdfdetach` show it.
    pub name: &'a str,
    /// Its media type as a PDF name (`/` written `#2F`).
    pub subtype: &'a [u8],
    /// What it is, in words.
    pub description: &'a str,
    /// Its bytes.
    pub body: Body<'a>,
}

/// An attachment's bytes, as they are or already deflated.
pub(crate) enum Body<'a> {
    /// The file itself; it is deflated here.
    Plain(&'a [u8]),
    /// A zlib stream of the file, made as the file was written, and the
    /// file's size.
    Deflated { zlib: &'a [u8], size: usize },
}

/// What the PDF holds: the laid-out pages, their structure tree, and the
/// title and moment its metadata carries.
pub(crate) struct Document<'a> {
    pub pages: &'a [Page],
    pub tags: &'a Tagger,
    pub title: &'a str,
    pub now: &'a Moment,
}

/// Writes `doc` as a tagged PDF with `attachments` embedded.
pub(crate) fn write(
    fonts: &Fonts,
    geo: Geometry,
    doc: &Document<'_>,
    attachments: &[Attachment<'_>],
) -> Result<Vec<u8>> {
    let (pages, title, now) = (doc.pages, doc.title, doc.now);
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let tree = next.bump();
    let info = next.bump();
    let type0 = next.bump();
    let metadata = next.bump();
    let srgb = next.bump();
    let refs = Refs::allocate(&mut next, doc.tags, pages.len());
    let parents = doc.tags.parents(pages.len());
    // Compact: the structure tree is hundreds of small objects.
    let mut pdf = Pdf::with_settings(Settings { pretty: false });
    let mut used = Used::default();
    let mut page_ids = Vec::with_capacity(pages.len());
    for (n, ops) in pages.iter().enumerate() {
        let (page_id, content_id) = (next.bump(), next.bump());
        let mut content = Content::new();
        let mut marks = Marks::new(doc.tags, n, parents.get(n).map_or(&[], Vec::as_slice));
        for (i, marked) in ops.iter().enumerate() {
            marks.enter(&mut content, marked.mark);
            let spaced = marks.reads_on(marked, ops.get(i + 1..).unwrap_or_default());
            draw(
                &mut content,
                fonts,
                &mut used,
                geo.height,
                &marked.op,
                spaced,
            );
        }
        marks.close(&mut content);
        let data = compress_to_vec_zlib(&content.finish(), 6);
        pdf.stream(content_id, &data).filter(Filter::FlateDecode);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, geo.width, geo.height))
            .parent(tree)
            .contents(content_id)
            .struct_parents(i32::try_from(n).unwrap_or(i32::MAX));
        page.resources().fonts().pair(FONT, type0);
        page.finish();
        page_ids.push(page_id);
    }
    structure::write(&mut pdf, &refs, doc.tags, &page_ids);
    intent::profile(&mut pdf, srgb);
    let xmp = xmp::packet(title, LANG, now);
    pdf.metadata(metadata, xmp.as_bytes());
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    let files: Vec<Ref> = attachments
        .iter()
        .map(|file| attach(&mut pdf, &mut next, file))
        .collect();
    let mut root = pdf.catalog(catalog);
    root.pages(tree);
    root.pair(Name(b"StructTreeRoot"), refs.root);
    root.mark_info().marked(true);
    root.lang(TextStr(LANG));
    root.viewer_preferences().display_doc_title(true);
    root.metadata(metadata);
    intent::intent(&mut root, srgb);
    if !files.is_empty() {
        let mut names = root.names();
        let mut tree = names.embedded_files();
        let mut entries = tree.names();
        for (file, spec) in attachments.iter().zip(&files) {
            entries.insert(Str(file.name.as_bytes()), *spec);
        }
        entries.finish();
        tree.finish();
        names.finish();
        root.insert(Name(b"AF"))
            .array()
            .items(files.iter().copied());
    }
    root.finish();
    embed(
        &mut pdf,
        &mut next,
        type0,
        fonts.face(Weight::Regular),
        &used,
    );
    pdf.document_info(info)
        .title(TextStr(title))
        .creator(TextStr(xmp::CREATOR))
        .producer(TextStr(xmp::PRODUCER))
        .creation_date(date(now))
        .modified_date(date(now));
    Ok(pdf.finish())
}

/// Writes `file` as a compressed embedded file stream and its file
/// specification; the specification's reference.
fn attach(pdf: &mut Pdf, next: &mut Ref, file: &Attachment<'_>) -> Ref {
    let (spec, stream) = (next.bump(), next.bump());
    let deflated;
    let (data, size) = match file.body {
        Body::Plain(bytes) => {
            deflated = compress_to_vec_zlib(bytes, 6);
            (deflated.as_slice(), bytes.len())
        }
        Body::Deflated { zlib, size } => (zlib, size),
    };
    let mut embedded = pdf.embedded_file(stream, data);
    embedded.filter(Filter::FlateDecode);
    embedded.subtype(Name(file.subtype));
    embedded
        .params()
        .size(i32::try_from(size).unwrap_or(i32::MAX));
    embedded.finish();
    pdf.file_spec(spec)
        .path(Str(file.name.as_bytes()))
        .unic_file(TextStr(file.name))
        .description(TextStr(file.description))
        .embedded_file_with_unicode(stream)
        .association_kind(AssociationKind::Data);
    spec
}

fn date(now: &Moment) -> Date {
    let offset_minutes = now.offset().local_minus_utc() / 60;
    let byte = |v: u32| u8::try_from(v).unwrap_or(0);
    Date::new(u16::try_from(now.year()).unwrap_or(2000))
        .month(byte(now.month()))
        .day(byte(now.day()))
        .hour(byte(now.hour()))
        .minute(byte(now.minute()))
        .second(byte(now.second()))
        .utc_offset_hour(i8::try_from(offset_minutes / 60).unwrap_or(0))
        .utc_offset_minute(byte((offset_minutes % 60).unsigned_abs()))
}

/// Embeds `face` as the Type 0 font `type0`, with the widths and text of
/// the glyphs in `used`.
fn embed(pdf: &mut Pdf, next: &mut Ref, type0: Ref, face: &Face, used: &[(u16, String)]) {
    let (cid, descriptor, file, cmap_id) = (next.bump(), next.bump(), next.bump(), next.bump());
    // The file is already a subset: "RLSAFE+" says so, as PDF asks.
    let base = format!("RLSAFE+{}", face.postscript_name());
    pdf.type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_id);
    let mut font = pdf.cid_font(cid);
    font.subtype(CidFontType::Type2)
        .base_font(Name(base.as_bytes()))
        .system_info(SYSTEM_INFO)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    {
        let mut widths = font.widths();
        for (gid, text) in used {
            let advance = text.chars().next().map_or(0.0, |c| face.glyph(c).1);
            widths.consecutive(*gid, [advance * 1000.0]);
        }
    }
    font.finish();
    let m = face.metrics();
    pdf.font_descriptor(descriptor)
        .name(Name(base.as_bytes()))
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]))
        .italic_angle(0.0)
        .ascent(m.ascent)
        .descent(m.descent)
        .cap_height(m.cap_height)
        .stem_v(80.0)
        .font_file2(file);
    let (zlib, length) = face.file();
    pdf.stream(file, zlib)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), i32::try_from(length).unwrap_or(i32::MAX));
    let mut cmap = pdf_writer::types::UnicodeCmap::new(Name(b"RollSafe-UTF16"), SYSTEM_INFO);
    for (gid, text) in used {
        cmap.pair_with_multiple(*gid, text.chars());
    }
    let cmap = cmap.finish();
    pdf.cmap(cmap_id, &cmap);
}

fn rgb(colour: Rgb) -> (f32, f32, f32) {
    let f = |v: u8| f32::from(v) / 255.0;
    (f(colour.0), f(colour.1), f(colour.2))
}

fn draw(content: &mut Content, fonts: &Fonts, used: &mut Used, height: f32, op: &Op, spaced: bool) {
    match op {
        Op::Text {
            x,
            y,
            size,
            weight,
            colour,
            text,
        } => {
            let face = fonts.face(*weight);
            let text = if spaced {
                format!("{text} ")
            } else {
                text.clone()
            };
            let mut codes = Vec::with_capacity(text.len() * 2);
            let mut replaced = false;
            for c in text.chars() {
                let (gid, _) = face.glyph(c);
                codes.extend_from_slice(&gid.to_be_bytes());
                replaced |= !face.covers(c);
                if let Err(at) = used.binary_search_by_key(&gid, |(g, _)| *g) {
                    used.insert(at, (gid, c.to_string()));
                }
            }
            let (r, g, b) = rgb(*colour);
            content.begin_text();
            content.set_fill_rgb(r, g, b);
            let bold = *weight == Weight::Bold;
            if bold {
                content.set_stroke_rgb(r, g, b);
                content.set_line_width(size * BOLD_STROKE);
                content.set_text_rendering_mode(TextRenderingMode::FillStroke);
            }
            content.set_font(FONT, *size);
            content.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, height - y]);
            if replaced {
                content
                    .begin_marked_content_with_properties(Name(b"Span"))
                    .properties()
                    .actual_text(TextStr(&text));
            }
            content.show(Str(&codes));
            if replaced {
                content.end_marked_content();
            }
            if bold {
                content.set_text_rendering_mode(TextRenderingMode::Fill);
            }
            content.end_text();
        }
        Op::Rect { x, y, w, h, fill } => {
            let (r, g, b) = rgb(*fill);
            content.set_fill_rgb(r, g, b);
            content.rect(*x, height - y - h, w.max(0.01), h.max(0.01));
            content.fill_nonzero();
        }
        Op::Polygon { points, fill } => {
            let (r, g, b) = rgb(*fill);
            content.set_fill_rgb(r, g, b);
            path(content, height, points);
            content.close_path();
            content.fill_nonzero();
        }
        Op::Line {
            points,
            colour,
            width,
            dashed,
        } => {
            let (r, g, b) = rgb(*colour);
            content.set_stroke_rgb(r, g, b);
            content.set_line_width(*width);
            if *dashed {
                content.set_dash_pattern([2.5, 2.0], 0.0);
            }
            path(content, height, points);
            content.stroke();
            if *dashed {
                content.set_dash_pattern([], 0.0);
            }
        }
    }
}

fn path(content: &mut Content, height: f32, points: &[(f32, f32)]) {
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            content.move_to(*x, height - y);
        } else {
            content.line_to(*x, height - y);
        }
    }
}
