//! The command line: verbs and their options.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, Parser, Subcommand};

/// A safety log for home microneedling: devices, sessions, rest intervals.
#[derive(Debug, Parser)]
#[command(name = "rollsafe", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a store filled with a few weeks of realistic use and show what
    /// the app would show.
    Demo(DemoArgs),
}

/// Options of `rollsafe demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to create the demo store. Defaults to `demo.sqlite3` in the
    /// platform's data directory, which the demo replaces on every run; any
    /// other existing file is refused, never overwritten.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The moment to treat as now (RFC 3339, for example
    /// 2026-11-22T09:30:00+01:00). Defaults to the system clock and offset.
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<DateTime<FixedOffset>>,
}
