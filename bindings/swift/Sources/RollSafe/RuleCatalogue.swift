// The source to show beside a finding, a rest, a risk factor, a triage prompt or a
// replacement limit: results name their rule by id, and the catalogue is read once.

/// Every rule's source, read from the library on first use and kept: the catalogue is
/// fixed for a given library, and reading it once spares every result the citations.
public enum RuleCatalogue {
    private static let byId: [String: RuleSource] = Dictionary(
        ruleSources().map { ($0.ruleId, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every source, sorted by rule id: for a "where our rules come from" screen.
    public static var all: [RuleSource] { byId.values.sorted { $0.ruleId < $1.ruleId } }

    /// The source of the rule `ruleId` names. Every id a result carries is in the catalogue
    /// of the same library (the core's tests hold the catalogue to every rule), so an
    /// unknown id is a programming error and stops the program.
    public static subscript(ruleId: String) -> RuleSource {
        guard let source = byId[ruleId] else {
            preconditionFailure("rule \(ruleId) is not in the library's catalogue")
        }
        return source
    }
}

extension Finding {
    /// The source of the rule behind this finding.
    public var source: RuleSource { RuleCatalogue[ruleId] }
}

extension RegionRest {
    /// The source of the rule or care plan that set this rest.
    public var source: RuleSource { RuleCatalogue[ruleId] }
}

extension RiskFactor {
    /// The source of the rule behind this risk factor.
    public var source: RuleSource { RuleCatalogue[ruleId] }
}

extension TriagePrompt {
    /// The source of the rule behind this triage prompt.
    public var source: RuleSource { RuleCatalogue[ruleId] }
}

extension Replacement {
    /// The source of the rule that set this replacement limit.
    public var source: RuleSource { RuleCatalogue[ruleId] }
}
