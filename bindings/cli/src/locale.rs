//! The region of the user's locale, read from the environment the way a
//! POSIX program reads its paper category (`LC_ALL`, then `LC_PAPER`, then
//! `LANG`), so `rollsafe report` picks the core's usual paper for it, as
//! the phones do for theirs.

/// The region of the locale that decides paper in this environment, for
/// example `US` for `en_US.UTF-8`; empty when none is set or it names no
/// region (`C`, `POSIX`).
pub fn paper_region() -> String {
    let locale = ["LC_ALL", "LC_PAPER", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    region_of(&locale).to_owned()
}

/// The region of a POSIX locale name `language[_REGION][.codeset][@modifier]`:
/// `en_US.UTF-8` gives `US`, `fr_CA@euro` gives `CA`, `C` gives nothing.
/// Whether it is a real region is the core's to judge.
fn region_of(locale: &str) -> &str {
    let name = locale.split(['.', '@']).next().unwrap_or_default();
    name.split_once('_').map_or("", |(_, region)| region)
}

#[cfg(test)]
mod tests {
    use super::region_of;

    #[test]
    fn the_region_is_between_the_underscore_and_the_codeset() {
        assert_eq!(region_of("en_US.UTF-8"), "US");
        assert_eq!(region_of("fr_CA@euro"), "CA");
        assert_eq!(region_of("es_MX"), "MX");
        assert_eq!(region_of("de_DE.ISO-8859-1@euro"), "DE");
        assert_eq!(region_of("C"), "");
        assert_eq!(region_of("POSIX"), "");
        assert_eq!(region_of("C.UTF-8"), "");
        assert_eq!(region_of(""), "");
    }
}
