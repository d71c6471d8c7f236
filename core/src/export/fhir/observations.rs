//! Observation: one symptom report, made by the patient about themself.
//!
//! Each symptom is a component (the severity 0 to 10 when rated, else
//! "present"); the overall severity, a measured temperature (LOINC 8310-5,
//! UCUM `Cel`), a reaction around the eye and the look of any pus are
//! components too, and so is the user's own "worse / same / better than
//! before". Photos stay on the device: with the user's consent only
//! their names and SHA-256 are noted.

use serde_json::{Value, json};

use super::json::{LOINC, UCUM, date_time, local_concept, note, reference, set, text_concept};
use super::labels;
use crate::export::Privacy;
use crate::export::notes;
use crate::symptom::SymptomReport;

/// The Observation for `report`; `session_in_bundle` says whether the
/// linked session's Procedure is there to be referred to.
pub fn observation(
    report: &SymptomReport,
    patient: &str,
    session_in_bundle: bool,
    privacy: &Privacy,
) -> Value {
    let mut components: Vec<Value> = report
        .symptoms
        .iter()
        .map(|s| {
            let code = local_concept("symptom", s.symptom.code(), s.symptom.label());
            match s.severity {
                Some(severity) => json!({ "code": code, "valueInteger": severity }),
                None => json!({ "code": code, "valueCodeableConcept": text_concept("present, severity not rated") }),
            }
        })
        .collect();
    components.push(json!({
        "code": local_concept("report-item", "overall-severity", "Overall severity, 0 (none) to 10 (worst)"),
        "valueInteger": report.overall_severity,
    }));
    if report.around_eye {
        components.push(json!({
            "code": local_concept("report-item", "around-eye", "Area around an eye affected"),
            "valueBoolean": true,
        }));
    }
    if let Some(pus) = report.pus {
        components.push(json!({
            "code": local_concept("report-item", "pus-colour", "Colour of pus"),
            "valueCodeableConcept": local_concept("pus-colour", pus.colour.code(), pus.colour.code()),
        }));
        components.push(json!({
            "code": local_concept("report-item", "pus-consistency", "Consistency of pus"),
            "valueCodeableConcept": local_concept("pus-consistency", pus.consistency.code(), pus.consistency.code()),
        }));
    }
    if let Some(trend) = report.trend {
        components.push(json!({
            "code": local_concept("report-item", "trend", "Compared with before, as the user said"),
            "valueCodeableConcept": local_concept("trend", trend.code(), trend.label()),
        }));
    }
    if let Some(t) = report.temperature_c {
        components.push(json!({
            "code": {
                "coding": [{ "system": LOINC, "code": "8310-5", "display": "Body temperature" }],
                "text": "Body temperature",
            },
            "valueQuantity": { "value": t, "unit": "°C", "system": UCUM, "code": "Cel" },
        }));
    }
    if let Some(resolved) = &report.resolved_at {
        components.push(json!({
            "code": local_concept("report-item", "resolved", "Marked resolved by the patient"),
            "valueDateTime": date_time(resolved),
        }));
    }

    let zones: Vec<&str> = report.zones.iter().map(|z| labels::zone(*z)).collect();
    let body_site = match report.zones.as_slice() {
        [only] => local_concept("body-zone", only.code(), labels::zone(*only)),
        _ => text_concept(&zones.join(", ")),
    };
    let mut notes_out = Vec::new();
    if let Some(text) = notes::shown(privacy, report.notes.as_deref()) {
        notes_out.push(note(&text));
    }
    if privacy.include_photo_references {
        for photo in &report.photos {
            notes_out.push(note(&format!(
                "Photo kept on the patient's device: {} (SHA-256 {})",
                photo.file, photo.sha256
            )));
        }
    }

    let mut resource = json!({
        "resourceType": "Observation",
        "id": report.id.to_string(),
        "status": "final",
        "code": local_concept("report-kind", report.kind.code(), labels::report_kind(report.kind)),
        "subject": reference(patient),
        "effectiveDateTime": date_time(&report.at),
        "issued": date_time(&report.recorded_at),
        "performer": [reference(patient)],
        "bodySite": body_site,
        "component": components,
    });
    if let (true, Some(session)) = (session_in_bundle, report.session_id) {
        set(
            &mut resource,
            "partOf",
            Some(json!([reference(&session.to_string())])),
        );
    }
    set(&mut resource, "note", Some(Value::Array(notes_out)));
    resource
}
