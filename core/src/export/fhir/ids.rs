//! Resource ids: our own stable UUIDs where a record has one, else a UUID
//! derived (version 5) from stable content, so the same log always gives
//! the same ids and a clinic importing two exports sees the same resources.

use uuid::Uuid;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        assert_eq!(derived("patient", "a"), derived("patient", "a"));
        assert_ne!(derived("patient", "a"), derived("device-use", "a"));
        assert_eq!(derived("patient", "a").len(), 36);
    }
}
