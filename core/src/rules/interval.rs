//! Minimum rest between sessions, by needle length.
//!
//! Home-use intervals come from blogs and vendors that disagree by a factor of
//! ten; peer-reviewed protocols are professional ones, about four weeks apart
//! for the face (domain reference 2.2). Each band therefore takes the
//! conservative end of what its sources say, and names them.

use super::source::{Evidence, RuleSource};

/// A minimum rest interval for needles up to a given length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IntervalRule {
    /// The band covers needles longer than the previous band's bound and up to
    /// and including this length, in millimetres.
    pub up_to_needle_mm: f64,
    /// Whole local calendar days that must pass between two sessions.
    pub min_rest_days: u32,
    /// Where the number comes from.
    pub source: RuleSource,
}

/// The default bands, shortest needles first. The last band covers every
/// accepted length.
pub const DEFAULT_INTERVAL_RULES: [IntervalRule; 3] = [
    IntervalRule {
        up_to_needle_mm: 0.3,
        min_rest_days: 7,
        source: RuleSource {
            rule_id: "interval.up_to_0_3mm",
            citation: "Dr Mona Gohara, InStyle, 'How to use dermarollers' (≤0.5 mm on the face: once a week is plenty)",
            evidence: Evidence::Professional,
            note: "Other sources allow 2-3 times a week or daily at 0.2-0.25 mm (Marchbein via Allure; blogs); RollSafe keeps the conservative weekly figure.",
        },
    },
    IntervalRule {
        up_to_needle_mm: 1.5,
        min_rest_days: 28,
        source: RuleSource {
            rule_id: "interval.up_to_1_5mm",
            citation: "Harris, Naidoo, Murrell, Int J Women's Dermatol 2015;1:77-81 (professional protocols: median 4 weeks); home guides for 0.5-1.5 mm: 3-4 weeks apart",
            evidence: Evidence::PeerReviewed,
            note: "Peer-reviewed intervals are from clinics. For 0.5 mm, sources range from weekly (Gohara) to every 3 weeks (blogs); RollSafe uses the 4-week end.",
        },
    },
    IntervalRule {
        up_to_needle_mm: f64::INFINITY,
        min_rest_days: 42,
        source: RuleSource {
            rule_id: "interval.over_1_5mm",
            citation: "Vendor guidance for acne-scar depths (minimum six weeks); the circulated '2.0 mm every 6 weeks' table (unverified)",
            evidence: Evidence::Low,
            note: "Needles over 1.5 mm are professional territory; no home-use source is stronger than a vendor. Six weeks is the longest figure found.",
        },
    },
];

/// The default rule for a needle of `needle_mm` millimetres.
pub fn interval_rule_for(needle_mm: f64) -> &'static IntervalRule {
    let last = &DEFAULT_INTERVAL_RULES[DEFAULT_INTERVAL_RULES.len() - 1];
    DEFAULT_INTERVAL_RULES
        .iter()
        .find(|rule| needle_mm <= rule.up_to_needle_mm)
        .unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_ordered_and_longer_needles_rest_longer() {
        for pair in DEFAULT_INTERVAL_RULES.windows(2) {
            assert!(pair[0].up_to_needle_mm < pair[1].up_to_needle_mm);
            assert!(pair[0].min_rest_days <= pair[1].min_rest_days);
        }
    }

    #[test]
    fn band_bounds_are_inclusive() {
        assert_eq!(interval_rule_for(0.25).min_rest_days, 7);
        assert_eq!(interval_rule_for(0.3).min_rest_days, 7);
        assert_eq!(interval_rule_for(0.5).min_rest_days, 28);
        assert_eq!(interval_rule_for(1.5).min_rest_days, 28);
        assert_eq!(interval_rule_for(2.0).min_rest_days, 42);
    }

    #[test]
    fn every_rule_names_a_source() {
        for rule in DEFAULT_INTERVAL_RULES {
            assert!(!rule.source.citation.is_empty());
            assert!(rule.source.rule_id.starts_with("interval."));
        }
    }
}
