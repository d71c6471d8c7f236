// The rule catalogue against the real library: results name their rule by id, the
// library lists every rule's source once, and the Swift layer's `source` properties
// find the source of everything a home screen shows.
import RollSafe
import XCTest

final class RuleCatalogueTests: XCTestCase {
    func testTheLibraryListsEveryRuleOnceSortedByIdEachWithItsCitation() throws {
        let sources = ruleSources()
        let ids = sources.map(\.ruleId)
        XCTAssertGreaterThan(sources.count, 40)
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(Set(ids).count, ids.count, "each rule once")
        XCTAssertTrue(sources.allSatisfy { !$0.citation.isEmpty && !$0.note.isEmpty })
        XCTAssertEqual(RuleCatalogue.all, sources)
        XCTAssertEqual(ruleSource(ruleId: "care_plan"), sources.first { $0.ruleId == "care_plan" })
        XCTAssertNil(ruleSource(ruleId: "no.such_rule"))
    }

    func testEverythingAHomeScreenShowsFindsItsSource() throws {
        let store = try RollSafeStore.openInMemory()
        let start = moment("2026-03-01T20:00:00+01:00")
        let shared = NewDevice(
            kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Shared roller", shared: true)
        let device = try store.addDevice(device: shared, now: start).device.id
        let plan = SessionPlan(deviceId: device, zones: [.cheeks], preChecks: .allClear)
        let blockers = try store.checkSession(plan: plan, now: start).findings.map(\.code)
        _ = try store.recordSession(
            session: NewSession(plan: plan, at: start), acknowledgedBlockers: blockers, now: start)
        let later = moment("2026-03-02T09:00:00+01:00")
        let fever = NewSymptomReport(
            at: later, kind: .report, zones: [.cheeks], overallSeverity: 6, temperatureC: 38.6)
        _ = try store.recordSymptomReport(report: fever, now: later)

        let today = try store.today(now: later)
        let findings = today.devices.flatMap { $0.regions.flatMap(\.verdict.findings) }
        let rests = today.devices.flatMap { $0.regions.flatMap(\.verdict.rest) }
        let factors = today.assessment.preventive.factors
        let prompts = today.assessment.triage.prompts
        let replacements = today.devices.map(\.overview.replacement)
        XCTAssertFalse(findings.isEmpty || rests.isEmpty, "findings: \(findings)")
        XCTAssertFalse(factors.isEmpty || prompts.isEmpty, "factors: \(factors), prompts: \(prompts)")
        XCTAssertTrue(findings.allSatisfy { $0.source.ruleId == $0.ruleId && !$0.source.citation.isEmpty })
        XCTAssertTrue(rests.allSatisfy { $0.source.ruleId == $0.ruleId })
        XCTAssertTrue(factors.allSatisfy { $0.source.ruleId == $0.ruleId })
        XCTAssertTrue(prompts.allSatisfy { $0.source.ruleId == $0.ruleId })
        XCTAssertTrue(replacements.allSatisfy { $0.source.ruleId == $0.ruleId })
        XCTAssertTrue(findings.contains { $0.ruleId == "device.never_share" }, "the shared device is named: \(findings)")
    }
}
