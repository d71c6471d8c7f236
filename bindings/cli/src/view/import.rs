//! What an import did.

use rollsafe_core::{ImportCount, ImportSummary};
use serde::Serialize;

use super::safety::AlertView;

/// The counts per kind of record, and the alerts the import raised.
#[derive(Debug, Serialize)]
pub struct ImportView {
    /// The log imported into.
    pub db: String,
    /// True when the log did not exist before.
    pub created: bool,
    /// Per kind of record, in a fixed order.
    pub records: Vec<CountView>,
    /// Changes of risk level after the import, re-assessed as of now.
    pub alerts: Vec<AlertView>,
}

/// How many records of one kind were added, updated or already there.
#[derive(Debug, Serialize)]
pub struct CountView {
    /// The kind (`devices`, `sessions`...), as in the backup document.
    pub kind: &'static str,
    /// New to the log.
    pub added: u32,
    /// Brought up to date.
    pub updated: u32,
    /// Already in the log.
    pub unchanged: u32,
}

/// The counts of `summary`, in the order of the backup document.
pub fn counts(summary: &ImportSummary) -> Vec<CountView> {
    let kinds: [(&'static str, &ImportCount); 7] = [
        ("profile_revisions", &summary.profile_revisions),
        ("care_plans", &summary.care_plans),
        ("devices", &summary.devices),
        ("sessions", &summary.sessions),
        ("cleanings", &summary.cleanings),
        ("symptom_reports", &summary.symptom_reports),
        ("alerts", &summary.alerts),
    ];
    kinds
        .into_iter()
        .map(|(kind, count)| CountView {
            kind,
            added: count.added,
            updated: count.updated,
            unchanged: count.unchanged,
        })
        .collect()
}
