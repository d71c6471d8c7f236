//! The catalogue of rule sources. Results name the rule behind each finding,
//! rest, factor and prompt by id; an app reads the sources here once (or
//! looks one up) instead of every result carrying the same citations.

use rollsafe_core::rules::catalogue;

use crate::records::RuleSource;

/// Every rule's source, each once, sorted by rule id: what the results'
/// `rule_id`s name. Static for a given library version, so read it once.
#[uniffi::export]
pub fn rule_sources() -> Vec<RuleSource> {
    catalogue::rule_sources()
        .into_iter()
        .map(RuleSource::from)
        .collect()
}

/// The source of the rule with `rule_id`, or `None` for an id this library
/// does not know.
#[uniffi::export]
pub fn rule_source(rule_id: String) -> Option<RuleSource> {
    catalogue::rule_source(&rule_id).map(RuleSource::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_crosses_whole_and_one_source_at_a_time() {
        let all = rule_sources();
        assert!(all.len() > 40, "{}", all.len());
        let ids: Vec<&str> = all.iter().map(|s| s.rule_id.as_str()).collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "sorted and unique: {ids:?}"
        );
        for source in &all {
            assert_eq!(rule_source(source.rule_id.clone()).as_ref(), Some(source));
        }
        assert_eq!(rule_source("no.such_rule".to_owned()), None);
    }
}
