//! What an export covers, and what an import did, as they cross the boundary.

use rollsafe_core as core;
use rollsafe_core::export::{Period, Privacy, Sections};

use crate::error::RollSafeError;
use crate::records::Alert;
use crate::time::CalendarDate;

/// A run of local calendar days, both ends included.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct DateRange {
    /// The first day.
    pub from: CalendarDate,
    /// The last day.
    pub to: CalendarDate,
}

impl DateRange {
    pub(crate) fn to_core(&self) -> Result<Period, RollSafeError> {
        Ok(Period::new(
            self.from.to_core("period.from")?,
            self.to.to_core("period.to")?,
        )?)
    }
}

/// Which parts of the log an export carries.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ExportSections {
    /// Profile answers with their dates.
    pub profile: bool,
    /// Devices, wear, replacement and cleaning adherence.
    pub devices: bool,
    /// The session timeline.
    pub sessions: bool,
    /// Cleanings.
    pub cleanings: bool,
    /// Symptom reports and triage prompts.
    pub symptoms: bool,
    /// Alerts.
    pub alerts: bool,
    /// The care plan.
    pub care_plan: bool,
}

impl ExportSections {
    pub(crate) fn to_core(&self) -> Sections {
        Sections {
            profile: self.profile,
            devices: self.devices,
            sessions: self.sessions,
            cleanings: self.cleanings,
            symptoms: self.symptoms,
            alerts: self.alerts,
            care_plan: self.care_plan,
        }
    }
}

/// What a PDF, FHIR or CSV export covers: the days, the sections, and how
/// much of what the user typed leaves the device.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ExportScope {
    /// The days covered; `None` for the whole log.
    pub period: Option<DateRange>,
    /// The sections included.
    pub sections: ExportSections,
    /// Replace every free-text note with a mark saying it was withheld.
    pub redact_notes: bool,
    /// Name the photos attached to reports (never the images themselves).
    pub include_photo_references: bool,
    /// Put the name, date of birth and patient number from the profile on
    /// the PDF and the FHIR Patient. Off, an export identifies no one and
    /// its FHIR ids cannot be linked to a named export's.
    #[uniffi(default = false)]
    pub identify_patient: bool,
}

/// The parts of a scope, checked.
pub(crate) struct CoreScope {
    pub period: Period,
    pub sections: Sections,
    pub privacy: Privacy,
}

impl ExportScope {
    pub(crate) fn to_core(&self) -> Result<CoreScope, RollSafeError> {
        Ok(CoreScope {
            period: match &self.period {
                Some(range) => range.to_core()?,
                None => Period::everything(),
            },
            sections: self.sections.to_core(),
            privacy: Privacy {
                redact_notes: self.redact_notes,
                include_photo_references: self.include_photo_references,
                identify_patient: self.identify_patient,
            },
        })
    }
}

/// What the dermatologist's PDF report covers, and its page size.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ReportOptions {
    /// The days, sections and privacy choices.
    pub scope: ExportScope,
    /// A4 or US Letter.
    pub paper: crate::enums::Paper,
    /// Also carry the backup of the period as an embedded file, so the one
    /// PDF restores the log (every note, the identity and the key that
    /// keeps pseudonymous exports unlinkable included, whatever the scope
    /// withholds from the pages). Off by default.
    #[uniffi(default = false)]
    pub embed_backup: bool,
}

/// One CSV file: its name and UTF-8 contents.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct CsvFile {
    /// The file name, for example `sessions.csv`.
    pub name: String,
    /// RFC 4180 text with a header row.
    pub contents: String,
}

impl From<core::export::csv::CsvFile> for CsvFile {
    fn from(file: core::export::csv::CsvFile) -> Self {
        Self {
            name: file.name,
            contents: file.contents,
        }
    }
}

/// How many records of one kind an import added, brought up to date, or
/// found already there.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ImportCount {
    /// New to the log.
    pub added: u32,
    /// Carried further than the log had them.
    pub updated: u32,
    /// Already in the log.
    pub unchanged: u32,
}

impl From<core::ImportCount> for ImportCount {
    fn from(c: core::ImportCount) -> Self {
        Self {
            added: c.added,
            updated: c.updated,
            unchanged: c.unchanged,
        }
    }
}

/// What an import did, and the alerts the re-assessment raised.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ImportResult {
    /// Devices.
    pub devices: ImportCount,
    /// Sessions.
    pub sessions: ImportCount,
    /// Cleanings.
    pub cleanings: ImportCount,
    /// Symptom reports.
    pub symptom_reports: ImportCount,
    /// Alerts.
    pub alerts_imported: ImportCount,
    /// Profile revisions.
    pub profile_revisions: ImportCount,
    /// Care plans.
    pub care_plans: ImportCount,
    /// Changes of risk level raised by the import.
    pub alerts: Vec<Alert>,
}

impl From<core::Changed<core::ImportSummary>> for ImportResult {
    fn from(changed: core::Changed<core::ImportSummary>) -> Self {
        let s = changed.value;
        Self {
            devices: s.devices.into(),
            sessions: s.sessions.into(),
            cleanings: s.cleanings.into(),
            symptom_reports: s.symptom_reports.into(),
            alerts_imported: s.alerts.into(),
            profile_revisions: s.profile_revisions.into(),
            care_plans: s.care_plans.into(),
            alerts: crate::records::alerts(changed.alerts),
        }
    }
}
