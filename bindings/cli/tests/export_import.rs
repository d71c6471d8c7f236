//! `export` and `import` through the real binary: a backup survives the
//! round trip, FHIR is a Bundle, CSV is one file per record type, nothing is
//! overwritten by accident, and a bad document changes nothing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::fs;

use common::{DemoLog, NOW};

/// A period of the demo (one device, one session), so the round trip below
/// also covers a partial backup.
const PART: [&str; 4] = ["--from", "2026-11-15", "--to", "2026-11-20"];

#[test]
fn a_backup_round_trips_through_the_cli() {
    let log = DemoLog::new();
    let part = log.path("part.json");
    let part_arg = part.to_str().unwrap();
    let mut args = vec!["--format", "json", "--now", NOW, "--out", part_arg];
    args.extend(PART);
    let wrote = log.run("export", &args).ok().stdout;
    assert!(wrote.starts_with("Wrote "), "{wrote}");

    // Into a new log: everything is added, and the log is created.
    let first = log.path("new/first.sqlite3");
    let imported = log
        .run_on(&first, "import", &[part_arg, "--now", NOW, "--json"])
        .ok()
        .json();
    assert_eq!(imported["created"], true);
    let devices = imported["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "devices")
        .unwrap();
    assert_eq!(
        (devices["added"].as_u64(), devices["unchanged"].as_u64()),
        (Some(1), Some(0))
    );

    // Again: nothing is added.
    let again = log
        .run_on(&first, "import", &[part_arg, "--now", NOW])
        .ok()
        .stdout;
    assert!(again.contains("Imported into the log at"), "{again}");
    assert!(
        again.contains("  devices                  0       0         1"),
        "{again}"
    );

    // The whole of that log, into another new log, exports the same bytes.
    let whole = log.path("whole.json");
    let whole_arg = whole.to_str().unwrap();
    log.run_on(
        &first,
        "export",
        &["--format", "json", "--now", NOW, "--out", whole_arg],
    )
    .ok();
    let second = log.path("second.sqlite3");
    log.run_on(&second, "import", &[whole_arg, "--now", NOW])
        .ok();
    let back = log
        .run_on(&second, "export", &["--format", "json", "--now", NOW])
        .ok()
        .stdout;
    assert_eq!(back, fs::read_to_string(&whole).unwrap());
    let doc: serde_json::Value = serde_json::from_str(&back).unwrap();
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 1);
}

/// The round trip the issue asks for, on the whole demo: export, import
/// into a new log, export again gives the same document.
#[test]
fn a_backup_of_the_whole_demo_imports() {
    let log = DemoLog::new();
    let backup = log.path("backup.json");
    let arg = backup.to_str().unwrap();
    log.run("export", &["--format", "json", "--now", NOW, "--out", arg])
        .ok();
    let restored = log.path("restored.sqlite3");
    log.run_on(&restored, "import", &[arg, "--now", NOW]).ok();
    let again = log
        .run_on(&restored, "export", &["--format", "json", "--now", NOW])
        .ok()
        .stdout;
    assert_eq!(again, fs::read_to_string(&backup).unwrap());
}

#[test]
fn fhir_export_is_a_bundle_with_the_patient_named_only_on_request() {
    let log = DemoLog::new();
    let bundle = log
        .run(
            "export",
            &["--format", "fhir", "--now", NOW, "--redact-notes"],
        )
        .ok()
        .json();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let types: Vec<&str> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["resource"]["resourceType"].as_str().unwrap())
        .collect();
    for expected in [
        "Patient",
        "Device",
        "DeviceUseStatement",
        "Procedure",
        "Observation",
    ] {
        assert!(types.contains(&expected), "no {expected} in {types:?}");
    }
    assert!(
        bundle["entry"][0]["resource"].get("name").is_none(),
        "pseudonymous"
    );

    let out = log.path("bundle.json");
    log.run(
        "export",
        &[
            "--format",
            "fhir",
            "--now",
            NOW,
            "--identify",
            "--out",
            out.to_str().unwrap(),
        ],
    )
    .ok();
    let named: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        named["entry"][0]["resource"]["name"][0]["text"],
        "Sam Example"
    );
    assert_eq!(named["entry"][0]["resource"]["birthDate"], "1992-03-08");
    assert_ne!(
        named["entry"][0]["resource"]["id"], bundle["entry"][0]["resource"]["id"],
        "the named Patient cannot be linked to the pseudonymous one"
    );
}

#[test]
fn csv_export_writes_one_file_per_record_type_and_never_overwrites() {
    let log = DemoLog::new();
    let dir = log.path("csv");
    let dir_arg = dir.to_str().unwrap();
    let wrote = log
        .run("export", &["--format", "csv", "--out", dir_arg])
        .ok()
        .stdout;
    assert!(wrote.contains("Wrote 8 files"), "{wrote}");
    for name in [
        "devices.csv",
        "sessions.csv",
        "cleanings.csv",
        "symptom_reports.csv",
        "alerts.csv",
        "profile.csv",
        "care_plans.csv",
        "data_dictionary.csv",
    ] {
        let contents = fs::read_to_string(dir.join(name)).unwrap();
        assert!(contents.contains("\r\n"), "{name} is RFC 4180");
    }
    let sessions = fs::read_to_string(dir.join("sessions.csv")).unwrap();
    assert_eq!(sessions.lines().count(), 1 + 9, "{sessions}");

    fs::write(dir.join("sessions.csv"), "mine").unwrap();
    log.run("export", &["--format", "csv", "--out", dir_arg])
        .fails(2, "already exists");
    assert_eq!(
        fs::read_to_string(dir.join("sessions.csv")).unwrap(),
        "mine"
    );
    log.run("export", &["--format", "csv", "--out", dir_arg, "--force"])
        .ok();
    assert_eq!(
        fs::read_to_string(dir.join("sessions.csv")).unwrap(),
        sessions
    );
    assert!(
        !sessions.starts_with('\u{FEFF}'),
        "no byte order mark unless asked"
    );
    log.run(
        "export",
        &["--format", "csv", "--out", dir_arg, "--force", "--bom"],
    )
    .ok();
    assert_eq!(
        fs::read_to_string(dir.join("sessions.csv")).unwrap(),
        format!("\u{FEFF}{sessions}"),
        "--bom starts the file with a UTF-8 byte order mark, for Excel"
    );
}

#[test]
fn export_refuses_to_overwrite_a_file_and_options_that_do_not_apply() {
    let log = DemoLog::new();
    let out = log.path("precious.json");
    fs::write(&out, "precious").unwrap();
    let out_arg = out.to_str().unwrap();
    log.run("export", &["--format", "json", "--out", out_arg])
        .fails(2, "already exists");
    assert_eq!(fs::read_to_string(&out).unwrap(), "precious");
    log.run(
        "export",
        &[
            "--format", "json", "--out", out_arg, "--force", "--now", NOW,
        ],
    )
    .ok();
    assert!(fs::read_to_string(&out).unwrap().contains("\"format\""));

    log.run("export", &["--format", "json", "--redact-notes"])
        .fails(2, "a backup always keeps the whole log");
    log.run("export", &["--format", "csv", "--identify"])
        .fails(2, "--identify does not apply");
    log.run("export", &["--format", "fhir", "--bom"])
        .fails(2, "--bom does not apply");
    log.run("export", &["--format", "csv"])
        .fails(2, "give --out DIR");
    log.run("export", &["--format", "pdf"]).fails(2, "--format");
    log.run("export", &["--format", "fhir", "--from", "2026-02-30"])
        .fails(2, "--from");
}

#[test]
fn a_bad_document_changes_nothing_and_says_where() {
    let log = DemoLog::new();
    let before = log.run("sessions", &["--json"]).ok().stdout;

    let junk = log.path("junk.json");
    fs::write(&junk, "this is not a backup").unwrap();
    let junk_arg = junk.to_str().unwrap();
    log.run("import", &[junk_arg, "--now", NOW])
        .fails(2, "junk.json: the backup is not valid at $");
    assert_eq!(log.run("sessions", &["--json"]).ok().stdout, before);

    // A document whose field has the wrong type names the path in it.
    let backup = log.path("backup.json");
    log.run(
        "export",
        &[
            "--format",
            "json",
            "--now",
            NOW,
            "--out",
            backup.to_str().unwrap(),
        ],
    )
    .ok();
    let mut doc: serde_json::Value = serde_json::from_slice(&fs::read(&backup).unwrap()).unwrap();
    doc["devices"][0]["needle_length_mm"] = serde_json::json!("long");
    let wrong = log.path("wrong.json");
    fs::write(&wrong, serde_json::to_vec(&doc).unwrap()).unwrap();
    let run = log
        .run("import", &[wrong.to_str().unwrap(), "--now", NOW])
        .fails(2, "$.devices[0]");
    assert!(run.stderr.contains("needle_length_mm"), "{}", run.stderr);
    assert_eq!(log.run("sessions", &["--json"]).ok().stdout, before);

    // Into a new log, a failed import leaves no empty log behind.
    let fresh = log.path("fresh.sqlite3");
    log.run_on(&fresh, "import", &[junk_arg, "--now", NOW])
        .fails(2, "not valid");
    assert!(!fresh.exists());

    log.run("import", &[log.path("missing.json").to_str().unwrap()])
        .fails(2, "cannot read");
}

#[test]
fn a_refused_import_does_not_repeat_the_values_it_refused() {
    let log = DemoLog::new();
    let backup = log.path("backup.json");
    log.run(
        "export",
        &[
            "--format",
            "json",
            "--now",
            NOW,
            "--out",
            backup.to_str().unwrap(),
        ],
    )
    .ok();
    let mut doc: serde_json::Value = serde_json::from_slice(&fs::read(&backup).unwrap()).unwrap();
    doc["symptom_reports"][0]["temperature_c"] = serde_json::json!(46.123);
    let fever = log.path("fever.json");
    fs::write(&fever, serde_json::to_vec(&doc).unwrap()).unwrap();
    let run = log
        .run("import", &[fever.to_str().unwrap(), "--now", NOW])
        .fails(2, "$.symptom_reports[0].temperature_c");
    assert!(!run.stderr.contains("46.123"), "{}", run.stderr);
    assert!(!run.stdout.contains("46.123"), "{}", run.stdout);
}
