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

/// Runs `rollsafe` with `args`.
pub fn rollsafe<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_rollsafe"))
        .args(args)
        .output()
        .expect("the rollsafe binary runs");
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(stderr).expect("UTF-8 errors"),
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
        let mut all = vec![OsStr::new(verb), OsStr::new("--db"), db.as_os_str()];
        all.extend(args.iter().map(OsStr::new));
        rollsafe(all)
    }
}
