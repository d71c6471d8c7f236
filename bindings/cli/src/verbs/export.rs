//! `rollsafe export`: the JSON backup, the FHIR R4 bundle or the CSV files,
//! all made by the core; this verb only picks the options and the files.

use std::io::IsTerminal;
use std::path::Path;

use rollsafe_core::export::csv::{self, CsvOptions};
use rollsafe_core::export::fhir::{self, FhirOptions};
use rollsafe_core::export::{Period, Privacy, Sections};
use rollsafe_core::{Moment, Store};

use crate::args::{ExportArgs, ExportFormat};
use crate::failure::Failure;
use crate::{clock, log_file, output, paths, period};

/// Runs `rollsafe export`.
pub fn run(args: &ExportArgs) -> Result<(), Failure> {
    check_options(args)?;
    let period = period::chosen(&args.period)?;
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let now = clock::now_or_clock(args.now.now);
    let privacy = Privacy {
        redact_notes: args.redact_notes,
        include_photo_references: args.photo_references,
    };
    match args.format {
        ExportFormat::Json => {
            let document = store.export_backup(period, now)?;
            emit(&document, args.out.as_deref(), args.force)
        }
        ExportFormat::Fhir => {
            let bundle = fhir_bundle(&store, args, period, privacy, now)?;
            emit(&bundle, args.out.as_deref(), args.force)
        }
        ExportFormat::Csv => {
            let dir = args.out.as_deref().ok_or_else(|| {
                Failure::input("csv writes one file per kind of record: give --out DIR")
            })?;
            let options = CsvOptions {
                period: period.unwrap_or_else(Period::everything),
                sections: Sections::ALL,
                privacy,
            };
            write_csv(&store, &options, dir, args.force)
        }
    }
}

/// Refuses options that mean nothing for the chosen format, rather than
/// ignoring them: a backup is always whole, so `--redact-notes` on it would
/// give a false sense of privacy.
fn check_options(args: &ExportArgs) -> Result<(), Failure> {
    let format = args.format;
    let misplaced = [
        (
            "--redact-notes",
            args.redact_notes,
            format != ExportFormat::Json,
        ),
        (
            "--photo-references",
            args.photo_references,
            format != ExportFormat::Json,
        ),
        (
            "--patient-name",
            args.patient_name.is_some(),
            format == ExportFormat::Fhir,
        ),
    ]
    .into_iter()
    .find(|(_, given, allowed)| *given && !*allowed);
    match misplaced {
        Some((option, _, _)) => Err(Failure::input(format!(
            "{option} does not apply to --format {}{}",
            format_name(format),
            if format == ExportFormat::Json {
                " (a backup always keeps the whole log)"
            } else {
                ""
            }
        ))),
        None => Ok(()),
    }
}

fn format_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "json",
        ExportFormat::Fhir => "fhir",
        ExportFormat::Csv => "csv",
    }
}

fn fhir_bundle(
    store: &Store,
    args: &ExportArgs,
    period: Option<Period>,
    privacy: Privacy,
    now: Moment,
) -> rollsafe_core::Result<String> {
    let options = FhirOptions {
        period: period.unwrap_or_else(Period::everything),
        sections: Sections::ALL,
        privacy,
        patient_name: args.patient_name.clone(),
        report: None,
    };
    fhir::bundle(store, &options, now)
}

/// Writes one document, byte for byte as the core made it (so it matches
/// the phones' export of the same log), to `out` or to standard output; a
/// terminal also gets a final line break.
fn emit(document: &str, out: Option<&Path>, force: bool) -> Result<(), Failure> {
    match out {
        Some(path) => {
            output::write_file(path, document.as_bytes(), force)?;
            super::print(&format!(
                "Wrote {} ({} bytes)\n",
                path.display(),
                document.len()
            ))
        }
        None if std::io::stdout().is_terminal() => super::print(&format!("{document}\n")),
        None => super::print(document),
    }
}

/// Writes each CSV file into `dir`, refusing before writing any if one
/// exists (unless `force`).
fn write_csv(store: &Store, options: &CsvOptions, dir: &Path, force: bool) -> Result<(), Failure> {
    let files = csv::files(store, options)?;
    output::create_dir(dir)?;
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    output::check_free(dir, &names, force)?;
    for file in &files {
        output::write_file(&dir.join(&file.name), file.contents.as_bytes(), force)?;
    }
    super::print(&format!(
        "Wrote {} files to {}: {}\n",
        files.len(),
        dir.display(),
        names.join(", ")
    ))
}
