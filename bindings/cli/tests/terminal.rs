//! `rollsafe log` at a terminal: unanswered pre-checks are asked one by
//! one, and each blocker is shown and must be confirmed explicitly before
//! anything is recorded. The terminal is a real pseudo-terminal (util-linux
//! `script`), the answers typed into it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::rollsafe;

/// Runs `rollsafe ARGS` on a pseudo-terminal, typing `answers`; returns
/// the exit status and everything the terminal showed.
fn at_terminal(args: &str, answers: &str) -> (Option<i32>, String) {
    let mut child = Command::new("script")
        .args([
            "-qec",
            &format!("{} {args}", env!("CARGO_BIN_EXE_rollsafe")),
            "/dev/null",
        ])
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script(1) from util-linux runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn sessions(db: &Path) -> usize {
    let run = rollsafe(["sessions", "--json", "--db", db.to_str().unwrap()]).ok();
    run.json()["sessions"].as_array().unwrap().len()
}

#[test]
fn a_terminal_asks_each_pre_check_and_confirms_each_blocker() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("log.sqlite3");
    let db_arg = db.to_str().unwrap();
    rollsafe(["init", "--db", db_arg]).ok();
    rollsafe([
        "device",
        "add",
        "--db",
        db_arg,
        "--now",
        "2026-11-01T19:00:00+01:00",
        "--kind",
        "roller",
        "--needle",
        "0.25",
        "--nickname",
        "Face",
    ])
    .ok();
    rollsafe([
        "clean",
        "Face",
        "--db",
        db_arg,
        "--now",
        "2026-11-01T20:00:00+01:00",
        "--minutes",
        "20",
    ])
    .ok();

    let log = |now: &str| format!("log Face --zone cheeks --db {db_arg} --now {now}");
    let (code, shown) = at_terminal(&log("2026-11-01T21:00:00+01:00"), "y\ny\nn\nn\nn\nn\n");
    assert_eq!(code, Some(0), "{shown}");
    for question in [
        "Was the device cleaned since its last use? [y/n]",
        "Is the skin sunburnt? [y/n]",
    ] {
        assert!(shown.contains(question), "not asked {question:?}:\n{shown}");
    }
    assert!(shown.contains("Session recorded"), "{shown}");
    assert_eq!(sessions(&db), 1);

    // The next day the face must rest: shown as a blocker, and "no" records nothing.
    let next_day = log("2026-11-02T21:00:00+01:00");
    let (code, shown) = at_terminal(&next_day, "y\ny\nn\nn\nn\nn\nn\n");
    assert_eq!(code, Some(2), "{shown}");
    assert!(shown.contains("BLOCKER [interval_not_elapsed]"), "{shown}");
    assert!(shown.contains("nothing was recorded"), "{shown}");
    assert_eq!(sessions(&db), 1);

    // Confirming every blocker records the session with the overrides.
    let (code, shown) = at_terminal(&next_day, "y\ny\nn\nn\nn\nn\ny\ny\ny\ny\n");
    assert_eq!(code, Some(0), "{shown}");
    assert!(
        shown.contains("overridden [interval_not_elapsed]"),
        "{shown}"
    );
    assert_eq!(sessions(&db), 2);

    // Without a terminal (or with --no-input) nothing is asked.
    let piped = rollsafe([
        "log",
        "Face",
        "--zone",
        "cheeks",
        "--db",
        db_arg,
        "--now",
        "2026-11-03T21:00:00+01:00",
    ]);
    piped.fails(2, "the pre-check --device-cleaned was not answered");
}
