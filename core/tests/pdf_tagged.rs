//! The dermatologist's PDF as a screen reader and an archive see it, checked
//! with poppler and qpdf: tagged, with a structure tree in reading order
//! (headings, lists, tables with header cells, charts as figures with alt
//! text), the running header and footer as artifacts, the cover's figures
//! read value with label, a language, XMP metadata dated by the report, and
//! an sRGB output intent.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

#[allow(dead_code, reason = "the story the other PDF tests share")]
#[path = "pdf_report/story.rs"]
mod story;
#[allow(dead_code, reason = "the tools the other PDF tests use")]
#[path = "pdf_report/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};

use rollsafe_core::report::{Paper, ReportOptions, pdf};
use serde_json::{Map, Value};

/// The demo report on `paper`, written to a file in `dir`.
fn demo(dir: &Path, paper: Paper) -> PathBuf {
    let options = ReportOptions {
        paper,
        ..ReportOptions::default()
    };
    let bytes = pdf(&story::store(), &options, story::now()).unwrap();
    let path = tools::write(dir, "report.pdf", &bytes);
    tools::qpdf_check(&path);
    path
}

/// One line of `pdfinfo -struct-text`: an element with its depth, or the
/// text of the element above it.
#[derive(Debug)]
enum Line {
    Element { depth: usize, role: String },
    Text { depth: usize, text: String },
}

fn tree(pdf: &Path) -> Vec<Line> {
    tools::pdfinfo(pdf, &["-struct-text"])
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let depth = (l.len() - l.trim_start().len()) / 2;
            let body = l.trim();
            match body.strip_prefix('"') {
                Some(text) => Line::Text {
                    depth,
                    text: text.strip_suffix('"').unwrap_or(text).to_owned(),
                },
                None => Line::Element {
                    depth,
                    role: body.split([' ', ':']).next().unwrap().to_owned(),
                },
            }
        })
        .collect()
}

/// Each element of `role` with the text under it, in tree order, its
/// parts (one per marked-content sequence) joined by a space.
fn elements(lines: &[Line], role: &str) -> Vec<String> {
    joined(lines, role, " ")
        .iter()
        .map(|text| squeeze(text))
        .collect()
}

/// Each element of `role` with the text under it as poppler reads it, its
/// parts joined by `between`.
fn joined(lines: &[Line], role: &str, between: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Line::Element { depth, role: r } = line else {
            continue;
        };
        if r != role {
            continue;
        }
        let mut text = Vec::new();
        for next in &lines[i + 1..] {
            match next {
                Line::Element { depth: d, .. } if d <= depth => break,
                Line::Text { text: t, .. } => text.push(t.clone()),
                Line::Element { .. } => {}
            }
        }
        out.push(text.join(between));
    }
    out
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The children of each element of `role`: their roles.
fn children(lines: &[Line], role: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Line::Element { depth, role: r } = line else {
            continue;
        };
        if r != role {
            continue;
        }
        let mut kids = Vec::new();
        for next in &lines[i + 1..] {
            match next {
                Line::Element { depth: d, .. } | Line::Text { depth: d, .. } if d <= depth => {
                    break;
                }
                Line::Element { depth: d, role } if *d == depth + 1 => kids.push(role.clone()),
                _ => {}
            }
        }
        out.push(kids);
    }
    out
}

#[test]
fn the_report_is_tagged_with_headings_in_page_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path(), Paper::A4);
    let info = tools::pdfinfo(&path, &[]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "{info}"
    );
    let lines = tree(&path);
    assert!(
        matches!(&lines[0], Line::Element { depth: 0, role } if role == "Document"),
        "{lines:?}"
    );
    assert_eq!(elements(&lines, "H1"), ["Home microneedling log"]);
    // A paragraph's lines keep a space where they meet.
    let paragraphs = elements(&lines, "P");
    assert!(
        paragraphs
            .iter()
            .any(|p| p.ends_with("Home cleaning disinfects; it does not sterilise.")),
        "{paragraphs:?}"
    );
    let headings = elements(&lines, "H2");
    for expected in [
        "Points to discuss",
        "Profile",
        "Devices",
        "Over the period",
        "Session timeline",
        "Symptom reports and triage prompts",
        "Alerts",
        "Cleanings",
        "About this report",
        "References",
    ] {
        assert!(headings.iter().any(|h| h == expected), "{headings:?}");
    }
    // The tree reads the headings in the order the pages show them.
    let text = squeeze(&tools::text(&path));
    let mut at = 0;
    for heading in &headings {
        let found = text[at..]
            .find(heading.as_str())
            .unwrap_or_else(|| panic!("{heading} after {at} in the text layer"));
        at += found + heading.len();
    }
}

#[test]
fn the_running_header_and_footer_are_artifacts() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path(), Paper::A4);
    let structure = tools::pdfinfo(&path, &["-struct-text"]);
    assert!(structure.starts_with("Document"), "{structure}");
    for framing in [
        "home microneedling log",
        "Page 1 of",
        "Generated ",
        "Period 20",
    ] {
        assert!(!structure.contains(framing), "{framing}: {structure}");
    }
    // ... yet they are still on the page.
    let text = tools::text(&path);
    assert!(text.contains("Page 1 of"), "{text}");
}

#[test]
fn tables_have_header_cells_then_data_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path(), Paper::A4);
    let lines = tree(&path);
    let tables = children(&lines, "Table");
    assert!(tables.len() >= 5, "{tables:?}");
    for rows in &tables {
        assert!(
            rows.len() >= 2 && rows.iter().all(|r| r == "TR"),
            "{rows:?}"
        );
    }
    let rows = children(&lines, "TR");
    let mut header_rows = 0;
    for cells in &rows {
        let all = |role: &str| !cells.is_empty() && cells.iter().all(|c| c == role);
        assert!(all("TH") || all("TD"), "{cells:?}");
        header_rows += usize::from(all("TH"));
    }
    assert_eq!(header_rows, tables.len(), "one header row per table");
    let headers = elements(&lines, "TH");
    for title in [
        "Condition or medication",
        "Device",
        "Date",
        "Triage prompt at the time",
    ] {
        assert!(headers.iter().any(|h| h == title), "{headers:?}");
    }
    // A header repeated on a later page is not a second header row.
    assert_eq!(
        headers
            .iter()
            .filter(|h| *h == "Triage prompt at the time")
            .count(),
        1
    );
}

#[test]
fn lists_have_items_with_a_label_and_a_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path(), Paper::A4);
    let lines = tree(&path);
    let items = children(&lines, "LI");
    assert!(!items.is_empty());
    for item in &items {
        assert_eq!(item, &["Lbl", "LBody"]);
    }
    assert!(
        elements(&lines, "LBody")
            .iter()
            .any(|b| b.contains("is due for replacement: its head has been in use")),
        "{:?}",
        elements(&lines, "LBody")
    );
}

/// The value of a qpdf JSON string ("u:text"), or None.
fn string(value: &Value) -> Option<&str> {
    value.as_str().and_then(|s| s.strip_prefix("u:"))
}

fn struct_elements<'a>(objects: &'a Map<String, Value>, role: &str) -> Vec<&'a Value> {
    objects
        .values()
        .filter_map(|o| o.get("value"))
        .filter(|v| v["/Type"] == "/StructElem" && v["/S"] == format!("/{role}"))
        .collect()
}

#[test]
fn every_chart_is_a_figure_with_alt_text_from_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path(), Paper::A4);
    let objects = tools::objects(&path);
    let figures = struct_elements(&objects, "Figure");
    let alts: Vec<&str> = figures.iter().filter_map(|f| string(&f["/Alt"])).collect();
    assert_eq!(alts.len(), 4, "{figures:?}");
    assert_eq!(figures.len(), 4);
    assert!(
        alts[0].starts_with("Chart: sessions, cleanings and symptom reports on one time axis"),
        "{alts:?}"
    );
    let alts = &alts[1..];
    assert!(
        alts[0].starts_with("Chart: sessions over time, by zone"),
        "{alts:?}"
    );
    assert!(
        alts[1].starts_with("Chart: symptom severity over time"),
        "{alts:?}"
    );
    assert!(
        alts[2].starts_with("Chart: risk levels over time"),
        "{alts:?}"
    );
    let sessions = story::store().sessions().unwrap().len();
    assert!(
        alts[0].contains(&format!("{sessions} sessions")),
        "{sessions}: {alts:?}"
    );
    assert!(alts[1].contains("highest 6 of 10"), "{alts:?}");
}

#[test]
fn the_cover_reads_each_figure_with_its_label() {
    for paper in [Paper::A4, Paper::UsLetter] {
        cover_reads_each_figure_with_its_label(paper);
    }
}

fn cover_reads_each_figure_with_its_label(paper: Paper) {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path(), paper);
    let sessions = story::store().sessions().unwrap().len();
    let page = tools::page_text(&path, 1);
    let line = |label: &str| {
        page.lines()
            .map(str::trim)
            .find(|l| l.ends_with(label))
            .unwrap_or_else(|| panic!("no line ends with {label}:\n{page}"))
            .to_owned()
    };
    assert_eq!(line(" sessions"), format!("{sessions} sessions"));
    for label in [
        "sooner than the rest limit",
        "cleaned before use",
        "highest severity",
        "infection risk now",
    ] {
        let line = line(label);
        let value = line.strip_suffix(label).unwrap().trim();
        assert!(
            !value.is_empty() && !value.contains(' '),
            "one value, then its label: {line:?}\n{page}"
        );
    }
    // The tree holds each tile as one paragraph in the same order.
    let paragraphs = elements(&tree(&path), "P");
    assert!(
        paragraphs.contains(&format!("{sessions} sessions")),
        "{paragraphs:?}"
    );
}

#[test]
fn the_catalog_names_the_language_and_carries_xmp_dated_by_the_report() {
    let dir = tempfile::tempdir().unwrap();
    for paper in [Paper::A4, Paper::UsLetter] {
        let path = demo(dir.path(), paper);
        let objects = tools::objects(&path);
        let trailer = &objects["trailer"]["value"];
        let root = trailer["/Root"].as_str().unwrap();
        let catalog = &objects[&format!("obj:{root}")]["value"];
        assert_eq!(string(&catalog["/Lang"]), Some("en"), "{catalog}");
        assert_eq!(catalog["/MarkInfo"]["/Marked"], true, "{catalog}");
        assert_eq!(
            catalog["/ViewerPreferences"]["/DisplayDocTitle"], true,
            "{catalog}"
        );
        assert!(catalog["/StructTreeRoot"].is_string(), "{catalog}");
        assert!(catalog["/Metadata"].is_string(), "{catalog}");
        let pages: Vec<&Value> = objects
            .values()
            .filter_map(|o| o.get("value"))
            .filter(|v| v["/Type"] == "/Page")
            .collect();
        assert!(pages.iter().all(|p| p["/StructParents"].is_number()));
        let info = tools::pdfinfo(&path, &[]);
        assert!(
            info.lines()
                .any(|l| l.starts_with("Metadata Stream:") && l.ends_with("yes")),
            "{info}"
        );
        let xmp = tools::pdfinfo(&path, &["-meta"]);
        assert!(xmp.contains("<dc:title>"), "{xmp}");
        assert!(xmp.contains("RollSafe microneedling log, "), "{xmp}");
        assert!(xmp.contains("<dc:language>"), "{xmp}");
        let generated = story::now().format("%Y-%m-%dT%H:%M:%S").to_string();
        assert!(
            xmp.contains(&format!("<xmp:CreateDate>{generated}")),
            "{generated}: {xmp}"
        );
        assert!(
            xmp.contains(&format!("<xmp:ModifyDate>{generated}")),
            "{xmp}"
        );
        assert!(!xmp.contains("pdfaid"), "no conformance claimed: {xmp}");
    }
}

#[test]
fn a_cell_that_flows_over_pages_stays_one_cell_under_one_header() {
    let store = story::store();
    let (note, _) = story::add_longest_note(&store);
    let bytes = pdf(&store, &ReportOptions::default(), story::now()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = tools::write(dir.path(), "report.pdf", &bytes);
    tools::qpdf_check(&path);
    let lines = tree(&path);
    let cells: Vec<String> = elements(&lines, "TD")
        .into_iter()
        .filter(|c| c.contains("w00000"))
        .collect();
    assert_eq!(cells.len(), 1, "{cells:?}");
    assert!(cells[0].contains(&note), "{}", cells[0]);
    // Its parts on each page keep the words apart where they meet, for a
    // reader that joins them as they are.
    let raw: Vec<String> = joined(&lines, "TD", "")
        .into_iter()
        .filter(|c| c.contains("w00000"))
        .collect();
    assert!(raw[0].contains(&note), "{}", raw[0]);
    // The page text shows the repeated header on each page the note
    // flows over; the tree has it once.
    let title = "Overrides acknowledged, notes";
    let pages = squeeze(&tools::text(&path)).matches(title).count();
    assert!(pages >= 2, "{pages}");
    let headers = elements(&lines, "TH");
    assert_eq!(headers.iter().filter(|h| *h == title).count(), 1);
}

#[test]
fn the_output_intent_is_srgb_with_its_profile() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(dir.path(), Paper::A4);
    let objects = tools::objects(&path);
    let root = objects["trailer"]["value"]["/Root"].as_str().unwrap();
    let catalog = &objects[&format!("obj:{root}")]["value"];
    let intents = catalog["/OutputIntents"]
        .as_array()
        .expect("output intents");
    assert_eq!(intents.len(), 1, "{catalog}");
    let intent = &intents[0];
    assert_eq!(intent["/S"], "/GTS_PDFA1");
    assert_eq!(
        string(&intent["/OutputConditionIdentifier"]),
        Some("sRGB IEC61966-2.1")
    );
    let profile = intent["/DestOutputProfile"].as_str().unwrap();
    assert_eq!(
        objects[&format!("obj:{profile}")]["stream"]["dict"]["/N"],
        3
    );
    let id = profile.split(' ').next().unwrap();
    let out = std::process::Command::new("qpdf")
        .args([
            &format!("--show-object={id}"),
            "--filtered-stream-data",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let icc = out.stdout;
    assert_eq!(icc.len(), 6922);
    assert_eq!(&icc[36..40], b"acsp", "an ICC profile");
    assert_eq!(&icc[16..20], b"RGB ", "of an RGB space");
}
