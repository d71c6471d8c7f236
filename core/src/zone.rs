//! Where on the body a device was used.
//!
//! Rest intervals, symptom links and the dermatologist's report all reason per
//! zone, and the rules distinguish three regions (face, scalp, body), so the
//! zones are a closed list with stable storage codes rather than free text.

use crate::error::{Error, Result};

/// A treated area. The face is split finely because most home use is there.
///
/// The order of declaration is the zones' order (`Ord`), and it is grouped
/// by region: the face zones first, then the scalp, then the body, in the
/// order of [`BodyRegion`]. So a sorted list of zones (as
/// [`validate_zones`] returns) holds the zones of one region next to each
/// other, and mapping it to regions gives them sorted with each region in one
/// run: the store relies on this to list a session's regions with a plain
/// `dedup`. A new zone goes among the zones of its region; a unit test below
/// fails otherwise.
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
///
/// Declared in the order of the zones that belong to them (see
/// [`BodyZone`]): face, scalp, body.
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

    /// The store lists a session's regions by mapping its sorted zones to
    /// regions and removing adjacent repeats: that is right only while the
    /// zones of each region are declared together, in the regions' order.
    #[test]
    fn sorted_zones_keep_each_region_together_in_region_order() {
        let mut zones = BodyZone::ALL.to_vec();
        crate::sorting::sort(&mut zones);
        let regions: Vec<u8> = zones.iter().map(|z| z.region() as u8).collect();
        for pair in regions.windows(2) {
            assert!(
                pair[0] <= pair[1],
                "a zone is declared out of its region's place: {zones:?}"
            );
        }
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
