//! How the report flows over pages, measured on the text layer's word boxes
//! (pdftotext -bbox): pages are not left mostly blank, a heading never ends a
//! page, short blocks and footnotes stay whole, and with the longest values
//! the API accepts every word is printed on A4 and Letter alike.

use rollsafe_core::report::{Paper, ReportOptions, pdf};
use rollsafe_core::validate::{MAX_LABEL_CHARS, MAX_NOTE_CHARS};
use rollsafe_core::{
    BodyZone, CleaningMethod, Device, DeviceKind, Moment, NewCleaning, NewDevice, NewSession,
    NewSymptomReport, PreChecks, ReportKind, ReportedSymptom, SessionPlan, Store, Symptom,
};

use super::{squeezed, story, support, tools};

/// Content lies between these distances from the page's top and bottom
/// (the running header and footer lie outside; see render/layout.rs).
const CONTENT_TOP: f32 = 62.0;
const CONTENT_BOTTOM: f32 = 58.0;

/// Every page but the last must be filled at least this far (the lowest
/// word's foot, as a share of the content height). The layout keeps whole
/// only blocks of at most 40% of a page (a heading with its first lines, a
/// short paragraph, a table row, a chart), so a page ends early only when
/// more than 55% of it is used; half a page leaves room for the rule or
/// chart under the last word.
const MIN_FILL: f32 = 0.5;

/// Word boxes taller than this are headings (12 pt) or subheadings (9.5 pt):
/// Noto Sans boxes are about 1.36 em, so body text (8.5 pt) is 11.6 high.
const HEADING_BOX: f32 = 12.6;

fn papers() -> [Paper; 2] {
    [Paper::A4, Paper::UsLetter]
}

/// One report of [`stories`] on one paper, as its pages' words.
struct Laid {
    name: String,
    paper: Paper,
    pages: Vec<tools::Page>,
}

/// Every story on both papers, laid out once for all the tests here (the
/// year's fixture is built once too).
fn laid() -> &'static [Laid] {
    static LAID: std::sync::OnceLock<Vec<Laid>> = std::sync::OnceLock::new();
    LAID.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        for (name, store, now) in stories() {
            for paper in papers() {
                let options = ReportOptions {
                    paper,
                    ..ReportOptions::default()
                };
                let bytes = pdf(&store, &options, now).unwrap();
                let path = tools::write(dir.path(), "report.pdf", &bytes);
                out.push(Laid {
                    name: name.clone(),
                    paper,
                    pages: tools::pages(&path),
                });
            }
        }
        out
    })
}

fn content(page: &tools::Page) -> impl Iterator<Item = &tools::Word> {
    let bottom = page.height - CONTENT_BOTTOM;
    page.words
        .iter()
        .filter(move |w| w.top >= CONTENT_TOP - 12.0 && w.bottom <= bottom + 2.0)
}

/// How far down its content area a page is used, 0 to 1.
fn fill(page: &tools::Page) -> f32 {
    let lowest = content(page).map(|w| w.bottom).fold(CONTENT_TOP, f32::max);
    (lowest - CONTENT_TOP) / (page.height - CONTENT_BOTTOM - CONTENT_TOP)
}

/// The logs to check, with their `now`: the demo; the demo with one to
/// eight more devices and as many more sessions, which move every later
/// block down the pages by a few lines at a time, and a first symptom
/// report whose note makes its row tall; the demo with the longest values;
/// and a year of daily use.
fn stories() -> Vec<(String, Store, Moment)> {
    let mut out = vec![("story".to_owned(), story::store(), story::now())];
    for extra in 1..=8 {
        let store = story::store();
        for n in 0..extra {
            let new = NewDevice::simple(DeviceKind::Stamp, 0.25, &format!("Spare stamp {n}"));
            let device = store
                .add_device(new, story::now() - chrono::TimeDelta::days(40))
                .unwrap()
                .value;
            let at = story::now() - chrono::TimeDelta::days(39 - 4 * n);
            record_session(&store, &device, BodyZone::Thighs, at, None);
        }
        let at = story::now() - chrono::TimeDelta::days(20);
        store
            .record_symptom_report(report(at, 2, &numbered('t', 500)), at)
            .unwrap();
        out.push((
            format!("story with {extra} more devices"),
            store,
            story::now(),
        ));
    }
    out.push(("longest".to_owned(), longest_values(), story::now()));
    let year = Store::open(support::fixture(365)).unwrap();
    out.push(("a year".to_owned(), year, support::end_of(365)));
    out
}

#[test]
fn no_page_but_the_last_is_left_mostly_blank() {
    for Laid { name, paper, pages } in laid() {
        {
            let fills: Vec<u32> = pages.iter().map(|p| (fill(p) * 100.0) as u32).collect();
            for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
                assert!(
                    fill(page) >= MIN_FILL,
                    "{name} on {paper:?}: page {} is {}% full (pages: {fills:?}%)",
                    n + 1,
                    fills[n]
                );
            }
        }
    }
}

#[test]
fn no_heading_is_left_at_the_foot_of_a_page() {
    for Laid { name, paper, pages } in laid() {
        {
            for (n, page) in pages.iter().enumerate() {
                let words: Vec<&tools::Word> = content(page).collect();
                for heading in words.iter().filter(|w| w.height() > HEADING_BOX) {
                    // Lines below it, told apart by their tops.
                    let mut below: Vec<i32> = words
                        .iter()
                        .filter(|w| w.top > heading.bottom + 1.0)
                        .map(|w| w.top.round() as i32)
                        .collect();
                    rollsafe_core::sorting::sort(&mut below);
                    below.dedup_by(|a, b| (*a - *b).abs() <= 2);
                    assert!(
                        below.len() >= 2,
                        "{name} on {paper:?}: heading {:?} ends page {} with {} line(s) under it",
                        heading.text,
                        n + 1,
                        below.len()
                    );
                }
            }
        }
    }
}

/// The short blocks the report prints: each must sit whole on one page.
fn short_blocks() -> Vec<String> {
    vec![
        "Everything here was recorded by the patient in the RollSafe app and has not been checked by a clinician.".to_owned(),
        rollsafe_core::risk::CLINICIAN_DISCLAIMER.to_owned(),
        "RollSafe never claims a device is sterile: soaking in alcohol disinfects a device between uses; it does not make it fit to enter sterile tissue.".to_owned(),
        "Rest: local calendar days since the previous session on the same region, against the minimum that applied".to_owned(),
        rollsafe_core::rules::cleaning::CLEANING_RULE.note.to_owned(),
    ]
}

/// Footnotes under a table: never alone at the top of a page.
const FOOTNOTES: [&str; 2] = ["Rest: local calendar days", "Adequate: an alcohol soak"];

#[test]
fn short_blocks_and_footnotes_stay_whole_and_with_what_they_explain() {
    for Laid { name, paper, pages } in laid() {
        {
            let texts: Vec<String> = pages
                .iter()
                .map(|p| {
                    squeezed(
                        &content(p)
                            .map(|w| w.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                })
                .collect();
            for block in short_blocks() {
                let block = squeezed(&block);
                assert!(
                    texts.iter().any(|t| t.contains(&block)),
                    "{name} on {paper:?}: {block:?} is split across pages"
                );
            }
            for footnote in FOOTNOTES {
                for (n, text) in texts.iter().enumerate() {
                    assert!(
                        !text.starts_with(footnote),
                        "{name} on {paper:?}: the footnote {footnote:?} opens page {} alone",
                        n + 1
                    );
                }
            }
        }
    }
}

/// Numbered words, `prefix` first, filling `limit` characters: a lost
/// stretch shows by its numbers.
fn numbered(prefix: char, limit: usize) -> String {
    let mut text = String::new();
    let mut n = 0;
    while text.chars().count() + 8 <= limit {
        text.push_str(&format!("{prefix}{n:05} "));
        n += 1;
    }
    text.trim_end().to_owned()
}

/// A device name of exactly the longest length, in words short enough for
/// a narrow column: "Devname01 … Devname08Z".
fn long_name() -> String {
    let mut words: Vec<String> = (1..=8).map(|n| format!("Devname{n:02}")).collect();
    let length = words.iter().map(String::len).sum::<usize>() + words.len() - 1;
    if let Some(last) = words.last_mut() {
        last.push_str(&"Z".repeat(MAX_LABEL_CHARS - length));
    }
    let name = words.join(" ");
    assert_eq!(name.chars().count(), MAX_LABEL_CHARS);
    name
}

/// The story with the longest values the API accepts: a device with the
/// longest name and brand, used two hours before `now` with the longest
/// note, and a symptom report on it with the longest note.
fn longest_values() -> Store {
    let store = story::store();
    let now = story::now();
    let new = NewDevice {
        brand: Some(long_name()),
        ..NewDevice::simple(DeviceKind::Roller, 0.5, &long_name())
    };
    let device = store
        .add_device(new, now - chrono::TimeDelta::days(30))
        .unwrap()
        .value;
    let when = now - chrono::TimeDelta::hours(30);
    record_session(
        &store,
        &device,
        BodyZone::Chin,
        when,
        Some(numbered('s', MAX_NOTE_CHARS)),
    );
    let at = now - chrono::TimeDelta::hours(3);
    store
        .record_symptom_report(report(at, 4, &numbered('r', MAX_NOTE_CHARS)), at)
        .unwrap();
    store
}

/// A session with `device` on `zone` at `at`, soaked before, its warnings
/// acknowledged.
fn record_session(
    store: &Store,
    device: &Device,
    zone: BodyZone,
    at: Moment,
    notes: Option<String>,
) {
    store
        .record_cleaning(
            NewCleaning {
                device_id: device.id,
                at: at - chrono::TimeDelta::minutes(30),
                method: CleaningMethod::IsopropylSoak,
                soak_minutes: Some(20),
            },
            at,
        )
        .unwrap();
    let plan = SessionPlan {
        device_id: device.id,
        zones: vec![zone],
        needle_length_mm: None,
        products: vec![],
        pre_checks: PreChecks::ALL_CLEAR,
    };
    let acknowledged: Vec<String> = store
        .check_session(&plan, at)
        .unwrap()
        .to_acknowledge()
        .map(|f| f.code.code().to_owned())
        .collect();
    let session = NewSession {
        plan,
        at,
        passes: None,
        pain: None,
        notes,
    };
    store.record_session(session, &acknowledged, at).unwrap();
}

/// A report of swelling on the chin at `at`, with `note`.
fn report(at: Moment, severity: u8, note: &str) -> NewSymptomReport {
    NewSymptomReport {
        at,
        kind: ReportKind::Report,
        zones: vec![BodyZone::Chin],
        around_eye: false,
        symptoms: vec![ReportedSymptom {
            symptom: Symptom::Swelling,
            severity: Some(severity),
        }],
        overall_severity: severity,
        pus: None,
        temperature_c: None,
        trend: None,
        notes: Some(note.to_owned()),
        photos: vec![],
        session_id: None,
    }
}

#[test]
fn with_the_longest_values_nothing_is_lost_on_either_paper() {
    let store = longest_values();
    let dir = tempfile::tempdir().unwrap();
    for paper in papers() {
        let options = ReportOptions {
            paper,
            ..ReportOptions::default()
        };
        let bytes = pdf(&store, &options, story::now()).unwrap();
        let path = tools::write(dir.path(), "longest.pdf", &bytes);
        tools::qpdf_check(&path);
        let text = tools::text(&path);
        let words: std::collections::HashSet<&str> = text.split_whitespace().collect();
        for expected in [
            numbered('s', MAX_NOTE_CHARS),
            numbered('r', MAX_NOTE_CHARS),
            long_name(),
        ] {
            let missing: Vec<&str> = expected
                .split_whitespace()
                .filter(|w| !words.contains(w))
                .collect();
            assert!(
                missing.is_empty(),
                "{paper:?}: {} words missing, the first {:?}",
                missing.len(),
                missing.first()
            );
        }
    }
}
