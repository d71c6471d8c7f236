//! Products applied around a session.
//!
//! Some actives are best kept off freshly needled skin (retinoids, acids,
//! vitamin C, fragrance; domain reference 2.8), so each product the user names
//! carries category tags the rules can read. Tags are chosen by the user
//! rather than looked up in a database: entry must stay quick.

use crate::error::{Error, Result};
use crate::validate;

/// When a product was applied relative to needling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProductTiming {
    /// Applied before needling.
    Before,
    /// Applied after needling.
    After,
}

/// What kind of product it is, as far as the rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProductCategory {
    /// Hyaluronic acid.
    HyaluronicAcid,
    /// Peptides.
    Peptides,
    /// Growth factors.
    GrowthFactors,
    /// Minoxidil.
    Minoxidil,
    /// Retinoids: retinol, tretinoin and relatives.
    Retinoid,
    /// Vitamin C (L-ascorbic acid).
    VitaminC,
    /// AHA/BHA acids: glycolic, lactic, salicylic.
    AhaBha,
    /// Numbing cream.
    NumbingCream,
    /// Fragrance.
    Fragrance,
    /// Anything else.
    Other,
}

crate::codes::stable_codes!(ProductCategory {
    HyaluronicAcid => "hyaluronic_acid",
    Peptides => "peptides",
    GrowthFactors => "growth_factors",
    Minoxidil => "minoxidil",
    Retinoid => "retinoid",
    VitaminC => "vitamin_c",
    AhaBha => "aha_bha",
    NumbingCream => "numbing_cream",
    Fragrance => "fragrance",
    Other => "other",
});

impl ProductCategory {
    /// A plain name for messages.
    pub fn label(self) -> &'static str {
        use ProductCategory::*;
        match self {
            HyaluronicAcid => "hyaluronic acid",
            Peptides => "peptides",
            GrowthFactors => "growth factors",
            Minoxidil => "minoxidil",
            Retinoid => "retinoids",
            VitaminC => "vitamin C",
            AhaBha => "AHA/BHA acids",
            NumbingCream => "numbing cream",
            Fragrance => "fragrance",
            Other => "other products",
        }
    }
}

/// A product applied around a session.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// The user's name for it, for example "The Ordinary HA serum".
    pub name: String,
    /// Before or after needling.
    pub timing: ProductTiming,
    /// Its category tags; may be empty.
    pub categories: Vec<ProductCategory>,
}

/// The most products one session may list.
pub const MAX_PRODUCTS_PER_SESSION: usize = 20;

impl Product {
    fn validated(&self) -> Result<Self> {
        let mut categories = self.categories.clone();
        crate::sorting::sort(&mut categories);
        categories.dedup();
        Ok(Self {
            name: validate::label("products.name", &self.name)?,
            timing: self.timing,
            categories,
        })
    }
}

/// Checks a list of products: at most [`MAX_PRODUCTS_PER_SESSION`], each named.
pub fn validate_products(products: &[Product]) -> Result<Vec<Product>> {
    if products.len() > MAX_PRODUCTS_PER_SESSION {
        return Err(Error::invalid(
            "products",
            format!("must list at most {MAX_PRODUCTS_PER_SESSION} products"),
        ));
    }
    products.iter().map(Product::validated).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_round_trip() {
        for category in ProductCategory::ALL {
            assert_eq!(ProductCategory::from_code(category.code()), Some(category));
        }
    }

    #[test]
    fn products_are_named_and_bounded() {
        let serum = Product {
            name: " Vit C serum ".into(),
            timing: ProductTiming::After,
            categories: vec![ProductCategory::VitaminC, ProductCategory::VitaminC],
        };
        let cleaned = validate_products(std::slice::from_ref(&serum)).unwrap();
        assert_eq!(cleaned[0].name, "Vit C serum");
        assert_eq!(cleaned[0].categories, vec![ProductCategory::VitaminC]);
        let unnamed = Product {
            name: String::new(),
            ..serum.clone()
        };
        assert!(matches!(
            validate_products(&[unnamed]),
            Err(Error::InvalidInput {
                field: "products.name",
                ..
            })
        ));
        let many = vec![serum; MAX_PRODUCTS_PER_SESSION + 1];
        assert!(matches!(
            validate_products(&many),
            Err(Error::InvalidInput {
                field: "products",
                ..
            })
        ));
    }
}
