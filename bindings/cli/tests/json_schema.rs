//! Every `--json` output, errors included, matches the published schema
//! `schemas/cli-output-v1.schema.json`, and the schema describes no output
//! that no verb prints: a tour of every verb on a new log, each answer
//! checked against the schema as a script would read it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::Path;

use common::{NOW, Run, rollsafe};
use serde_json::Value;

const SCHEMA: &str = include_str!("../schemas/cli-output-v1.schema.json");

struct Tour {
    dir: tempfile::TempDir,
    validator: jsonschema::Validator,
    seen: BTreeSet<String>,
}

impl Tour {
    fn new() -> Self {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        Self {
            dir: tempfile::tempdir().unwrap(),
            validator: jsonschema::validator_for(&schema).unwrap(),
            seen: BTreeSet::new(),
        }
    }

    fn db(&self) -> String {
        self.path("log.sqlite3")
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_str().unwrap().to_owned()
    }

    /// Checks one JSON document against the schema, and that it is the
    /// output `expected`.
    fn check(&mut self, text: &str, expected: &str, args: &[&str]) -> Value {
        let value: Value = serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{text}"));
        let errors: Vec<String> = self
            .validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{args:?} breaks the schema:\n{}\n{text}",
            errors.join("\n")
        );
        assert_eq!(value["version"], 1, "{args:?}");
        assert_eq!(value["output"], expected, "{args:?}");
        self.seen.insert(expected.to_owned());
        value
    }

    /// Runs `rollsafe ARGS --db LOG --json` (at NOW unless `--now` is
    /// given), which must succeed with the output `expected`.
    fn ok(&mut self, expected: &str, args: &[&str]) -> Value {
        let run = self.run(args).ok();
        self.check(&run.stdout, expected, args)
    }

    /// The same, failing with `code` (the error object on stderr).
    fn fails(&mut self, code: &str, exit: i32, args: &[&str]) -> Value {
        let run = self.run(args);
        assert_eq!(run.code, Some(exit), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        let value = self.check(&run.stderr, "error", args);
        assert_eq!(value["error"]["code"], code, "{args:?}");
        value
    }

    fn run(&self, args: &[&str]) -> Run {
        let db = self.db();
        let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let documents = ["completions", "man"].contains(&args[0]);
        if !args.contains(&"--db") && !documents {
            all.extend([OsStr::new("--db"), OsStr::new(&db)]);
        }
        if !args.contains(&"--now")
            && !documents
            && !["init", "quiet-hours", "sessions"].contains(&args[0])
        {
            all.extend([OsStr::new("--now"), OsStr::new(NOW)]);
        }
        all.push(OsStr::new("--json"));
        rollsafe(all)
    }
}

const CLEAR: [&str; 12] = [
    "--device-cleaned",
    "yes",
    "--skin-clean",
    "yes",
    "--breakout",
    "no",
    "--cold-sore",
    "no",
    "--open-wound",
    "no",
    "--sunburn",
    "no",
];

#[test]
fn every_json_output_matches_the_published_schema() {
    let mut t = Tour::new();
    t.fails("no_log", 2, &["status"]);
    t.ok("init", &["init"]);
    t.fails("file_exists", 2, &["init"]);
    t.fails(
        "usage",
        2,
        &[
            "device",
            "add",
            "--kind",
            "spoon",
            "--needle",
            "1",
            "--nickname",
            "x",
        ],
    );
    let before = "2026-11-20T20:00:00+01:00";
    t.ok(
        "device_add",
        &[
            "device",
            "add",
            "--kind",
            "roller",
            "--needle",
            "0.25",
            "--nickname",
            "Face",
            "--now",
            before,
        ],
    );
    let scalp = t.ok(
        "device_add",
        &[
            "device",
            "add",
            "--kind",
            "scalp_roller",
            "--needle",
            "0.5",
            "--nickname",
            "Scalp",
            "--now",
            before,
        ],
    );
    let scalp_id = scalp["device"]["id"].as_str().unwrap().to_owned();
    t.ok(
        "device_edit",
        &[
            "device",
            "edit",
            "Face",
            "--shared",
            "no",
            "--max-uses",
            "12",
            "--now",
            before,
        ],
    );
    t.fails("not_found", 2, &["clean", "Nobody"]);
    t.ok(
        "cleaning",
        &["clean", "Face", "--minutes", "20", "--now", before],
    );
    t.ok(
        "soak",
        &["soak", "Scalp", "--minutes", "20", "--now", before],
    );
    t.ok(
        "check",
        &["check", "Face", "--zone", "cheeks", "--now", before],
    );
    let mut log = vec![
        "log",
        "Face",
        "--zone",
        "cheeks,forehead",
        "--pain",
        "2",
        "--product",
        "after:hyaluronic_acid:Serum",
    ];
    log.extend(CLEAR);
    log.extend([
        "--at",
        "2026-11-20T20:30:00+01:00",
        "--now",
        "2026-11-20T21:00:00+01:00",
    ]);
    let logged = t.ok("log", &log);
    let session = logged["session"]["id"].as_str().unwrap().to_owned();
    let mut blocked = vec!["log", "Face", "--zone", "cheeks"];
    blocked.extend(CLEAR);
    let refused = t.fails("blocked", 2, &blocked);
    assert!(!refused["error"]["findings"].as_array().unwrap().is_empty());
    t.ok(
        "symptom",
        &[
            "check-in",
            "--hours",
            "24",
            "--zone",
            "cheeks",
            "--severity",
            "1",
            "--now",
            "2026-11-21T21:00:00+01:00",
        ],
    );
    t.ok(
        "symptom",
        &[
            "symptom",
            "--zone",
            "cheeks",
            "--symptom",
            "spreading_redness=8",
            "--symptom",
            "warmth",
            "--severity",
            "8",
            "--trend",
            "worse",
        ],
    );
    t.fails(
        "invalid_input",
        2,
        &[
            "symptom",
            "--zone",
            "cheeks",
            "--symptom",
            "glitter",
            "--severity",
            "1",
        ],
    );
    let reports = t.ok("reports", &["reports", "list"]);
    let first = reports["reports"][1]["id"].as_str().unwrap().to_owned();
    t.ok("symptom", &["reports", "link", &first, "--none"]);
    t.ok("symptom", &["reports", "seen", &first]);
    t.ok("symptom", &["reports", "resolve", &first]);
    t.fails("invalid_input", 2, &["reports", "seen", &first]);
    t.ok("completions", &["completions", "fish"]);
    t.ok("man", &["man"]);
    let open = t.ok("alerts", &["alerts"]);
    let alert = open["alerts"][0]["id"]
        .as_str()
        .expect("the red triage raised an alert")
        .to_owned();
    t.ok("ack", &["ack", &alert]);
    t.ok("alerts", &["alerts", "--all"]);
    t.ok("profile", &["profile", "show"]);
    t.ok(
        "profile",
        &[
            "profile",
            "set",
            "--skin-type",
            "III",
            "--condition",
            "cold_sores=yes",
            "--name",
            "Sam Example",
        ],
    );
    t.ok("care_plan", &["care-plan", "show"]);
    t.ok(
        "care_plan",
        &[
            "care-plan",
            "set",
            "--by",
            "Dr Osei",
            "--rest",
            "scalp=14",
            "--max-needle",
            "face=0.5",
            "--avoid",
            "retinoid",
        ],
    );
    t.ok("reminders", &["reminders"]);
    t.ok("quiet_hours", &["quiet-hours", "22:00-07:00"]);
    t.ok("quiet_hours", &["quiet-hours", "off"]);
    let mut edit = vec![
        "session", "edit", &session, "Face", "--zone", "cheeks", "--pain", "3",
    ];
    edit.extend(CLEAR);
    t.ok("session_edit", &edit);
    t.ok("session_history", &["session", "history", &session]);
    t.ok("status", &["status"]);
    t.ok("devices", &["devices"]);
    t.ok("sessions", &["sessions"]);
    let backup = t.path("backup.json");
    t.ok("export", &["export", "--format", "json", "--out", &backup]);
    t.ok(
        "export",
        &[
            "export",
            "--format",
            "csv",
            "--out",
            &t.path("csv"),
            "--sections",
            "sessions,cleanings",
        ],
    );
    t.fails("bad_input", 2, &["export", "--format", "json"]);
    t.ok(
        "report",
        &[
            "report",
            "--out",
            &t.path("report.pdf"),
            "--sections",
            "sessions,symptoms",
        ],
    );
    t.fails(
        "file_exists",
        2,
        &["report", "--out", &t.path("report.pdf")],
    );
    t.ok(
        "import",
        &["import", &backup, "--db", &t.path("copy.sqlite3")],
    );
    t.ok("session_delete", &["session", "delete", &session]);
    t.ok("device_head", &["device", "head", "Face"]);
    t.ok("device_bent", &["device", "bent", "Face"]);
    t.ok(
        "device_retire",
        &["device", "retire", &scalp_id, "--reason", "replaced"],
    );
    let empty = t.path("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    t.fails("empty_log", 1, &["devices", "--db", &empty]);
    t.ok("demo", &["demo", "--db", &t.path("demo.sqlite3")]);

    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(schema["version"], 1);
    let described: BTreeSet<String> = schema["$defs"]
        .as_object()
        .unwrap()
        .keys()
        .filter_map(|k| k.strip_prefix("output_"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        described, t.seen,
        "outputs the schema describes vs the tour printed"
    );
    assert!(Path::new(&backup).exists());
}
