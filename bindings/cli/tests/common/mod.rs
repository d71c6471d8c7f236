//! Shared by the CLI tests: run the real binary, make a demo log.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixed clock every test runs at.
pub const NOW: &str = "2026-11-22T09:30:00+01:00";

/// What a run of `rollsafe` gave.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Standard output as it was written (a PDF is not UTF-8).
    pub bytes: Vec<u8>,
}

impl Run {
    /// Panics with both streams unless the run succeeded.
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code,
            Some(0),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Panics unless the run failed with `code` and a message containing
    /// `needle` on standard error.
    pub fn fails(self, code: i32, needle: &str) -> Self {
        assert_eq!(
            self.code,
            Some(code),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "missing {needle:?} in stderr:\n{}",
            self.stderr
        );
        assert!(
            self.stderr.starts_with("rollsafe: ") || self.stderr.starts_with("error: "),
            "{}",
            self.stderr
        );
        self
    }

    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

/// The environment variable `--seal` and sealed imports read.
pub const PASSPHRASE_VAR: &str = "ROLLSAFE_PASSPHRASE";

/// A passphrase long enough for the core.
pub const PASSPHRASE: &str = "correct horse battery staple";

/// Runs `rollsafe` with `args` and no passphrase in its environment.
pub fn rollsafe<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    rollsafe_with(args, None)
}

/// The variables the report's default paper is read from.
const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_PAPER", "LANG"];

/// Runs `rollsafe` with `args` and, if given, `passphrase` in
/// `ROLLSAFE_PASSPHRASE` (never inherited from the test's environment), in
/// no locale (so the report's default paper is A4 on every machine).
pub fn rollsafe_with<I, S>(args: I, passphrase: Option<&str>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    rollsafe_in(args, passphrase, None)
}

/// Runs `rollsafe` with `args` in the locale `lang` (`LANG`; `LC_ALL` and
/// `LC_PAPER` unset), with no passphrase.
pub fn rollsafe_in_locale<I, S>(args: I, lang: &str) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    rollsafe_in(args, None, Some(lang))
}

fn rollsafe_in<I, S>(args: I, passphrase: Option<&str>, lang: Option<&str>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(env!("CARGO_BIN_EXE_rollsafe"));
    command.args(args);
    run_command(command, passphrase, lang)
}

/// Runs `rollsafe` with `args` in the working directory `dir`, so a file a
/// run writes by a relative name lands there.
pub fn rollsafe_at<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(env!("CARGO_BIN_EXE_rollsafe"));
    command.args(args).current_dir(dir);
    run_command(command, None, None)
}

fn run_command(mut command: Command, passphrase: Option<&str>, lang: Option<&str>) -> Run {
    command.env_remove(PASSPHRASE_VAR).env_remove("NO_COLOR");
    for name in LOCALE_VARS {
        command.env_remove(name);
    }
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    if let Some(passphrase) = passphrase {
        command.env(PASSPHRASE_VAR, passphrase);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("the rollsafe binary runs");
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8(stderr).expect("UTF-8 errors"),
        bytes: stdout,
    }
}

/// A temporary directory holding the demo log as of [`NOW`].
pub struct DemoLog {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl DemoLog {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("log.sqlite3");
        rollsafe([
            OsStr::new("demo"),
            OsStr::new("--now"),
            OsStr::new(NOW),
            OsStr::new("--db"),
            db.as_os_str(),
        ])
        .ok();
        Self { dir, db }
    }

    /// A path inside the temporary directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `rollsafe VERB --db LOG ARGS...`.
    pub fn run(&self, verb: &str, args: &[&str]) -> Run {
        self.run_on(&self.db, verb, args)
    }

    /// Runs `rollsafe VERB --db DB ARGS...`.
    pub fn run_on(&self, db: &Path, verb: &str, args: &[&str]) -> Run {
        self.run_sealed(db, verb, args, None)
    }

    /// Runs `rollsafe VERB --db DB ARGS...` with `passphrase` in the
    /// environment.
    pub fn run_sealed(
        &self,
        db: &Path,
        verb: &str,
        args: &[&str],
        passphrase: Option<&str>,
    ) -> Run {
        let mut all = vec![OsStr::new(verb), OsStr::new("--db"), db.as_os_str()];
        all.extend(args.iter().map(OsStr::new));
        rollsafe_with(all, passphrase)
    }
}

/// Checks the PDF at `path` with the real `qpdf --check` (installed by
/// tests/setup/pdf-tools.sh, which tests/run calls): a missing qpdf fails.
pub fn assert_valid_pdf(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"%PDF-"),
        "{} is not a PDF",
        path.display()
    );
    let output = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .unwrap_or_else(|e| {
            panic!("qpdf is needed to check the PDF ({e}); run tests/setup/pdf-tools.sh")
        });
    assert!(
        output.status.success(),
        "qpdf --check {}:\n{}{}",
        path.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
