//! The files `rollsafe` writes hold health data: they are readable by their
//! owner only (0600), and they appear whole or not at all. A write that
//! fails (a full disk) leaves the file that was there before untouched and
//! no temporary file behind.
//!
//! The full disk is real: a 1 MiB tmpfs mounted inside a private mount
//! namespace (`unshare --mount`, as root, which runs the tests) that
//! vanishes with the child process. The child is this test binary run again.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use common::{DemoLog, NOW, PASSPHRASE, rollsafe};

/// Set in the child run inside the namespace: the folder on the tmpfs and
/// the demo log (outside it).
const CHILD_DIR: &str = "ROLLSAFE_FULL_DISK_DIR";
const CHILD_DB: &str = "ROLLSAFE_FULL_DISK_DB";

const OLD: &[u8] = b"the report the user kept from last month\n";

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    rollsafe_core::sorting::sort(&mut names);
    names
}

#[test]
fn every_file_written_is_for_its_owner_only() {
    let log = DemoLog::new();
    let dir = log.path("out");
    fs::create_dir(&dir).unwrap();
    let at = |name: &str| dir.join(name).to_str().unwrap().to_owned();

    log.run("report", &["--out", &at("report.pdf"), "--now", NOW])
        .ok();
    log.run_sealed(
        &log.db,
        "report",
        &["--out", &at("sealed.pdf"), "--now", NOW, "--seal"],
        Some(PASSPHRASE),
    )
    .ok();
    for format in ["json", "fhir"] {
        let out = at(&format!("export.{format}"));
        log.run("export", &["--format", format, "--out", &out, "--now", NOW])
            .ok();
    }
    let csv = dir.join("csv");
    log.run(
        "export",
        &[
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
            "--now",
            NOW,
        ],
    )
    .ok();

    // Replacing a file others could read gives one they cannot.
    let shared = dir.join("shared.json");
    fs::write(&shared, "old").unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o644)).unwrap();
    log.run(
        "export",
        &[
            "--format",
            "json",
            "--out",
            shared.to_str().unwrap(),
            "--force",
            "--now",
            NOW,
        ],
    )
    .ok();
    assert!(fs::read_to_string(&shared).unwrap().contains("\"format\""));

    let mut files: Vec<_> = names(&dir)
        .into_iter()
        .filter(|n| n != "csv")
        .map(|n| dir.join(n))
        .collect();
    files.extend(names(&csv).into_iter().map(|n| csv.join(n)));
    assert!(files.len() >= 12, "{files:?}");
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
    }
    assert_eq!(
        names(&dir),
        [
            "csv",
            "export.fhir",
            "export.json",
            "report.pdf",
            "sealed.pdf.age",
            "shared.json"
        ],
        "no temporary file is left"
    );
    // The demo's own report, beside its log.
    let report = log.path("log-report.pdf");
    assert_eq!(mode(&report), 0o600, "{}", report.display());
}

/// In the child, on the full tmpfs: each replacement must fail and leave the
/// old file as it was.
#[test]
fn full_disk_child() {
    let (Ok(dir), Ok(db)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_DB)) else {
        return; // Run only as the child of the test below.
    };
    let dir = Path::new(&dir);
    let old = dir.join("report.pdf");
    fs::write(&old, OLD).unwrap();
    // Fill the rest of the disk, so there is no room for a second copy.
    let mut filler = fs::File::create(dir.join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    while filler.write_all(&[0]).is_ok() {}
    drop(filler);

    let old_arg = old.to_str().unwrap();
    let cases: [&[&str]; 2] = [
        &[
            "report", "--db", &db, "--out", old_arg, "--force", "--now", NOW,
        ],
        &[
            "export", "--db", &db, "--format", "json", "--out", old_arg, "--force", "--now", NOW,
        ],
    ];
    for args in cases {
        let run = rollsafe(args);
        assert_eq!(
            run.code,
            Some(1),
            "{args:?}: a full disk is a storage failure\nstdout:\n{}\nstderr:\n{}",
            run.stdout,
            run.stderr
        );
        assert!(
            run.stderr.starts_with("rollsafe: cannot write"),
            "{args:?}: {}",
            run.stderr
        );
        let now = fs::read(&old).unwrap();
        assert!(
            now == OLD,
            "{args:?}: the old file is replaced by {} other bytes",
            now.len()
        );
        assert_eq!(
            names(dir),
            ["filler", "report.pdf"],
            "{args:?}: no temporary file is left"
        );
        println!("{}: refused, old file intact", args[0]);
    } // A new file that does not fit is not left half written either.
    let new = dir.join("new.pdf");
    let run = rollsafe([
        "report",
        "--db",
        &db,
        "--out",
        new.to_str().unwrap(),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(names(dir), ["filler", "report.pdf"], "nothing is left");
    println!("new: refused, nothing left");
}

#[test]
fn a_full_disk_leaves_the_old_file_untouched() {
    if std::env::var(CHILD_DIR).is_ok() {
        return;
    }
    let log = DemoLog::new();
    let mount = tempfile::tempdir().unwrap();
    let folder = mount.path().display().to_string();
    let exe = std::env::current_exe().unwrap();
    let script = format!(
        "mount -t tmpfs -o size=1m tmpfs '{folder}' && exec '{}' full_disk_child --exact --nocapture --test-threads=1",
        exe.display()
    );
    let output = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", &script])
        .env(CHILD_DIR, &folder)
        .env(CHILD_DB, &log.db)
        .output()
        .expect("unshare runs (util-linux)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "child failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("report: refused, old file intact"),
        "{stdout}"
    );
    assert!(
        stdout.contains("export: refused, old file intact"),
        "{stdout}"
    );
    assert!(stdout.contains("new: refused, nothing left"), "{stdout}");
}
