//! The command line: verbs and their options.
//!
//! Only the shape of the command line lives here; each verb's work is in
//! `verbs/`. Values clap can check (dates, moments, formats) are parsed
//! here, so a malformed one is a usage error before anything is opened.

pub mod actions;
pub mod codes;

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};

use actions::{
    AckArgs, AlertsArgs, CarePlanCommand, CheckArgs, CheckInArgs, CleanArgs, CompletionsArgs,
    DeviceCommand, LogArgs, ProfileCommand, QuietHoursArgs, ReportsCommand, SessionCommand,
    SoakArgs, SymptomArgs,
};

/// A verb's `--help` epilogue: its example, then how every verb ends.
macro_rules! help {
    ($example:literal) => {
        concat!("Example:\n  ", $example, "\n\n", exit_codes!())
    };
}

/// What every verb's `--help` says about how it ends.
macro_rules! exit_codes {
    () => {
        "\
Environment:
  ROLLSAFE_PASSPHRASE  the passphrase for --seal and for importing a sealed
                       backup (at least 10 characters). Never given on the
                       command line, where other users could read it.

Exit status:
  0  done
  1  the log could not be read or written (storage failure, damaged or newer file)
  2  bad usage or input: a malformed option, a missing log or file, a bad backup document

With --json, every verb prints one JSON object (with \"version\" and \"output\"
fields; the shapes are in cli-output-v1.schema.json), and an error is an object
{\"error\": {\"code\", \"field\", \"message\"}} on standard error.

RollSafe is a log and a reminder, not medical advice."
    };
}

/// The help epilogue of the program itself.
const EXIT_CODES: &str = exit_codes!();

/// A safety log for home microneedling: devices, sessions, rest intervals.
#[derive(Debug, Parser)]
#[command(name = "rollsafe", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// Print JSON (stable field names, a "version" field) instead of text;
    /// errors too, on standard error.
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a store filled with a few weeks of realistic use, show what
    /// the app would show, and write the dermatologist's PDF beside it.
    #[command(after_help = help!("rollsafe demo --db /tmp/demo.sqlite3"))]
    Demo(DemoArgs),

    /// The home screen: may each device be used now and why, the infection
    /// risk, open alerts and upcoming reminders.
    #[command(after_help = help!("rollsafe status --json"))]
    Status(ReadArgs),

    /// Every device with its uses, age, replacement and cleaning state.
    #[command(after_help = help!("rollsafe devices"))]
    Devices(ReadArgs),

    /// The session timeline, oldest first.
    #[command(after_help = help!("rollsafe sessions --from 2026-11-01 --to 2026-11-30"))]
    Sessions(SessionsArgs),

    /// Write the dermatologist's PDF report: a short summary of the period,
    /// then the detail, with charts.
    #[command(after_help = help!("rollsafe report --out report.pdf --from 2026-11-01 --sections sessions,symptoms"))]
    Report(ReportArgs),

    /// Write the log out: a JSON backup, a FHIR R4 bundle, or CSV files.
    #[command(after_help = help!("rollsafe export --format json --out backup.json"))]
    Export(ExportArgs),

    /// Merge a JSON backup, sealed or not, into the log (creating the log if
    /// there is none): records are matched by their ids, so importing twice
    /// adds nothing. A bad document changes nothing.
    #[command(after_help = help!("rollsafe import backup.json --db new.sqlite3"))]
    Import(ImportArgs),

    /// Start a new, empty log (an existing file is refused). The other
    /// verbs never create one, so a mistyped --db cannot start a second log.
    #[command(after_help = help!("rollsafe init"))]
    Init(DbArg),

    /// Add, edit, re-head, flag or retire a device.
    #[command(subcommand, after_help = help!("rollsafe device add --kind roller --needle 0.25 --nickname \"Face roller\""))]
    Device(DeviceCommand),

    /// Record a cleaning of a device (it stops its soak timer).
    #[command(after_help = help!("rollsafe clean \"Face roller\" --method isopropyl_soak --minutes 20"))]
    Clean(CleanArgs),

    /// Start a soak timer for a device: a reminder comes when it is done.
    #[command(after_help = help!("rollsafe soak \"Face roller\" --minutes 20"))]
    Soak(SoakArgs),

    /// May this session start now? The core's verdict, with every reason;
    /// unanswered pre-checks are taken as passing.
    #[command(after_help = help!("rollsafe check \"Face roller\" --zone cheeks,forehead"))]
    Check(CheckArgs),

    /// Record a session. The pre-check answers come from the flags or, on a
    /// terminal, are asked one by one; blockers and cautions must be
    /// acknowledged (asked on a terminal, or --ack CODE).
    #[command(after_help = help!("rollsafe log \"Face roller\" --zone cheeks --device-cleaned yes --skin-clean yes --breakout no --cold-sore no --open-wound no --sunburn no --pain 2"))]
    Log(LogArgs),

    /// Report symptoms (redness, swelling, pus...) on some zones.
    #[command(after_help = help!("rollsafe symptom --zone scalp --symptom redness=6 --symptom warmth --severity 6 --trend worse"))]
    Symptom(SymptomArgs),

    /// The 24- or 72-hour check-in after a session.
    #[command(after_help = help!("rollsafe check-in --hours 24 --zone scalp --severity 1"))]
    CheckIn(CheckInArgs),

    /// List symptom reports, or resolve, mark seen by a clinician, or
    /// re-link one.
    #[command(subcommand, after_help = help!("rollsafe reports list"))]
    Reports(ReportsCommand),

    /// Show or change the profile (skin type, conditions, identity).
    #[command(subcommand, after_help = help!("rollsafe profile set --skin-type III"))]
    Profile(ProfileCommand),

    /// Show or set the dermatologist's care plan.
    #[command(subcommand, after_help = help!("rollsafe care-plan show"))]
    CarePlan(CarePlanCommand),

    /// The open alerts (rises of risk not yet acknowledged), or all of them.
    #[command(after_help = help!("rollsafe alerts --all"))]
    Alerts(AlertsArgs),

    /// Acknowledge an alert: you saw it.
    #[command(after_help = help!("rollsafe ack 0b9f3c1e-7d2a-4c55-9e1a-3f0d6b2a8c47"))]
    Ack(AckArgs),

    /// The upcoming reminders, soonest first.
    #[command(after_help = help!("rollsafe reminders --json"))]
    Reminders(ReadArgs),

    /// Set the quiet hours in which no reminder is shown, or turn them off.
    #[command(after_help = help!("rollsafe quiet-hours 22:00-07:00"))]
    QuietHours(QuietHoursArgs),

    /// Edit, delete or show the history of one session.
    #[command(subcommand, after_help = help!("rollsafe session history ID"))]
    Session(SessionCommand),

    /// Write a shell completion script to standard output.
    #[command(after_help = help!("rollsafe completions bash > /etc/bash_completion.d/rollsafe"))]
    Completions(CompletionsArgs),

    /// Write the manual page (roff) to standard output.
    #[command(after_help = help!("rollsafe man | man -l -"))]
    Man,
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
}

/// Options of `rollsafe sessions`.
#[derive(Debug, Args)]
pub struct SessionsArgs {
    #[command(flatten)]
    pub db: DbArg,

    #[command(flatten)]
    pub period: PeriodArgs,
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

    #[command(flatten)]
    pub sections: SectionsArg,

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

    /// Where to write: a file for json and fhir (default, or `-`: standard
    /// output), a directory for csv (required; created if missing).
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// Replace output files that already exist.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub seal: SealArg,
}

/// The sections of the log an export or report includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    /// The profile answers, with dates.
    Profile,
    /// Devices, their wear, replacement and cleaning adherence.
    Devices,
    /// The session timeline.
    Sessions,
    /// Cleanings of each device.
    Cleanings,
    /// Symptom reports with their triage prompts.
    Symptoms,
    /// Each rise and fall of the risk levels.
    Alerts,
    /// The dermatologist's care plan.
    CarePlan,
}

/// Which sections to include.
#[derive(Debug, Args)]
pub struct SectionsArg {
    /// The sections to include, separated by commas (default: all).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SECTION")]
    pub sections: Vec<SectionArg>,
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

    #[command(flatten)]
    pub sections: SectionsArg,

    /// Where to write the PDF (an existing file is refused unless --force;
    /// `-` for standard output).
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

    /// Also carry the backup of the period inside the PDF (besides the FHIR
    /// bundle every report carries), so the one file restores the log:
    /// every note and the identity included, whatever else is withheld.
    #[arg(long)]
    pub embed_backup: bool,

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
}
