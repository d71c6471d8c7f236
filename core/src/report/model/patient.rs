//! Who the report is about, when the user chose to be identified.

use crate::identity::PatientIdentity;

/// The patient as the report names them.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PatientFacts {
    /// The full line under the title: name, date of birth, patient number.
    pub line: String,
    /// The short form every page's header repeats (name and date of birth).
    pub running: String,
}

/// What the report says of `identity`: `None` when it gives nothing.
pub(crate) fn gather(identity: &PatientIdentity) -> Option<PatientFacts> {
    let born = identity
        .birth_date
        .map(|day| format!("born {}", day.format("%Y-%m-%d")));
    let number = identity.identifier.as_ref().map(|id| match &id.issuer {
        Some(issuer) => format!("patient number {} ({issuer})", id.value),
        None => format!("patient number {}", id.value),
    });
    let running: Vec<&str> = [identity.name.as_deref(), born.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let all: Vec<&str> = running.iter().copied().chain(number.as_deref()).collect();
    if all.is_empty() {
        return None;
    }
    Some(PatientFacts {
        line: format!("Patient: {}", all.join(" · ")),
        running: if running.is_empty() {
            all.join(" · ")
        } else {
            running.join(", ")
        },
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::identity::PatientIdentifier;

    #[test]
    fn names_what_was_given_and_nothing_else() {
        assert_eq!(gather(&PatientIdentity::default()), None);
        let full = PatientIdentity {
            name: Some("Amara Osei".into()),
            birth_date: NaiveDate::from_ymd_opt(1990, 4, 2),
            identifier: Some(PatientIdentifier {
                value: "4471".into(),
                issuer: Some("Skin Clinic Leeds".into()),
            }),
        };
        let facts = gather(&full).unwrap();
        assert_eq!(
            facts.line,
            "Patient: Amara Osei · born 1990-04-02 · patient number 4471 (Skin Clinic Leeds)"
        );
        assert_eq!(facts.running, "Amara Osei, born 1990-04-02");
        let number_only = PatientIdentity {
            identifier: full.identifier.clone(),
            ..PatientIdentity::default()
        };
        assert_eq!(
            gather(&number_only).unwrap().running,
            "patient number 4471 (Skin Clinic Leeds)"
        );
    }
}
