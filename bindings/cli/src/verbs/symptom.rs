//! `rollsafe symptom` and `rollsafe check-in`: a symptom report, linked by
//! the core to the session it is most likely about unless one is named.

use rollsafe_core::{NewSymptomReport, PusDescription, ReportKind, ReportedSymptom, Symptom};

use crate::args::actions::{CheckInArgs, CheckInHours, SymptomArgs};
use crate::args::codes::from_code;
use crate::failure::{ErrorCode, Failure};
use crate::text;
use crate::view::actions::SymptomReportView;

use super::{alerts, lookup, open, show};

/// Runs `rollsafe symptom`.
pub fn report(args: &SymptomArgs, json: bool) -> Result<(), Failure> {
    record(args, ReportKind::Report, json)
}

/// Runs `rollsafe check-in`.
pub fn check_in(args: &CheckInArgs, json: bool) -> Result<(), Failure> {
    let kind = match args.hours {
        CheckInHours::H24 => ReportKind::CheckIn24h,
        CheckInHours::H72 => ReportKind::CheckIn72h,
    };
    record(&args.report, kind, json)
}

fn record(args: &SymptomArgs, kind: ReportKind, json: bool) -> Result<(), Failure> {
    let symptoms = args
        .symptoms
        .iter()
        .map(|text| symptom(text))
        .collect::<Result<_, _>>()?;
    let session_id = args
        .session
        .as_deref()
        .map(lookup::session_id)
        .transpose()?;
    let (store, now) = open(&args.change)?;
    let new = NewSymptomReport {
        at: args.at.at.unwrap_or(now),
        kind,
        zones: args.zones.clone(),
        around_eye: args.around_eye,
        symptoms,
        overall_severity: args.severity,
        pus: args
            .pus_colour
            .zip(args.pus_consistency)
            .map(|(colour, consistency)| PusDescription {
                colour,
                consistency,
            }),
        temperature_c: args.temperature,
        trend: args.trend,
        notes: args.notes.clone(),
        photos: vec![],
        session_id,
    };
    let changed = store.record_symptom_report(new, now)?;
    let view = SymptomReportView::new(&changed.value, alerts(&changed.alerts));
    show(json, "symptom", &view, text::actions::symptom)
}

/// `SYMPTOM` or `SYMPTOM=SEVERITY`; the core checks the severity's range.
fn symptom(text: &str) -> Result<ReportedSymptom, Failure> {
    let bad = |why: &str| {
        Failure::input(format!("--symptom {why} (see `rollsafe symptom --help`)"))
            .coded(ErrorCode::InvalidInput)
            .at_field("symptom")
    };
    let (code, severity) = match text.split_once('=') {
        Some((code, n)) => (
            code,
            Some(
                n.parse::<u8>()
                    .map_err(|_| bad("needs a severity from 0 to 10"))?,
            ),
        ),
        None => (text, None),
    };
    let symptom = from_code::<Symptom>(code).ok_or_else(|| bad("names no known symptom"))?;
    Ok(ReportedSymptom { symptom, severity })
}
