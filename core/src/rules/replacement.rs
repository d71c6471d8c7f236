//! When a device (or a pen's needle cartridge) is due for replacement.
//!
//! No peer-reviewed replacement interval exists; circulating figures range
//! from 12-15 uses or 3-4 months to every 6 weeks (domain reference 2.4), so
//! the defaults take the conservative end of each, whichever comes first.
//! Pen cartridges are sold for a single use, and reuse of single-use parts has
//! transmitted infection (CDC MMWR 2024).

use super::source::{Evidence, RuleSource};
use crate::device::DeviceKind;

/// A replacement limit: whichever of uses or days comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplacementRule {
    /// Uses of one head (or cartridge) before it is due.
    pub max_uses: u32,
    /// Days from first use of the head before it is due.
    pub max_days: u32,
    /// Where the numbers come from.
    pub source: RuleSource,
}

/// When a roller or stamp head is worn out.
pub(crate) const HEAD_WEAR: RuleSource = RuleSource {
    rule_id: "replacement.roller_head",
    citation: "Manufacturer and blog figures: 12-15 treatments (theglamorouswoman.com), 3-4 months (levintel.com), every 6 weeks (Havana Skin Clinic via beautytipsblog.org); AAD (Alster): home needles dull quickly",
    evidence: Evidence::Low,
    note: "Consensus of manufacturers and blogs, not clinical evidence; the figures disagree about fourfold. RollSafe uses 10 uses or 6 weeks, whichever comes first.",
};

/// Why a pen cartridge is used once.
pub(crate) const SINGLE_USE_CARTRIDGE: RuleSource = RuleSource {
    rule_id: "replacement.pen_cartridge",
    citation: "CDC MMWR 2024;73(16):372-376 (infection from reused single-use equipment); FDA: disease transmission between users",
    evidence: Evidence::PeerReviewed,
    note: "Pen needle cartridges are sold as single-use: fit a new one for every session and record it.",
};

/// The default replacement rule for a device kind.
pub fn replacement_rule_for(kind: DeviceKind) -> ReplacementRule {
    match kind {
        DeviceKind::Pen => ReplacementRule {
            max_uses: 1,
            max_days: 42,
            source: SINGLE_USE_CARTRIDGE,
        },
        DeviceKind::Roller | DeviceKind::Stamp | DeviceKind::ScalpRoller | DeviceKind::Other => {
            ReplacementRule {
                max_uses: 10,
                max_days: 42,
                source: HEAD_WEAR,
            }
        }
    }
}

/// The rule for a user's own limits on a device (they replace the default).
pub const USER_LIMIT: RuleSource = RuleSource {
    rule_id: "replacement.user_limit",
    citation: "The limit the user set for this device",
    evidence: Evidence::Synthesis,
    note: "Set by the user, replacing RollSafe's default for this kind of device.",
};

/// The rule behind "needles look bent or the roll feels rough".
pub const DAMAGE_REPORTED: RuleSource = RuleSource {
    rule_id: "replacement.damage_reported",
    citation: "Dull or bent needles tear skin: Dr Shari Marchbein in Allure; denvervein.com; AAD press release 2018 (Alster)",
    evidence: Evidence::Professional,
    note: "A device the user reports as damaged is due for replacement at once.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pens_use_a_cartridge_once_and_rollers_ten_times() {
        assert_eq!(replacement_rule_for(DeviceKind::Pen).max_uses, 1);
        for kind in [
            DeviceKind::Roller,
            DeviceKind::Stamp,
            DeviceKind::ScalpRoller,
        ] {
            let rule = replacement_rule_for(kind);
            assert_eq!((rule.max_uses, rule.max_days), (10, 42));
        }
    }
}
