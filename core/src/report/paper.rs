//! The paper a report is printed on where the user lives, decided once here
//! so that Android, iOS and the CLI pick the same default for a region (the
//! user can still pick the other).

use super::Paper;

/// The regions whose usual paper is US Letter: Unicode CLDR's list
/// (supplementalData.xml, `paperSize type="US-Letter"`), which is also what
/// ICU and the phones' own locale data follow. Everyone else uses A4.
const LETTER_REGIONS: [&str; 14] = [
    "BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE",
];

/// The paper usual in `region`, an ISO 3166-1 alpha-2 code in either case
/// (`US`, `ca`): US Letter in Belize, Canada, Chile, Colombia, Costa Rica,
/// Guatemala, Mexico, Nicaragua, Panama, the Philippines, Puerto Rico,
/// El Salvador, the United States and Venezuela (CLDR's list); A4 everywhere
/// else, and for an empty, unknown or malformed code (`USA`, `419`, ` us`).
pub fn usual_paper(region: &str) -> Paper {
    let letter = region.len() == 2
        && LETTER_REGIONS
            .iter()
            .any(|code| code.eq_ignore_ascii_case(region));
    if letter { Paper::UsLetter } else { Paper::A4 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_where_cldr_says_so_in_either_case() {
        for region in ["US", "us", "Ca", "MX", "ph", "CL", "CO", "VE", "GT", "PR"] {
            assert_eq!(usual_paper(region), Paper::UsLetter, "{region}");
        }
    }

    #[test]
    fn a4_elsewhere_and_for_anything_else() {
        for region in [
            "GB", "fr", "DE", "AU", "JP", "BR", "IN", "", "U", "USA", " us", "us ", "419", "ÜS",
            "zz",
        ] {
            assert_eq!(usual_paper(region), Paper::A4, "{region:?}");
        }
    }
}
