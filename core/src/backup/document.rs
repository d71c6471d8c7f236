//! The backup document, version 1: the shape of the JSON, field by field.
//!
//! The document mirrors what the store keeps, nothing derived: every version
//! of every session, every device change, deletions as marks. Codes are the
//! stable snake_case codes of the core's enums; instants are RFC 3339 text
//! with milliseconds and the user's UTC offset at that moment; local dates
//! are `YYYY-MM-DD`. `core/schemas/backup-v1.schema.json` describes the same
//! shape for readers outside RollSafe; a test keeps the two in step.
//!
//! Unknown fields are refused rather than dropped: a document that carries
//! something this version does not understand is not imported half-way.

use serde::{Deserialize, Serialize};

/// The value of the `format` field of every backup document.
pub const FORMAT: &str = "rollsafe-backup";

/// The version of the document this code writes and reads.
pub const VERSION: u32 = 1;

/// A whole backup: the log, or the part of it in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupDocument {
    /// Always [`FORMAT`].
    pub format: String,
    /// The document version, [`VERSION`] for this code.
    pub version: u32,
    /// When the backup was made.
    pub exported_at: String,
    /// The days covered, or `None` for the whole log.
    pub period: Option<PeriodDoc>,
    /// The user's settings.
    pub settings: SettingsDoc,
    /// Every saved revision of the profile, oldest first.
    pub profile_revisions: Vec<ProfileDoc>,
    /// Every care plan, oldest first.
    pub care_plans: Vec<CarePlanDoc>,
    /// Every device.
    pub devices: Vec<DeviceDoc>,
    /// Every session with all its versions.
    pub sessions: Vec<SessionDoc>,
    /// Every cleaning.
    pub cleanings: Vec<CleaningDoc>,
    /// Every symptom report.
    pub symptom_reports: Vec<ReportDoc>,
    /// Every alert (rises and falls of the risk levels).
    pub alerts: Vec<AlertDoc>,
    /// Soak timers running when the backup was made.
    pub soak_timers: Vec<SoakTimerDoc>,
    /// The risk levels last assessed, so a restored log does not announce
    /// again a rise the user already saw.
    pub risk_levels: Option<RiskLevelsDoc>,
    /// The log's pseudonym key (64 hex digits), so a restored log names its
    /// pseudonymous exports as before; absent in backups made before it
    /// existed, when the log keeps its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pseudonym_key: Option<String>,
}

/// The levels of the last assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskLevelsDoc {
    /// The preventive risk level code.
    pub preventive: String,
    /// The triage level code.
    pub triage: String,
}

/// A run of local days, both ends included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodDoc {
    /// The first day.
    pub from: String,
    /// The last day.
    pub to: String,
}

/// The user's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsDoc {
    /// Quiet hours for reminders, if set.
    pub quiet_hours: Option<QuietHoursDoc>,
}

/// Quiet hours, in minutes after local midnight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuietHoursDoc {
    /// When the quiet starts.
    pub start_minute: u32,
    /// When it ends.
    pub end_minute: u32,
}

/// One saved revision of the profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileDoc {
    /// When it was saved.
    pub saved_at: String,
    /// Fitzpatrick skin type code, if given.
    pub skin_type: Option<String>,
    /// The answers, one per condition.
    pub answers: Vec<AnswerDoc>,
    /// Who the user is, if they said (absent when nothing was given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<IdentityDoc>,
}

/// The user's name, date of birth and patient number on a profile revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityDoc {
    /// The name, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The local date of birth, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// A patient number, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// Who gave the patient number, if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_issuer: Option<String>,
}

/// An answer about one condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerDoc {
    /// The condition code.
    pub condition: String,
    /// Whether it applies.
    pub present: bool,
    /// For isotretinoin taken: the local date it was stopped.
    pub stopped_on: Option<String>,
    /// When the user confirmed the answer.
    pub confirmed_at: String,
}

/// A care plan set by the dermatologist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarePlanDoc {
    /// Who set it.
    pub set_by: String,
    /// When they set it.
    pub set_at: String,
    /// When it was entered in the app.
    pub recorded_at: String,
    /// Minimum rest days per region code (`face`, `scalp`, `body`).
    pub rest_days: Vec<RestDoc>,
    /// The longest needle allowed on every region, as written before limits
    /// were per region; `None` since. Read as a limit on each region.
    pub max_needle_length_mm: Option<f64>,
    /// The longest needle allowed per region (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub max_needle_mm: Vec<NeedleLimitDoc>,
    /// The only zones allowed (codes); empty means all.
    pub allowed_zones: Vec<String>,
    /// Product category codes to avoid.
    pub avoid_products: Vec<String>,
    /// Condition codes cleared for needling.
    pub cleared_conditions: Vec<String>,
}

/// The longest needle allowed on one body region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedleLimitDoc {
    /// The region code.
    pub region: String,
    /// The longest needle, in millimetres.
    pub mm: f64,
}

/// A minimum rest for one body region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestDoc {
    /// The region code.
    pub region: String,
    /// The minimum rest in days.
    pub days: u32,
}

/// A device with its audit trail and head changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceDoc {
    /// Its stable id (UUID).
    pub id: String,
    /// The device kind code.
    pub kind: String,
    /// Needle length in millimetres.
    pub needle_length_mm: f64,
    /// An adjustable pen's longest setting.
    pub needle_length_max_mm: Option<f64>,
    /// How many needles, if known.
    pub needle_count: Option<u32>,
    /// The needle material code.
    pub material: String,
    /// The user's name for it.
    pub nickname: String,
    /// The brand, if known.
    pub brand: Option<String>,
    /// The local date of first use, if given.
    pub first_use_date: Option<String>,
    /// Shared with someone else.
    pub shared: bool,
    /// Reported damaged.
    pub damaged: bool,
    /// When and why it was retired, if it was.
    pub retired: Option<RetiredDoc>,
    /// The user's replacement limit in uses.
    pub replace_after_uses: Option<u32>,
    /// The user's replacement limit in days.
    pub replace_after_days: Option<u32>,
    /// When it was added.
    pub added_at: String,
    /// Every change after it was added, in order.
    pub changes: Vec<DeviceChangeDoc>,
    /// Every new head or cartridge fitted.
    pub head_changes: Vec<HeadChangeDoc>,
}

/// When and why a device was retired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetiredDoc {
    /// When.
    pub at: String,
    /// Why, in the user's words.
    pub reason: String,
}

/// One entry of a device's audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceChangeDoc {
    /// When.
    pub at: String,
    /// What changed (a code).
    pub change: String,
    /// The new value, in words.
    pub detail: String,
}

/// A new head or cartridge fitted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadChangeDoc {
    /// Its stable id (UUID).
    pub id: String,
    /// When it was fitted.
    pub at: String,
    /// When it was entered.
    pub recorded_at: String,
}

/// A session: every version, the overrides, the deletion mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionDoc {
    /// Its stable id (UUID).
    pub id: String,
    /// When it was deleted, if it was (the versions are kept).
    pub deleted_at: Option<String>,
    /// Blockers the user overrode when recording it.
    pub overrides: Vec<OverrideDoc>,
    /// Revision 0 as recorded, then each edit, in order.
    pub versions: Vec<SessionVersionDoc>,
}

/// A blocker the user saw and chose to override.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideDoc {
    /// The finding's code.
    pub code: String,
    /// The message the user saw.
    pub message: String,
}

/// One version of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionVersionDoc {
    /// The device used.
    pub device_id: String,
    /// When the session took place.
    pub at: String,
    /// The needle length used.
    pub needle_length_mm: f64,
    /// Passes over each zone, if given.
    pub passes: Option<u32>,
    /// Pain from 0 to 10, if given.
    pub pain: Option<u8>,
    /// The user's notes.
    pub notes: Option<String>,
    /// The pre-session checks as answered.
    pub pre_checks: PreChecksDoc,
    /// The zone codes treated.
    pub zones: Vec<String>,
    /// The products applied, in order.
    pub products: Vec<ProductDoc>,
    /// When this version was saved.
    pub saved_at: String,
}

/// The pre-session checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreChecksDoc {
    /// The device was cleaned before use.
    pub device_cleaned: bool,
    /// The skin was washed.
    pub skin_clean: bool,
    /// An active breakout in the area.
    pub active_breakout: bool,
    /// A cold sore in the area.
    pub cold_sore: bool,
    /// An open wound in the area.
    pub open_wound: bool,
    /// Sunburn in the area.
    pub sunburn: bool,
}

/// A product applied in a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductDoc {
    /// Its name as the user typed it.
    pub name: String,
    /// When it was applied (a code).
    pub timing: String,
    /// Its category codes.
    pub categories: Vec<String>,
}

impl From<crate::session::PreChecks> for PreChecksDoc {
    fn from(c: crate::session::PreChecks) -> Self {
        Self {
            device_cleaned: c.device_cleaned,
            skin_clean: c.skin_clean,
            active_breakout: c.active_breakout,
            cold_sore: c.cold_sore,
            open_wound: c.open_wound,
            sunburn: c.sunburn,
        }
    }
}

impl From<PreChecksDoc> for crate::session::PreChecks {
    fn from(c: PreChecksDoc) -> Self {
        Self {
            device_cleaned: c.device_cleaned,
            skin_clean: c.skin_clean,
            active_breakout: c.active_breakout,
            cold_sore: c.cold_sore,
            open_wound: c.open_wound,
            sunburn: c.sunburn,
        }
    }
}

/// A cleaning of a device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CleaningDoc {
    /// Its stable id (UUID).
    pub id: String,
    /// The device cleaned.
    pub device_id: String,
    /// When.
    pub at: String,
    /// The method code.
    pub method: String,
    /// For soaks, the minutes.
    pub soak_minutes: Option<u32>,
    /// When it was entered.
    pub recorded_at: String,
}

/// A symptom or irritation report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportDoc {
    /// Its stable id (UUID).
    pub id: String,
    /// When the symptoms were observed.
    pub at: String,
    /// The report kind code.
    pub kind: String,
    /// The zone codes affected.
    pub zones: Vec<String>,
    /// Signs around the eye.
    pub around_eye: bool,
    /// The symptoms, each with an optional severity.
    pub symptoms: Vec<SymptomDoc>,
    /// Overall severity from 0 to 10.
    pub overall_severity: u8,
    /// Discharge, if any.
    pub pus: Option<PusDoc>,
    /// Body temperature, if measured.
    pub temperature_c: Option<f64>,
    /// Worse, the same or better than before, if the user said (absent
    /// when not said).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<String>,
    /// The user's notes.
    pub notes: Option<String>,
    /// Photo references.
    pub photos: Vec<PhotoDoc>,
    /// The session it is linked to.
    pub session_id: Option<String>,
    /// Whether the user chose the link.
    pub link_chosen_by_user: bool,
    /// When the user said it cleared up.
    pub resolved_at: Option<String>,
    /// When a clinician saw the skin about it, as the user recorded it
    /// (absent when not recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinician_seen_at: Option<String>,
    /// When it was entered.
    pub recorded_at: String,
}

/// One symptom in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomDoc {
    /// The symptom code.
    pub symptom: String,
    /// Severity from 0 to 10, if given.
    pub severity: Option<u8>,
}

/// Discharge described by colour and consistency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PusDoc {
    /// The colour code.
    pub colour: String,
    /// The consistency code.
    pub consistency: String,
}

/// A reference to a photo kept on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoDoc {
    /// The file name.
    pub file: String,
    /// Its SHA-256, lowercase hex.
    pub sha256: String,
}

/// A change of risk level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertDoc {
    /// Its stable id (UUID).
    pub id: String,
    /// When.
    pub at: String,
    /// The alert kind code.
    pub kind: String,
    /// The level before.
    pub from_level: String,
    /// The level after.
    pub to_level: String,
    /// Whether the level rose.
    pub rising: bool,
    /// Why, as codes with their text.
    pub reasons: Vec<ReasonDoc>,
    /// When the user acknowledged it.
    pub acknowledged_at: Option<String>,
}

/// One reason for an alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonDoc {
    /// The factor or prompt code.
    pub code: String,
    /// Its text as shown.
    pub text: String,
}

/// A soak timer running.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoakTimerDoc {
    /// The device soaking.
    pub device_id: String,
    /// When the soak started.
    pub started_at: String,
    /// How long it lasts.
    pub minutes: u32,
}
