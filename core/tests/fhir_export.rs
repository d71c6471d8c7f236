//! The FHIR R4 bundle, checked by a real FHIR implementation.
//!
//! Each bundle is written to a file and validated by `tests/fhir/validate.py`
//! twice: under fhir.resources' R4B models and under FHIR R4 4.0.1 itself
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

use std::collections::BTreeMap;

use export_story::{
    PATIENT_NAME, PATIENT_NUMBER, REPORT_NOTE, RETIRED_REASON, TRICKY_NOTE, at, build, date, now,
};
use fhir_validator::{assert_valid, validate};
use rollsafe_core::export::fhir::{AttachedReport, FhirOptions, bundle};
use rollsafe_core::export::{Period, Privacy, Sections, WITHHELD_NOTE};
use serde_json::Value;

fn counts(bundle: &Value) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for entry in bundle["entry"].as_array().unwrap() {
        let kind = entry["resource"]["resourceType"]
            .as_str()
            .unwrap()
            .to_owned();
        *counts.entry(kind).or_default() += 1;
    }
    counts
}

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_whole_log_is_a_valid_bundle_with_one_entry_per_record() {
    let story = build();
    let pdf = b"%PDF-1.7 not really a report".to_vec();
    let options = FhirOptions {
        report: Some(AttachedReport::of_pdf(
            &pdf,
            "Microneedling log, 2026",
            now(),
        )),
        ..FhirOptions::everything()
    };
    let json = bundle(&story.store, &options, now()).unwrap();
    assert_valid(&json);
    let value = parse(&json);
    assert_eq!(value["type"], "collection");
    let counts = counts(&value);
    let alerts = story.store.alert_history().unwrap().len();
    let prompts = story.store.assess(now()).unwrap().triage.prompts.len();
    assert!(
        alerts > 0 && prompts > 0,
        "the story raises alerts and prompts"
    );
    let cleanings: usize = story
        .devices
        .iter()
        .map(|d| story.store.cleanings(d.id).unwrap().len())
        .sum();
    // The profile (see fhir_clinical.rs): cold sores, isotretinoin, nickel,
    // and the skin type, pregnancy and bleeding-risk answers as Observations.
    let expected: BTreeMap<String, usize> = [
        ("Patient", 1),
        ("DocumentReference", 1),
        ("Device", story.devices.len()),
        ("DeviceUseStatement", story.devices.len()),
        ("Procedure", story.sessions.len() + cleanings),
        ("Observation", story.reports.len() + 3),
        ("RiskAssessment", alerts + prompts),
        ("Condition", 1),
        ("MedicationStatement", 1),
        ("AllergyIntolerance", 1),
        ("CarePlan", 1),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(counts, expected);

    // Pseudonymous: no name unless the user gives one.
    let patient = resources(&value, "Patient")[0];
    assert!(patient.get("name").is_none());
    // Every entry's fullUrl is urn:uuid: and its id; sessions are renamed,
    // since the bundle is pseudonymous (the named bundle keeps our ids).
    for entry in value["entry"].as_array().unwrap() {
        let id = entry["resource"]["id"].as_str().unwrap();
        assert_eq!(entry["fullUrl"], format!("urn:uuid:{id}"));
    }
    let procedures = resources(&value, "Procedure");
    for (procedure, session) in procedures.iter().zip(&story.sessions) {
        assert_ne!(procedure["id"], session.id.to_string());
        assert_eq!(
            procedure["performer"][0]["actor"]["reference"],
            format!("urn:uuid:{}", patient["id"].as_str().unwrap())
        );
    }
    // The New York session keeps its own offset.
    assert!(
        json.contains("\"performedDateTime\": \"2026-03-03T20:00:00-05:00\""),
        "{json}"
    );
    // Notes, the retirement reason and the photo (not consented) as expected.
    assert!(json.contains(&serde_json::to_string(TRICKY_NOTE).unwrap()));
    assert!(json.contains(REPORT_NOTE));
    assert!(json.contains(RETIRED_REASON));
    assert!(
        !json.contains("scalp-2026-03-19.jpg"),
        "photos are named only with consent"
    );
    // The PDF's digest: FHIR R4 Attachment.hash is base64 SHA-1.
    let doc = resources(&value, "DocumentReference")[0];
    let attachment = &doc["content"][0]["attachment"];
    assert_eq!(attachment["size"], pdf.len());
    assert_eq!(attachment["contentType"], "application/pdf");
    let expected_hash = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .encode(sha1_smol::Sha1::from(&pdf).digest().bytes())
    };
    assert_eq!(attachment["hash"], expected_hash);
    assert!(attachment.get("data").is_none());
    // The temperature is LOINC-coded in Celsius.
    assert!(json.contains("\"8310-5\"") && json.contains("\"Cel\""));
    // The user's own "worse than before" is a coded component of its report.
    let trends: Vec<&Value> = resources(&value, "Observation")
        .iter()
        .flat_map(|o| o["component"].as_array().into_iter().flatten())
        .filter(|c| c["code"]["coding"][0]["code"] == "trend")
        .map(|c| &c["valueCodeableConcept"]["coding"][0]["code"])
        .collect();
    assert_eq!(trends, [&Value::from("worse")]);
    // Every risk assessment says it is not a diagnosis.
    for risk in resources(&value, "RiskAssessment") {
        assert!(risk.to_string().contains("not a diagnosis"), "{risk}");
    }
}

#[test]
fn the_same_log_gives_the_same_bytes() {
    let story = build();
    let options = FhirOptions {
        privacy: Privacy {
            identify_patient: true,
            ..Privacy::default()
        },
        ..FhirOptions::everything()
    };
    let first = bundle(&story.store, &options, now()).unwrap();
    let second = bundle(&story.store, &options, now()).unwrap();
    assert_eq!(first, second);
    assert_valid(&first);
    let value = parse(&first);
    assert_eq!(
        resources(&value, "Patient")[0]["name"][0]["text"],
        "Alex Example"
    );
    // A later export of the same log keeps the same Patient and session ids.
    let later = parse(&bundle(&story.store, &options, at("2026-03-21T09:00:00+01:00")).unwrap());
    assert_eq!(
        resources(&value, "Patient")[0]["id"],
        resources(&later, "Patient")[0]["id"]
    );
}

#[test]
fn the_period_keeps_only_its_own_days() {
    let story = build();
    let march = Period::new(date(2026, 3, 1), date(2026, 3, 31)).unwrap();
    let options = FhirOptions {
        period: march,
        ..FhirOptions::everything()
    };
    let json = bundle(&story.store, &options, now()).unwrap();
    assert_valid(&json);
    let value = parse(&json);
    let in_march = story
        .sessions
        .iter()
        .filter(|s| march.contains(&s.at))
        .count();
    assert_eq!(in_march, 2);
    let sessions = |value: &Value, code: &str| {
        resources(value, "Procedure")
            .iter()
            .filter(|p| p["code"]["coding"][0]["code"] == code)
            .count()
    };
    assert_eq!(sessions(&value, "home-microneedling"), in_march);
    // Each March session's soak before and after (the pen's, on the 3rd, and
    // the scalp roller's, on the 16th).
    assert_eq!(sessions(&value, "device-cleaning"), 2 * in_march);
    let reports = resources(&value, "Observation")
        .iter()
        .filter(|o| o.get("category").is_none())
        .count();
    assert_eq!(
        reports,
        story
            .reports
            .iter()
            .filter(|r| march.contains(&r.at))
            .count()
    );
    // The face roller was retired in February: it is not in March's bundle.
    let devices = resources(&value, "Device");
    assert_eq!(devices.len(), 2);
    assert!(!json.contains(RETIRED_REASON));
    assert!(!json.contains(TRICKY_NOTE.split('\n').next().unwrap()));
}

#[test]
fn withheld_notes_and_sections_switched_off_leave_nothing_behind() {
    let story = build();
    let options = FhirOptions {
        privacy: Privacy {
            redact_notes: true,
            include_photo_references: true,
            identify_patient: false,
        },
        ..FhirOptions::everything()
    };
    let json = bundle(&story.store, &options, now()).unwrap();
    assert_valid(&json);
    assert!(!json.contains(REPORT_NOTE));
    assert!(!json.contains(RETIRED_REASON));
    assert!(!json.contains("light"), "the session note is withheld");
    assert!(json.contains(WITHHELD_NOTE));
    assert!(
        json.contains("scalp-2026-03-19.jpg"),
        "photos named with consent"
    );

    let only_sessions = FhirOptions {
        sections: Sections {
            profile: false,
            devices: false,
            cleanings: false,
            symptoms: false,
            alerts: false,
            care_plan: false,
            ..Sections::ALL
        },
        ..FhirOptions::everything()
    };
    let json = bundle(&story.store, &only_sessions, now()).unwrap();
    // Valid although the devices are absent: no reference is left dangling.
    assert_valid(&json);
    let counts = counts(&parse(&json));
    assert_eq!(
        counts.keys().cloned().collect::<Vec<_>>(),
        ["Patient", "Procedure"]
    );
    assert_eq!(counts["Procedure"], story.sessions.len());
}

#[test]
fn bad_options_name_their_field() {
    let story = build();
    let options = FhirOptions {
        report: Some(AttachedReport::of_pdf(b"%PDF", "  ", now())),
        ..FhirOptions::everything()
    };
    let err = bundle(&story.store, &options, now()).unwrap_err();
    assert!(err.to_string().contains("report.title"), "{err}");
}

/// Every id a bundle gives: resource ids, entry URLs and references.
fn ids_in(value: &Value, found: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, field) in map {
                match (key.as_str(), field) {
                    ("id" | "fullUrl" | "reference", Value::String(id)) => {
                        found.insert(id.trim_start_matches("urn:uuid:").to_owned());
                    }
                    _ => ids_in(field, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| ids_in(item, found)),
        _ => {}
    }
}

#[test]
fn a_pseudonymous_bundle_names_no_one_and_shares_no_id_with_the_named_one() {
    let story = build();
    let named_options = FhirOptions {
        privacy: Privacy {
            identify_patient: true,
            ..Privacy::default()
        },
        ..FhirOptions::everything()
    };
    let named_text = bundle(&story.store, &named_options, now()).unwrap();
    let pseudonymous_text = bundle(&story.store, &FhirOptions::everything(), now()).unwrap();
    assert_valid(&named_text);
    assert_valid(&pseudonymous_text);
    let (named, pseudonymous) = (parse(&named_text), parse(&pseudonymous_text));

    let patient = resources(&named, "Patient")[0];
    assert_eq!(patient["name"][0]["text"], PATIENT_NAME);
    assert_eq!(patient["birthDate"], "1991-06-14");
    assert_eq!(patient["identifier"][0]["value"], PATIENT_NUMBER);
    assert_eq!(
        patient["identifier"][0]["assigner"]["display"],
        "Skin Clinic Leeds"
    );
    for word in [
        PATIENT_NAME,
        PATIENT_NUMBER,
        "1991-06-14",
        "Skin Clinic Leeds",
    ] {
        assert!(!pseudonymous_text.contains(word), "{word} left in");
    }

    // The two bundles hold the same records, under names that share nothing.
    assert_eq!(counts(&named), counts(&pseudonymous));
    let (mut named_ids, mut pseudonymous_ids) = Default::default();
    ids_in(&named, &mut named_ids);
    ids_in(&pseudonymous, &mut pseudonymous_ids);
    assert!(named_ids.len() > 20);
    let shared: Vec<_> = named_ids.intersection(&pseudonymous_ids).collect();
    assert!(shared.is_empty(), "ids in both bundles: {shared:?}");
    let own_ids = story
        .sessions
        .iter()
        .map(|s| s.id.to_string())
        .chain(story.devices.iter().map(|d| d.id.to_string()));
    for id in own_ids {
        assert!(!pseudonymous_text.contains(&id), "record id {id} left in");
    }

    // Every reference still points at an entry of its own bundle.
    let urls: std::collections::BTreeSet<&str> = pseudonymous["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    let mut references = Default::default();
    ids_in(&pseudonymous["entry"], &mut references);
    for id in &references {
        assert!(urls.contains(format!("urn:uuid:{id}").as_str()), "{id}");
    }

    // Pseudonymous exports of one log keep their names, and so does the log
    // restored from its backup.
    let again = bundle(&story.store, &FhirOptions::everything(), now()).unwrap();
    assert_eq!(again, pseudonymous_text);
    let backup = story.store.export_backup(None, now()).unwrap();
    let restored = rollsafe_core::Store::open_in_memory().unwrap();
    restored.import_backup(backup.as_bytes(), now()).unwrap();
    let from_restored = bundle(&restored, &FhirOptions::everything(), now()).unwrap();
    assert_eq!(
        resources(&parse(&from_restored), "Patient")[0]["id"],
        resources(&pseudonymous, "Patient")[0]["id"]
    );
    // Another log never shares the names.
    let other = build();
    let from_other = parse(&bundle(&other.store, &FhirOptions::everything(), now()).unwrap());
    assert_ne!(
        resources(&from_other, "Patient")[0]["id"],
        resources(&pseudonymous, "Patient")[0]["id"]
    );
}

#[test]
fn the_validator_rejects_a_broken_bundle() {
    let story = build();
    let json = bundle(&story.store, &FhirOptions::everything(), now()).unwrap();
    let mut value = parse(&json);
    let entries = value["entry"].as_array_mut().unwrap();
    let procedure = entries
        .iter_mut()
        .find(|e| e["resource"]["resourceType"] == "Procedure")
        .unwrap();
    // A Procedure must have a subject (1..1) and a dateTime must be one.
    procedure["resource"]
        .as_object_mut()
        .unwrap()
        .remove("subject");
    procedure["resource"]["performedDateTime"] = Value::from("last Tuesday");
    for verdict in validate(&value.to_string()) {
        let (models, text) = (verdict.models, &verdict.text);
        assert!(!verdict.valid, "a broken bundle passed {models}:\n{text}");
        assert!(text.contains("subject"), "{models}: {text}");
        assert!(text.contains("performedDateTime"), "{models}: {text}");
    }

    // A status outside its required value set, and a dangling reference.
    let mut value = parse(&json);
    let entries = value["entry"].as_array_mut().unwrap();
    entries[0]["resource"]["id"] = Value::from("someone-else");
    entries[0]["fullUrl"] = Value::from("urn:uuid:00000000-0000-0000-0000-000000000000");
    let observation = entries
        .iter_mut()
        .find(|e| e["resource"]["resourceType"] == "Observation")
        .unwrap();
    observation["resource"]["status"] = Value::from("done");
    for verdict in validate(&value.to_string()) {
        let (models, text) = (verdict.models, &verdict.text);
        assert!(!verdict.valid, "a broken bundle passed {models}:\n{text}");
        assert!(text.contains("status 'done'"), "{models}: {text}");
        assert!(text.contains("does not resolve"), "{models}: {text}");
    }
}

/// A clinic's system gets what the app told the patient as a record, not
/// advice addressed to whoever reads it.
#[test]
fn the_bundle_reports_the_advice_instead_of_giving_it() {
    let story = build();
    let json = bundle(&story.store, &FhirOptions::everything(), now()).unwrap();
    for patient_directed in [
        "NHS 111",
        "call 999",
        "If you are worried",
        "contact your dermatologist",
        "Seek urgent medical care now",
    ] {
        let at = json.find(patient_directed);
        assert!(
            at.is_none(),
            "{patient_directed:?} is advice to the patient, in the bundle: {}",
            at.map(|at| json[at.saturating_sub(300)..at].to_owned())
                .unwrap_or_default()
        );
    }
    assert!(json.contains("advised to seek urgent care"), "{json}");
}

/// One file for people and systems: the PDF carries the FHIR bundle of the
/// same period, sections and privacy as an embedded file, which poppler
/// lists and extracts, which validates, and whose DocumentReference
/// describes the PDF that holds it.
#[test]
fn the_pdf_carries_a_valid_bundle_that_describes_it() {
    let story = build();
    let pdf = rollsafe_core::report::pdf(
        &story.store,
        &rollsafe_core::report::ReportOptions::default(),
        now(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let listed = std::process::Command::new("pdfdetach")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfdetach (poppler-utils, installed by tests/setup/pdf-tools.sh)");
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    assert!(listed.contains("rollsafe-fhir.json"), "{listed}");
    let out = dir.path().join("extracted");
    std::fs::create_dir(&out).unwrap();
    let saved = std::process::Command::new("pdfdetach")
        .arg("-saveall")
        .arg("-o")
        .arg(&out)
        .arg(&path)
        .status()
        .unwrap();
    assert!(saved.success());
    let json = std::fs::read_to_string(out.join("rollsafe-fhir.json")).unwrap();
    assert_valid(&json);
    assert_eq!(
        json,
        bundle(
            &story.store,
            &FhirOptions {
                report: Some(AttachedReport::enclosing(
                    "RollSafe microneedling log",
                    now()
                )),
                ..FhirOptions::everything()
            },
            now()
        )
        .unwrap(),
        "the bundle export of the same log, describing the PDF that holds it"
    );
    let value = parse(&json);
    let documents = resources(&value, "DocumentReference");
    assert_eq!(documents.len(), 1);
    let attachment = &documents[0]["content"][0]["attachment"];
    assert_eq!(attachment["contentType"], "application/pdf");
    assert!(
        attachment.get("hash").is_none(),
        "a file cannot hold its own digest"
    );
}
