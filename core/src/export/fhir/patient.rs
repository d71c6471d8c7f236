//! The Patient: the user, identified only as far as they chose.
//!
//! Without the user's consent to be identified the Patient carries an id
//! and nothing else. With it, the name, birth date and patient number the
//! profile holds (whichever were given).

use serde_json::{Value, json};

use super::json::set;
use crate::identity::PatientIdentity;

/// The Patient resource with `id`, naming what `identity` gives.
pub fn resource(id: &str, identity: &PatientIdentity) -> Value {
    let mut patient = json!({ "resourceType": "Patient", "id": id, "active": true });
    set(
        &mut patient,
        "name",
        identity.name.as_ref().map(|n| json!([{ "text": n }])),
    );
    set(
        &mut patient,
        "birthDate",
        identity
            .birth_date
            .map(|day| json!(day.format("%Y-%m-%d").to_string())),
    );
    set(
        &mut patient,
        "identifier",
        identity.identifier.as_ref().map(|number| {
            let mut identifier = json!({
                "type": { "text": "Patient number" },
                "use": "usual",
                "value": number.value,
            });
            set(
                &mut identifier,
                "assigner",
                number.issuer.as_ref().map(|by| json!({ "display": by })),
            );
            json!([identifier])
        }),
    );
    patient
}
