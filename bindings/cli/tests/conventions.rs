//! The conventions every verb keeps: `--out -` is standard output, counts
//! read right in the singular, and an empty file at `--db` is refused, never
//! quietly made into a new log.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::fs;

use common::{DemoLog, NOW, rollsafe_at};

#[test]
fn out_dash_writes_the_export_to_standard_output_and_no_file() {
    let log = DemoLog::new();
    let db = log.db.to_str().unwrap();
    let run = rollsafe_at(
        log.dir.path(),
        [
            "export", "--db", db, "--format", "json", "--out", "-", "--now", NOW,
        ],
    )
    .ok();
    let document = run.json();
    assert!(document.get("sessions").is_some(), "{}", run.stdout);
    assert!(!log.path("-").exists(), "a file named '-' was written");
}

#[test]
fn out_dash_writes_the_pdf_report_to_standard_output_and_no_file() {
    let log = DemoLog::new();
    let db = log.db.to_str().unwrap();
    let run = rollsafe_at(
        log.dir.path(),
        ["report", "--db", db, "--out", "-", "--now", NOW],
    )
    .ok();
    assert!(run.bytes.starts_with(b"%PDF-"), "not a PDF on stdout");
    assert!(!log.path("-").exists(), "a file named '-' was written");
}

#[test]
fn one_session_is_counted_in_the_singular() {
    let log = DemoLog::new();
    // Three days before NOW the scalp roller was used, and nothing else.
    let run = log
        .run("sessions", &["--from", "2026-11-19", "--to", "2026-11-19"])
        .ok();
    assert!(run.stdout.ends_with("\n1 session\n"), "{}", run.stdout);
    let all = log.run("sessions", &[]).ok();
    assert!(all.stdout.ends_with("\n9 sessions\n"), "{}", all.stdout);
}

#[test]
fn an_empty_file_at_db_is_refused_like_a_damaged_one_and_left_as_it_was() {
    let log = DemoLog::new();
    let empty = log.path("empty.sqlite3");
    fs::write(&empty, b"").unwrap();
    for verb in ["status", "devices"] {
        log.run_on(&empty, verb, &["--now", NOW])
            .fails(1, "is empty");
    }
    let backup = log.path("backup.json");
    log.run(
        "export",
        &[
            "--format",
            "json",
            "--out",
            backup.to_str().unwrap(),
            "--now",
            NOW,
        ],
    )
    .ok();
    log.run_on(&empty, "import", &[backup.to_str().unwrap(), "--now", NOW])
        .fails(1, "is empty");
    assert_eq!(
        fs::metadata(&empty).unwrap().len(),
        0,
        "the file was changed"
    );
    let mut names: Vec<String> = fs::read_dir(log.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("empty"))
        .collect();
    rollsafe_core::sorting::sort(&mut names);
    assert_eq!(names, ["empty.sqlite3"], "the file was moved or joined");
}

#[test]
fn every_moment_in_json_has_one_precision_whatever_the_clock_gave() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("log.sqlite3");
    let db = db.to_str().unwrap();
    common::rollsafe(["init", "--db", db]).ok();
    // No --now: the system clock, which has milliseconds.
    common::rollsafe([
        "device",
        "add",
        "--db",
        db,
        "--kind",
        "pen",
        "--needle",
        "0.5",
        "--nickname",
        "Pen",
    ])
    .ok();
    common::rollsafe(["clean", "Pen", "--db", db, "--minutes", "20"]).ok();
    let text = common::rollsafe(["devices", "--db", db, "--json"])
        .ok()
        .stdout;
    let cleanings =
        common::rollsafe(["clean", "Pen", "--db", db, "--minutes", "20", "--json"]).ok();
    for json in [text, cleanings.stdout] {
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut moments = Vec::new();
        collect_moments(&value, &mut moments);
        assert!(!moments.is_empty(), "{json}");
        for moment in moments {
            // 2026-12-04T04:32:11+00:00: 25 characters, no fraction.
            assert_eq!(moment.len(), 25, "{moment} is not to the second");
        }
    }
}

/// Every string in `value` that reads as an RFC 3339 moment.
fn collect_moments(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) if chrono::DateTime::parse_from_rfc3339(s).is_ok() => {
            out.push(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_moments(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_moments(v, out)),
        _ => {}
    }
}

#[test]
fn report_and_export_include_only_the_sections_named() {
    let log = DemoLog::new();
    let csv = log.path("csv");
    log.run(
        "export",
        &[
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
            "--sections",
            "sessions,cleanings",
            "--now",
            NOW,
        ],
    )
    .ok();
    let mut names: Vec<String> = fs::read_dir(&csv)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    rollsafe_core::sorting::sort(&mut names);
    assert_eq!(
        names,
        ["cleanings.csv", "data_dictionary.csv", "sessions.csv"]
    );

    let size = |name: &str, sections: &[&str]| {
        let out = log.path(name);
        let mut args = vec!["--out", out.to_str().unwrap(), "--now", NOW];
        args.extend(sections);
        log.run("report", &args).ok();
        fs::metadata(&out).unwrap().len()
    };
    let whole = size("whole.pdf", &[]);
    let part = size("part.pdf", &["--sections", "sessions"]);
    assert!(
        part < whole,
        "{part} bytes with one section, {whole} with all"
    );

    log.run(
        "export",
        &["--format", "json", "--sections", "sessions", "--now", NOW],
    )
    .fails(2, "--sections does not apply to --format json");
}
