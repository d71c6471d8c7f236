//! The patient's identity: kept in the profile, carried by the backup, shown
//! on the PDF and the FHIR Patient only when the user asks, and never in an
//! error message. The FHIR side (names and unlinkable ids) is tested in
//! `fhir_export.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

#[path = "pdf_report/tools.rs"]
#[allow(
    dead_code,
    reason = "the PDF tests' tools; this file uses some of them"
)]
mod tools;

use chrono::{DateTime, NaiveDate};
use rollsafe_core::export::Privacy;
use rollsafe_core::identity::MAX_IDENTIFIER_CHARS;
use rollsafe_core::report::{Paper, ReportOptions, pdf};
use rollsafe_core::validate::MAX_LABEL_CHARS;
use rollsafe_core::{
    Error, Moment, PatientIdentifier, PatientIdentity, ProfileUpdate, SkinType, Store,
};

fn now() -> Moment {
    DateTime::parse_from_rfc3339("2026-12-04T09:30:00+01:00").unwrap()
}

fn identity() -> PatientIdentity {
    PatientIdentity {
        name: Some("Amara Osei".into()),
        birth_date: NaiveDate::from_ymd_opt(1990, 4, 2),
        identifier: Some(PatientIdentifier {
            value: "4471-B".into(),
            issuer: Some("Skin Clinic Leeds".into()),
        }),
    }
}

fn named(identity: PatientIdentity) -> Store {
    let store = Store::open_in_memory().unwrap();
    store
        .save_profile(
            ProfileUpdate {
                skin_type: Some(SkinType::Ii),
                identity,
                ..ProfileUpdate::default()
            },
            now(),
        )
        .unwrap();
    store
}

fn report_text(store: &Store, identify_patient: bool, paper: Paper) -> String {
    let options = ReportOptions {
        privacy: Privacy {
            identify_patient,
            ..Privacy::default()
        },
        paper,
        ..ReportOptions::default()
    };
    let bytes = pdf(store, &options, now()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = tools::write(dir.path(), "report.pdf", &bytes);
    tools::qpdf_check(&path);
    tools::text(&path)
}

/// Whitespace (line breaks included) as single spaces.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_profile_keeps_the_identity_and_its_history() {
    let store = named(identity());
    assert_eq!(store.profile().unwrap().unwrap().identity, identity());
    let later = DateTime::parse_from_rfc3339("2026-12-05T09:30:00+01:00").unwrap();
    store.save_profile(ProfileUpdate::default(), later).unwrap();
    let history = store.profile_history().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].identity, identity());
    assert!(
        history[1].identity.is_empty(),
        "a later revision may drop it"
    );
}

#[test]
fn a_bad_identity_is_refused_by_field_without_repeating_it() {
    let store = Store::open_in_memory().unwrap();
    let cases = [
        (
            PatientIdentity {
                birth_date: NaiveDate::from_ymd_opt(2026, 12, 5),
                ..PatientIdentity::default()
            },
            "identity.birth_date",
            "2026-12-05",
        ),
        (
            PatientIdentity {
                name: Some(format!("Secret{}", "x".repeat(MAX_LABEL_CHARS))),
                ..PatientIdentity::default()
            },
            "identity.name",
            "Secret",
        ),
        (
            PatientIdentity {
                identifier: Some(PatientIdentifier {
                    value: format!("NHS{}", "9".repeat(MAX_IDENTIFIER_CHARS)),
                    issuer: None,
                }),
                ..PatientIdentity::default()
            },
            "identity.identifier",
            "NHS",
        ),
    ];
    for (identity, field, given) in cases {
        let update = ProfileUpdate {
            identity,
            ..ProfileUpdate::default()
        };
        match store.save_profile(update, now()) {
            Err(err @ Error::InvalidInput { field: f, .. }) => {
                assert_eq!(f, field);
                assert!(!err.to_string().contains(given), "{err}");
            }
            other => panic!("{field}: expected a refusal, got {other:?}"),
        }
    }
    assert!(store.profile().unwrap().is_none(), "nothing was saved");
}

#[test]
fn the_backup_carries_the_identity_and_the_pseudonym_key() {
    let store = named(identity());
    let backup = store.export_backup(None, now()).unwrap();
    let document: serde_json::Value = serde_json::from_str(&backup).unwrap();
    assert_eq!(
        document["profile_revisions"][0]["identity"]["identifier_issuer"],
        "Skin Clinic Leeds"
    );
    let key = document["pseudonym_key"].as_str().unwrap().to_owned();
    assert_eq!(key.len(), 64);

    // A restore into a new log takes both.
    let restored = Store::open_in_memory().unwrap();
    restored.import_backup(backup.as_bytes(), now()).unwrap();
    assert_eq!(restored.profile().unwrap().unwrap().identity, identity());
    let again: serde_json::Value =
        serde_json::from_str(&restored.export_backup(None, now()).unwrap()).unwrap();
    assert_eq!(again["pseudonym_key"], key.as_str());

    // A log that already holds records keeps its own key.
    let other = named(PatientIdentity::default());
    let own_key =
        serde_json::from_str::<serde_json::Value>(&other.export_backup(None, now()).unwrap())
            .unwrap()["pseudonym_key"]
            .clone();
    assert_ne!(own_key, key.as_str(), "every log draws its own key");
    other.import_backup(backup.as_bytes(), now()).unwrap();
    let merged: serde_json::Value =
        serde_json::from_str(&other.export_backup(None, now()).unwrap()).unwrap();
    assert_eq!(merged["pseudonym_key"], own_key);
}

#[test]
fn a_backup_with_a_bad_key_or_identity_is_refused_whole() {
    let store = named(identity());
    let good: serde_json::Value =
        serde_json::from_str(&store.export_backup(None, now()).unwrap()).unwrap();
    type Spoil = fn(&mut serde_json::Value);
    let cases: [(&str, Spoil); 3] = [
        ("$.pseudonym_key", |d| {
            d["pseudonym_key"] = "+1".repeat(32).into()
        }),
        ("$.profile_revisions[0].identity.birth_date", |d| {
            d["profile_revisions"][0]["identity"]["birth_date"] = "2027-01-01".into();
        }),
        ("$.profile_revisions[0].identity.identifier_issuer", |d| {
            d["profile_revisions"][0]["identity"]
                .as_object_mut()
                .unwrap()
                .remove("identifier");
        }),
    ];
    for (path, spoil) in cases {
        let mut document = good.clone();
        spoil(&mut document);
        let fresh = Store::open_in_memory().unwrap();
        match fresh.import_backup(document.to_string().as_bytes(), now()) {
            Err(Error::BadDocument { path: p, .. }) => assert_eq!(p, path),
            other => panic!("{path}: expected a refusal, got {other:?}"),
        }
        assert!(
            fresh.profile().unwrap().is_none(),
            "{path}: nothing imported"
        );
    }
}

#[test]
fn the_report_names_the_patient_only_when_asked() {
    let store = named(identity());
    let anonymous = squeezed(&report_text(&store, false, Paper::A4));
    for word in ["Amara", "1990-04-02", "4471-B", "Skin Clinic Leeds"] {
        assert!(!anonymous.contains(word), "{word} on an anonymous report");
    }
    let text = squeezed(&report_text(&store, true, Paper::A4));
    assert!(
        text.contains(
            "Patient: Amara Osei · born 1990-04-02 · patient number 4471-B (Skin Clinic Leeds)"
        ),
        "{text}"
    );
    let pages = text
        .matches("RollSafe log · Amara Osei, born 1990-04-02")
        .count();
    assert!(pages >= 2, "every page's header names the patient: {pages}");
}

#[test]
fn the_longest_identity_is_printed_whole_on_both_papers() {
    let longest = PatientIdentity {
        name: Some(
            format!("Maximiliane-{}", "Wolkenstein ".repeat(6))
                .chars()
                .take(MAX_LABEL_CHARS)
                .collect::<String>()
                .trim()
                .to_owned(),
        ),
        birth_date: NaiveDate::from_ymd_opt(1900, 1, 1),
        identifier: Some(PatientIdentifier {
            value: "7".repeat(MAX_IDENTIFIER_CHARS),
            issuer: Some(
                "Universitätsklinikum "
                    .repeat(4)
                    .chars()
                    .take(MAX_LABEL_CHARS)
                    .collect::<String>()
                    .trim()
                    .to_owned(),
            ),
        }),
    };
    let store = named(longest.clone());
    for paper in [Paper::A4, Paper::UsLetter] {
        let text = squeezed(&report_text(&store, true, paper));
        let squeezed_text = text.replace(' ', "");
        for part in [
            longest.name.clone().unwrap(),
            longest.identifier.clone().unwrap().value,
            longest.identifier.clone().unwrap().issuer.unwrap(),
        ] {
            assert!(
                squeezed_text.contains(&part.replace(' ', "")),
                "{paper:?}: {part} cut"
            );
        }
    }
}
