//! Symptom reports.

use rollsafe_core as core;

use crate::enums::{BodyZone, PhotoRef, PusDescription, ReportKind, ReportedSymptom, SymptomTrend};
use crate::error::RollSafeError;
use crate::time::Moment;

/// What the user enters to report symptoms (or a quick check-in).
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct NewSymptomReport {
    /// When the user looked.
    pub at: Moment,
    /// A full report or a check-in.
    pub kind: ReportKind,
    /// Where; at least one zone.
    pub zones: Vec<BodyZone>,
    /// True when the area around an eye is affected.
    #[uniffi(default = false)]
    pub around_eye: bool,
    /// The symptoms seen; empty means "looks fine".
    #[uniffi(default)]
    pub symptoms: Vec<ReportedSymptom>,
    /// Overall severity, 0 to 10.
    pub overall_severity: u8,
    /// For pus: its colour and consistency.
    #[uniffi(default = None)]
    pub pus: Option<PusDescription>,
    /// Measured temperature in °C.
    #[uniffi(default = None)]
    pub temperature_c: Option<f64>,
    /// Worse, the same or better than before, if the user said. "Worse"
    /// after the first two days raises a triage prompt by itself.
    #[uniffi(default = None)]
    pub trend: Option<SymptomTrend>,
    /// Free-text notes.
    #[uniffi(default = None)]
    pub notes: Option<String>,
    /// Photos kept by the app (reference and SHA-256).
    #[uniffi(default)]
    pub photos: Vec<PhotoRef>,
    /// The session the user says caused it; `null`/`nil` links automatically.
    #[uniffi(default = None)]
    pub session_id: Option<String>,
}

/// A recorded report.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SymptomReport {
    /// Its stable id (a UUID).
    pub id: String,
    /// When the user looked.
    pub at: Moment,
    /// A full report or a check-in.
    pub kind: ReportKind,
    /// Where.
    pub zones: Vec<BodyZone>,
    /// True when the area around an eye is affected.
    pub around_eye: bool,
    /// The symptoms seen.
    pub symptoms: Vec<ReportedSymptom>,
    /// Overall severity, 0 to 10.
    pub overall_severity: u8,
    /// For pus: its colour and consistency.
    pub pus: Option<PusDescription>,
    /// Measured temperature in °C.
    pub temperature_c: Option<f64>,
    /// Worse, the same or better than before, if the user said.
    pub trend: Option<SymptomTrend>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Photos kept by the app.
    pub photos: Vec<PhotoRef>,
    /// The linked session.
    pub session_id: Option<String>,
    /// True when the user chose the link.
    pub link_chosen_by_user: bool,
    /// When the user marked it resolved.
    pub resolved_at: Option<Moment>,
    /// When a clinician saw the skin about it, as the user recorded it.
    pub clinician_seen_at: Option<Moment>,
    /// When it was entered.
    pub recorded_at: Moment,
}

impl NewSymptomReport {
    pub(crate) fn into_core(self) -> Result<core::NewSymptomReport, RollSafeError> {
        Ok(core::NewSymptomReport {
            at: self.at.to_core("at")?,
            kind: self.kind,
            zones: self.zones,
            around_eye: self.around_eye,
            symptoms: self.symptoms,
            overall_severity: self.overall_severity,
            pus: self.pus,
            temperature_c: self.temperature_c,
            trend: self.trend,
            notes: self.notes,
            photos: self.photos,
            session_id: self
                .session_id
                .map(|s| core::SessionId::parse("session_id", &s))
                .transpose()?,
        })
    }
}

impl From<core::SymptomReport> for SymptomReport {
    fn from(r: core::SymptomReport) -> Self {
        SymptomReport {
            id: r.id.to_string(),
            at: r.at.into(),
            kind: r.kind,
            zones: r.zones,
            around_eye: r.around_eye,
            symptoms: r.symptoms,
            overall_severity: r.overall_severity,
            pus: r.pus,
            temperature_c: r.temperature_c,
            trend: r.trend,
            notes: r.notes,
            photos: r.photos,
            session_id: r.session_id.map(|s| s.to_string()),
            link_chosen_by_user: r.link_chosen_by_user,
            resolved_at: r.resolved_at.map(Moment::from),
            clinician_seen_at: r.clinician_seen_at.map(Moment::from),
            recorded_at: r.recorded_at.into(),
        }
    }
}
