//! The CSV files, read back with a real CSV reader.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod export_story;

use export_story::{FORMULA_NOTE, REPORT_NOTE, RETIRED_REASON, TRICKY_NOTE, build, date};
use rollsafe_core::export::csv::{CsvFile, CsvOptions, archive, files, guard_formula};
use rollsafe_core::export::{Period, Privacy, Sections, WITHHELD_NOTE};

fn everything() -> CsvOptions {
    CsvOptions {
        period: Period::everything(),
        sections: Sections::ALL,
        privacy: Privacy::default(),
        utf8_bom: false,
    }
}

/// The header and the rows of a file, parsed as RFC 4180.
fn read(file: &CsvFile) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(file.contents.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn file<'a>(files: &'a [CsvFile], name: &str) -> &'a CsvFile {
    files
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

fn column(file: &CsvFile, name: &str) -> Vec<String> {
    let (header, rows) = read(file);
    let index = header.iter().position(|h| h == name).unwrap();
    rows.into_iter().map(|r| r[index].clone()).collect()
}

#[test]
fn every_record_type_has_its_file_and_reads_back_exactly() {
    let story = build();
    let files = files(&story.store, &everything()).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "devices.csv",
            "sessions.csv",
            "cleanings.csv",
            "symptom_reports.csv",
            "alerts.csv",
            "profile.csv",
            "care_plans.csv",
            "data_dictionary.csv"
        ]
    );
    assert_eq!(
        read(file(&files, "devices.csv")).1.len(),
        story.devices.len()
    );
    assert_eq!(
        read(file(&files, "sessions.csv")).1.len(),
        story.sessions.len()
    );
    assert_eq!(
        read(file(&files, "symptom_reports.csv")).1.len(),
        story.reports.len()
    );
    assert_eq!(
        read(file(&files, "alerts.csv")).1.len(),
        story.store.alert_history().unwrap().len()
    );
    // The current profile: the revision of 19 March, five answers.
    assert_eq!(read(file(&files, "profile.csv")).1.len(), 5);
    assert_eq!(read(file(&files, "care_plans.csv")).1.len(), 1);
    // Two cleanings around every session but the one whose soak was skipped.
    assert_eq!(
        read(file(&files, "cleanings.csv")).1.len(),
        2 * story.sessions.len() - 1
    );

    // Commas, quotes, a line break and Cyrillic survive the round trip.
    let sessions = file(&files, "sessions.csv");
    let notes = column(sessions, "notes");
    assert_eq!(notes[0], TRICKY_NOTE);
    assert!(
        sessions.contents.contains("\"\"light\"\""),
        "quotes are doubled"
    );
    let ids = column(sessions, "session_id");
    let expected: Vec<String> = story.sessions.iter().map(|s| s.id.to_string()).collect();
    assert_eq!(ids, expected, "oldest first, one row per session");
    assert_eq!(column(sessions, "zones")[0], "forehead; cheeks");
    assert_eq!(
        column(sessions, "needle_length_mm")[5],
        "0.5",
        "the pen's setting"
    );
    // Each row has as many fields as the header (the reader is strict).
    for f in &files {
        let (header, rows) = read(f);
        assert!(rows.iter().all(|r| r.len() == header.len()), "{}", f.name);
        assert!(f.contents.ends_with("\r\n"), "{} ends with CRLF", f.name);
    }
    let reports = file(&files, "symptom_reports.csv");
    // One column per symptom: a severity, "present" when not rated.
    assert_eq!(column(reports, "redness")[2], "6");
    assert_eq!(column(reports, "warmth")[2], "present");
    assert_eq!(column(reports, "pus")[2], "4");
    assert_eq!(column(reports, "fever")[2], "");
    // Beside each timestamp, the local date and time as a spreadsheet reads them.
    let at = column(reports, "at");
    let local = column(reports, "at_local");
    assert_eq!(local[2], at[2][..16].replace('T', " "), "{}", at[2]);
    // Beside each device id, its nickname.
    let device_names = column(file(&files, "devices.csv"), "nickname");
    for name in column(sessions, "device_nickname") {
        assert!(device_names.contains(&name), "{name}");
    }
    // The dictionary describes every column of every other file, in order.
    let (_, dictionary) = read(file(&files, "data_dictionary.csv"));
    for f in files.iter().filter(|f| f.name != "data_dictionary.csv") {
        let described: Vec<&str> = dictionary
            .iter()
            .filter(|row| row[0] == f.name)
            .map(|row| row[1].as_str())
            .collect();
        assert_eq!(described, read(f).0, "{}", f.name);
        assert!(
            dictionary.iter().all(|row| !row[2].is_empty()),
            "every column has a meaning"
        );
    }
    assert_eq!(column(reports, "temperature_c")[2], "38.4");
    assert_eq!(column(reports, "trend"), ["", "", "worse"]);
    assert_eq!(
        column(reports, "photos")[2],
        "",
        "photos are named only with consent"
    );
    let devices = file(&files, "devices.csv");
    assert!(column(devices, "retired_reason").contains(&RETIRED_REASON.to_owned()));
}

#[test]
fn cells_a_spreadsheet_would_run_get_an_apostrophe() {
    let story = build();
    let files = files(&story.store, &everything()).unwrap();
    let notes = column(file(&files, "sessions.csv"), "notes");
    assert_eq!(notes[2], format!("'{FORMULA_NOTE}"), "the third session");
    let brands = column(file(&files, "devices.csv"), "brand");
    assert!(
        brands.contains(&"'=cmd|' /C calc'!A0".to_owned()),
        "{brands:?}"
    );
    // No cell anywhere starts with a formula character.
    for f in &files {
        let (_, rows) = read(f);
        for cell in rows.iter().flatten() {
            assert_eq!(guard_formula(cell), *cell, "{}: {cell:?}", f.name);
        }
    }
}

#[test]
fn the_period_sections_and_privacy_are_honoured() {
    let story = build();
    let march = Period::new(date(2026, 3, 1), date(2026, 3, 31)).unwrap();
    let options = CsvOptions {
        utf8_bom: false,
        period: march,
        sections: Sections {
            alerts: false,
            profile: false,
            ..Sections::ALL
        },
        privacy: Privacy {
            redact_notes: true,
            include_photo_references: true,
            identify_patient: false,
        },
    };
    let files = files(&story.store, &options).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert!(!names.contains(&"alerts.csv") && !names.contains(&"profile.csv"));
    let sessions = file(&files, "sessions.csv");
    let dates = column(sessions, "local_date");
    assert_eq!(
        dates,
        ["2026-03-03", "2026-03-16"],
        "local dates, each in its own offset"
    );
    // The retired roller is not in March; the care plan set in January still is.
    assert_eq!(read(file(&files, "devices.csv")).1.len(), 2);
    assert_eq!(read(file(&files, "care_plans.csv")).1.len(), 1);
    let all: String = files.iter().map(|f| f.contents.as_str()).collect();
    assert!(!all.contains(REPORT_NOTE));
    assert!(!all.contains(RETIRED_REASON));
    let reports = file(&files, "symptom_reports.csv");
    assert_eq!(column(reports, "notes")[1], WITHHELD_NOTE);
    assert!(column(reports, "photos")[1].contains("scalp-2026-03-19.jpg"));
    // Deterministic.
    assert_eq!(
        files,
        rollsafe_core::export::csv::files(&story.store, &options).unwrap()
    );
}

/// For Excel, each file may start with a UTF-8 byte order mark; nothing
/// else changes, and without it nothing has one.
#[test]
fn a_byte_order_mark_starts_each_file_only_when_asked() {
    let story = build();
    let plain = files(&story.store, &everything()).unwrap();
    let marked = files(
        &story.store,
        &CsvOptions {
            utf8_bom: true,
            ..everything()
        },
    )
    .unwrap();
    assert_eq!(plain.len(), marked.len());
    for (plain, marked) in plain.iter().zip(&marked) {
        assert!(!plain.contents.starts_with('\u{FEFF}'), "{}", plain.name);
        assert_eq!(
            marked.contents.strip_prefix('\u{FEFF}'),
            Some(plain.contents.as_str()),
            "{}",
            marked.name
        );
    }
}

/// The sealed share's one file: every CSV file, byte for byte, read back by
/// Python's zipfile (which checks each CRC) in the export's order.
#[test]
fn the_archive_holds_every_csv_file_whole() {
    let story = build();
    let options = CsvOptions {
        utf8_bom: true,
        ..everything()
    };
    let made = files(&story.store, &options).unwrap();
    let now = export_story::now();
    let bytes = archive(&story.store, &options, now).unwrap();
    assert_eq!(
        bytes,
        archive(&story.store, &options, now).unwrap(),
        "same log, same bytes"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csv.zip");
    std::fs::write(&path, &bytes).unwrap();
    let out_dir = dir.path().join("out");
    let script = "import sys, zipfile\n\
        z = zipfile.ZipFile(sys.argv[1])\n\
        assert z.testzip() is None\n\
        print('\\n'.join(z.namelist()))\n\
        z.extractall(sys.argv[2])\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        names,
        made.iter().map(|f| f.name.clone()).collect::<Vec<_>>()
    );
    for file in &made {
        let extracted = std::fs::read_to_string(out_dir.join(&file.name)).unwrap();
        assert_eq!(extracted, file.contents, "{}", file.name);
    }
}
