//! What leaves the device: the JSON backup and its import, the FHIR bundle
//! and the CSV files. All are made by the core, so Android and iOS produce
//! the same bytes for the same log.

use rollsafe_core as core;
use rollsafe_core::export::fhir::{AttachedReport, FhirOptions};

use super::RollSafeStore;
use crate::error::RollSafeError;
use crate::records::{CsvFile, DateRange, ExportScope, ImportResult, ReportOptions};
use crate::time::Moment;

#[uniffi::export]
impl RollSafeStore {
    /// The dermatologist's PDF report: one to two pages of summary, charts,
    /// then the detail, over the period and sections chosen. The same log
    /// and `now` give the same bytes on every platform.
    pub fn report_pdf(
        &self,
        options: ReportOptions,
        now: Moment,
    ) -> Result<Vec<u8>, RollSafeError> {
        let scope = options.scope.to_core()?;
        let options = core::report::ReportOptions {
            period: scope.period,
            sections: scope.sections,
            privacy: scope.privacy,
            paper: options.paper,
            embed_backup: options.embed_backup,
        };
        Ok(core::report::pdf(
            &self.core,
            &options,
            now.to_core("now")?,
        )?)
    }

    /// The log as a backup document (JSON text, format `rollsafe-backup`
    /// version 1), or the part of it in `period` with what that part refers
    /// to. Keep it somewhere safe; it holds the user's health data.
    pub fn export_backup(
        &self,
        period: Option<DateRange>,
        now: Moment,
    ) -> Result<String, RollSafeError> {
        let period = period.map(|p| p.to_core()).transpose()?;
        Ok(self.core.export_backup(period, now.to_core("now")?)?)
    }

    /// Imports a backup (the bytes of the file the user picked): restores
    /// into an empty log, or merges into this one by stable ids without
    /// duplicates. A bad document throws `ImportRejected` naming the place in
    /// the document, and nothing changes.
    pub fn import_backup(
        &self,
        document: Vec<u8>,
        now: Moment,
    ) -> Result<ImportResult, RollSafeError> {
        Ok(self
            .core
            .import_backup(&document, now.to_core("now")?)?
            .into())
    }

    /// A FHIR R4 Bundle (type collection, JSON) for a clinic's system.
    /// The Patient is named from the profile only when the scope says
    /// `identify_patient`; `report_pdf`, the PDF shared alongside, adds a
    /// DocumentReference describing it (its size and hash, not its bytes).
    pub fn export_fhir(
        &self,
        scope: ExportScope,
        report_pdf: Option<Vec<u8>>,
        now: Moment,
    ) -> Result<String, RollSafeError> {
        let now = now.to_core("now")?;
        let scope = scope.to_core()?;
        let options = FhirOptions {
            period: scope.period,
            sections: scope.sections,
            privacy: scope.privacy,
            report: report_pdf
                .map(|bytes| AttachedReport::of_pdf(&bytes, "RollSafe microneedling log", now)),
        };
        Ok(core::export::fhir::bundle(&self.core, &options, now)?)
    }

    /// One CSV file per kind of record (RFC 4180, UTF-8, with a header row),
    /// then `data_dictionary.csv`, for people who open spreadsheets.
    /// `utf8_bom` starts each file with a UTF-8 byte order mark, which Excel
    /// needs to read accents and other scripts right (off by default).
    #[uniffi::method(default(utf8_bom = false))]
    pub fn export_csv(
        &self,
        scope: ExportScope,
        utf8_bom: bool,
    ) -> Result<Vec<CsvFile>, RollSafeError> {
        let options = csv_options(&scope, utf8_bom)?;
        Ok(core::export::csv::files(&self.core, &options)?
            .into_iter()
            .map(CsvFile::from)
            .collect())
    }

    /// The files of `export_csv` as one ZIP archive, each under its own
    /// name and dated `now`: what a sealed share carries
    /// (`ShareKind::CsvArchive`), so that one passphrase opens the set.
    #[uniffi::method(default(utf8_bom = false))]
    pub fn export_csv_archive(
        &self,
        scope: ExportScope,
        now: Moment,
        utf8_bom: bool,
    ) -> Result<Vec<u8>, RollSafeError> {
        let options = csv_options(&scope, utf8_bom)?;
        Ok(core::export::csv::archive(
            &self.core,
            &options,
            now.to_core("now")?,
        )?)
    }
}

/// The CSV export's options for `scope`.
fn csv_options(
    scope: &ExportScope,
    utf8_bom: bool,
) -> Result<core::export::csv::CsvOptions, RollSafeError> {
    let scope = scope.to_core()?;
    Ok(core::export::csv::CsvOptions {
        period: scope.period,
        sections: scope.sections,
        privacy: scope.privacy,
        utf8_bom,
    })
}

/// Seals an export (the bytes of a PDF, a FHIR bundle, a backup) with a
/// passphrase of at least 10 characters, for sending by email. The result is
/// a standard age file: the recipient opens it with RollSafe or with the
/// `age` or `rage` tools and the passphrase, told by another channel.
#[uniffi::export]
pub fn seal_export(bytes: Vec<u8>, passphrase: String) -> Result<Vec<u8>, RollSafeError> {
    Ok(core::export::seal::seal(&bytes, &passphrase)?)
}

/// Opens a sealed export. A wrong passphrase or a file changed after it was
/// sealed throws `ImportRejected` saying which, and returns nothing.
#[uniffi::export]
pub fn open_sealed_export(sealed: Vec<u8>, passphrase: String) -> Result<Vec<u8>, RollSafeError> {
    Ok(core::export::seal::open(&sealed, &passphrase)?)
}
