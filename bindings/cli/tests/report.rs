//! `rollsafe report` through the real binary: a PDF `qpdf --check` accepts,
//! the same bytes for the same log and moment, A4 or Letter (by default the
//! core's usual paper for the locale's region), never an existing file
//! replaced without --force, and bad options refused.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::fs;

use common::{DemoLog, NOW, PASSPHRASE, assert_valid_pdf, rollsafe_in_locale};

#[test]
fn report_writes_a_valid_pdf_and_says_where() {
    let log = DemoLog::new();
    let out = log.path("report.pdf");
    let out_arg = out.to_str().unwrap();
    let args = [
        "--from",
        "2026-10-01",
        "--to",
        "2026-11-22",
        "--out",
        out_arg,
        "--now",
        NOW,
    ];
    let said = log.run("report", &args).ok().stdout;
    let size = fs::metadata(&out).unwrap().len();
    assert_eq!(said, format!("Wrote {out_arg} ({size} bytes)\n"));
    assert_valid_pdf(&out);

    // The same log and moment give the same bytes (as on the phones).
    let again = log.path("again.pdf");
    let mut again_args = args;
    again_args[5] = again.to_str().unwrap();
    log.run("report", &again_args).ok();
    assert_eq!(fs::read(&again).unwrap(), fs::read(&out).unwrap());

    let letter = log.path("letter.pdf");
    log.run(
        "report",
        &[
            "--out",
            letter.to_str().unwrap(),
            "--paper",
            "letter",
            "--redact-notes",
            "--photo-references",
            "--now",
            NOW,
        ],
    )
    .ok();
    assert_valid_pdf(&letter);
    assert_ne!(fs::read(&letter).unwrap(), fs::read(&out).unwrap());
}

#[test]
fn without_paper_the_report_is_on_the_locales_usual_paper() {
    let log = DemoLog::new();
    let db = log.db.to_str().unwrap();
    let made = |name: &str, extra: &[&str], lang: &str| {
        let out = log.path(name);
        let mut args = vec!["report", "--db", db, "--now", NOW, "--out"];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(extra);
        rollsafe_in_locale(args, lang).ok();
        fs::read(&out).unwrap()
    };
    let letter = made("letter.pdf", &["--paper", "letter"], "C");
    let a4 = made("a4.pdf", &["--paper", "a4"], "C");
    assert_ne!(letter, a4);
    assert_eq!(made("ca.pdf", &[], "fr_CA.UTF-8"), letter);
    assert_eq!(made("mx.pdf", &[], "es_MX"), letter);
    assert_eq!(made("fr.pdf", &[], "fr_FR.UTF-8"), a4);
    assert_eq!(made("c.pdf", &[], "C"), a4);
    // --paper wins over the locale.
    assert_eq!(made("us-a4.pdf", &["--paper", "a4"], "en_US.UTF-8"), a4);
}

#[test]
fn embed_backup_puts_the_backup_in_the_pdf() {
    let log = DemoLog::new();
    let out = log.path("with-backup.pdf");
    log.run(
        "report",
        &[
            "--out",
            out.to_str().unwrap(),
            "--embed-backup",
            "--now",
            NOW,
        ],
    )
    .ok();
    assert_valid_pdf(&out);
    let listed = std::process::Command::new("pdfdetach")
        .arg("-list")
        .arg(&out)
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("rollsafe-backup.json"), "{listed}");
    assert!(listed.contains("rollsafe-fhir.json"), "{listed}");
}

#[test]
fn report_never_overwrites_without_force() {
    let log = DemoLog::new();
    let out = log.path("precious.pdf");
    fs::write(&out, "precious").unwrap();
    let out_arg = out.to_str().unwrap();
    log.run("report", &["--out", out_arg, "--now", NOW])
        .fails(2, "already exists");
    assert_eq!(fs::read_to_string(&out).unwrap(), "precious");
    log.run("report", &["--out", out_arg, "--now", NOW, "--force"])
        .ok();
    assert_valid_pdf(&out);
}

#[test]
fn a_sealed_report_opens_with_the_passphrase_only() {
    let log = DemoLog::new();
    let out = log.path("report.pdf");
    let out_arg = out.to_str().unwrap();
    let args = ["--out", out_arg, "--now", NOW, "--seal"];

    log.run("report", &args)
        .fails(2, "set the environment variable ROLLSAFE_PASSPHRASE");
    log.run_sealed(&log.db, "report", &args, Some("short"))
        .fails(2, "at least 10 characters");
    assert!(!out.exists());

    let said = log
        .run_sealed(&log.db, "report", &args, Some(PASSPHRASE))
        .ok()
        .stdout;
    let sealed_path = log.path("report.pdf.age");
    assert!(said.contains("report.pdf.age"), "{said}");
    assert!(said.contains(", sealed)"), "{said}");
    assert!(!out.exists(), "nothing unsealed is written");
    let sealed = fs::read(&sealed_path).unwrap();
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    let pdf = rollsafe_core::export::seal::open(&sealed, PASSPHRASE).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let opened = log.path("opened.pdf");
    fs::write(&opened, &pdf).unwrap();
    assert_valid_pdf(&opened);
    assert!(rollsafe_core::export::seal::open(&sealed, "wrong horse battery").is_err());
}

#[test]
fn report_refuses_bad_options() {
    let log = DemoLog::new();
    let out = log.path("r.pdf");
    let out_arg = out.to_str().unwrap();
    log.run("report", &["--now", NOW]).fails(2, "--out");
    log.run("report", &["--out", out_arg, "--paper", "a5"])
        .fails(2, "--paper");
    log.run("report", &["--out", out_arg, "--from", "2026-11-31"])
        .fails(2, "--from");
    log.run(
        "report",
        &[
            "--out",
            out_arg,
            "--from",
            "2026-11-20",
            "--to",
            "2026-11-01",
        ],
    )
    .fails(2, "period.to");
    assert!(!out.exists());
    let missing = log.path("missing.sqlite3");
    log.run_on(&missing, "report", &["--out", out_arg])
        .fails(2, "there is no RollSafe log at");
    assert!(!missing.exists());
}
