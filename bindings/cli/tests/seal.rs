//! `--seal` and sealed imports through the real binary: the passphrase
//! comes only from ROLLSAFE_PASSPHRASE; a sealed backup restores a log and
//! adds nothing to the one it came from; a wrong or missing passphrase
//! changes nothing.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::fs;

use common::{DemoLog, NOW, PASSPHRASE};

/// Exports the demo's backup sealed to `backup.json.age`; returns its path.
fn sealed_backup(log: &DemoLog) -> std::path::PathBuf {
    let out = log.path("backup.json");
    let said = log
        .run_sealed(
            &log.db,
            "export",
            &[
                "--format",
                "json",
                "--now",
                NOW,
                "--out",
                out.to_str().unwrap(),
                "--seal",
            ],
            Some(PASSPHRASE),
        )
        .ok()
        .stdout;
    let sealed = log.path("backup.json.age");
    assert!(said.contains("backup.json.age"), "{said}");
    assert!(!out.exists(), "nothing unsealed is written");
    let bytes = fs::read(&sealed).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    assert!(
        !bytes.windows(12).any(|w| w == b"Face roller\""),
        "the contents are not readable"
    );
    sealed
}

#[test]
fn a_sealed_backup_restores_a_log_and_adds_nothing_to_its_own() {
    let log = DemoLog::new();
    let sealed = sealed_backup(&log);
    let sealed_arg = sealed.to_str().unwrap();

    // Into the log it came from: nothing is added.
    let again = log
        .run_sealed(
            &log.db,
            "import",
            &[sealed_arg, "--now", NOW, "--json"],
            Some(PASSPHRASE),
        )
        .ok()
        .json();
    assert_eq!(again["created"], false);
    for count in again["records"].as_array().unwrap() {
        assert_eq!(count["added"], 0, "{count}");
        assert_eq!(count["updated"], 0, "{count}");
    }

    // Into a new log: the same log comes back.
    let fresh = log.path("restored.sqlite3");
    let restored = log
        .run_sealed(
            &fresh,
            "import",
            &[sealed_arg, "--now", NOW, "--json"],
            Some(PASSPHRASE),
        )
        .ok()
        .json();
    assert_eq!(restored["created"], true);
    let original = log
        .run("export", &["--format", "json", "--now", NOW])
        .ok()
        .stdout;
    let back = log
        .run_on(&fresh, "export", &["--format", "json", "--now", NOW])
        .ok()
        .stdout;
    assert_eq!(back, original);
}

#[test]
fn a_wrong_or_missing_passphrase_changes_nothing() {
    let log = DemoLog::new();
    let sealed = sealed_backup(&log);
    let sealed_arg = sealed.to_str().unwrap();
    let before = log.run("sessions", &["--json"]).ok().stdout;

    log.run_sealed(
        &log.db,
        "import",
        &[sealed_arg, "--now", NOW],
        Some("wrong horse battery staple"),
    )
    .fails(
        2,
        "backup.json.age: cannot open the sealed file: the passphrase does not open this file",
    );
    log.run("import", &[sealed_arg, "--now", NOW])
        .fails(2, "is sealed; opening it needs a passphrase: set the environment variable ROLLSAFE_PASSPHRASE");
    assert_eq!(log.run("sessions", &["--json"]).ok().stdout, before);

    // A changed file is refused too, and no log is left behind.
    let mut bytes = fs::read(&sealed).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let changed = log.path("changed.json.age");
    fs::write(&changed, bytes).unwrap();
    let fresh = log.path("fresh.sqlite3");
    log.run_sealed(
        &fresh,
        "import",
        &[changed.to_str().unwrap(), "--now", NOW],
        Some(PASSPHRASE),
    )
    .fails(2, "nothing was imported");
    assert!(!fresh.exists());
}

#[test]
fn seal_needs_out_and_a_passphrase_and_covers_every_format() {
    let log = DemoLog::new();
    log.run_sealed(
        &log.db,
        "export",
        &["--format", "json", "--seal"],
        Some(PASSPHRASE),
    )
    .fails(2, "--seal writes a binary file: give --out PATH");
    let out = log.path("bundle.json");
    let out_arg = out.to_str().unwrap();
    log.run("export", &["--format", "fhir", "--out", out_arg, "--seal"])
        .fails(2, "ROLLSAFE_PASSPHRASE");
    log.run_sealed(
        &log.db,
        "export",
        &["--format", "fhir", "--out", out_arg, "--seal"],
        Some("too short"),
    )
    .fails(2, "at least 10 characters");
    assert!(!log.path("bundle.json.age").exists());

    // A name already ending in .age is kept as given.
    let named = log.path("bundle.age");
    log.run_sealed(
        &log.db,
        "export",
        &[
            "--format",
            "fhir",
            "--now",
            NOW,
            "--out",
            named.to_str().unwrap(),
            "--seal",
        ],
        Some(PASSPHRASE),
    )
    .ok();
    let bundle = rollsafe_core::export::seal::open(&fs::read(&named).unwrap(), PASSPHRASE).unwrap();
    let bundle: serde_json::Value = serde_json::from_slice(&bundle).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");

    let dir = log.path("csv");
    let said = log
        .run_sealed(
            &log.db,
            "export",
            &["--format", "csv", "--out", dir.to_str().unwrap(), "--seal"],
            Some(PASSPHRASE),
        )
        .ok()
        .stdout;
    // One sealed file for the whole CSV set: one passphrase opens it all.
    assert!(said.contains("Wrote 1 sealed file"), "{said}");
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["csv.zip.age"]);
    let archive = fs::read(dir.join("csv.zip.age")).unwrap();
    let archive = rollsafe_core::export::seal::open(&archive, PASSPHRASE).unwrap();
    let zip = log.path("csv.zip");
    fs::write(&zip, &archive).unwrap();
    let listed = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile\n\
             z = zipfile.ZipFile(sys.argv[1])\n\
             assert z.testzip() is None\n\
             print(len(z.read('sessions.csv').decode().splitlines()), len(z.namelist()))",
        ])
        .arg(&zip)
        .output()
        .unwrap();
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert_eq!(String::from_utf8(listed.stdout).unwrap().trim(), "10 8");
}

/// `bytes` as `age -a` armors them: base64 in lines of 64 between the
/// armor's BEGIN and END lines.
fn armored(bytes: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = Vec::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            text.push(if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize]
            } else {
                b'='
            });
        }
    }
    let mut out = b"-----BEGIN AGE ENCRYPTED FILE-----\n".to_vec();
    for line in text.chunks(64) {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    out.extend_from_slice(b"-----END AGE ENCRYPTED FILE-----\n");
    out
}

#[test]
fn an_armored_backup_named_anything_is_opened_and_restores_the_log() {
    let log = DemoLog::new();
    let sealed = fs::read(sealed_backup(&log)).unwrap();
    let renamed = log.path("backup-from-mail.txt");
    fs::write(&renamed, armored(&sealed)).unwrap();
    let fresh = log.path("restored.sqlite3");
    let restored = log
        .run_sealed(
            &fresh,
            "import",
            &[renamed.to_str().unwrap(), "--now", NOW, "--json"],
            Some(PASSPHRASE),
        )
        .ok()
        .json();
    assert_eq!(restored["created"], true);
    let original = log
        .run("export", &["--format", "json", "--now", NOW])
        .ok()
        .stdout;
    let back = log
        .run_on(&fresh, "export", &["--format", "json", "--now", NOW])
        .ok()
        .stdout;
    assert_eq!(back, original);
}
