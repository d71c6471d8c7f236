// The source to show beside a finding, a rest, a risk factor, a triage prompt or a
// replacement limit: results name their rule by id, and the catalogue is read once.
package app.rollsafe.ktx

import app.rollsafe.Finding
import app.rollsafe.RegionRest
import app.rollsafe.Replacement
import app.rollsafe.RiskFactor
import app.rollsafe.RuleSource
import app.rollsafe.TriagePrompt
import app.rollsafe.ruleSources

/**
 * Every rule's source, read from the library on first use and kept: the catalogue is
 * fixed for a given library, and reading it once spares every result the citations.
 */
object RuleCatalogue {
    private val byId: Map<String, RuleSource> by lazy { ruleSources().associateBy { it.ruleId } }

    /** Every source, sorted by rule id: for a "where our rules come from" screen. */
    val all: List<RuleSource> get() = byId.values.sortedBy { it.ruleId }

    /**
     * The source of the rule [ruleId] names. Every id a result carries is in the
     * catalogue of the same library (the core's tests hold the catalogue to every rule),
     * so an unknown id is a programming error and throws [IllegalStateException].
     */
    operator fun get(ruleId: String): RuleSource =
        checkNotNull(byId[ruleId]) { "rule $ruleId is not in the library's catalogue" }
}

/** The source of the rule behind this finding. */
val Finding.source: RuleSource get() = RuleCatalogue[ruleId]

/** The source of the rule or care plan that set this rest. */
val RegionRest.source: RuleSource get() = RuleCatalogue[ruleId]

/** The source of the rule behind this risk factor. */
val RiskFactor.source: RuleSource get() = RuleCatalogue[ruleId]

/** The source of the rule behind this triage prompt. */
val TriagePrompt.source: RuleSource get() = RuleCatalogue[ruleId]

/** The source of the rule that set this replacement limit. */
val Replacement.source: RuleSource get() = RuleCatalogue[ruleId]
