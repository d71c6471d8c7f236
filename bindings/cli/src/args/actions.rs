//! The options of the verbs that change the log: devices, cleanings,
//! sessions, symptom reports, the profile, the care plan, alerts and
//! reminders. Each is one call of the core's API; clap checks the shape of
//! the values (codes, numbers, moments), the core checks the rest.

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, Subcommand, ValueEnum};
use rollsafe_core::{
    BodyRegion, BodyZone, CleaningMethod, Condition, DeviceKind, NeedleMaterial, ProductCategory,
    PusColour, PusConsistency, SkinType, SymptomTrend,
};

use super::codes::code;
use super::{DbArg, NowArg};

/// The moment something happened.
#[derive(Debug, Args)]
pub struct AtArg {
    /// When it happened (RFC 3339). Defaults to now (--now or the clock).
    #[arg(long, value_name = "RFC3339")]
    pub at: Option<DateTime<FixedOffset>>,
}

/// The log and the moment of a change.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub now: NowArg,
}

/// `rollsafe device ...`.
#[derive(Debug, Subcommand)]
pub enum DeviceCommand {
    /// Add a device to the log.
    #[command(
        after_help = "Example:\n  rollsafe device add --kind roller --needle 0.25 --nickname \"Face roller\" --material titanium"
    )]
    Add(DeviceAddArgs),
    /// Change what can change about a device: shared or not, its own
    /// replacement limits.
    #[command(
        after_help = "Example:\n  rollsafe device edit \"Face roller\" --shared no --max-uses 10"
    )]
    Edit(DeviceEditArgs),
    /// Record that a new head or needle cartridge was fitted: wear restarts.
    #[command(
        after_help = "Example:\n  rollsafe device head \"Face roller\" --at 2026-11-20T20:00:00+01:00"
    )]
    Head(DeviceAtArgs),
    /// Record that the needles look bent or the roll feels rough: the device
    /// is due for replacement at once.
    #[command(after_help = "Example:\n  rollsafe device bent \"Face roller\"")]
    Bent(DeviceRefArgs),
    /// Retire a device: it stays in the log but is not used again.
    #[command(
        after_help = "Example:\n  rollsafe device retire \"Face roller\" --reason \"replaced\""
    )]
    Retire(DeviceRetireArgs),
}

/// A device named by its id or its nickname.
#[derive(Debug, Args)]
pub struct DeviceRefArgs {
    /// The device: its id, or its nickname as `rollsafe devices` shows it.
    #[arg(value_name = "DEVICE")]
    pub device: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Options of `rollsafe device add`.
#[derive(Debug, Args)]
pub struct DeviceAddArgs {
    /// What it is.
    #[arg(long, value_parser = code::<DeviceKind>())]
    pub kind: DeviceKind,
    /// Needle length in millimetres (an adjustable pen's shortest setting).
    #[arg(long, value_name = "MM")]
    pub needle: f64,
    /// An adjustable pen's longest setting, in millimetres.
    #[arg(long, value_name = "MM")]
    pub needle_max: Option<f64>,
    /// How many needles, if known.
    #[arg(long, value_name = "N")]
    pub needles: Option<u32>,
    /// The needle material.
    #[arg(long, value_parser = code::<NeedleMaterial>(), default_value = "unknown")]
    pub material: NeedleMaterial,
    /// The name you call it by.
    #[arg(long)]
    pub nickname: String,
    /// The brand, if known.
    #[arg(long)]
    pub brand: Option<String>,
    /// The local day it was first used, if before it was added (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub first_use: Option<NaiveDate>,
    /// Someone else uses it too.
    #[arg(long)]
    pub shared: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Yes or no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
}

impl YesNo {
    /// True for yes.
    pub fn yes(self) -> bool {
        self == Self::Yes
    }
}

/// Options of `rollsafe device edit`.
#[derive(Debug, Args)]
pub struct DeviceEditArgs {
    #[command(flatten)]
    pub device: DeviceRefArgs,
    /// Whether someone else uses it too.
    #[arg(long, value_enum)]
    pub shared: Option<YesNo>,
    /// Replace after this many sessions (1 to 365); 0 restores the default
    /// for its kind. Give with --max-days or alone.
    #[arg(long, value_name = "N")]
    pub max_uses: Option<u32>,
    /// Replace after this many days (1 to 365); 0 restores the default.
    #[arg(long, value_name = "N")]
    pub max_days: Option<u32>,
}

/// A device and when something happened to it.
#[derive(Debug, Args)]
pub struct DeviceAtArgs {
    #[command(flatten)]
    pub device: DeviceRefArgs,
    #[command(flatten)]
    pub at: AtArg,
}

/// Options of `rollsafe device retire`.
#[derive(Debug, Args)]
pub struct DeviceRetireArgs {
    #[command(flatten)]
    pub device: DeviceRefArgs,
    /// Why, in a few words.
    #[arg(long)]
    pub reason: String,
}

/// Options of `rollsafe clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    #[command(flatten)]
    pub device: DeviceRefArgs,
    /// How it was cleaned.
    #[arg(long, value_parser = code::<CleaningMethod>(), default_value = "isopropyl_soak")]
    pub method: CleaningMethod,
    /// How long it soaked, in minutes (for a soak).
    #[arg(long, value_name = "MIN")]
    pub minutes: Option<u32>,
    #[command(flatten)]
    pub at: AtArg,
}

/// Options of `rollsafe soak`.
#[derive(Debug, Args)]
pub struct SoakArgs {
    #[command(flatten)]
    pub device: DeviceRefArgs,
    /// How long the soak should last, in minutes (1 to 120).
    #[arg(long, value_name = "MIN", default_value_t = 20)]
    pub minutes: u32,
    /// When the soak started. Defaults to now.
    #[arg(long, value_name = "RFC3339")]
    pub started: Option<DateTime<FixedOffset>>,
}

/// The answers given before a session (`check` and `log`).
#[derive(Debug, Args)]
pub struct PreCheckArgs {
    /// Was the device cleaned since its last use?
    #[arg(long, value_enum, value_name = "YES|NO")]
    pub device_cleaned: Option<YesNo>,
    /// Is the skin clean?
    #[arg(long, value_enum, value_name = "YES|NO")]
    pub skin_clean: Option<YesNo>,
    /// Is there an active breakout on the zones?
    #[arg(long, value_enum, value_name = "YES|NO")]
    pub breakout: Option<YesNo>,
    /// Is there an active cold sore?
    #[arg(long, value_enum, value_name = "YES|NO")]
    pub cold_sore: Option<YesNo>,
    /// Is there an open wound on the zones?
    #[arg(long, value_enum, value_name = "YES|NO")]
    pub open_wound: Option<YesNo>,
    /// Is the skin sunburnt?
    #[arg(long, value_enum, value_name = "YES|NO")]
    pub sunburn: Option<YesNo>,
}

/// What a session is planned to be.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The device: its id or its nickname.
    #[arg(value_name = "DEVICE")]
    pub device: String,
    /// The zones to treat (repeat, or separate with commas).
    #[arg(long = "zone", value_name = "ZONE", value_delimiter = ',', required = true,
          value_parser = code::<BodyZone>())]
    pub zones: Vec<BodyZone>,
    /// The needle length set on an adjustable pen, in millimetres.
    #[arg(long, value_name = "MM")]
    pub needle: Option<f64>,
    /// A product applied: TIMING:CATEGORIES:NAME, for example
    /// `after:hyaluronic_acid:Serum` (TIMING `before` or `after`, CATEGORIES
    /// codes separated by `+`, possibly none). Repeat for each.
    #[arg(long = "product", value_name = "PRODUCT")]
    pub products: Vec<String>,
    #[command(flatten)]
    pub pre_checks: PreCheckArgs,
}

/// Options of `rollsafe check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Options of `rollsafe log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Passes over each zone, if counted.
    #[arg(long, value_name = "N")]
    pub passes: Option<u32>,
    /// Pain from 0 to 10.
    #[arg(long, value_name = "0-10")]
    pub pain: Option<u8>,
    /// A note.
    #[arg(long)]
    pub notes: Option<String>,
    /// Acknowledge a blocker or caution by its code (repeat for each): the
    /// session is recorded with the override. Without it, a terminal asks.
    #[arg(long = "ack", value_name = "CODE")]
    pub acks: Vec<String>,
    /// Never ask on the terminal: unanswered pre-checks and unacknowledged
    /// findings are errors, as in a script.
    #[arg(long)]
    pub no_input: bool,
    #[command(flatten)]
    pub at: AtArg,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// What a symptom report says (`symptom` and `check-in`).
#[derive(Debug, Args)]
pub struct SymptomArgs {
    /// The zones affected (repeat, or separate with commas).
    #[arg(long = "zone", value_name = "ZONE", value_delimiter = ',', required = true,
          value_parser = code::<BodyZone>())]
    pub zones: Vec<BodyZone>,
    /// A symptom, optionally with its severity 0 to 10: `redness` or
    /// `redness=6`. Repeat for each; none means the skin looks as expected.
    #[arg(long = "symptom", value_name = "SYMPTOM[=N]")]
    pub symptoms: Vec<String>,
    /// How bad overall, 0 to 10.
    #[arg(long, value_name = "0-10")]
    pub severity: u8,
    /// Worse, the same or better than before.
    #[arg(long, value_parser = code::<SymptomTrend>())]
    pub trend: Option<SymptomTrend>,
    /// Body temperature in °C, if measured.
    #[arg(long, value_name = "C")]
    pub temperature: Option<f64>,
    /// Pus seen: its colour.
    #[arg(long, value_parser = code::<PusColour>(), requires = "pus_consistency")]
    pub pus_colour: Option<PusColour>,
    /// Pus seen: its consistency.
    #[arg(long, value_parser = code::<PusConsistency>(), requires = "pus_colour")]
    pub pus_consistency: Option<PusConsistency>,
    /// The area is around an eye.
    #[arg(long)]
    pub around_eye: bool,
    /// A note.
    #[arg(long)]
    pub notes: Option<String>,
    /// The session it is about (by id); without it the core links the
    /// latest session on these zones.
    #[arg(long, value_name = "ID")]
    pub session: Option<String>,
    #[command(flatten)]
    pub at: AtArg,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The check-ins after a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckInHours {
    /// The check-in 24 hours after.
    #[value(name = "24")]
    H24,
    /// The check-in 72 hours after.
    #[value(name = "72")]
    H72,
}

/// Options of `rollsafe check-in`.
#[derive(Debug, Args)]
pub struct CheckInArgs {
    /// Which check-in.
    #[arg(long, value_enum)]
    pub hours: CheckInHours,
    #[command(flatten)]
    pub report: SymptomArgs,
}

/// `rollsafe reports ...`: what follows a symptom report.
#[derive(Debug, Subcommand)]
pub enum ReportsCommand {
    /// Every symptom report, most recent first.
    #[command(after_help = "Example:\n  rollsafe reports list --json")]
    List(ChangeArgs),
    /// The symptoms have gone.
    #[command(
        after_help = "Example:\n  rollsafe reports resolve REPORT_ID --at 2026-11-20T09:00:00+01:00"
    )]
    Resolve(ReportAtArgs),
    /// A clinician saw the skin about this report: its amber or red prompt
    /// no longer stops needling.
    #[command(after_help = "Example:\n  rollsafe reports seen REPORT_ID")]
    Seen(ReportAtArgs),
    /// Link the report to another session, or to none.
    #[command(after_help = "Example:\n  rollsafe reports link REPORT_ID --session SESSION_ID")]
    Link(ReportLinkArgs),
}

/// A symptom report and when something happened to it.
#[derive(Debug, Args)]
pub struct ReportAtArgs {
    /// The report's id, as `rollsafe reports list` shows it.
    #[arg(value_name = "REPORT")]
    pub report: String,
    #[command(flatten)]
    pub at: AtArg,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Options of `rollsafe reports link`.
#[derive(Debug, Args)]
pub struct ReportLinkArgs {
    /// The report's id.
    #[arg(value_name = "REPORT")]
    pub report: String,
    /// The session it is about.
    #[arg(
        long,
        value_name = "ID",
        conflicts_with = "none",
        required_unless_present = "none"
    )]
    pub session: Option<String>,
    /// It is about no session.
    #[arg(long)]
    pub none: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// `rollsafe profile ...`.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Show the profile.
    #[command(after_help = "Example:\n  rollsafe profile show --json")]
    Show(ChangeArgs),
    /// Change the profile; what is not given stays as it was.
    #[command(
        after_help = "Example:\n  rollsafe profile set --skin-type III --condition cold_sores=yes --name \"Sam Example\""
    )]
    Set(ProfileSetArgs),
}

/// Options of `rollsafe profile set`.
#[derive(Debug, Args)]
pub struct ProfileSetArgs {
    /// Fitzpatrick skin type.
    #[arg(long, value_parser = code::<SkinType>())]
    pub skin_type: Option<SkinType>,
    /// An answer about a condition: CONDITION=yes or CONDITION=no (for
    /// isotretinoin also `isotretinoin=stopped:YYYY-MM-DD`). Repeat for
    /// each.
    #[arg(long = "condition", value_name = "CONDITION=ANSWER")]
    pub conditions: Vec<String>,
    /// Your name, for the exports you choose to sign.
    #[arg(long)]
    pub name: Option<String>,
    /// Your date of birth (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub birth_date: Option<NaiveDate>,
    /// Your patient number at the clinic.
    #[arg(long, value_name = "NUMBER")]
    pub patient_number: Option<String>,
    /// Who issued the patient number.
    #[arg(long, requires = "patient_number")]
    pub issuer: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// `rollsafe care-plan ...`.
#[derive(Debug, Subcommand)]
pub enum CarePlanCommand {
    /// Show the care plan in force.
    #[command(after_help = "Example:\n  rollsafe care-plan show")]
    Show(ChangeArgs),
    /// Set the care plan the dermatologist gave (it replaces the one in
    /// force, which stays in the history).
    #[command(
        after_help = "Example:\n  rollsafe care-plan set --by \"Dr Osei\" --rest scalp=14 --max-needle face=0.5 --avoid retinoid"
    )]
    Set(CarePlanSetArgs),
}

/// Options of `rollsafe care-plan set`.
#[derive(Debug, Args)]
pub struct CarePlanSetArgs {
    /// Who set it.
    #[arg(long)]
    pub by: String,
    /// A rest interval: REGION=DAYS (regions face, scalp, body). Repeat.
    #[arg(long = "rest", value_name = "REGION=DAYS")]
    pub rest: Vec<String>,
    /// A needle limit: REGION=MM. Repeat.
    #[arg(long = "max-needle", value_name = "REGION=MM")]
    pub max_needle: Vec<String>,
    /// The only zones allowed (repeat or separate with commas; none: all).
    #[arg(long = "zone", value_name = "ZONE", value_delimiter = ',',
          value_parser = code::<BodyZone>())]
    pub zones: Vec<BodyZone>,
    /// A product category to avoid (repeat or separate with commas).
    #[arg(long = "avoid", value_name = "CATEGORY", value_delimiter = ',',
          value_parser = code::<ProductCategory>())]
    pub avoid: Vec<ProductCategory>,
    /// A condition the dermatologist cleared for needling (repeat).
    #[arg(long = "clear", value_name = "CONDITION", value_delimiter = ',',
          value_parser = code::<Condition>())]
    pub cleared: Vec<Condition>,
    #[command(flatten)]
    pub at: AtArg,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Options of `rollsafe alerts`.
#[derive(Debug, Args)]
pub struct AlertsArgs {
    /// Every level change ever recorded, not only the open rises.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Options of `rollsafe ack`.
#[derive(Debug, Args)]
pub struct AckArgs {
    /// The alert's id, as `rollsafe alerts` shows it.
    #[arg(value_name = "ALERT")]
    pub alert: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Options of `rollsafe quiet-hours`.
#[derive(Debug, Args)]
pub struct QuietHoursArgs {
    /// HH:MM-HH:MM (for example 22:00-07:00), or `off`.
    #[arg(value_name = "FROM-TO|off")]
    pub hours: String,
    #[command(flatten)]
    pub db: DbArg,
}

/// `rollsafe session ...`.
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Replace a session's details (the earlier version stays in its
    /// history; edits are not checked again against the rules).
    #[command(
        after_help = "Example:\n  rollsafe session edit ID \"Face roller\" --zone cheeks --pain 3 --device-cleaned yes --skin-clean yes --breakout no --cold-sore no --open-wound no --sunburn no"
    )]
    Edit(SessionEditArgs),
    /// Delete a session: it leaves the lists and the rules, and stays in
    /// its history.
    #[command(after_help = "Example:\n  rollsafe session delete ID")]
    Delete(SessionRefArgs),
    /// Every version of a session, and when it was deleted.
    #[command(after_help = "Example:\n  rollsafe session history ID --json")]
    History(SessionRefArgs),
}

/// A session named by its id.
#[derive(Debug, Args)]
pub struct SessionRefArgs {
    /// The session's id, as `rollsafe sessions --json` shows it.
    #[arg(value_name = "SESSION")]
    pub session: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Options of `rollsafe session edit`.
#[derive(Debug, Args)]
pub struct SessionEditArgs {
    /// The session's id.
    #[arg(value_name = "SESSION")]
    pub session: String,
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Passes over each zone, if counted.
    #[arg(long, value_name = "N")]
    pub passes: Option<u32>,
    /// Pain from 0 to 10.
    #[arg(long, value_name = "0-10")]
    pub pain: Option<u8>,
    /// A note.
    #[arg(long)]
    pub notes: Option<String>,
    /// When it took place. Defaults to when it was recorded as taking place.
    #[command(flatten)]
    pub at: AtArg,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The shells `rollsafe completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
    /// PowerShell.
    Powershell,
    /// Elvish.
    Elvish,
}

/// Options of `rollsafe completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: ShellArg,
}

/// Which region: used by the care plan's REGION=VALUE options.
pub fn region(text: &str) -> Option<BodyRegion> {
    super::codes::from_code(text)
}
