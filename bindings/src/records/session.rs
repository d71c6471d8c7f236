//! Sessions: the plan checked before, what is recorded, and its history.

use rollsafe_core as core;

use crate::enums::{BodyZone, Override, PreChecks, Product};
use crate::error::RollSafeError;
use crate::records::risk::{Alert, alerts};
use crate::records::verdict::SessionVerdict;
use crate::time::Moment;

/// A session the user is about to start: what the verdict is computed from.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SessionPlan {
    /// The id of the device to use.
    pub device_id: String,
    /// The zones to treat: at least one, each once.
    pub zones: Vec<BodyZone>,
    /// The needle length to use; required for an adjustable pen, otherwise
    /// `null`/`nil` (the device's length).
    #[uniffi(default = None)]
    pub needle_length_mm: Option<f64>,
    /// Products to apply before and after.
    #[uniffi(default)]
    pub products: Vec<Product>,
    /// The user's pre-session checks.
    pub pre_checks: PreChecks,
}

/// What the user enters to record (or edit) a session.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct NewSession {
    /// What was done.
    pub plan: SessionPlan,
    /// When the session took place.
    pub at: Moment,
    /// Passes over each zone, 1 to 50, if counted.
    #[uniffi(default = None)]
    pub passes: Option<u32>,
    /// Pain felt, 0 to 10, if given.
    #[uniffi(default = None)]
    pub pain: Option<u8>,
    /// Free-text notes, up to 4,000 characters.
    #[uniffi(default = None)]
    pub notes: Option<String>,
}

/// A session in the log (one version of it).
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
    /// Products applied before and after.
    pub products: Vec<Product>,
    /// The pre-session checks as answered.
    pub pre_checks: PreChecks,
    /// Passes over each zone.
    pub passes: Option<u32>,
    /// Pain, 0 to 10.
    pub pain: Option<u8>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Blockers the user overrode to record it.
    pub overrides: Vec<Override>,
    /// When it was first entered into the log.
    pub recorded_at: Moment,
    /// 0 as recorded, one more for each edit.
    pub revision: u32,
    /// When this version was saved.
    pub saved_at: Moment,
}

/// Every version of a session, and its deletion if it was deleted.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SessionHistory {
    /// The versions, oldest first.
    pub versions: Vec<Session>,
    /// When it was deleted, if it was.
    pub deleted_at: Option<Moment>,
}

/// A recorded session with the verdict it was recorded under.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RecordedSession {
    /// The stored session.
    pub session: Session,
    /// The verdict at the time of the session.
    pub verdict: SessionVerdict,
    /// Level changes the recording caused.
    pub alerts: Vec<Alert>,
}

impl SessionPlan {
    pub(crate) fn into_core(self) -> Result<core::SessionPlan, RollSafeError> {
        Ok(core::SessionPlan {
            device_id: core::DeviceId::parse("device_id", &self.device_id)?,
            zones: self.zones,
            needle_length_mm: self.needle_length_mm,
            products: self.products,
            pre_checks: self.pre_checks,
        })
    }
}

impl NewSession {
    pub(crate) fn into_core(self) -> Result<core::NewSession, RollSafeError> {
        Ok(core::NewSession {
            at: self.at.to_core("at")?,
            plan: self.plan.into_core()?,
            passes: self.passes,
            pain: self.pain,
            notes: self.notes,
        })
    }
}

impl From<core::Session> for Session {
    fn from(s: core::Session) -> Self {
        Session {
            id: s.id.to_string(),
            device_id: s.device_id.to_string(),
            at: s.at.into(),
            zones: s.zones,
            needle_length_mm: s.needle_length_mm,
            products: s.products,
            pre_checks: s.pre_checks,
            passes: s.passes,
            pain: s.pain,
            notes: s.notes,
            overrides: s.overrides,
            recorded_at: s.recorded_at.into(),
            revision: s.revision,
            saved_at: s.saved_at.into(),
        }
    }
}

impl From<core::SessionHistory> for SessionHistory {
    fn from(h: core::SessionHistory) -> Self {
        SessionHistory {
            versions: h.versions.into_iter().map(Session::from).collect(),
            deleted_at: h.deleted_at.map(Moment::from),
        }
    }
}

impl From<core::Changed<core::RecordedSession>> for RecordedSession {
    fn from(r: core::Changed<core::RecordedSession>) -> Self {
        RecordedSession {
            session: r.value.session.into(),
            verdict: r.value.verdict.into(),
            alerts: alerts(r.alerts),
        }
    }
}
