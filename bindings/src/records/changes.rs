//! The results of changes: what changed, and the alerts the change raised.
//!
//! Every change re-assesses the log; when a risk level moves, the alert comes
//! back to the caller in these records (and rises also go to the listeners).

use crate::records::risk::Alert;
use crate::records::{CarePlan, Cleaning, Device, Profile, Session, SymptomReport};

/// A device after a change.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct DeviceUpdate {
    /// The device as it now is.
    pub device: Device,
    /// Level changes the change caused.
    pub alerts: Vec<Alert>,
}

/// A cleaning recorded.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct RecordedCleaning {
    /// The cleaning.
    pub cleaning: Cleaning,
    /// Level changes it caused.
    pub alerts: Vec<Alert>,
}

/// A session after an edit.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SessionUpdate {
    /// The new version.
    pub session: Session,
    /// Level changes the edit caused.
    pub alerts: Vec<Alert>,
}

/// A profile saved.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SavedProfile {
    /// The new revision.
    pub profile: Profile,
    /// Level changes it caused.
    pub alerts: Vec<Alert>,
}

/// A care plan saved.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct SavedCarePlan {
    /// The plan now in force.
    pub plan: CarePlan,
    /// Level changes it caused.
    pub alerts: Vec<Alert>,
}

/// A symptom report after a change.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ReportUpdate {
    /// The report as it now is.
    pub report: SymptomReport,
    /// Level changes it caused.
    pub alerts: Vec<Alert>,
}
