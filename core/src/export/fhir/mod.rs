//! The FHIR R4 bundle: the log as structured data, for clinics whose systems
//! take FHIR rather than a PDF.
//!
//! A `collection` Bundle (JSON) whose entries are, in this order:
//!
//! | log | FHIR R4 resource | section |
//! |---|---|---|
//! | the user | Patient: pseudonymous unless a name is given | always |
//! | the PDF exported alongside | DocumentReference (digest, not the bytes) | when given |
//! | a device | Device, with needle length and material as properties | devices |
//! | owning and using it | DeviceUseStatement | devices |
//! | a session | Procedure, performed by the patient | sessions |
//! | a symptom report | Observation, performed by the patient | symptoms |
//! | a current triage prompt | RiskAssessment | symptoms |
//! | a rise or fall of a risk level | RiskAssessment | alerts |
//!
//! The profile, cleanings and care plan have no entry yet (they are in the
//! PDF and the CSV files). Every entry's `fullUrl` is `urn:uuid:` and its id,
//! which is our own record id where there is one; references point at those
//! `fullUrl`s and only at entries present in the bundle. The same store,
//! options and `now` always give the same bytes: keys are written in
//! alphabetical order and records oldest first.

mod devices;
mod document;
mod ids;
mod json;
mod labels;
mod observations;
mod procedures;
mod risks;
mod selection;

pub use document::{AttachedReport, MAX_ATTACHMENT_BYTES};
pub use json::{LOCAL_CODES, LOCAL_EXTENSIONS};

use serde_json::{Value, json};

use self::json::{date_time, full_url};
use self::selection::Selection;
use crate::error::{Error, Result};
use crate::export::{Period, Privacy, Sections};
use crate::store::Store;
use crate::time::{self, Moment};
use crate::validate;

/// What a FHIR bundle covers and says about the user.
#[derive(Clone, Debug, PartialEq)]
pub struct FhirOptions {
    /// The local days covered.
    pub period: Period,
    /// The sections included.
    pub sections: Sections,
    /// Whether notes are withheld and photos named.
    pub privacy: Privacy,
    /// The name to put on the Patient; `None` leaves the Patient
    /// pseudonymous (an id only).
    pub patient_name: Option<String>,
    /// The PDF report exported alongside, if any, to describe in a
    /// DocumentReference.
    pub report: Option<AttachedReport>,
}

impl FhirOptions {
    /// Everything, pseudonymous, notes included, no PDF.
    pub fn everything() -> Self {
        Self {
            period: Period::everything(),
            sections: Sections::ALL,
            privacy: Privacy::default(),
            patient_name: None,
            report: None,
        }
    }
}

/// The FHIR R4 Bundle (type `collection`) of `store` as `options` choose,
/// made at `now`, as pretty-printed JSON.
pub fn bundle(store: &Store, options: &FhirOptions, now: Moment) -> Result<String> {
    let now = time::check_plausible("now", now)?;
    let name = options
        .patient_name
        .as_deref()
        .map(|n| validate::label("patient_name", n))
        .transpose()?;
    let selection = Selection::read(store, &options.sections, &options.period, now)?;
    let patient = selection.patient_id.as_str();
    let privacy = &options.privacy;

    let mut entries = vec![patient_resource(patient, name.as_deref())];
    if let Some(report) = &options.report {
        entries.push(document::document(report, patient)?);
    }
    for (device, wear) in &selection.devices {
        entries.push(devices::device(device, wear, patient, privacy));
    }
    for (device, _) in &selection.devices {
        entries.push(devices::use_statement(device, patient, &selection.sessions));
    }
    for session in &selection.sessions {
        let with_device = selection.has_device(session.device_id);
        entries.push(procedures::procedure(
            session,
            patient,
            with_device,
            privacy,
        ));
    }
    for report in &selection.reports {
        let with_session = report.session_id.is_some_and(|s| selection.has_session(s));
        entries.push(observations::observation(
            report,
            patient,
            with_session,
            privacy,
        ));
    }
    for alert in &selection.alerts {
        entries.push(risks::from_alert(alert, patient));
    }
    for prompt in &selection.prompts {
        entries.push(risks::from_prompt(prompt, patient, &now));
    }

    let entries: Vec<Value> = entries.into_iter().map(entry).collect::<Result<_>>()?;
    let bundle = json!({
        "resourceType": "Bundle",
        "id": ids::derived(
            "bundle",
            &format!("{patient}/{}/{}/{}", date_time(&now), options.period.from(), options.period.to()),
        ),
        "type": "collection",
        "timestamp": date_time(&now),
        "entry": entries,
    });
    serde_json::to_string_pretty(&bundle)
        .map_err(|e| Error::Inconsistent(format!("the FHIR bundle could not be written: {e}")))
}

fn patient_resource(id: &str, name: Option<&str>) -> Value {
    let mut patient = json!({ "resourceType": "Patient", "id": id, "active": true });
    json::set(&mut patient, "name", name.map(|n| json!([{ "text": n }])));
    patient
}

/// Wraps a resource in a bundle entry whose `fullUrl` is its id.
fn entry(resource: Value) -> Result<Value> {
    let id = resource
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::Inconsistent("a FHIR resource was built without an id".into()))?;
    Ok(json!({ "fullUrl": full_url(id), "resource": resource }))
}
