//! Condition, MedicationStatement and AllergyIntolerance: the profile
//! answers that say something applies, as the patient reported them.
//!
//! Every one is the patient's own answer, never a clinician's finding: the
//! patient is its asserter and recorder, its date is when the patient last
//! confirmed it, and its verification status is `unconfirmed` (FHIR R4: "not
//! sufficient diagnostic and/or clinical evidence to treat this as a
//! confirmed condition"). A clinical status is given only where the question
//! asks about now: "a history of" keloid scars or cold sores says nothing of
//! whether the condition is active today, so it has none.
//!
//! "Anticoagulants or a bleeding disorder" is one question whose answer does
//! not say which: a MedicationStatement would claim a medicine and a
//! bleeding-disorder code a diagnosis, so it is a Condition with a local code
//! naming exactly what was asked.

use serde_json::{Value, json};

use super::json::{SNOMED, date_time, hl7_concept, local_concept, note, reference, set};
use super::labels;
use crate::profile::{Condition, ConditionAnswer};

/// Said on every entry made from a profile answer.
pub const AS_REPORTED: &str =
    "As the patient answered RollSafe's profile question; not confirmed by a clinician.";

/// The code of a profile condition: SNOMED CT where one was verified, else
/// RollSafe's own, with the question's wording as display and text.
pub fn condition_code(condition: Condition) -> Value {
    match condition {
        // SNOMED CT 73211009 "Diabetes mellitus": HL7 FHIR Clinical Guidelines,
        // ValueSet ckd-valueset-diabetes
        // (https://hl7.org/fhir/uv/cpg/ValueSet-ckd-valueset-diabetes.html).
        Condition::Diabetes => json!({
            "coding": [{ "system": SNOMED, "code": "73211009", "display": "Diabetes mellitus" }],
            "text": labels::condition(condition),
        }),
        other => local_concept("condition", other.code(), labels::condition(other)),
    }
}

/// The Condition for a profile answer that applies; `id` is its entry's id
/// and `active` says whether the question asks about the present.
pub fn condition(answer: &ConditionAnswer, id: &str, patient: &str, active: bool) -> Value {
    let mut resource = json!({
        "resourceType": "Condition",
        "id": id,
        "verificationStatus": hl7_concept("condition-ver-status", "unconfirmed", "Unconfirmed"),
        "code": condition_code(answer.condition),
        "subject": reference(patient),
        "recordedDate": date_time(&answer.confirmed_at),
        "recorder": reference(patient),
        "asserter": reference(patient),
        "note": [note(AS_REPORTED)],
    });
    if active {
        set(
            &mut resource,
            "clinicalStatus",
            Some(hl7_concept("condition-clinical", "active", "Active")),
        );
    }
    resource
}

/// The MedicationStatement for isotretinoin: still taken, or taken until
/// the stop date the patient gave (the start was not asked).
pub fn isotretinoin(answer: &ConditionAnswer, id: &str, patient: &str) -> Value {
    let (status, when) = match answer.stopped_on {
        Some(day) => ("completed", format!("Taken in the past; stopped on {day}.")),
        None => (
            "active",
            "Still taken; when it was started was not asked.".to_owned(),
        ),
    };
    let mut resource = json!({
        "resourceType": "MedicationStatement",
        "id": id,
        "status": status,
        "medicationCodeableConcept": local_concept("medication", "isotretinoin", "Isotretinoin"),
        "subject": reference(patient),
        "dateAsserted": date_time(&answer.confirmed_at),
        "informationSource": reference(patient),
        "note": [note(&when), note(AS_REPORTED)],
    });
    if let Some(day) = answer.stopped_on {
        set(
            &mut resource,
            "effectivePeriod",
            Some(json!({ "end": day.to_string() })),
        );
    }
    resource
}

/// The AllergyIntolerance for a nickel allergy: a contact allergen, so of
/// the `environment` category; active, since the patient says it applies.
pub fn nickel_allergy(answer: &ConditionAnswer, id: &str, patient: &str) -> Value {
    json!({
        "resourceType": "AllergyIntolerance",
        "id": id,
        "clinicalStatus": hl7_concept("allergyintolerance-clinical", "active", "Active"),
        "verificationStatus": hl7_concept("allergyintolerance-verification", "unconfirmed", "Unconfirmed"),
        "type": "allergy",
        "category": ["environment"],
        "code": condition_code(answer.condition),
        "patient": reference(patient),
        "recordedDate": date_time(&answer.confirmed_at),
        "recorder": reference(patient),
        "asserter": reference(patient),
        "note": [note(AS_REPORTED)],
    })
}
