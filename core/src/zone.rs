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

impl BodyRegion {
    /// Every region.
    pub const ALL: [BodyRegion; 3] = [BodyRegion::Face, BodyRegion::Scalp, BodyRegion::Body];

    /// The stable code used in storage and exports.
    pub fn code(self) -> &'static str {
        match self {
            BodyRegion::Face => "face",
            BodyRegion::Scalp => "scalp",
            BodyRegion::Body => "body",
        }
    }

    /// Parses a stable code; `None` if unknown.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl BodyZone {
    /// Every zone, in display order.
    pub const ALL: [BodyZone; 15] = [
        BodyZone::Forehead,
        BodyZone::Cheeks,
        BodyZone::Nose,
        BodyZone::Chin,
        BodyZone::UpperLip,
        BodyZone::Jawline,
        BodyZone::Neck,
        BodyZone::Scalp,
        BodyZone::Decolletage,
        BodyZone::Abdomen,
        BodyZone::Back,
        BodyZone::Arms,
        BodyZone::Buttocks,
        BodyZone::Thighs,
        BodyZone::Legs,
    ];

    /// The region whose rules apply to this zone.
    pub fn region(self) -> BodyRegion {
        use BodyZone::*;
        match self {
            Forehead | Cheeks | Nose | Chin | UpperLip | Jawline | Neck => BodyRegion::Face,
            Scalp => BodyRegion::Scalp,
            Decolletage | Abdomen | Back | Arms | Buttocks | Thighs | Legs => BodyRegion::Body,
        }
    }

    /// The stable code used in storage and exports.
    pub fn code(self) -> &'static str {
        use BodyZone::*;
        match self {
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
        }
    }

    /// Parses a stable code; `None` if unknown.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|zone| zone.code() == code)
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
    sorted.sort();
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
