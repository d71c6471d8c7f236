//! Products to keep away from freshly needled skin.
//!
//! Clinics agree on avoiding retinoids, acids, vitamin C and fragrance after
//! needling and disagree on how long (domain reference 2.8); vitamin C is also
//! implicated in most published granuloma cases. The windows below take the
//! longest figure found.
//!
//! A product on the skin as the needles go in is carried into it: the
//! granuloma reports concern exactly products on needled skin (Soltani-
//! Arabshahi 2014; Friedmann 2024), and retinoids are to be kept off "right
//! before and after" (Gohara). The clinic pages give most windows only for
//! after; RollSafe applies each window before needling too, the conservative
//! reading (minoxidil is left out before: the trials apply it with needling).

use super::source::{Evidence, RuleSource};
use crate::product::{ProductCategory, ProductTiming};

/// Advice against a product category at a given timing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProductRule {
    /// The category.
    pub category: ProductCategory,
    /// Before or after needling.
    pub timing: ProductTiming,
    /// Days to keep it off the needled skin.
    pub avoid_days: u32,
    /// Where it comes from.
    pub source: RuleSource,
}

const RETINOIDS: RuleSource = RuleSource {
    rule_id: "products.retinoids",
    citation: "drpenskincare.com, citylaserclinic.com, eternaldermatology.com (1 week); flawlesssi.com (resume after 2 weeks); Dr Gohara in InStyle (not right before or after)",
    evidence: Evidence::Professional,
    note: "Windows range from 5 days to 2 weeks; RollSafe uses 2 weeks.",
};

const ACIDS: RuleSource = RuleSource {
    rule_id: "products.acids",
    citation: "drpenskincare.com; citylaserclinic.com; moonaesthetics.co.uk (about 1 week); aeternaaesthetics.com (5-7 days)",
    evidence: Evidence::Low,
    note: "RollSafe uses 7 days, before needling as after.",
};

const VITAMIN_C: RuleSource = RuleSource {
    rule_id: "products.vitamin_c",
    citation: "Soltani-Arabshahi et al., JAMA Dermatol 2014;150:68-72; Friedmann et al., Dermatol Surg 2024 (vitamin C in most granuloma cases); citylaserclinic.com (1 week)",
    evidence: Evidence::PeerReviewed,
    note: "Granulomatous reactions are rare but may resist treatment. RollSafe keeps vitamin C off the skin for 7 days before needling as after.",
};

const FRAGRANCE: RuleSource = RuleSource {
    rule_id: "products.fragrance",
    citation: "faciallyconscious.com (fragrance-free, 48-72 h); flawlesssi.com (fragrance-free)",
    evidence: Evidence::Low,
    note: "RollSafe uses the 72-hour end, before needling as after.",
};

const MINOXIDIL: RuleSource = RuleSource {
    rule_id: "products.minoxidil",
    citation: "Consumer advice: wait 24 h (necolebitchie.com) to 24-48 h (feau.com) after needling",
    evidence: Evidence::Low,
    note: "Trial protocols differ: Malhotra 2020 applied minoxidil right after needling. Follow your dermatologist if they say otherwise.",
};

/// Every product rule.
pub const PRODUCT_RULES: [ProductRule; 9] = [
    rule(
        ProductCategory::Retinoid,
        ProductTiming::After,
        14,
        RETINOIDS,
    ),
    rule(
        ProductCategory::Retinoid,
        ProductTiming::Before,
        14,
        RETINOIDS,
    ),
    rule(ProductCategory::AhaBha, ProductTiming::After, 7, ACIDS),
    rule(ProductCategory::AhaBha, ProductTiming::Before, 7, ACIDS),
    rule(
        ProductCategory::VitaminC,
        ProductTiming::After,
        7,
        VITAMIN_C,
    ),
    rule(
        ProductCategory::VitaminC,
        ProductTiming::Before,
        7,
        VITAMIN_C,
    ),
    rule(
        ProductCategory::Fragrance,
        ProductTiming::After,
        3,
        FRAGRANCE,
    ),
    rule(
        ProductCategory::Fragrance,
        ProductTiming::Before,
        3,
        FRAGRANCE,
    ),
    rule(
        ProductCategory::Minoxidil,
        ProductTiming::After,
        2,
        MINOXIDIL,
    ),
];

const fn rule(
    category: ProductCategory,
    timing: ProductTiming,
    avoid_days: u32,
    source: RuleSource,
) -> ProductRule {
    ProductRule {
        category,
        timing,
        avoid_days,
        source,
    }
}

/// The rule against `category` at `timing`, if any.
pub fn product_rule(
    category: ProductCategory,
    timing: ProductTiming,
) -> Option<&'static ProductRule> {
    PRODUCT_RULES
        .iter()
        .find(|r| r.category == category && r.timing == timing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_kept_off_after_is_kept_off_before() {
        for category in [
            ProductCategory::Retinoid,
            ProductCategory::AhaBha,
            ProductCategory::VitaminC,
            ProductCategory::Fragrance,
        ] {
            let after = product_rule(category, ProductTiming::After).map(|r| r.avoid_days);
            let before = product_rule(category, ProductTiming::Before).map(|r| r.avoid_days);
            assert!(after.is_some(), "{category:?}");
            assert_eq!(before, after, "{category:?}");
        }
    }

    #[test]
    fn soothing_products_carry_no_rule() {
        for category in [ProductCategory::HyaluronicAcid, ProductCategory::Peptides] {
            assert!(product_rule(category, ProductTiming::After).is_none());
        }
        assert_eq!(
            product_rule(ProductCategory::VitaminC, ProductTiming::After).map(|r| r.avoid_days),
            Some(7)
        );
    }
}
