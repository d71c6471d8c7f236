//! `status`, `devices` and `sessions` against a real demo log: the text a
//! person reads, the JSON a script parses, and the refusal of a missing log.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use common::{DemoLog, NOW, rollsafe};

#[test]
fn status_shows_each_verdict_with_reasons_risk_alerts_and_reminders() {
    let log = DemoLog::new();
    let text = log.run("status", &["--now", NOW]).ok().stdout;
    for expected in [
        "Devices in use",
        "May I use my device now? (2026-11-22 09:30 +01:00)",
        // A worn head is not cured by waiting: no date is promised.
        "  Face roller: not now.\n    [blocked] Replace Face roller before the next session",
        "    face: not now\n      [warning] Needling the face can reactivate cold sores.",
        "    scalp: not now (rest until 2026-12-03)\n      [blocked] Let the scalp rest at least 14 days",
        "    body: not now (see above)\n",
        // The open amber report on the scalp holds it back too, and waiting
        // alone does not lift that: no date is promised.
        "  Scalp roller: not now.\n    scalp: not now (rest until 2026-12-03)",
        "Your symptom report of 2026-11-22 on the scalp is outside the expected course.",
        "the next is allowed from 2026-12-03",
        "rule care_plan (clinician evidence)",
        "As far as the log knows. Before you start, RollSafe asks about your skin",
        "Infection risk from how the devices were used (last 30 days): moderate",
        "Symptoms: amber",
        "Open alerts",
        "How is your skin now?",
        "not a diagnosis",
        "it does not make it sterile",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The reason every region shares is shown once, above the regions.
    assert_eq!(
        text.matches("Replace Face roller before").count(),
        1,
        "{text}"
    );
}

#[test]
fn status_as_json_has_the_cores_verdict_per_device_and_region() {
    let log = DemoLog::new();
    let json = log.run("status", &["--now", NOW, "--json"]).ok().json();
    assert_eq!(json["now"], NOW);
    assert_eq!(json["date"], "2026-11-22");
    assert!(
        json["skin_checks_note"]
            .as_str()
            .unwrap()
            .contains("may still say no")
    );
    let devices = json["devices"].as_array().unwrap();
    assert_eq!(devices.len(), 2);
    let region = |device: &serde_json::Value, code: &str| {
        device["regions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["region"] == code)
            .unwrap_or_else(|| panic!("no {code} in {device:#}"))
            .clone()
    };

    // A scalp roller is judged for the scalp only; the care plan's 14 days
    // of rest block it, and so does the open amber report on the scalp,
    // which no date lifts.
    let scalp = devices
        .iter()
        .find(|d| d["device"]["kind"] == "scalp_roller")
        .unwrap();
    assert_eq!(scalp["may_use_now"], false);
    assert_eq!(scalp["next_allowed_date"], serde_json::Value::Null);
    let regions: Vec<&str> = scalp["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"].as_str().unwrap())
        .collect();
    assert_eq!(regions, ["scalp"]);
    let verdict = region(scalp, "scalp");
    assert_eq!(verdict["allowed"], false);
    assert_eq!(verdict["next_allowed_date"], "2026-12-03");
    let blocker = &verdict["findings"][0];
    assert_eq!(blocker["severity"], "blocker");
    assert_eq!(blocker["source"]["rule_id"], "care_plan");
    assert_eq!(blocker["source"]["evidence"], "clinician");
    assert_eq!(verdict["rest"][0]["region"], "scalp");
    assert_eq!(verdict["rest"][0]["min_rest_days"], 14);
    assert_eq!(verdict["rest"][0]["last_session_date"], "2026-11-19");

    // A face roller is judged for every region; its worn head blocks each.
    let face = devices
        .iter()
        .find(|d| d["device"]["kind"] == "roller")
        .unwrap();
    assert_eq!(face["may_use_now"], false);
    for code in ["face", "scalp", "body"] {
        let verdict = region(face, code);
        assert_eq!(verdict["allowed"], false, "{verdict:#}");
        assert!(
            verdict["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["severity"] == "blocker"
                    && f["source"]["rule_id"] == "replacement.roller_head"),
            "{verdict:#}"
        );
    }
    assert_eq!(
        region(face, "face")["next_allowed_date"],
        serde_json::Value::Null
    );

    assert_eq!(json["risk"]["preventive_level"], "moderate");
    assert_eq!(json["risk"]["triage_level"], "amber");
    assert!(!json["risk"]["factors"].as_array().unwrap().is_empty());
    assert!(!json["open_alerts"].as_array().unwrap().is_empty());
    assert!(!json["reminders"].as_array().unwrap().is_empty());
    assert!(
        json["notice"]
            .as_str()
            .unwrap()
            .contains("not medical advice")
    );
    assert_eq!(json["care_plan"]["set_by"], "Dr Amara Osei, dermatologist");
}

#[test]
fn devices_lists_uses_age_replacement_and_cleaning() {
    let log = DemoLog::new();
    let text = log.run("devices", &["--now", NOW]).ok().stdout;
    for expected in [
        "Face roller   roller        0.25 mm  6 uses, clean for next use, replace now",
        "6 with this head (since 2026-10-10, 43 days), 6 in all",
        "replace before the next use: its head has been in use for 43 days; the limit is 42",
        "Scalp roller  scalp roller  0.50 mm  3 uses, clean for next use, replace by 2026-12-03",
        "no cleaning makes a device sterile",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }

    let json = log.run("devices", &["--now", NOW, "--json"]).ok().json();
    let face = &json["devices"][0];
    assert_eq!(face["nickname"], "Face roller");
    assert_eq!(face["kind"], "roller");
    assert_eq!(face["material"], "titanium");
    assert_eq!(face["status"], "active");
    assert_eq!(face["uses"], 6);
    assert_eq!(face["age_days"], 43);
    assert_eq!(face["head_started"], "2026-10-10");
    assert_eq!(face["replacement"]["due"], true);
    assert_eq!(face["replacement"]["max_days"], 42);
    assert_eq!(face["cleaning"]["state"], "clean_for_next_use");
    assert_eq!(face["last_used_at"], "2026-11-14T21:00:00+01:00");
}

#[test]
fn sessions_is_a_timeline_that_a_period_narrows() {
    let log = DemoLog::new();
    let all = log.run("sessions", &["--json"]).ok().json();
    let sessions = all["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 9, "{all:#}");
    assert_eq!(all["from"], serde_json::Value::Null);
    let times: Vec<&str> = sessions.iter().map(|s| s["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    rollsafe_core::sorting::sort(&mut sorted);
    assert_eq!(times, sorted, "oldest first");

    let november = log
        .run(
            "sessions",
            &["--from", "2026-11-01", "--to", "2026-11-20", "--json"],
        )
        .ok()
        .json();
    let sessions = november["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 4, "{november:#}");
    assert_eq!(november["from"], "2026-11-01");
    assert_eq!(november["to"], "2026-11-20");
    let overridden = sessions
        .iter()
        .find(|s| !s["overrides"].as_array().unwrap().is_empty())
        .unwrap();
    assert_eq!(overridden["at"], "2026-11-14T21:00:00+01:00");
    assert_eq!(overridden["device"], "Face roller");
    assert_eq!(
        overridden["zones"],
        serde_json::json!(["forehead", "cheeks"])
    );

    let text = log
        .run("sessions", &["--from", "2026-11-14", "--to", "2026-11-14"])
        .ok()
        .stdout;
    assert!(
        text.contains("2026-11-14 21:00 +01:00  Face roller   0.25 mm  forehead, cheeks"),
        "{text}"
    );
    assert!(
        text.contains("overridden [precheck_device_not_cleaned]"),
        "{text}"
    );
    assert!(text.ends_with("\n1 session\n"), "{text}");
}

#[test]
fn a_read_verb_on_a_missing_log_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.sqlite3");
    for verb in ["status", "devices", "sessions"] {
        let mut args = vec![verb.to_owned(), "--db".into()];
        args.push(missing.to_str().unwrap().to_owned());
        rollsafe(&args).fails(2, "there is no RollSafe log at");
        assert!(!missing.exists(), "{verb} created a log");
    }
}

#[test]
fn a_damaged_log_is_a_storage_failure_and_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, vec![0x5a_u8; 8192]).unwrap();
    let run = rollsafe(["status", "--db", junk.to_str().unwrap(), "--now", NOW]);
    run.fails(1, "is damaged; it was kept at");
}

#[test]
fn bad_dates_and_moments_are_usage_errors() {
    let log = DemoLog::new();
    log.run("sessions", &["--from", "2026-13-01"])
        .fails(2, "--from");
    log.run("sessions", &["--from", "2026-11-20", "--to", "2026-11-01"])
        .fails(2, "period.to");
    log.run("status", &["--now", "yesterday"]).fails(2, "--now");
    log.run("devices", &["--now", "1999-01-01T00:00:00Z"])
        .fails(2, "now");
}

#[test]
fn every_verb_explains_itself_and_its_exit_codes() {
    for verb in [
        "status", "devices", "sessions", "report", "export", "import", "demo",
    ] {
        let help = rollsafe([verb, "--help"]).ok().stdout;
        assert!(help.contains("Exit status:"), "{verb}:\n{help}");
        assert!(help.contains("--db"), "{verb}:\n{help}");
    }
    let export = rollsafe(["export", "--help"]).ok().stdout;
    for option in [
        "--format",
        "--from",
        "--to",
        "--redact-notes",
        "--identify",
        "--out",
        "--force",
        "--seal",
        "ROLLSAFE_PASSPHRASE",
    ] {
        assert!(export.contains(option), "{option}:\n{export}");
    }
    let report = rollsafe(["report", "--help"]).ok().stdout;
    for option in [
        "--from",
        "--to",
        "--out",
        "--paper",
        "--redact-notes",
        "--photo-references",
        "--force",
        "--seal",
        "--now",
        "ROLLSAFE_PASSPHRASE",
    ] {
        assert!(report.contains(option), "{option}:\n{report}");
    }
    let import = rollsafe(["import", "--help"]).ok().stdout;
    assert!(import.contains("ROLLSAFE_PASSPHRASE"), "{import}");
}
