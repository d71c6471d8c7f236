//! The FHIR bundle as a clinic's record: the profile's conditions,
//! medication, allergy, pregnancy status and skin type, the cleanings and the
//! care plan are entries of their own, each only when its section is on, and
//! every code has one display. Each bundle is checked by both validators
//! (see `fhir_validator`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod export_story;
mod fhir_validator;

use std::collections::{BTreeMap, BTreeSet};

use export_story::{PROFILE_REVISED, at, build, date, now};
use fhir_validator::assert_valid;
use rollsafe_core::export::fhir::{FhirOptions, bundle};
use rollsafe_core::export::{Period, Sections};
use rollsafe_core::{Condition, ConditionAnswer, ProfileUpdate, SkinType, Store};
use serde_json::Value;

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn export(store: &Store, options: &FhirOptions) -> Value {
    let json = bundle(store, options, now()).unwrap();
    assert_valid(&json);
    serde_json::from_str(&json).unwrap()
}

fn first_code(concept: &Value) -> (&str, &str) {
    let coding = &concept["coding"][0];
    (
        coding["system"].as_str().unwrap(),
        coding["code"].as_str().unwrap(),
    )
}

fn patient_reference(bundle: &Value) -> String {
    format!(
        "urn:uuid:{}",
        resources(bundle, "Patient")[0]["id"].as_str().unwrap()
    )
}

/// The Procedures that record cleanings (not sessions).
fn cleanings(bundle: &Value) -> Vec<&Value> {
    resources(bundle, "Procedure")
        .into_iter()
        .filter(|p| p["code"]["coding"][0]["code"] == "device-cleaning")
        .collect()
}

#[test]
fn the_profile_cleanings_and_care_plan_are_entries_as_the_story_says() {
    let story = build();
    let value = export(&story.store, &FhirOptions::everything());
    let patient = patient_reference(&value);

    // Cold sores, answered yes on 19 March: a patient-reported Condition.
    let conditions = resources(&value, "Condition");
    assert_eq!(conditions.len(), 1, "{conditions:?}");
    let sores = conditions[0];
    assert_eq!(first_code(&sores["code"]).1, "cold_sores");
    assert_eq!(sores["recordedDate"], PROFILE_REVISED);
    assert_eq!(sores["subject"]["reference"], patient);
    assert_eq!(sores["asserter"]["reference"], patient);
    assert_eq!(
        first_code(&sores["verificationStatus"]),
        (
            "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            "unconfirmed"
        )
    );

    // Isotretinoin, stopped on 10 January 2025, as confirmed in January.
    let medications = resources(&value, "MedicationStatement");
    assert_eq!(medications.len(), 1);
    let isotretinoin = medications[0];
    assert_eq!(isotretinoin["status"], "completed");
    assert_eq!(isotretinoin["effectivePeriod"]["end"], "2025-01-10");
    assert_eq!(isotretinoin["dateAsserted"], "2026-01-05T12:00:00+01:00");
    assert_eq!(isotretinoin["informationSource"]["reference"], patient);

    // The nickel allergy.
    let allergies = resources(&value, "AllergyIntolerance");
    assert_eq!(allergies.len(), 1);
    let nickel = allergies[0];
    assert_eq!(nickel["category"], serde_json::json!(["environment"]));
    assert_eq!(first_code(&nickel["clinicalStatus"]).1, "active");
    assert_eq!(nickel["recordedDate"], PROFILE_REVISED);
    assert_eq!(nickel["patient"]["reference"], patient);

    // Pregnancy answered no, skin type IV, bleeding risk answered no: three
    // Observations besides the symptom reports.
    let observations = resources(&value, "Observation");
    assert_eq!(observations.len(), story.reports.len() + 3);
    let pregnancy: Vec<_> = observations
        .iter()
        .filter(|o| first_code(&o["code"]) == ("http://loinc.org", "82810-3"))
        .collect();
    assert_eq!(pregnancy.len(), 1);
    assert_eq!(
        first_code(&pregnancy[0]["valueCodeableConcept"]),
        ("http://snomed.info/sct", "60001007")
    );
    assert_eq!(pregnancy[0]["effectiveDateTime"], PROFILE_REVISED);
    let skin: Vec<_> = observations
        .iter()
        .filter(|o| first_code(&o["code"]).1 == "fitzpatrick-skin-type")
        .collect();
    assert_eq!(skin.len(), 1);
    assert_eq!(first_code(&skin[0]["valueCodeableConcept"]).1, "IV");
    let answered_no: Vec<_> = observations
        .iter()
        .filter(|o| o["valueBoolean"] == false)
        .collect();
    assert_eq!(answered_no.len(), 1, "bleeding risk, answered no");
    assert_eq!(first_code(&answered_no[0]["code"]).1, "bleeding_risk");

    // Every cleaning is a Procedure on its device, which is in the bundle.
    let recorded: usize = story
        .devices
        .iter()
        .map(|d| story.store.cleanings(d.id).unwrap().len())
        .sum();
    assert!(recorded > 0);
    let cleaned = cleanings(&value);
    assert_eq!(cleaned.len(), recorded);
    assert_eq!(
        resources(&value, "Procedure").len(),
        story.sessions.len() + recorded
    );
    let devices: BTreeSet<String> = resources(&value, "Device")
        .iter()
        .map(|d| format!("urn:uuid:{}", d["id"].as_str().unwrap()))
        .collect();
    for cleaning in &cleaned {
        let device = cleaning["focalDevice"][0]["manipulated"]["reference"]
            .as_str()
            .unwrap();
        assert!(devices.contains(device), "{cleaning}");
        assert_eq!(cleaning["performer"][0]["actor"]["reference"], patient);
    }

    // The care plan: active, entered by the patient for the dermatologist,
    // one activity per rest, needle limit and product kept away.
    let plans = resources(&value, "CarePlan");
    assert_eq!(plans.len(), 1);
    let plan = plans[0];
    assert_eq!(plan["status"], "active");
    assert_eq!(plan["intent"], "plan");
    assert_eq!(plan["author"]["reference"], patient);
    assert_eq!(plan["created"], "2026-01-06T10:00:00+01:00");
    assert!(
        plan["description"]
            .as_str()
            .unwrap()
            .contains("Dr Amara Osei, dermatologist"),
        "{plan}"
    );
    let activities: Vec<&str> = plan["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["detail"]["description"].as_str().unwrap())
        .collect();
    assert_eq!(activities.len(), 5, "{activities:?}");
    assert!(activities.iter().any(|a| a.contains("14 days")));
    assert_eq!(
        activities.iter().filter(|a| a.contains("0.5 mm")).count(),
        3
    );
}

#[test]
fn sections_switched_off_leave_no_profile_cleaning_or_plan_entry() {
    let story = build();
    let options = FhirOptions {
        sections: Sections {
            profile: false,
            cleanings: false,
            care_plan: false,
            ..Sections::ALL
        },
        ..FhirOptions::everything()
    };
    let value = export(&story.store, &options);
    for kind in [
        "Condition",
        "MedicationStatement",
        "AllergyIntolerance",
        "CarePlan",
    ] {
        assert!(resources(&value, kind).is_empty(), "{kind}");
    }
    assert_eq!(resources(&value, "Observation").len(), story.reports.len());
    assert_eq!(resources(&value, "Procedure").len(), story.sessions.len());

    // Cleanings without their devices refer to none.
    let no_devices = FhirOptions {
        sections: Sections {
            devices: false,
            ..Sections::ALL
        },
        ..FhirOptions::everything()
    };
    let value = export(&story.store, &no_devices);
    let cleaned = cleanings(&value);
    assert!(!cleaned.is_empty());
    assert!(cleaned.iter().all(|c| c.get("focalDevice").is_none()));

    // Before the plan was set, there is no plan; the profile is the current
    // one whatever the period, as in the PDF and the CSV files.
    let before_plan = FhirOptions {
        period: Period::new(date(2026, 1, 1), date(2026, 1, 5)).unwrap(),
        ..FhirOptions::everything()
    };
    let value = export(&story.store, &before_plan);
    assert!(resources(&value, "CarePlan").is_empty());
    assert_eq!(resources(&value, "AllergyIntolerance").len(), 1);
}

/// Walks `value`, recording the displays of every coding.
fn displays(value: &Value, seen: &mut BTreeMap<(String, String), BTreeSet<String>>) {
    match value {
        Value::Object(object) => {
            if let (Some(Value::String(system)), Some(Value::String(code))) =
                (object.get("system"), object.get("code"))
            {
                if let Some(Value::String(display)) = object.get("display") {
                    seen.entry((system.clone(), code.clone()))
                        .or_default()
                        .insert(display.clone());
                }
            }
            for item in object.values() {
                displays(item, seen);
            }
        }
        Value::Array(items) => {
            for item in items {
                displays(item, seen);
            }
        }
        _ => {}
    }
}

#[test]
fn every_code_has_one_display() {
    let story = build();
    let value = export(&story.store, &FhirOptions::everything());
    let mut seen = BTreeMap::new();
    displays(&value, &mut seen);
    assert!(seen.len() > 20, "the walk finds the codings: {seen:?}");
    let twice: Vec<_> = seen.iter().filter(|(_, d)| d.len() > 1).collect();
    assert!(twice.is_empty(), "codes with two displays: {twice:?}");
}

/// The validators check the required bindings and invariants of the new
/// resources, which fhir.resources alone does not.
#[test]
fn the_validators_reject_bad_clinical_entries() {
    let story = build();
    let json = bundle(&story.store, &FhirOptions::everything(), now()).unwrap();
    let mut value: Value = serde_json::from_str(&json).unwrap();
    for entry in value["entry"].as_array_mut().unwrap() {
        let resource = &mut entry["resource"];
        match resource["resourceType"].as_str().unwrap() {
            "Condition" => resource["verificationStatus"]["coding"][0]["code"] = "maybe".into(),
            "AllergyIntolerance" => {
                resource.as_object_mut().unwrap().remove("clinicalStatus");
            }
            "CarePlan" => resource["intent"] = "wish".into(),
            "MedicationStatement" => resource["status"] = "finished".into(),
            _ => {}
        }
    }
    for verdict in fhir_validator::validate(&value.to_string()) {
        let (models, text) = (verdict.models, &verdict.text);
        assert!(!verdict.valid, "a broken bundle passed {models}:\n{text}");
        for expected in [
            "condition-ver-status|maybe",
            "ait-1",
            "intent 'wish'",
            "status 'finished'",
        ] {
            assert!(text.contains(expected), "{models}: {expected}: {text}");
        }
    }
}

#[test]
fn every_profile_answer_yes_is_a_valid_entry() {
    let store = Store::open_in_memory().unwrap();
    let when = at("2026-03-01T09:00:00+01:00");
    store
        .save_profile(
            ProfileUpdate {
                skin_type: Some(SkinType::Vi),
                answers: Condition::ALL
                    .into_iter()
                    .map(|condition| ConditionAnswer {
                        condition,
                        present: true,
                        stopped_on: None,
                        confirmed_at: when,
                    })
                    .collect(),
                ..ProfileUpdate::default()
            },
            when,
        )
        .unwrap();
    let value = export(&store, &FhirOptions::everything());
    let conditions: BTreeSet<&str> = resources(&value, "Condition")
        .iter()
        .map(|c| first_code(&c["code"]).1)
        .collect();
    // Diabetes has its SNOMED CT code; the others are RollSafe's own.
    assert_eq!(conditions.len(), 6, "{conditions:?}");
    assert!(conditions.contains("73211009"), "{conditions:?}");
    let isotretinoin = resources(&value, "MedicationStatement")[0];
    assert_eq!(isotretinoin["status"], "active");
    assert!(isotretinoin.get("effectivePeriod").is_none());
    assert_eq!(resources(&value, "AllergyIntolerance").len(), 1);
    let pregnancy = resources(&value, "Observation")
        .into_iter()
        .find(|o| first_code(&o["code"]).1 == "82810-3")
        .unwrap();
    assert_eq!(
        first_code(&pregnancy["valueCodeableConcept"]),
        ("http://snomed.info/sct", "77386006")
    );
    let mut seen = BTreeMap::new();
    displays(&value, &mut seen);
    assert!(seen.values().all(|d| d.len() == 1), "{seen:?}");
}
