//! The real PDF tools the tests check the report with: qpdf and poppler's
//! pdftotext, pdfinfo and pdftoppm. They are installed by
//! tests/setup/pdf-tools.sh (which tests/run calls); a missing tool fails
//! the test with that hint, it never skips it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `tool` with `args`, failing the test with a hint if it is missing.
fn run(tool: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {tool} ({e}); install it with tests/setup/pdf-tools.sh")
    })
}

/// Writes `bytes` to a fresh file named `name` in a temporary folder.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `qpdf --check`: panics with qpdf's output unless the file is sound.
pub fn qpdf_check(pdf: &Path) {
    let out = run("qpdf", &["--check", pdf.to_str().unwrap()]);
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "qpdf --check failed:\n{text}");
    assert!(
        text.contains("No syntax or stream encoding errors"),
        "{text}"
    );
}

/// The text layer, as `pdftotext -layout` reads it.
pub fn text(pdf: &Path) -> String {
    let out = run("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `pdfinfo`'s "Pages" and "Page size" lines.
pub fn info(pdf: &Path) -> (usize, String) {
    let out = run("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("pdfinfo has no {name}:\n{text}"))
    };
    (field("Pages:").parse().unwrap(), field("Page size:"))
}

/// Renders every page to PNG at `dpi` with pdftoppm; returns the files.
pub fn render(pdf: &Path, dir: &Path, prefix: &str, dpi: u32) -> Vec<PathBuf> {
    let root = dir.join(prefix);
    let out = run(
        "pdftoppm",
        &[
            "-png",
            "-r",
            &dpi.to_string(),
            pdf.to_str().unwrap(),
            root.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "pdftoppm failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().unwrap().to_str().unwrap().starts_with(prefix)
                && p.extension().is_some_and(|e| e == "png")
        })
        .collect();
    rollsafe_core::sorting::sort(&mut pages);
    pages
}

/// A word of the text layer and its box, in points from the page's top.
#[derive(Clone, Debug)]
pub struct Word {
    pub text: String,
    pub top: f32,
    pub bottom: f32,
}

impl Word {
    /// The height of its box: about 1.36 times the font size in Noto Sans.
    pub fn height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// A page of the text layer: its height and its words, in reading order.
#[derive(Clone, Debug)]
pub struct Page {
    pub height: f32,
    pub words: Vec<Word>,
}

/// Every page's words with their boxes, as `pdftotext -bbox` reads them.
pub fn pages(pdf: &Path) -> Vec<Page> {
    let out = run(
        "pdftotext",
        &["-bbox", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let len = tag[start..].find('"').unwrap();
        tag[start..start + len].parse().unwrap()
    };
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let height = attr(chunk, "height");
        let words = chunk
            .split("<word ")
            .skip(1)
            .map(|w| {
                let close = w.find('>').unwrap();
                let end = w.find("</word>").unwrap();
                Word {
                    text: unescape(&w[close + 1..end]),
                    top: attr(&w[..close], "yMin"),
                    bottom: attr(&w[..close], "yMax"),
                }
            })
            .collect();
        pages.push(Page { height, words });
    }
    pages
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// `pdfinfo` run with `flags` (`-struct-text`, `-meta`), its output.
pub fn pdfinfo(pdf: &Path, flags: &[&str]) -> String {
    let mut args = flags.to_vec();
    args.push(pdf.to_str().unwrap());
    let out = run("pdfinfo", &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of page `page` (from 1) as `pdftotext` reads it.
pub fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    let out = run(
        "pdftotext",
        &[
            "-enc",
            "UTF-8",
            "-f",
            &page,
            "-l",
            &page,
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every object of the file as qpdf's JSON (version 2) shows it: a map from
/// `"obj:N 0 R"` (and `"trailer"`) to the object's value.
pub fn objects(pdf: &Path) -> serde_json::Map<String, serde_json::Value> {
    let out = run(
        "qpdf",
        &[
            "--json=2",
            "--json-key=qpdf",
            "--decode-level=none",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["qpdf"][1].as_object().unwrap().clone()
}

/// The files the PDF carries, as `pdfdetach` lists them, each saved into
/// `out`; their names in the file's order.
pub fn attachments(pdf: &Path, out: &Path) -> Vec<String> {
    let listed = run("pdfdetach", &["-list", pdf.to_str().unwrap()]);
    assert!(listed.status.success());
    std::fs::create_dir_all(out).unwrap();
    let saved = run(
        "pdfdetach",
        &[
            "-saveall",
            "-o",
            out.to_str().unwrap(),
            pdf.to_str().unwrap(),
        ],
    );
    assert!(saved.status.success());
    // "2 embedded files", then "1: rollsafe-fhir.json", ...
    String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(": ").map(|(_, name)| name.to_owned()))
        .collect()
}
