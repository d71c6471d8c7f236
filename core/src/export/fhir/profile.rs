//! The profile as bundle entries: which FHIR resource each answer becomes.
//!
//! An answer that applies becomes what it is: a Condition, the isotretinoin
//! MedicationStatement or the nickel AllergyIntolerance (see
//! [`super::conditions`]). Pregnancy is a state, not a disorder: it is an
//! Observation of pregnancy status (LOINC 82810-3), pregnant or not, as the
//! International Patient Summary records it. The skin type is an Observation
//! of the Fitzpatrick type, dated when the profile was saved.
//!
//! A "no" is stated, not left out: a clinic planning a procedure needs to
//! know the patient said they take no anticoagulants, and when. It is not a
//! Condition, which asserts a problem (and whose `refuted` status means ruled
//! out by clinical evidence, which a patient's answer is not), but an
//! Observation of the question answered, valued `false`. A question never
//! answered has no entry.

use serde_json::{Value, json};

use super::conditions::{self, AS_REPORTED};
use super::ids;
use super::json::{
    LOINC, SNOMED, date_time, hl7_concept, local_concept, note, reference, standard_concept,
};
use super::labels;
use crate::profile::{Condition, ConditionAnswer, Profile, SkinType};
use crate::time::Moment;

/// What an answer that applies becomes.
enum Form {
    /// A Condition; `active` when the question asks about the present.
    Condition { active: bool },
    /// The isotretinoin MedicationStatement.
    Medication,
    /// The nickel AllergyIntolerance.
    Allergy,
    /// The pregnancy status Observation (whatever the answer).
    PregnancyStatus,
}

fn form(condition: Condition) -> Form {
    use Condition::*;
    match condition {
        KeloidScarring | ColdSores => Form::Condition { active: false },
        InflammatorySkinDisease | Diabetes | Immunosuppression | BleedingRisk => {
            Form::Condition { active: true }
        }
        Isotretinoin => Form::Medication,
        NickelAllergy => Form::Allergy,
        Pregnancy => Form::PregnancyStatus,
    }
}

/// The entries of `profile`: the skin type, then each answer in the
/// profile's order.
pub fn entries(profile: &Profile, patient: &str) -> Vec<Value> {
    let mut entries: Vec<Value> = profile
        .skin_type
        .map(|skin| skin_type(skin, &profile.saved_at, patient))
        .into_iter()
        .collect();
    entries.extend(profile.answers.iter().map(|a| answer(a, patient)));
    entries
}

fn answer(answer: &ConditionAnswer, patient: &str) -> Value {
    let code = answer.condition.code();
    let key = format!("{patient}/{code}");
    match (form(answer.condition), answer.present) {
        (Form::PregnancyStatus, _) => pregnancy(answer, patient),
        (_, false) => answered_no(answer, patient),
        (Form::Condition { active }, true) => {
            conditions::condition(answer, &ids::derived("condition", &key), patient, active)
        }
        (Form::Medication, true) => {
            conditions::isotretinoin(answer, &ids::derived("medication-statement", &key), patient)
        }
        (Form::Allergy, true) => {
            conditions::nickel_allergy(answer, &ids::derived("allergy-intolerance", &key), patient)
        }
    }
}

/// An Observation of the patient's own answer, category `survey`.
fn answer_observation(
    id_key: &str,
    patient: &str,
    code: Value,
    at: &Moment,
    value: (&str, Value),
) -> Value {
    let mut resource = json!({
        "resourceType": "Observation",
        "id": ids::derived("profile-answer", &format!("{patient}/{id_key}")),
        "status": "final",
        "category": [hl7_concept("observation-category", "survey", "Survey")],
        "code": code,
        "subject": reference(patient),
        "effectiveDateTime": date_time(at),
        "performer": [reference(patient)],
        "note": [note(AS_REPORTED)],
    });
    if let Some(object) = resource.as_object_mut() {
        object.insert(value.0.to_owned(), value.1);
    }
    resource
}

fn answered_no(answer: &ConditionAnswer, patient: &str) -> Value {
    let condition = answer.condition;
    answer_observation(
        condition.code(),
        patient,
        local_concept(
            "profile-question",
            condition.code(),
            labels::condition(condition),
        ),
        &answer.confirmed_at,
        ("valueBoolean", Value::Bool(false)),
    )
}

fn pregnancy(answer: &ConditionAnswer, patient: &str) -> Value {
    // LOINC 82810-3 "Pregnancy status", valued SNOMED CT 77386006 "Pregnant" or
    // 60001007 "Not pregnant": the International Patient Summary's pregnancy
    // status (https://hl7.org/fhir/uv/ips/Observation-pregnancy-status-example.html
    // and ValueSet pregnancy-status-uv-ips,
    // https://hl7.org/fhir/uv/ips/2.0.1/en/ValueSet-pregnancy-status-uv-ips.html).
    let value = if answer.present {
        standard_concept(SNOMED, "77386006", "Pregnant")
    } else {
        standard_concept(SNOMED, "60001007", "Not pregnant")
    };
    answer_observation(
        answer.condition.code(),
        patient,
        standard_concept(LOINC, "82810-3", "Pregnancy status"),
        &answer.confirmed_at,
        ("valueCodeableConcept", value),
    )
}

fn skin_type(skin: SkinType, saved_at: &Moment, patient: &str) -> Value {
    answer_observation(
        "skin_type",
        patient,
        local_concept(
            "profile-item",
            "fitzpatrick-skin-type",
            "Fitzpatrick skin type",
        ),
        saved_at,
        (
            "valueCodeableConcept",
            local_concept(
                "fitzpatrick-skin-type",
                skin.code(),
                labels::skin_type(skin),
            ),
        ),
    )
}
