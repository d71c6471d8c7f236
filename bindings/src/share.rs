//! What the apps decide nothing about when sharing: which files one share
//! holds, their names, media types and sealing; whether a picked file is
//! sealed; and the report's usual paper where the user lives. The core
//! decides each once, so Android and iOS name and treat files alike.

use rollsafe_core::export::share as core_share;

use crate::enums::{Paper, ShareKind};
use crate::error::RollSafeError;
use crate::records::ExportSections;
use crate::time::Moment;

/// What a share holds: which exports, which sections the CSV files cover,
/// and whether every file is sealed with a passphrase.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ShareOptions {
    /// The dermatologist's PDF report.
    pub report: bool,
    /// The FHIR R4 bundle.
    pub fhir: bool,
    /// The CSV files, one per section switched on in `sections`; sealed,
    /// all of them in one ZIP archive (`ShareKind::CsvArchive`, made by
    /// `export_csv_archive`).
    pub csv: bool,
    /// The JSON backup.
    pub backup: bool,
    /// The sections the CSV files cover (give the export scope's sections).
    pub sections: ExportSections,
    /// Seal every file with a passphrase.
    pub sealed: bool,
}

/// One file of a share: which export makes its bytes, and the name, type
/// and sealing the core chose for it. The app makes the bytes, seals them
/// when `sealed`, and writes them under `name`.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ShareFile {
    /// The export that makes its bytes.
    pub kind: ShareKind,
    /// For `ShareKind::Csv`, the `CsvFile.name` (from `export_csv`) whose
    /// contents go here, for example `sessions.csv`; `None` otherwise.
    pub csv_name: Option<String>,
    /// The name to write it under, for example
    /// `rollsafe-2026-03-12-report.pdf` (the local day of `now`), with
    /// `.age` added when sealed. Unique within a share; no folders.
    pub name: String,
    /// Its media type: `application/pdf`, `application/fhir+json`,
    /// `text/csv`, `application/json` (the backup), or
    /// `application/octet-stream` when sealed.
    pub media_type: String,
    /// True when its bytes are to be sealed (`seal_export`) with the
    /// passphrase before they are written.
    pub sealed: bool,
}

/// The files a share of `options` made at `now` holds, in order: the PDF
/// report, the FHIR bundle, the CSV files (in `export_csv`'s order, one per
/// section on), the backup; each named `rollsafe-<day>-<what>.<ext>` for the
/// local calendar day of `now` (`.age` added when sealed). Throws
/// `InvalidInput` (field `now`) for an implausible moment.
#[uniffi::export]
pub fn share_files(options: ShareOptions, now: Moment) -> Result<Vec<ShareFile>, RollSafeError> {
    let now = now.to_core("now")?;
    let options = core_share::ShareOptions {
        report: options.report,
        fhir: options.fhir,
        csv: options.csv,
        backup: options.backup,
        sections: options.sections.to_core(),
        sealed: options.sealed,
    };
    Ok(core_share::share_files(&options, now)
        .into_iter()
        .map(|file| ShareFile {
            kind: file.kind,
            csv_name: file.csv_name,
            name: file.name,
            media_type: file.media_type.to_owned(),
            sealed: file.sealed,
        })
        .collect())
}

/// True when `bytes` is a sealed file (an age file, binary or armored as
/// text), whatever its name: what `seal_export` makes and
/// `open_sealed_export` opens. Only the first line is looked at; opening
/// checks every byte.
#[uniffi::export]
pub fn is_sealed(bytes: Vec<u8>) -> bool {
    rollsafe_core::export::seal::is_sealed(&bytes)
}

/// The report's usual paper in `region`, an ISO 3166-1 alpha-2 code in
/// either case (Android `Locale.country`, Swift
/// `Locale.current.region?.identifier`): US Letter in the regions that use
/// it (Unicode CLDR's list: the United States, Canada, Mexico, the
/// Philippines, Chile, Colombia, Venezuela, Puerto Rico and Central
/// America but for Honduras), A4 everywhere else and for an empty, unknown
/// or malformed code. The user can still pick the other.
#[uniffi::export]
pub fn usual_paper(region: String) -> Paper {
    rollsafe_core::report::usual_paper(&region)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    fn all_sections() -> ExportSections {
        ExportSections {
            profile: true,
            devices: true,
            sessions: true,
            cleanings: true,
            symptoms: true,
            alerts: true,
            care_plan: true,
        }
    }

    #[test]
    fn a_share_crosses_named_for_the_local_day() {
        // 2026-03-11T23:30:00Z is already the 12th at UTC+1.
        let now = Moment {
            instant: UNIX_EPOCH + Duration::from_secs(1_773_271_800),
            utc_offset_seconds: 3_600,
        };
        let options = ShareOptions {
            report: true,
            fhir: true,
            csv: true,
            backup: false,
            sections: ExportSections {
                devices: false,
                ..all_sections()
            },
            sealed: true,
        };
        let files = share_files(options.clone(), now).unwrap();
        assert_eq!(
            files.len(),
            3,
            "report, FHIR, and the CSV set as one archive when sealed"
        );
        assert_eq!(files[0].name, "rollsafe-2026-03-12-report.pdf.age");
        assert_eq!(files[0].kind, ShareKind::Report);
        assert_eq!(files[2].kind, ShareKind::CsvArchive);
        assert_eq!(files[2].name, "rollsafe-2026-03-12-csv.zip.age");
        assert_eq!(files[2].csv_name, None);
        let unsealed = share_files(
            ShareOptions {
                sealed: false,
                ..options
            },
            now,
        )
        .unwrap();
        assert_eq!(
            unsealed.len(),
            9,
            "report, FHIR, six CSV files and their dictionary"
        );
        assert_eq!(unsealed[2].csv_name.as_deref(), Some("sessions.csv"));
        assert!(
            files
                .iter()
                .all(|f| f.sealed && f.media_type == "application/octet-stream")
        );
    }

    #[test]
    fn a_sealed_file_and_the_paper_cross() {
        let sealed = rollsafe_core::export::seal::seal(b"x", "correct horse battery").unwrap();
        assert!(is_sealed(sealed));
        assert!(!is_sealed(b"{}".to_vec()));
        assert_eq!(usual_paper("ca".to_owned()), Paper::UsLetter);
        assert_eq!(usual_paper(String::new()), Paper::A4);
    }
}
