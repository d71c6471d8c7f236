//! `rollsafe export`: the JSON backup, the FHIR R4 bundle or the CSV files,
//! all made by the core; this verb only picks the options and the files,
//! and seals them with `--seal`.

use std::io::IsTerminal;
use std::path::Path;

use rollsafe_core::export::csv::{self, CsvOptions};
use rollsafe_core::export::fhir::{self, FhirOptions};
use rollsafe_core::export::{Period, Privacy, Sections};
use rollsafe_core::{Moment, Store};

use crate::args::{ExportArgs, ExportFormat};
use crate::failure::Failure;
use crate::{clock, log_file, output, paths, period, sealing, sections, view};

/// Runs `rollsafe export`. Without `--out`, or with `--out -`, the
/// document goes to standard output.
pub fn run(args: &ExportArgs, json: bool) -> Result<(), Failure> {
    check_options(args)?;
    let out = args.out.as_deref().filter(|p| !output::is_stdout(p));
    if json && out.is_none() && args.format != ExportFormat::Csv {
        return Err(Failure::input(
            "--json describes the files written: give --out PATH (without it, the document itself is the output)",
        )
        .at_field("json"));
    }
    let chosen = sections::chosen(&args.sections);
    let passphrase = sealing::for_output(args.seal.seal, args.out.as_deref())?;
    let passphrase = passphrase.as_deref();
    let period = period::chosen(&args.period)?;
    let path = paths::db_or_default(args.db.db.as_deref());
    let store = log_file::open_existing(&path)?;
    let now = clock::now_or_clock(args.now.now);
    let privacy = Privacy {
        redact_notes: args.redact_notes,
        include_photo_references: args.photo_references,
        identify_patient: args.identify,
    };
    match args.format {
        ExportFormat::Json => {
            let document = store.export_backup(period, now)?;
            emit(&document, out, args.force, passphrase, json)
        }
        ExportFormat::Fhir => {
            let bundle = fhir_bundle(&store, period, chosen, privacy, now)?;
            emit(&bundle, out, args.force, passphrase, json)
        }
        ExportFormat::Csv => {
            let dir = out.ok_or_else(|| {
                Failure::input("csv writes one file per kind of record: give --out DIR")
                    .at_field("out")
            })?;
            let options = CsvOptions {
                period: period.unwrap_or_else(Period::everything),
                sections: chosen,
                privacy,
                utf8_bom: args.bom,
            };
            let target = Target {
                dir,
                force: args.force,
                passphrase,
                json,
            };
            write_csv(&store, &options, &target, now)
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
        ("--identify", args.identify, format == ExportFormat::Fhir),
        ("--bom", args.bom, format == ExportFormat::Csv),
        (
            "--sections",
            !args.sections.sections.is_empty(),
            format != ExportFormat::Json,
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
    period: Option<Period>,
    sections: Sections,
    privacy: Privacy,
    now: Moment,
) -> rollsafe_core::Result<String> {
    let options = FhirOptions {
        period: period.unwrap_or_else(Period::everything),
        sections,
        privacy,
        report: None,
    };
    fhir::bundle(store, &options, now)
}

/// Writes one document, byte for byte as the core made it (so it matches
/// the phones' export of the same log), to `out` or to standard output; a
/// terminal also gets a final line break. With a passphrase the file is
/// sealed (and `out` is given: [`sealing::for_output`] checked).
fn emit(
    document: &str,
    out: Option<&Path>,
    force: bool,
    passphrase: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    match out {
        Some(path) => {
            let (path, bytes) = sealing::prepare(path, document.as_bytes(), passphrase)?;
            output::write_file(&path, &bytes, force)?;
            if json {
                let view = output::written(&[(&path, bytes.len())], passphrase.is_some());
                return super::print(&view::to_json("export", &view)?);
            }
            super::print(&format!(
                "Wrote {} ({} bytes{})\n",
                path.display(),
                bytes.len(),
                if passphrase.is_some() { ", sealed" } else { "" }
            ))
        }
        None => match passphrase {
            Some(passphrase) => {
                let (_, bytes) =
                    sealing::prepare(Path::new("-"), document.as_bytes(), Some(passphrase))?;
                output::write_stdout(&bytes)
            }
            None if std::io::stdout().is_terminal() => super::print(&format!("{document}\n")),
            None => super::print(document),
        },
    }
}

/// Writes each CSV file into `dir` (each sealed with a passphrase),
/// refusing before writing any if one exists (unless `force`).
/// Where and how the CSV set is written.
struct Target<'a> {
    dir: &'a Path,
    force: bool,
    passphrase: Option<&'a str>,
    json: bool,
}

/// Writes the CSV files into `target.dir`; sealed, the whole set as one
/// ZIP archive (`csv.zip.age`), so one passphrase opens it, as the apps'
/// sealed shares carry it.
fn write_csv(
    store: &Store,
    options: &CsvOptions,
    target: &Target<'_>,
    now: Moment,
) -> Result<(), Failure> {
    let Target {
        dir,
        force,
        passphrase,
        json,
    } = *target;
    let plain: Vec<(String, Vec<u8>)> = if passphrase.is_some() {
        vec![("csv.zip".to_owned(), csv::archive(store, options, now)?)]
    } else {
        csv::files(store, options)?
            .into_iter()
            .map(|f| (f.name, f.contents.into_bytes()))
            .collect()
    };
    let files = plain
        .iter()
        .map(|(name, bytes)| sealing::prepare(&dir.join(name), bytes, passphrase))
        .map(|prepared| prepared.map(|(path, bytes)| (path, bytes.into_owned())))
        .collect::<Result<Vec<_>, Failure>>()?;
    output::create_dir(dir)?;
    let names: Vec<String> = files
        .iter()
        .filter_map(|(path, _)| path.file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    output::check_free(dir, &name_refs, force)?;
    for (path, bytes) in &files {
        output::write_file(path, bytes, force)?;
    }
    if json {
        let written: Vec<(&Path, usize)> =
            files.iter().map(|(p, b)| (p.as_path(), b.len())).collect();
        let view = output::written(&written, passphrase.is_some());
        return super::print(&view::to_json("export", &view)?);
    }
    let noun = if passphrase.is_some() {
        "sealed file"
    } else {
        "file"
    };
    super::print(&format!(
        "Wrote {} to {}: {}\n",
        crate::text::plural(files.len() as u64, noun),
        dir.display(),
        names.join(", ")
    ))
}
