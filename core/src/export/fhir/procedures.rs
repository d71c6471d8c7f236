//! Procedure: one needling session, performed by the patient on themself.
//!
//! FHIR R4 has no element for the needle length used or the counts the user
//! gave, so they travel as RollSafe extensions; the products applied are
//! `usedCode` entries (text, as the user named them); blockers the user
//! overrode to record the session are notes, as is the user's own note
//! (withheld when the user asked).

use serde_json::{Value, json};

use super::json::{
    date_time, extension, local_concept, millimetres, note, reference, set, text_concept,
};
use super::labels;
use crate::export::Privacy;
use crate::export::notes;
use crate::product::ProductTiming;
use crate::session::Session;

/// The Procedure for `session`; `device_in_bundle` says whether its Device
/// entry is there to be referred to.
pub fn procedure(
    session: &Session,
    patient: &str,
    device_in_bundle: bool,
    privacy: &Privacy,
) -> Value {
    let body_sites: Vec<Value> = session
        .zones
        .iter()
        .map(|z| local_concept("body-zone", z.code(), labels::zone(*z)))
        .collect();
    let mut extensions = vec![
        extension(
            "needle-length-used",
            "valueQuantity",
            millimetres(session.needle_length_mm),
        ),
        extension(
            "device-cleaned-before",
            "valueBoolean",
            Value::Bool(session.pre_checks.device_cleaned),
        ),
        extension(
            "skin-clean-before",
            "valueBoolean",
            Value::Bool(session.pre_checks.skin_clean),
        ),
    ];
    // When it was entered, so a back-dated entry shows as such, and how
    // often it was edited afterwards.
    extensions.push(extension(
        "recorded-at",
        "valueDateTime",
        json!(date_time(&session.recorded_at)),
    ));
    if session.revision > 0 {
        extensions.push(extension("edits", "valueInteger", json!(session.revision)));
    }
    if let Some(passes) = session.passes {
        extensions.push(extension("passes", "valueInteger", json!(passes)));
    }
    if let Some(pain) = session.pain {
        extensions.push(extension("pain-0-to-10", "valueInteger", json!(pain)));
    }
    let used: Vec<Value> = session
        .products
        .iter()
        .map(|p| {
            let when = match p.timing {
                ProductTiming::Before => "before needling",
                ProductTiming::After => "after needling",
            };
            let categories: Vec<&str> = p.categories.iter().map(|c| c.label()).collect();
            let text = if categories.is_empty() {
                format!("{} ({when})", p.name)
            } else {
                format!("{} ({when}; {})", p.name, categories.join(", "))
            };
            text_concept(&text)
        })
        .collect();
    let mut notes_out: Vec<Value> = session
        .overrides
        .iter()
        .map(|o| {
            note(&format!(
                "Recorded despite a warning the patient acknowledged ({}): {}",
                o.code, o.message
            ))
        })
        .collect();
    if let Some(text) = notes::shown(privacy, session.notes.as_deref()) {
        notes_out.push(note(&text));
    }

    let mut resource = json!({
        "resourceType": "Procedure",
        "id": session.id.to_string(),
        "extension": extensions,
        "status": "completed",
        "code": local_concept("procedure", "home-microneedling", "Microneedling, self-performed at home"),
        "subject": reference(patient),
        "performedDateTime": date_time(&session.at),
        "recorder": reference(patient),
        "performer": [{ "actor": reference(patient) }],
        "bodySite": body_sites,
    });
    if device_in_bundle {
        set(
            &mut resource,
            "focalDevice",
            Some(json!([{ "manipulated": reference(&session.device_id.to_string()) }])),
        );
    }
    set(&mut resource, "usedCode", Some(Value::Array(used)));
    set(&mut resource, "note", Some(Value::Array(notes_out)));
    resource
}
