//! The command line: verbs and their options.
//!
//! Only the shape of the command line lives here; each verb's work is in
//! `verbs/`. Values clap can check (dates, moments, formats) are parsed
//! here, so a malformed one is a usage error before anything is opened.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// What every verb's `--help` says about how it ends.
const EXIT_CODES: &str = "\
Environment:
  ROLLSAFE_PASSPHRASE  the passphrase for --seal and for importing a sealed
                       backup (at least 10 characters). Never given on the
                       command line, where other users could read it.

Exit status:
  0  done
  1  the log could not be read or written (storage failure, damaged or newer file)
  2  bad usage or input: a malformed option, a missing log or file, a bad backup document

RollSafe is a log and a reminder, not medical advice.";

/// A safety log for home microneedling: devices, sessions, rest intervals.
#[derive(Debug, Parser)]
#[command(name = "rollsafe", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a store filled with a few weeks of realistic use, show what
    /// the app would show, and write the dermatologist's PDF beside it.
    #[command(after_help = EXIT_CODES)]
    Demo(DemoArgs),

    /// The home screen: may each device be used now and why, the infection
    /// risk, open alerts and upcoming reminders.
    #[command(after_help = EXIT_CODES)]
    Status(ReadArgs),

    /// Every device with its uses, age, replacement and cleaning state.
    #[command(after_help = EXIT_CODES)]
    Devices(ReadArgs),

    /// The session timeline, oldest first.
    #[command(after_help = EXIT_CODES)]
    Sessions(SessionsArgs),

    /// Write the dermatologist's PDF report: a short summary of the period,
    /// then the detail, with charts.
    #[command(after_help = EXIT_CODES)]
    Report(ReportArgs),

    /// Write the log out: a JSON backup, a FHIR R4 bundle, or CSV files.
    #[command(after_help = EXIT_CODES)]
    Export(ExportArgs),

    /// Merge a JSON backup, sealed or not, into the log (creating the log if
    /// there is none): records are matched by their ids, so importing twice
    /// adds nothing. A bad document changes nothing.
    #[command(after_help = EXIT_CODES)]
    Import(ImportArgs),
}

/// Options of `rollsafe demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to create the demo store. Defaults to `demo.sqlite3` in the
    /// platform's data directory, which the demo replaces on every run; any
    /// other existing file is refused, never overwritten. The dermatologist's
    /// PDF goes beside it as `<name>-report.pdf`, under the same rule.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The moment to treat as now (RFC 3339, for example
    /// 2026-11-22T09:30:00+01:00). Defaults to the system clock and offset.
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<DateTime<FixedOffset>>,
}

/// Which log to use.
#[derive(Debug, Args)]
pub struct DbArg {
    /// The log to use. Defaults to `rollsafe.sqlite3` in the platform's data
    /// directory (for example ~/.local/share/rollsafe on Linux).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

/// The moment the answer is for.
#[derive(Debug, Args)]
pub struct NowArg {
    /// The moment to treat as now (RFC 3339, for example
    /// 2026-11-22T09:30:00+01:00). Defaults to the system clock and offset.
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<DateTime<FixedOffset>>,
}

/// The local calendar days covered, both ends included.
#[derive(Debug, Args)]
pub struct PeriodArgs {
    /// The first local day included (YYYY-MM-DD). Defaults to the start of
    /// the log.
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,

    /// The last local day included (YYYY-MM-DD). Defaults to the end of the
    /// log.
    #[arg(long, value_name = "DATE")]
    pub to: Option<NaiveDate>,
}

/// Options of the verbs that read the log as of a moment.
#[derive(Debug, Args)]
pub struct ReadArgs {
    #[command(flatten)]
    pub db: DbArg,

    #[command(flatten)]
    pub now: NowArg,

    /// Print JSON (stable field names) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Options of `rollsafe sessions`.
#[derive(Debug, Args)]
pub struct SessionsArgs {
    #[command(flatten)]
    pub db: DbArg,

    #[command(flatten)]
    pub period: PeriodArgs,

    /// Print JSON (stable field names) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The formats `rollsafe export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The full-fidelity, versioned JSON backup that `rollsafe import` reads.
    Json,
    /// A FHIR R4 Bundle (JSON) for clinic systems.
    Fhir,
    /// One CSV file per kind of record, for spreadsheets (needs --out DIR).
    Csv,
}

/// Options of `rollsafe export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    #[command(flatten)]
    pub db: DbArg,

    #[command(flatten)]
    pub now: NowArg,

    #[command(flatten)]
    pub period: PeriodArgs,

    /// Replace every free-text note with a mark saying it was withheld
    /// (fhir and csv; a backup always keeps everything).
    #[arg(long)]
    pub redact_notes: bool,

    /// Name the photos attached to symptom reports (file name and digest;
    /// never the images) (fhir and csv).
    #[arg(long)]
    pub photo_references: bool,

    /// Start each CSV file with a UTF-8 byte order mark, for Excel (csv
    /// only).
    #[arg(long)]
    pub bom: bool,

    /// Name the patient from the profile (name, date of birth, patient
    /// number) on the FHIR Patient; without it the bundle identifies no one
    /// and its ids cannot be linked to a named one (fhir only).
    #[arg(long)]
    pub identify: bool,

    /// Where to write: a file for json and fhir (default: standard output),
    /// a directory for csv (required; created if missing).
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// Replace output files that already exist.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub seal: SealArg,
}

/// Sealing what is written with a passphrase.
#[derive(Debug, Args)]
pub struct SealArg {
    /// Seal the output with the passphrase in the environment variable
    /// ROLLSAFE_PASSPHRASE (an age file, which `age -d` and `rollsafe
    /// import` open), for sending by email. Needs --out; `.age` is added to
    /// its name unless it already ends so (csv: to each file's name).
    #[arg(long)]
    pub seal: bool,
}

/// The paper the report is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// Options of `rollsafe report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub db: DbArg,

    #[command(flatten)]
    pub now: NowArg,

    #[command(flatten)]
    pub period: PeriodArgs,

    /// Where to write the PDF (an existing file is refused unless --force).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,

    /// The paper size (default: the usual paper of your locale's region,
    /// from LC_ALL, LC_PAPER or LANG: letter in the US, Canada, Mexico and
    /// the few others where it is the norm, a4 everywhere else).
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,

    /// Replace every free-text note with a mark saying it was withheld.
    #[arg(long)]
    pub redact_notes: bool,

    /// Name the photos attached to symptom reports (file name and digest;
    /// never the images).
    #[arg(long)]
    pub photo_references: bool,

    /// Name the patient from the profile (name, date of birth, patient
    /// number) in the report's header; without it the report names no one.
    #[arg(long)]
    pub identify: bool,

    /// Replace the output file if it already exists.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub seal: SealArg,
}

/// Options of `rollsafe import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The backup to import (a file written by `rollsafe export --format json`
    /// or by the app). A sealed backup (`--seal`) is opened with the
    /// passphrase in ROLLSAFE_PASSPHRASE.
    #[arg(value_name = "PATH")]
    pub file: PathBuf,

    #[command(flatten)]
    pub db: DbArg,

    #[command(flatten)]
    pub now: NowArg,

    /// Print JSON (stable field names) instead of text.
    #[arg(long)]
    pub json: bool,
}
