//! Resource ids: our own stable UUIDs where a record has one, else a UUID
//! derived (version 5) from stable content, so the same log always gives
//! the same ids and a clinic importing two exports sees the same resources.
//!
//! A pseudonymous bundle renames every id (and every reference to one) by a
//! keyed hash under the log's pseudonym key, which leaves the device only in
//! the user's own backup (and in a report asked to carry it, which names the
//! patient anyway). Two pseudonymous bundles of one log still
//! share their ids; none of them is an id of the named bundle, nor can be
//! computed from one.

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use uuid::Uuid;

use super::json::URN_UUID;
use crate::error::{Error, Result};

/// The namespace every derived id lives in.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://rollsafe.app/fhir/ids")
}

/// A deterministic id for something of `kind` identified by `key`.
pub fn derived(kind: &str, key: &str) -> String {
    Uuid::new_v5(&namespace(), format!("{kind}/{key}").as_bytes())
        .hyphenated()
        .to_string()
}

/// How a bundle names its resources.
pub(crate) enum Naming {
    /// By the records' own ids: the bundle that names the patient.
    Own,
    /// By keyed hashes of them: the pseudonymous bundle.
    Keyed(Hmac<Sha256>),
}

impl Naming {
    /// Keyed names under the log's pseudonym `key`.
    pub(crate) fn keyed(key: &[u8]) -> Result<Self> {
        Hmac::<Sha256>::new_from_slice(key)
            .map(Naming::Keyed)
            .map_err(|_| Error::Inconsistent("the pseudonym key cannot key a hash".into()))
    }

    /// The name of the resource whose own id is `own`: the first 128 bits of
    /// HMAC-SHA-256(key, id) as a version 8 (custom) UUID when keyed.
    pub(crate) fn id(&self, own: &str) -> String {
        match self {
            Naming::Own => own.to_owned(),
            Naming::Keyed(mac) => {
                let digest = mac.clone().chain_update(own.as_bytes()).finalize();
                let mut bytes = [0_u8; 16];
                for (to, from) in bytes.iter_mut().zip(digest.into_bytes()) {
                    *to = from;
                }
                uuid::Builder::from_custom_bytes(bytes)
                    .into_uuid()
                    .hyphenated()
                    .to_string()
            }
        }
    }

    /// Renames, in place, a resource's `id` and each `reference` it holds
    /// to another entry (`urn:uuid:` and an id), at any depth. Nothing else
    /// in a resource is an id.
    pub(crate) fn rename(&self, value: &mut Value) {
        if matches!(self, Naming::Own) {
            return;
        }
        match value {
            Value::Object(map) => {
                for (key, field) in map.iter_mut() {
                    match (key.as_str(), &mut *field) {
                        ("id", Value::String(id)) => *id = self.id(id),
                        ("reference", Value::String(url)) => {
                            if let Some(id) = url.strip_prefix(URN_UUID) {
                                *url = format!("{URN_UUID}{}", self.id(id));
                            }
                        }
                        (_, nested) => self.rename(nested),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| self.rename(item)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        assert_eq!(derived("patient", "a"), derived("patient", "a"));
        assert_ne!(derived("patient", "a"), derived("device-use", "a"));
        assert_eq!(derived("patient", "a").len(), 36);
    }

    #[test]
    fn keyed_names_depend_on_the_key_and_keep_references_whole() {
        let own = "5f0c1f7e-3a51-4b8e-9d0e-2f4a8c6b1d20";
        let a = Naming::keyed(&[1; 32]).unwrap();
        let b = Naming::keyed(&[2; 32]).unwrap();
        assert_ne!(a.id(own), own);
        assert_ne!(a.id(own), b.id(own));
        assert_eq!(a.id(own), a.id(own));
        assert!(Uuid::parse_str(&a.id(own)).is_ok());
        let mut resource = json!({
            "id": own,
            "subject": { "reference": format!("urn:uuid:{own}") },
            "focalDevice": [{ "manipulated": { "reference": format!("urn:uuid:{own}") } }],
            "note": [{ "text": own }],
        });
        a.rename(&mut resource);
        let renamed = format!("urn:uuid:{}", a.id(own));
        assert_eq!(resource["id"], a.id(own));
        assert_eq!(resource["subject"]["reference"], renamed.as_str());
        assert_eq!(
            resource["focalDevice"][0]["manipulated"]["reference"],
            renamed.as_str()
        );
        assert_eq!(resource["note"][0]["text"], own, "only ids are renamed");
        let mut unchanged = resource.clone();
        Naming::Own.rename(&mut unchanged);
        assert_eq!(unchanged, resource);
    }
}
