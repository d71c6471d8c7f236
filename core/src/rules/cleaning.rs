//! What counts as an adequate cleaning before the next use.
//!
//! Sources agree on soaking in 70% isopropyl alcohol before and after each
//! use, and disagree on how long: 5 to 30 minutes (domain reference 2.3, all
//! low strength). Twenty minutes meets the lower bound of every source. A
//! rinse with soap and water removes debris but does not disinfect. Even an
//! adequate soak disinfects; it does not sterilise (CDC, Spaulding), and no
//! RollSafe message says otherwise.

use super::source::{Evidence, RuleSource};
use crate::cleaning::CleaningMethod;

/// The shortest soak that counts as adequate, in minutes.
pub const MIN_SOAK_MINUTES: u32 = 20;

/// The rule behind "clean for next use".
pub const CLEANING_RULE: RuleSource = RuleSource {
    rule_id: "cleaning.before_next_use",
    citation: "Soak in 70% isopropyl alcohol before and after each use: levintel.com (5+ min), diaminy.com (5-10), republicworld.com (10), cleansensei.com (15-20), lolysenta.com (20-30 after a soap pre-clean); CDC Guideline for Disinfection and Sterilization (2008, 2019)",
    evidence: Evidence::Low,
    note: "Soak times disagree; 20 minutes meets every source's lower bound. Cleaning disinfects; it does not make a device fit to enter sterile tissue.",
};

/// True when a cleaning by `method` for `soak_minutes` counts as adequate.
pub fn is_adequate(method: CleaningMethod, soak_minutes: Option<u32>) -> bool {
    method.is_soak() && soak_minutes.is_some_and(|m| m >= MIN_SOAK_MINUTES)
}

/// Why a cleaning was not adequate, in plain words.
pub fn inadequacy(method: CleaningMethod, soak_minutes: Option<u32>) -> Option<String> {
    if is_adequate(method, soak_minutes) {
        return None;
    }
    Some(match method {
        CleaningMethod::IsopropylSoak | CleaningMethod::OtherAlcoholSoak => format!(
            "the last soak lasted {} minutes; soak for at least {MIN_SOAK_MINUTES}",
            soak_minutes.unwrap_or(0)
        ),
        CleaningMethod::SoapAndWater => {
            "a soap-and-water rinse removes debris but does not disinfect; soak it in 70% isopropyl alcohol".to_owned()
        }
        CleaningMethod::Other => {
            "the last cleaning used another method; soak it in 70% isopropyl alcohol".to_owned()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_long_enough_alcohol_soak_is_adequate() {
        assert!(is_adequate(CleaningMethod::IsopropylSoak, Some(20)));
        assert!(is_adequate(CleaningMethod::OtherAlcoholSoak, Some(30)));
        assert!(!is_adequate(CleaningMethod::IsopropylSoak, Some(19)));
        assert!(!is_adequate(CleaningMethod::SoapAndWater, None));
        assert!(!is_adequate(CleaningMethod::Other, None));
    }

    #[test]
    fn no_wording_claims_sterility() {
        for method in CleaningMethod::ALL {
            for minutes in [None, Some(5)] {
                if let Some(text) = inadequacy(method, minutes) {
                    assert!(!text.to_lowercase().contains("steril"), "{text}");
                }
            }
        }
    }
}
