//! Who the user is, for the exports they choose to put their name on.
//!
//! A dermatologist files a report under a person: a name, a date of birth,
//! and often the patient number their clinic gave. No rule reads any of it.
//! The profile may carry it so that the user types it once; every export
//! leaves it out unless the user asks for it at the time of sharing
//! ([`crate::export::Privacy::identify_patient`]), and an export without it
//! cannot be linked to one with it by its ids.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::validate;

/// The earliest date of birth accepted: older dates are typing mistakes.
pub const EARLIEST_BIRTH_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

/// The longest patient identifier, in characters: clinic and national
/// patient numbers are far shorter.
pub const MAX_IDENTIFIER_CHARS: usize = 64;

/// The name, date of birth and identifier the user may give. Every part is
/// optional; an identity with none of them identifies no one.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PatientIdentity {
    /// The name as the user wants it on a report, for example "Amara Osei".
    pub name: Option<String>,
    /// The date of birth.
    pub birth_date: Option<NaiveDate>,
    /// A number that identifies the user to a clinic.
    pub identifier: Option<PatientIdentifier>,
}

/// A number given to the user by a clinic or a health service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatientIdentifier {
    /// The number itself, as the clinic writes it.
    pub value: String,
    /// Who gave it, for example "Skin Clinic Leeds"; `None` when unsaid.
    pub issuer: Option<String>,
}

impl PatientIdentity {
    /// True when no part is given.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.birth_date.is_none() && self.identifier.is_none()
    }

    /// Checks every part, trimmed: labels without control characters, a date
    /// of birth between [`EARLIEST_BIRTH_DATE`] and `today`, the user's local
    /// day.
    pub fn validated(self, today: NaiveDate) -> Result<Self> {
        let name = self
            .name
            .map(|n| validate::label("identity.name", &n))
            .transpose()?;
        if let Some(born) = self.birth_date {
            if born > today {
                return Err(Error::invalid("identity.birth_date", "is in the future"));
            }
            if born < EARLIEST_BIRTH_DATE {
                return Err(Error::invalid(
                    "identity.birth_date",
                    "must be on or after 1900-01-01",
                ));
            }
        }
        let identifier = self
            .identifier
            .map(|id| -> Result<PatientIdentifier> {
                Ok(PatientIdentifier {
                    value: validate::label_with_limit(
                        "identity.identifier",
                        &id.value,
                        MAX_IDENTIFIER_CHARS,
                    )?,
                    issuer: id
                        .issuer
                        .map(|i| validate::label("identity.issuer", &i))
                        .transpose()?,
                })
            })
            .transpose()?;
        Ok(Self {
            name,
            birth_date: self.birth_date,
            identifier,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn field_of(result: Result<PatientIdentity>) -> &'static str {
        match result {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected an invalid input, got {other:?}"),
        }
    }

    #[test]
    fn parts_are_trimmed_and_kept() {
        let identity = PatientIdentity {
            name: Some("  Amara Osei ".into()),
            birth_date: NaiveDate::from_ymd_opt(1990, 4, 2),
            identifier: Some(PatientIdentifier {
                value: " 4471 ".into(),
                issuer: Some("Skin Clinic Leeds".into()),
            }),
        }
        .validated(today())
        .unwrap();
        assert_eq!(identity.name.as_deref(), Some("Amara Osei"));
        assert_eq!(identity.identifier.unwrap().value, "4471");
    }

    #[test]
    fn a_birth_date_must_lie_between_1900_and_today() {
        let born = |y, m, d| PatientIdentity {
            birth_date: NaiveDate::from_ymd_opt(y, m, d),
            ..PatientIdentity::default()
        };
        assert_eq!(
            field_of(born(2026, 12, 5).validated(today())),
            "identity.birth_date"
        );
        assert_eq!(
            field_of(born(1899, 12, 31).validated(today())),
            "identity.birth_date"
        );
        assert!(born(2026, 12, 4).validated(today()).is_ok());
    }

    #[test]
    fn blank_or_overlong_parts_are_refused_by_name() {
        let named = |n: &str| PatientIdentity {
            name: Some(n.into()),
            ..PatientIdentity::default()
        };
        assert_eq!(field_of(named("  ").validated(today())), "identity.name");
        let numbered = |v: String| PatientIdentity {
            identifier: Some(PatientIdentifier {
                value: v,
                issuer: None,
            }),
            ..PatientIdentity::default()
        };
        assert_eq!(
            field_of(numbered("9".repeat(MAX_IDENTIFIER_CHARS + 1)).validated(today())),
            "identity.identifier"
        );
        assert!(
            numbered("9".repeat(MAX_IDENTIFIER_CHARS))
                .validated(today())
                .is_ok()
        );
    }
}
