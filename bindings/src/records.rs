//! Records for devices, sessions and verdicts, and their conversions.
//!
//! Generated as immutable data classes in Kotlin and structs in Swift. Ids
//! cross as UUID strings and are parsed, with a typed error naming the
//! field, on the way in.

use rollsafe_core as core;

use crate::enums::{BodyZone, DeviceKind, Evidence, Severity};
use crate::error::RollSafeError;
use crate::time::{CalendarDate, Moment};

/// What the user enters to add a device.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct NewDevice {
    /// The form of the device.
    pub kind: DeviceKind,
    /// Needle length in millimetres, 0.1 to 3.0.
    pub needle_length_mm: f64,
    /// The user's name for it, 1 to 80 characters.
    pub nickname: String,
}

/// A device in the log.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Device {
    /// Its stable id (a UUID).
    pub id: String,
    /// The form of the device.
    pub kind: DeviceKind,
    /// Needle length in millimetres.
    pub needle_length_mm: f64,
    /// The user's name for it.
    pub nickname: String,
    /// When it was added.
    pub added_at: Moment,
}

/// What the user enters to record a session.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct NewSession {
    /// The id of the device used.
    pub device_id: String,
    /// When the session took place.
    pub at: Moment,
    /// The zones treated: at least one, each once.
    pub zones: Vec<BodyZone>,
    /// The needle length used, for adjustable pens; `null`/`nil` means the
    /// device's own length.
    pub needle_length_mm: Option<f64>,
}

/// A session in the log.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Session {
    /// Its stable id (a UUID).
    pub id: String,
    /// The id of the device used.
    pub device_id: String,
    /// When it took place.
    pub at: Moment,
    /// The zones treated, in a stable order.
    pub zones: Vec<BodyZone>,
    /// The needle length used, in millimetres.
    pub needle_length_mm: f64,
    /// When it was entered into the log.
    pub recorded_at: Moment,
}

/// Where a rule comes from, shown beside every finding.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RuleSource {
    /// The stable id of the rule.
    pub rule_id: String,
    /// The publications it rests on.
    pub citation: String,
    /// How strong they are.
    pub evidence: Evidence,
    /// Where sources disagree, or why this value was chosen.
    pub note: String,
}

/// One reason behind a verdict.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Finding {
    /// A stable machine-readable code, for example `interval_not_elapsed`.
    pub code: String,
    /// Whether it blocks the session or only warns.
    pub severity: Severity,
    /// A plain-language explanation for the user.
    pub message: String,
    /// The rule behind it.
    pub source: RuleSource,
}

/// The answer to "may I start a session now?".
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SessionVerdict {
    /// True when nothing blocks the session.
    pub allowed: bool,
    /// Every reason, blockers first.
    pub findings: Vec<Finding>,
    /// The local date of the previous session with this device.
    pub last_session_date: Option<CalendarDate>,
    /// The first local date on which the rest interval has passed.
    pub next_allowed_date: Option<CalendarDate>,
    /// The minimum rest, in local calendar days, that applied.
    pub min_rest_days: u32,
}

impl NewDevice {
    pub(crate) fn into_core(self) -> core::NewDevice {
        core::NewDevice {
            kind: self.kind,
            needle_length_mm: self.needle_length_mm,
            nickname: self.nickname,
        }
    }
}

impl From<core::Device> for Device {
    fn from(device: core::Device) -> Self {
        Device {
            id: device.id.to_string(),
            kind: device.kind,
            needle_length_mm: device.needle_length_mm,
            nickname: device.nickname,
            added_at: device.added_at.into(),
        }
    }
}

impl NewSession {
    pub(crate) fn into_core(self) -> Result<core::NewSession, RollSafeError> {
        Ok(core::NewSession {
            device_id: core::DeviceId::parse("device_id", &self.device_id)?,
            at: self.at.to_core("at")?,
            zones: self.zones,
            needle_length_mm: self.needle_length_mm,
        })
    }
}

impl From<core::Session> for Session {
    fn from(session: core::Session) -> Self {
        Session {
            id: session.id.to_string(),
            device_id: session.device_id.to_string(),
            at: session.at.into(),
            zones: session.zones,
            needle_length_mm: session.needle_length_mm,
            recorded_at: session.recorded_at.into(),
        }
    }
}

impl From<core::rules::RuleSource> for RuleSource {
    fn from(source: core::rules::RuleSource) -> Self {
        RuleSource {
            rule_id: source.rule_id.to_owned(),
            citation: source.citation.to_owned(),
            evidence: source.evidence,
            note: source.note.to_owned(),
        }
    }
}

impl From<core::Finding> for Finding {
    fn from(finding: core::Finding) -> Self {
        Finding {
            code: finding.code.to_owned(),
            severity: finding.severity,
            message: finding.message,
            source: finding.source.into(),
        }
    }
}

impl From<core::SessionVerdict> for SessionVerdict {
    fn from(verdict: core::SessionVerdict) -> Self {
        SessionVerdict {
            allowed: verdict.allowed,
            findings: verdict.findings.into_iter().map(Finding::from).collect(),
            last_session_date: verdict.last_session_date.map(CalendarDate::from),
            next_allowed_date: verdict.next_allowed_date.map(CalendarDate::from),
            min_rest_days: verdict.interval_rule.min_rest_days,
        }
    }
}
