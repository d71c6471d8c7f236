//! The files one share produces: their order, names, media types and
//! whether they are sealed.
//!
//! Android, iOS and the CLI each named and typed these files themselves, and
//! had drifted apart (`rollsafe-report-<day>.pdf` on one phone,
//! `rollsafe-<day>-report.pdf` on the other; CSV files with and without the
//! day). The core now decides; a shell makes each file's bytes with the
//! export its [`ShareKind`] names, seals it when [`ShareFile::sealed`] says
//! so, and writes it under [`ShareFile::name`].

use crate::export::Sections;
use crate::time::{self, Moment};

/// The media type of the PDF report.
pub const PDF_TYPE: &str = "application/pdf";
/// The media type of the FHIR R4 bundle (FHIR's own, JSON).
pub const FHIR_TYPE: &str = "application/fhir+json";
/// The media type of a CSV file.
pub const CSV_TYPE: &str = "text/csv";
/// The media type of the CSV set as one ZIP archive.
pub const ZIP_TYPE: &str = "application/zip";
/// The media type of the JSON backup.
pub const BACKUP_TYPE: &str = "application/json";
/// The media type of a sealed file: age has no registered type, so bytes.
pub const SEALED_TYPE: &str = "application/octet-stream";
/// What a sealed file's name ends with.
pub const SEALED_SUFFIX: &str = ".age";

/// What a share holds: which exports, which sections the CSV files cover,
/// and whether every file is sealed with a passphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareOptions {
    /// The dermatologist's PDF report.
    pub report: bool,
    /// The FHIR R4 bundle.
    pub fhir: bool,
    /// The CSV files, one per section switched on in `sections` (in one
    /// ZIP archive when sealed).
    pub csv: bool,
    /// The JSON backup.
    pub backup: bool,
    /// The sections the CSV files cover.
    pub sections: Sections,
    /// Seal every file with a passphrase.
    pub sealed: bool,
}

/// Which export makes a shared file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShareKind {
    /// The PDF report.
    Report,
    /// The FHIR bundle (made with the report's bytes when the report is
    /// shared too, so that it describes it).
    Fhir,
    /// One of the CSV files: the one named [`ShareFile::csv_name`].
    Csv,
    /// Every CSV file of the share in one ZIP archive (the CSV export's
    /// `archive`): what a sealed share carries instead of the files one by
    /// one, so that one passphrase opens them all.
    CsvArchive,
    /// The JSON backup.
    Backup,
}

/// One file of a share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareFile {
    /// The export that makes its bytes.
    pub kind: ShareKind,
    /// For [`ShareKind::Csv`], the name the CSV export gives the file whose
    /// contents go here (`sessions.csv`); `None` for the other kinds.
    pub csv_name: Option<String>,
    /// The name to write it under: `rollsafe-<day>-<what>.<ext>`, `<day>`
    /// being the local calendar day of `now` (`YYYY-MM-DD`), and `.age`
    /// added when sealed. Unique within a share; no folders.
    pub name: String,
    /// Its media type, for the share sheet: [`SEALED_TYPE`] when sealed.
    pub media_type: &'static str,
    /// True when its bytes are to be sealed with the passphrase.
    pub sealed: bool,
}

/// The files a share of `options` made at `now` holds, in order: the
/// report, the FHIR bundle, the CSV files (in the CSV export's order, only
/// those of the sections on; sealed, all of them in one ZIP archive,
/// `csv.zip`), the backup. Named for the local calendar day of `now`, for
/// example `rollsafe-2026-03-12-report.pdf`, or
/// `rollsafe-2026-03-12-report.pdf.age` when sealed.
pub fn share_files(options: &ShareOptions, now: Moment) -> Vec<ShareFile> {
    let day = time::local_date(&now).format("%Y-%m-%d").to_string();
    let mut plain: Vec<Plain> = Vec::new();
    if options.report {
        plain.push(Plain::one(ShareKind::Report, "report.pdf", PDF_TYPE));
    }
    if options.fhir {
        plain.push(Plain::one(ShareKind::Fhir, "fhir.json", FHIR_TYPE));
    }
    let csv_names = crate::export::csv::names(&options.sections);
    if options.csv && options.sealed && !csv_names.is_empty() {
        plain.push(Plain::one(ShareKind::CsvArchive, "csv.zip", ZIP_TYPE));
    } else if options.csv {
        for name in csv_names {
            plain.push(Plain {
                kind: ShareKind::Csv,
                csv_name: Some(name),
                what: name,
                media_type: CSV_TYPE,
            });
        }
    }
    if options.backup {
        plain.push(Plain::one(ShareKind::Backup, "backup.json", BACKUP_TYPE));
    }
    plain
        .into_iter()
        .map(|file| ShareFile {
            kind: file.kind,
            csv_name: file.csv_name.map(str::to_owned),
            name: format!(
                "rollsafe-{day}-{}{}",
                file.what,
                if options.sealed { SEALED_SUFFIX } else { "" }
            ),
            media_type: if options.sealed {
                SEALED_TYPE
            } else {
                file.media_type
            },
            sealed: options.sealed,
        })
        .collect()
}

/// A file of the share before it is dated and sealed.
struct Plain {
    kind: ShareKind,
    csv_name: Option<&'static str>,
    /// What follows the day in its name.
    what: &'static str,
    media_type: &'static str,
}

impl Plain {
    /// A file that is not one of the CSV files.
    fn one(kind: ShareKind, what: &'static str, media_type: &'static str) -> Self {
        Self {
            kind,
            csv_name: None,
            what,
            media_type,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::{self, CsvOptions};
    use crate::export::{Period, Privacy};
    use crate::store::Store;

    fn at(text: &str) -> Moment {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn everything(sealed: bool) -> ShareOptions {
        ShareOptions {
            report: true,
            fhir: true,
            csv: true,
            backup: true,
            sections: Sections::ALL,
            sealed,
        }
    }

    fn names(files: &[ShareFile]) -> Vec<&str> {
        files.iter().map(|f| f.name.as_str()).collect()
    }

    #[test]
    fn every_file_in_order_with_one_naming_and_its_type() {
        let files = share_files(&everything(false), at("2026-03-12T10:00:00+01:00"));
        assert_eq!(
            names(&files),
            [
                "rollsafe-2026-03-12-report.pdf",
                "rollsafe-2026-03-12-fhir.json",
                "rollsafe-2026-03-12-devices.csv",
                "rollsafe-2026-03-12-sessions.csv",
                "rollsafe-2026-03-12-cleanings.csv",
                "rollsafe-2026-03-12-symptom_reports.csv",
                "rollsafe-2026-03-12-alerts.csv",
                "rollsafe-2026-03-12-profile.csv",
                "rollsafe-2026-03-12-care_plans.csv",
                "rollsafe-2026-03-12-data_dictionary.csv",
                "rollsafe-2026-03-12-backup.json",
            ]
        );
        let types: Vec<&str> = files.iter().map(|f| f.media_type).collect();
        assert_eq!(&types[..3], [PDF_TYPE, FHIR_TYPE, CSV_TYPE]);
        assert_eq!(types.last(), Some(&BACKUP_TYPE));
        assert!(files.iter().all(|f| !f.sealed));
        let kinds: Vec<ShareKind> = files.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds[..3],
            [ShareKind::Report, ShareKind::Fhir, ShareKind::Csv]
        );
        assert_eq!(files[3].csv_name.as_deref(), Some("sessions.csv"));
        assert_eq!(files[0].csv_name, None);
    }

    #[test]
    fn sealed_files_end_in_age_and_the_csv_set_is_one_archive() {
        let now = at("2026-03-12T10:00:00Z");
        let plain = share_files(&everything(false), now);
        let sealed = share_files(&everything(true), now);
        assert_eq!(
            names(&sealed),
            [
                "rollsafe-2026-03-12-report.pdf.age",
                "rollsafe-2026-03-12-fhir.json.age",
                "rollsafe-2026-03-12-csv.zip.age",
                "rollsafe-2026-03-12-backup.json.age",
            ],
            "one passphrase opens the whole CSV set"
        );
        let unsealed: Vec<&ShareFile> = plain.iter().filter(|p| p.kind != ShareKind::Csv).collect();
        let others: Vec<&ShareFile> = sealed
            .iter()
            .filter(|s| s.kind != ShareKind::CsvArchive)
            .collect();
        for (s, p) in others.iter().zip(&unsealed) {
            assert_eq!(s.name, format!("{}.age", p.name));
            assert_eq!((s.kind, &s.csv_name), (p.kind, &p.csv_name));
        }
        for s in &sealed {
            assert_eq!(s.media_type, SEALED_TYPE);
            assert!(s.sealed);
        }
        let archive = &sealed[2];
        assert_eq!(
            (archive.kind, &archive.csv_name),
            (ShareKind::CsvArchive, &None)
        );
    }

    #[test]
    fn only_what_is_chosen_and_csv_only_for_sections_on() {
        let now = at("2026-03-12T10:00:00Z");
        let mut options = everything(false);
        options.report = false;
        options.backup = false;
        options.sections = Sections {
            devices: false,
            cleanings: false,
            care_plan: false,
            ..Sections::ALL
        };
        assert_eq!(
            names(&share_files(&options, now)),
            [
                "rollsafe-2026-03-12-fhir.json",
                "rollsafe-2026-03-12-sessions.csv",
                "rollsafe-2026-03-12-symptom_reports.csv",
                "rollsafe-2026-03-12-alerts.csv",
                "rollsafe-2026-03-12-profile.csv",
                "rollsafe-2026-03-12-data_dictionary.csv",
            ]
        );
        options.fhir = false;
        options.csv = false;
        assert!(share_files(&options, now).is_empty());
    }

    #[test]
    fn the_day_is_the_local_day_of_now() {
        let name = |now: &str| {
            let only_report = ShareOptions {
                report: true,
                fhir: false,
                csv: false,
                backup: false,
                sections: Sections::ALL,
                sealed: false,
            };
            share_files(&only_report, at(now)).remove(0).name
        };
        // Just after local midnight east of UTC: still the day before in UTC.
        assert_eq!(
            name("2026-03-12T00:05:00+09:00"),
            "rollsafe-2026-03-12-report.pdf"
        );
        // Just before local midnight west of UTC: already the next day in UTC.
        assert_eq!(
            name("2026-03-11T23:55:00-05:00"),
            "rollsafe-2026-03-11-report.pdf"
        );
        // Just after local midnight west of UTC.
        assert_eq!(
            name("2026-03-12T00:01:00-08:00"),
            "rollsafe-2026-03-12-report.pdf"
        );
        // The same instant, read in UTC, is another day.
        assert_eq!(
            name("2026-03-11T15:05:00Z"),
            "rollsafe-2026-03-11-report.pdf"
        );
    }

    #[test]
    fn the_csv_names_are_those_the_csv_export_makes() {
        let store = Store::open_in_memory().unwrap();
        let some = Sections {
            profile: false,
            alerts: false,
            ..Sections::ALL
        };
        for sections in [Sections::ALL, some] {
            let made: Vec<String> = csv::files(
                &store,
                &CsvOptions {
                    period: Period::everything(),
                    sections,
                    privacy: Privacy::default(),
                    utf8_bom: false,
                },
            )
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect();
            let options = ShareOptions {
                report: false,
                fhir: false,
                csv: true,
                backup: false,
                sections,
                sealed: false,
            };
            let planned: Vec<String> = share_files(&options, at("2026-03-12T10:00:00Z"))
                .into_iter()
                .filter_map(|f| f.csv_name)
                .collect();
            assert_eq!(planned, made);
        }
    }
}
