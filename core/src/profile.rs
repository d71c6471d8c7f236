//! The user's health profile: skin type and the conditions that matter.
//!
//! Several conditions make needling unwise or call for a word with a
//! dermatologist first (domain reference 2.6, 2.7). Each answer is dated, since
//! an answer confirmed a year ago may no longer hold, and every change is kept
//! as a new revision so the log shows what the user said when.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::identity::PatientIdentity;
use crate::time::{self, Moment};

/// Fitzpatrick skin type, I (always burns) to VI (never burns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkinType {
    /// Type I.
    I,
    /// Type II.
    Ii,
    /// Type III.
    Iii,
    /// Type IV.
    Iv,
    /// Type V.
    V,
    /// Type VI.
    Vi,
}

crate::codes::stable_codes!(SkinType {
    I => "I",
    Ii => "II",
    Iii => "III",
    Iv => "IV",
    V => "V",
    Vi => "VI",
});

impl SkinType {
    /// Types IV to VI carry a higher risk of post-inflammatory
    /// hyperpigmentation (Chu 2021).
    pub fn pigmentation_prone(self) -> bool {
        self >= SkinType::Iv
    }
}

/// A condition or medication the profile asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Condition {
    /// History of keloid or hypertrophic scars.
    KeloidScarring,
    /// History of cold sores (herpes simplex).
    ColdSores,
    /// Eczema, psoriasis or rosacea.
    InflammatorySkinDisease,
    /// Diabetes.
    Diabetes,
    /// Immunosuppression, chemotherapy or radiotherapy.
    Immunosuppression,
    /// Anticoagulants or a bleeding disorder.
    BleedingRisk,
    /// Isotretinoin, now or in the past (with the date it was stopped).
    Isotretinoin,
    /// Pregnancy.
    Pregnancy,
    /// Allergy to nickel.
    NickelAllergy,
}

crate::codes::stable_codes!(Condition {
    KeloidScarring => "keloid_scarring",
    ColdSores => "cold_sores",
    InflammatorySkinDisease => "inflammatory_skin_disease",
    Diabetes => "diabetes",
    Immunosuppression => "immunosuppression",
    BleedingRisk => "bleeding_risk",
    Isotretinoin => "isotretinoin",
    Pregnancy => "pregnancy",
    NickelAllergy => "nickel_allergy",
});

impl Condition {
    /// A plain name for messages.
    pub fn label(self) -> &'static str {
        use Condition::*;
        match self {
            KeloidScarring => "a history of keloid or raised scars",
            ColdSores => "a history of cold sores",
            InflammatorySkinDisease => "eczema, psoriasis or rosacea",
            Diabetes => "diabetes",
            Immunosuppression => "a weakened immune system, chemotherapy or radiotherapy",
            BleedingRisk => "anticoagulants or a bleeding disorder",
            Isotretinoin => "isotretinoin",
            Pregnancy => "pregnancy",
            NickelAllergy => "a nickel allergy",
        }
    }
}

/// The user's answer about one condition.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionAnswer {
    /// Which condition.
    pub condition: Condition,
    /// Whether it applies.
    pub present: bool,
    /// For isotretinoin: the local date it was stopped; `None` while it is
    /// still being taken. Must be `None` for every other condition.
    pub stopped_on: Option<NaiveDate>,
    /// When the user last confirmed this answer.
    pub confirmed_at: Moment,
}

/// What the user saves on the profile screen.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ProfileUpdate {
    /// Fitzpatrick skin type, if the user knows it.
    pub skin_type: Option<SkinType>,
    /// One answer per condition the user answered; unanswered conditions are
    /// treated as absent but reported as unanswered.
    pub answers: Vec<ConditionAnswer>,
    /// Who the user is, for the exports they choose to sign; empty by
    /// default.
    pub identity: PatientIdentity,
}

/// One saved revision of the profile.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Fitzpatrick skin type, if known.
    pub skin_type: Option<SkinType>,
    /// The answers, in [`Condition::ALL`] order.
    pub answers: Vec<ConditionAnswer>,
    /// Who the user is, as given on this revision.
    pub identity: PatientIdentity,
    /// When this revision was saved.
    pub saved_at: Moment,
}

impl Profile {
    /// The answer about `condition`, if the user gave one.
    pub fn answer(&self, condition: Condition) -> Option<&ConditionAnswer> {
        self.answers.iter().find(|a| a.condition == condition)
    }

    /// True when the user said `condition` applies.
    pub fn has(&self, condition: Condition) -> bool {
        self.answer(condition).is_some_and(|a| a.present)
    }
}

/// Refuses a stop date after `today`: a stop in the future is a plan, not a
/// fact, and would start the waiting period before the medicine has stopped.
pub(crate) fn check_stopped_by(answer: &ConditionAnswer, today: NaiveDate) -> Result<()> {
    match answer.stopped_on {
        Some(stopped) if stopped > today => Err(Error::invalid(
            "answers.stopped_on",
            "is in the future: record the stop once it has happened",
        )),
        _ => Ok(()),
    }
}

impl ProfileUpdate {
    /// Checks the answers: each condition at most once, a stop date only for
    /// isotretinoin and never after the day it was confirmed, plausible
    /// confirmation moments. Sorts them. Checks the identity against
    /// `today`, the local day the revision is saved on.
    pub fn validated(self, today: NaiveDate) -> Result<Self> {
        let mut answers = Vec::with_capacity(self.answers.len());
        for answer in self.answers {
            if answer.stopped_on.is_some()
                && (answer.condition != Condition::Isotretinoin || !answer.present)
            {
                return Err(Error::invalid(
                    "answers.stopped_on",
                    "a stop date belongs only to isotretinoin that was taken",
                ));
            }
            let confirmed_at = time::check_plausible("answers.confirmed_at", answer.confirmed_at)?;
            check_stopped_by(&answer, time::local_date(&confirmed_at))?;
            answers.push(ConditionAnswer {
                confirmed_at,
                ..answer
            });
        }
        crate::sorting::sort_by_key(&mut answers, |a| a.condition);
        if crate::validate::has_adjacent_duplicate(&answers, |a| a.condition) {
            return Err(Error::invalid(
                "answers",
                "answers the same condition twice",
            ));
        }
        Ok(Self {
            skin_type: self.skin_type,
            answers,
            identity: self.identity.validated(today)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    fn confirmed() -> Moment {
        DateTime::parse_from_rfc3339("2026-01-01T10:00:00+01:00").unwrap()
    }

    fn answer(condition: Condition, present: bool) -> ConditionAnswer {
        ConditionAnswer {
            condition,
            present,
            stopped_on: None,
            confirmed_at: confirmed(),
        }
    }

    #[test]
    fn codes_round_trip() {
        for c in Condition::ALL {
            assert_eq!(Condition::from_code(c.code()), Some(c));
        }
        for t in SkinType::ALL {
            assert_eq!(SkinType::from_code(t.code()), Some(t));
        }
    }

    #[test]
    fn types_iv_to_vi_are_pigmentation_prone() {
        let prone: Vec<_> = SkinType::ALL
            .into_iter()
            .filter(|t| t.pigmentation_prone())
            .collect();
        assert_eq!(prone, vec![SkinType::Iv, SkinType::V, SkinType::Vi]);
    }

    #[test]
    fn a_stop_date_belongs_only_to_isotretinoin() {
        let mut diabetes = answer(Condition::Diabetes, true);
        diabetes.stopped_on = NaiveDate::from_ymd_opt(2026, 1, 1);
        let err = ProfileUpdate {
            skin_type: None,
            answers: vec![diabetes],
            ..ProfileUpdate::default()
        }
        .validated(confirmed().date_naive())
        .unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidInput {
                field: "answers.stopped_on",
                ..
            }
        ));
    }

    #[test]
    fn a_condition_is_answered_once() {
        let update = ProfileUpdate {
            skin_type: None,
            answers: vec![
                answer(Condition::Diabetes, true),
                answer(Condition::Diabetes, false),
            ],
            ..ProfileUpdate::default()
        };
        assert!(matches!(
            update.validated(confirmed().date_naive()),
            Err(Error::InvalidInput {
                field: "answers",
                ..
            })
        ));
    }
}
