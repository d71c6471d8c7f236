//! Minimum rest between sessions, by body region and needle length.
//!
//! Home-use intervals come from blogs and vendors that disagree by a factor of
//! ten; peer-reviewed protocols are professional ones, about four weeks apart
//! for the face and weekly to monthly for the scalp (domain reference 2.2).
//! Each row therefore takes the conservative end of what its sources say, and
//! names them. A dermatologist's care plan replaces these per region.

use super::source::{Evidence, RuleSource};
use crate::zone::BodyRegion;

/// A minimum rest for one region and a band of needle lengths.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IntervalRule {
    /// The region it applies to.
    pub region: BodyRegion,
    /// The band covers needles longer than the previous row's bound for the
    /// same region, up to and including this length, in millimetres.
    pub up_to_needle_mm: f64,
    /// Whole local calendar days that must pass between two sessions.
    pub min_rest_days: u32,
    /// Where the number comes from.
    pub source: RuleSource,
}

const WEEKLY_AT_MOST: RuleSource = RuleSource {
    rule_id: "interval.short_needles",
    citation: "Dr Mona Gohara in InStyle, 'How to use dermarollers': at 0.5 mm or less, once a week is plenty",
    evidence: Evidence::Professional,
    note: "Others allow 2-3 times a week (Dr Shari Marchbein via Allure) or daily at 0.2-0.25 mm (blogs); RollSafe keeps the weekly figure.",
};

const FACE_MEDIUM: RuleSource = RuleSource {
    rule_id: "interval.face_medium_needles",
    citation: "Harris, Naidoo, Murrell, Int J Women's Dermatol 2015;1:77-81 (median 4 weeks); J Clin Aesthet Dermatol pen study, PMC6122507 (30 days)",
    evidence: Evidence::PeerReviewed,
    note: "Peer-reviewed intervals are professional protocols. Home guides say 3-4 weeks for 0.5-1.5 mm; one says 0.5 mm every 3 weeks, another weekly. RollSafe uses the 30-day end.",
};

const SCALP_MEDIUM: RuleSource = RuleSource {
    rule_id: "interval.scalp_medium_needles",
    citation: "English, Ruiz, DoAmaral, Dermatol Ther 2021 (PMC8776974): weekly to monthly across 22 studies",
    evidence: Evidence::PeerReviewed,
    note: "Trials used 1.5 mm weekly under supervision (Dhurat 2013; Kumar 2019) or twice monthly (Malhotra 2020); RollSafe uses the monthly end. A dermatologist may set weekly in a care plan.",
};

const BODY_MEDIUM: RuleSource = RuleSource {
    rule_id: "interval.body_medium_needles",
    citation: "Am J Clin Dermatol 2018, microneedling vs laser for striae alba (NCT03390439): monthly sessions",
    evidence: Evidence::PeerReviewed,
    note: "Stretch-mark summaries give 4 weeks at 1.5-2.0 mm (low strength). RollSafe uses 30 days.",
};

const LONG_NEEDLES: RuleSource = RuleSource {
    rule_id: "interval.long_needles",
    citation: "Vendor guidance for acne-scar depths (minimum six weeks); the circulated '2.0 mm every 6 weeks' table (unverified)",
    evidence: Evidence::Low,
    note: "Needles over 1.5 mm are professional territory; no home-use source is stronger than a vendor. Six weeks is the longest figure found.",
};

/// The default rows, grouped by region, shortest needles first.
pub const DEFAULT_INTERVAL_RULES: [IntervalRule; 9] = [
    row(BodyRegion::Face, 0.3, 7, WEEKLY_AT_MOST),
    row(BodyRegion::Face, 1.5, 30, FACE_MEDIUM),
    row(BodyRegion::Face, f64::INFINITY, 42, LONG_NEEDLES),
    row(BodyRegion::Scalp, 0.3, 7, WEEKLY_AT_MOST),
    row(BodyRegion::Scalp, 1.5, 30, SCALP_MEDIUM),
    row(BodyRegion::Scalp, f64::INFINITY, 42, LONG_NEEDLES),
    row(BodyRegion::Body, 0.3, 7, WEEKLY_AT_MOST),
    row(BodyRegion::Body, 1.5, 30, BODY_MEDIUM),
    row(BodyRegion::Body, f64::INFINITY, 42, LONG_NEEDLES),
];

const fn row(
    region: BodyRegion,
    up_to_needle_mm: f64,
    min_rest_days: u32,
    source: RuleSource,
) -> IntervalRule {
    IntervalRule {
        region,
        up_to_needle_mm,
        min_rest_days,
        source,
    }
}

/// The default rule for `region` and a needle of `needle_mm` millimetres.
pub fn interval_rule_for(region: BodyRegion, needle_mm: f64) -> &'static IntervalRule {
    let mut rows = DEFAULT_INTERVAL_RULES.iter().filter(|r| r.region == region);
    let mut chosen = &DEFAULT_INTERVAL_RULES[0];
    for rule in rows.by_ref() {
        chosen = rule;
        if needle_mm <= rule.up_to_needle_mm {
            break;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_ordered_and_longer_needles_rest_longer() {
        for region in [BodyRegion::Face, BodyRegion::Scalp, BodyRegion::Body] {
            let rows: Vec<_> = DEFAULT_INTERVAL_RULES
                .iter()
                .filter(|r| r.region == region)
                .collect();
            assert_eq!(rows.len(), 3);
            for pair in rows.windows(2) {
                assert!(pair[0].up_to_needle_mm < pair[1].up_to_needle_mm);
                assert!(pair[0].min_rest_days <= pair[1].min_rest_days);
            }
            assert!(
                rows[2].up_to_needle_mm.is_infinite(),
                "every length is covered"
            );
        }
    }

    #[test]
    fn band_bounds_are_inclusive() {
        assert_eq!(interval_rule_for(BodyRegion::Face, 0.25).min_rest_days, 7);
        assert_eq!(interval_rule_for(BodyRegion::Face, 0.3).min_rest_days, 7);
        assert_eq!(interval_rule_for(BodyRegion::Face, 0.5).min_rest_days, 30);
        assert_eq!(interval_rule_for(BodyRegion::Face, 1.5).min_rest_days, 30);
        assert_eq!(interval_rule_for(BodyRegion::Face, 2.0).min_rest_days, 42);
        assert_eq!(
            interval_rule_for(BodyRegion::Scalp, 1.0).region,
            BodyRegion::Scalp
        );
        assert_eq!(interval_rule_for(BodyRegion::Body, 3.0).min_rest_days, 42);
    }

    #[test]
    fn every_rule_names_a_source() {
        for rule in DEFAULT_INTERVAL_RULES {
            assert!(!rule.source.citation.is_empty());
            assert!(rule.source.rule_id.starts_with("interval."));
        }
    }
}
