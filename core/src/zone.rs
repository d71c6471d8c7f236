//! Where on the body a device was used.
//!
//! Rest intervals, symptom links and the dermatologist's report all reason per
//! zone, and the rules distinguish three regions (face, scalp, body), so the
//! zones are a closed list with stable storage codes rather than free text.

use crate::error::{Error, Result};

/// A treated area. The face is split finely because most home use is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BodyZone {
    /// Forehead.
    Forehead,
    /// Both cheeks.
    Cheeks,
    /// Nose.
    Nose,
    /// Chin.
    Chin,
    /// Upper lip.
    UpperLip,
    /// Jawline.
    Jawline,
    /// Neck.
    Neck,
    /// Scalp.
    Scalp,
    /// Décolleté (upper chest).
    Decolletage,
    /// Abdomen.
    Abdomen,
    /// Back.
    Back,
    /// Arms.
    Arms,
    /// Buttocks.
    Buttocks,
    /// Thighs.
    Thighs,
    /// Lower legs.
    Legs,
}

crate::codes::stable_codes!(BodyZone {
    Forehead => "forehead",
    Cheeks => "cheeks",
    Nose => "nose",
    Chin => "chin",
    UpperLip => "upper_lip",
    Jawline => "jawline",
    Neck => "neck",
    Scalp => "scalp",
    Decolletage => "decolletage",
    Abdomen => "abdomen",
    Back => "back",
    Arms => "arms",
    Buttocks => "buttocks",
    Thighs => "thighs",
    Legs => "legs",
});

/// The three regions the rules distinguish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BodyRegion {
    /// The face and neck.
    Face,
    /// The scalp.
    Scalp,
    /// Everything else.
    Body,
}

crate::codes::stable_codes!(BodyRegion {
    Face => "face",
    Scalp => "scalp",
    Body => "body",
});

impl BodyZone {
    /// The region whose rules apply to this zone.
    pub fn region(self) -> BodyRegion {
        use BodyZone::*;
        match self {
            Forehead | Cheeks | Nose | Chin | UpperLip | Jawline | Neck => BodyRegion::Face,
            Scalp => BodyRegion::Scalp,
            Decolletage | Abdomen | Back | Arms | Buttocks | Thighs | Legs => BodyRegion::Body,
        }
    }
}

/// The most zones one session may name: every zone once.
pub const MAX_ZONES_PER_SESSION: usize = BodyZone::ALL.len();

/// Checks a session's zones: at least one, no zone twice. Returns them sorted
/// so that equal sets compare equal.
pub fn validate_zones(field: &'static str, zones: &[BodyZone]) -> Result<Vec<BodyZone>> {
    if zones.is_empty() {
        return Err(Error::invalid(field, "name at least one body zone"));
    }
    let mut sorted = zones.to_vec();
    crate::sorting::sort(&mut sorted);
    if crate::validate::has_adjacent_duplicate(&sorted, |z| *z) {
        return Err(Error::invalid(field, "names the same zone twice"));
    }
    Ok(sorted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for zone in BodyZone::ALL {
            assert_eq!(BodyZone::from_code(zone.code()), Some(zone));
        }
        let mut codes: Vec<_> = BodyZone::ALL.iter().map(|z| z.code()).collect();
        codes.dedup();
        assert_eq!(codes.len(), BodyZone::ALL.len());
    }

    #[test]
    fn the_neck_follows_face_rules_and_the_decolletage_body_rules() {
        assert_eq!(BodyZone::Neck.region(), BodyRegion::Face);
        assert_eq!(BodyZone::Decolletage.region(), BodyRegion::Body);
        assert_eq!(BodyZone::Scalp.region(), BodyRegion::Scalp);
    }

    #[test]
    fn zone_lists_must_be_non_empty_and_distinct() {
        assert!(validate_zones("zones", &[]).is_err());
        assert!(validate_zones("zones", &[BodyZone::Chin, BodyZone::Chin]).is_err());
        assert_eq!(
            validate_zones("zones", &[BodyZone::Nose, BodyZone::Forehead]).unwrap(),
            vec![BodyZone::Forehead, BodyZone::Nose]
        );
    }
}
