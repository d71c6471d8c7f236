//! The profile and the care plan.

use rollsafe_core as core;

use crate::enums::{
    BodyZone, CarePlanNeedleLimit, CarePlanRest, Condition, ProductCategory, SkinType,
};
use crate::error::RollSafeError;
use crate::time::{CalendarDate, Moment, optional_date};

/// The user's answer about one condition.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ConditionAnswer {
    /// Which condition.
    pub condition: Condition,
    /// Whether it applies.
    pub present: bool,
    /// For isotretinoin: the local date it was stopped; `null`/`nil` while
    /// still taken. Must be empty for other conditions.
    #[uniffi(default = None)]
    pub stopped_on: Option<CalendarDate>,
    /// When the user last confirmed this answer.
    pub confirmed_at: Moment,
}

/// Who the user is, for the exports they choose to put their name on. No
/// rule reads it; an export shows it only when its scope says
/// `identify_patient`.
#[derive(Clone, Debug, PartialEq, Default, uniffi::Record)]
pub struct PatientIdentity {
    /// The name as the user wants it on a report (at most 80 characters).
    #[uniffi(default = None)]
    pub name: Option<String>,
    /// The date of birth (from 1900-01-01 to today).
    #[uniffi(default = None)]
    pub birth_date: Option<CalendarDate>,
    /// A patient number given by a clinic (at most 64 characters).
    #[uniffi(default = None)]
    pub identifier: Option<String>,
    /// Who gave the patient number; only with `identifier`.
    #[uniffi(default = None)]
    pub identifier_issuer: Option<String>,
}

/// What the user saves on the profile screen.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ProfileUpdate {
    /// Fitzpatrick skin type, if known.
    #[uniffi(default = None)]
    pub skin_type: Option<SkinType>,
    /// One answer per condition answered.
    pub answers: Vec<ConditionAnswer>,
    /// The name, date of birth and patient number, if the user gives them.
    #[uniffi(default = None)]
    pub identity: Option<PatientIdentity>,
}

/// One saved revision of the profile.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct Profile {
    /// Fitzpatrick skin type, if known.
    pub skin_type: Option<SkinType>,
    /// The answers, in a stable order.
    pub answers: Vec<ConditionAnswer>,
    /// Who the user is, as far as they said (every part may be empty).
    pub identity: PatientIdentity,
    /// When this revision was saved.
    pub saved_at: Moment,
}

impl PatientIdentity {
    fn into_core(self) -> Result<core::PatientIdentity, RollSafeError> {
        if self.identifier.is_none() && self.identifier_issuer.is_some() {
            return Err(core::Error::invalid(
                "identity.identifier_issuer",
                "names who gave a patient number that is not given",
            )
            .into());
        }
        Ok(core::PatientIdentity {
            name: self.name,
            birth_date: self
                .birth_date
                .map(|d| d.to_core_birth_date("identity.birth_date"))
                .transpose()?,
            identifier: self.identifier.map(|value| core::PatientIdentifier {
                value,
                issuer: self.identifier_issuer,
            }),
        })
    }
}

impl From<core::PatientIdentity> for PatientIdentity {
    fn from(i: core::PatientIdentity) -> Self {
        let (identifier, identifier_issuer) = match i.identifier {
            Some(id) => (Some(id.value), id.issuer),
            None => (None, None),
        };
        PatientIdentity {
            name: i.name,
            birth_date: i.birth_date.map(CalendarDate::from),
            identifier,
            identifier_issuer,
        }
    }
}

/// A care plan from the user's dermatologist; it wins over the defaults
/// wherever it speaks.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct CarePlan {
    /// Who set it, for example "Dr Amara Osei, dermatologist".
    pub set_by: String,
    /// When it was set.
    pub set_at: Moment,
    /// Minimum rests replacing the defaults, per region.
    #[uniffi(default)]
    pub rest: Vec<CarePlanRest>,
    /// The longest needle allowed, per region; a region left out has no
    /// limit from the plan.
    #[uniffi(default)]
    pub max_needle: Vec<CarePlanNeedleLimit>,
    /// The only zones allowed; empty means every zone.
    #[uniffi(default)]
    pub allowed_zones: Vec<BodyZone>,
    /// Product categories to keep off needled skin.
    #[uniffi(default)]
    pub avoid_products: Vec<ProductCategory>,
    /// Profile conditions the clinician reviewed and cleared for needling.
    #[uniffi(default)]
    pub cleared_conditions: Vec<Condition>,
}

impl ConditionAnswer {
    fn into_core(self) -> Result<core::ConditionAnswer, RollSafeError> {
        Ok(core::ConditionAnswer {
            condition: self.condition,
            present: self.present,
            stopped_on: optional_date(self.stopped_on, "answers.stopped_on")?,
            confirmed_at: self.confirmed_at.to_core("answers.confirmed_at")?,
        })
    }
}

impl From<core::ConditionAnswer> for ConditionAnswer {
    fn from(a: core::ConditionAnswer) -> Self {
        ConditionAnswer {
            condition: a.condition,
            present: a.present,
            stopped_on: a.stopped_on.map(CalendarDate::from),
            confirmed_at: a.confirmed_at.into(),
        }
    }
}

impl ProfileUpdate {
    pub(crate) fn into_core(self) -> Result<core::ProfileUpdate, RollSafeError> {
        Ok(core::ProfileUpdate {
            skin_type: self.skin_type,
            answers: self
                .answers
                .into_iter()
                .map(ConditionAnswer::into_core)
                .collect::<Result<_, _>>()?,
            identity: self
                .identity
                .map(PatientIdentity::into_core)
                .transpose()?
                .unwrap_or_default(),
        })
    }
}

impl From<core::Profile> for Profile {
    fn from(p: core::Profile) -> Self {
        Profile {
            skin_type: p.skin_type,
            answers: p.answers.into_iter().map(ConditionAnswer::from).collect(),
            identity: p.identity.into(),
            saved_at: p.saved_at.into(),
        }
    }
}

impl CarePlan {
    pub(crate) fn into_core(self) -> Result<core::CarePlan, RollSafeError> {
        Ok(core::CarePlan {
            set_by: self.set_by,
            set_at: self.set_at.to_core("set_at")?,
            rest: self.rest,
            max_needle: self.max_needle,
            allowed_zones: self.allowed_zones,
            avoid_products: self.avoid_products,
            cleared_conditions: self.cleared_conditions,
        })
    }
}

impl From<core::CarePlan> for CarePlan {
    fn from(p: core::CarePlan) -> Self {
        CarePlan {
            set_by: p.set_by,
            set_at: p.set_at.into(),
            rest: p.rest,
            max_needle: p.max_needle,
            allowed_zones: p.allowed_zones,
            avoid_products: p.avoid_products,
            cleared_conditions: p.cleared_conditions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn born(year: i32) -> PatientIdentity {
        PatientIdentity {
            birth_date: Some(CalendarDate {
                year,
                month: 4,
                day: 2,
            }),
            ..PatientIdentity::default()
        }
    }

    /// A date of birth may lie before the years a log records (2000 on),
    /// down to the core's 1900; an issuer needs its number.
    #[test]
    fn a_date_of_birth_crosses_from_1900_and_an_issuer_needs_a_number() {
        assert!(born(1990).into_core().is_ok());
        assert!(born(1900).into_core().is_ok());
        let field = |identity: PatientIdentity| match identity.into_core() {
            Err(RollSafeError::InvalidInput { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        };
        assert_eq!(field(born(1899)), "identity.birth_date");
        let issuer_alone = PatientIdentity {
            identifier_issuer: Some("Skin Clinic Leeds".into()),
            ..PatientIdentity::default()
        };
        assert_eq!(field(issuer_alone), "identity.identifier_issuer");
    }
}
