// Behaviour of single screens against the real library: what the view models
// hold, when they ask the core, and how they show what it refuses.
import Foundation
import RollSafe
import RollSafeDemoKit
import XCTest

@MainActor
final class ScreenTests: XCTestCase {
    private let morning = moment("2026-03-01T10:00:00+01:00")

    private func roller(_ client: RollSafeClient, shared: Bool = false) async throws -> Device {
        try await client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Face roller", shared: shared),
            now: morning
        ).device
    }

    func testAnyChangeToThePlanClearsTheVerdictAndTheAcknowledgements() async throws {
        let client = try await RollSafeClient.openInMemory()
        let device = try await roller(client)
        let log = LogSessionViewModel(client: client)
        var changes = 0
        let observation = log.changes.observe { changes += 1 }
        log.deviceId = device.id
        log.toggle(.cheeks)
        var answers = PreCheckAnswers()
        answers.deviceCleaned = false
        answers.skinClean = true
        answers.activeBreakout = false
        answers.coldSore = false
        XCTAssertFalse(answers.isComplete)
        answers.openWound = false
        answers.sunburn = true
        XCTAssertTrue(answers.isComplete)
        log.preChecks = answers
        await log.check(at: morning)
        let codes = Set(log.blockers.map(\.code))
        XCTAssertTrue(codes.isSuperset(of: ["precheck_device_not_cleaned", "sunburn"]), "\(codes)")
        log.setAcknowledged("sunburn", true)
        XCTAssertFalse(log.canSave, "every blocker needs its own acknowledgement")
        for code in codes { log.setAcknowledged(code, true) }
        log.setAcknowledged("not_a_blocker_shown", true)
        XCTAssertEqual(log.acknowledgedBlockers, codes, "only blockers shown can be acknowledged")
        XCTAssertTrue(log.canSave)

        log.toggle(.forehead)
        XCTAssertNil(log.verdict, "a verdict is only shown for the plan it was computed for")
        XCTAssertEqual(log.acknowledgedBlockers, [])
        XCTAssertFalse(log.canSave)
        log.addProduct(name: "Serum", timing: .after, categories: [.hyaluronicAcid])
        log.removeProduct(at: 5)
        XCTAssertEqual(log.products.count, 1)
        XCTAssertGreaterThanOrEqual(changes, 8)
        observation.cancel()
        let before = changes
        log.notes = "quiet now"
        XCTAssertEqual(changes, before, "a cancelled observation is not called")
    }

    func testABlockerThatAppearsAfterTheCheckIsShownInsteadOfSaved() async throws {
        let client = try await RollSafeClient.openInMemory()
        let device = try await roller(client)
        _ = try await client.recordCleaning(
            NewCleaning(deviceId: device.id, at: moment("2026-03-01T20:30:00+01:00"), method: .isopropylSoak, soakMinutes: 20),
            now: moment("2026-03-01T20:51:00+01:00"))
        let log = LogSessionViewModel(client: client)
        log.deviceId = device.id
        log.toggle(.cheeks)
        var answers = PreCheckAnswers()
        (answers.deviceCleaned, answers.skinClean, answers.activeBreakout) = (true, true, false)
        (answers.coldSore, answers.openWound, answers.sunburn) = (false, false, false)
        log.preChecks = answers
        let at = moment("2026-03-01T21:00:00+01:00")
        await log.check(at: at)
        XCTAssertEqual(log.verdict?.allowed, true)

        // Another screen (or device) records a session on the same zone meanwhile.
        _ = try await client.recordSession(
            NewSession(plan: SessionPlan(deviceId: device.id, zones: [.cheeks], preChecks: .allClear),
                       at: moment("2026-03-01T20:55:00+01:00")),
            now: moment("2026-03-01T20:56:00+01:00"))
        let saved = await log.save(at: at, now: moment("2026-03-01T21:05:00+01:00"))
        XCTAssertFalse(saved)
        XCTAssertTrue(log.failure?.blockers.map(\.code).contains("interval_not_elapsed") ?? false)
        XCTAssertEqual(log.verdict?.allowed, false, "the verdict was checked again and is shown")
        XCTAssertTrue(log.blockers.map(\.code).contains("interval_not_elapsed"))
        XCTAssertEqual(log.acknowledgedBlockers, [], "the new blockers need their own acknowledgement")
        let sessions = try await client.sessions()
        XCTAssertEqual(sessions.count, 1)
    }

    func testTheDeviceFormShowsTheFieldTheCoreRefused() async throws {
        let client = try await RollSafeClient.openInMemory()
        let devices = DevicesViewModel(client: client)
        devices.draft.nickname = "Too long"
        devices.draft.needleLengthMm = 9
        let added = await devices.add(now: morning)
        XCTAssertNil(added)
        XCTAssertEqual(devices.failure?.field, "needle_length_mm")
        XCTAssertEqual(devices.draft.needleLengthMm, 9, "the form keeps what the user typed")
        let stored = try await client.devices()
        XCTAssertEqual(stored, [])
    }

    func testSharingADeviceRaisesTheRiskAndMarkingItDamagedDuesItsReplacement() async throws {
        let client = try await RollSafeClient.openInMemory()
        let device = try await roller(client)
        let devices = DevicesViewModel(client: client)
        await devices.setShared(id: device.id, true, now: moment("2026-03-01T11:00:00+01:00"))
        XCTAssertNil(devices.failure)
        XCTAssertEqual(devices.overviews.first?.device.shared, true)
        XCTAssertEqual(devices.lastAlerts.map(\.rising), [true], "sharing a device raises the risk at once")
        await devices.flagDamaged(id: device.id, now: moment("2026-03-01T11:05:00+01:00"))
        XCTAssertEqual(devices.overviews.first?.replacement.due, true)
        await devices.retire(id: device.id, reason: "bent needles", now: moment("2026-03-01T11:10:00+01:00"))
        XCTAssertNotNil(devices.overviews.first?.device.retiredAt)
        let today = TodayViewModel(client: client)
        await today.refresh(now: moment("2026-03-01T11:15:00+01:00"))
        XCTAssertNil(today.failure)
        XCTAssertEqual(today.devices, [], "a retired device is not on Today")
        XCTAssertNil(today.device(id: device.id))
    }

    func testSettingsSaveAndReloadQuietHoursAndTheCarePlan() async throws {
        let client = try await RollSafeClient.openInMemory()
        let settings = SettingsViewModel(client: client)
        await settings.setQuietHours(from: (hour: 22, minute: 30), to: (hour: 7, minute: 0))
        XCTAssertEqual(settings.quietHours, QuietHours(startMinute: 1350, endMinute: 420))
        settings.carePlanDraft.setBy = "Dr Amara Osei, dermatologist"
        settings.carePlanDraft.restDays[.face] = 14
        settings.carePlanDraft.allowedZones = [.cheeks, .forehead]
        settings.carePlanDraft.avoidProducts = [.retinoid]
        await settings.saveCarePlan(now: morning)
        XCTAssertNil(settings.failure)
        settings.answer(.isotretinoin, present: true, stoppedOn: CalendarDate(year: 2026, month: 1, day: 15))
        settings.identity.birthDate = "2 April 1990"
        await settings.saveProfile(now: morning)
        XCTAssertEqual(settings.failure?.field, "identity.birth_date", "a date not written YYYY-MM-DD")
        settings.identity.birthDate = "2099-04-02"
        await settings.saveProfile(now: morning)
        XCTAssertEqual(settings.failure?.field, "identity.birth_date", "the core refuses a date after today")
        settings.identity.name = "  Camille Martin "
        settings.identity.birthDate = "1990-04-02"
        settings.identity.identifier = "4471"
        await settings.saveProfile(now: morning)
        XCTAssertNil(settings.failure)

        let reloaded = SettingsViewModel(client: client)
        await reloaded.load()
        XCTAssertEqual(reloaded.quietHours, QuietHours(startMinute: 1350, endMinute: 420))
        XCTAssertEqual(reloaded.carePlan?.setBy, "Dr Amara Osei, dermatologist")
        XCTAssertEqual(reloaded.carePlanDraft.restDays, [.face: 14])
        XCTAssertEqual(Set(reloaded.carePlanDraft.allowedZones), [.cheeks, .forehead])
        XCTAssertEqual(reloaded.answers[.isotretinoin], ConditionDraft(present: true, stoppedOn: CalendarDate(year: 2026, month: 1, day: 15)))
        var expected = IdentityDraft()
        expected.name = "Camille Martin"
        expected.birthDate = "1990-04-02"
        expected.identifier = "4471"
        XCTAssertEqual(reloaded.identity, expected, "the core trimmed the name")

        await reloaded.setQuietHours(from: nil, to: nil)
        XCTAssertNil(reloaded.quietHours)
        await reloaded.setQuietHours(from: (hour: 25, minute: 0), to: (hour: 7, minute: 0))
        XCTAssertEqual(reloaded.failure?.field.map { $0.contains("quiet") || $0.contains("minute") }, true,
                       "\(String(describing: reloaded.failure))")
    }

    func testASymptomReportWithoutAZoneIsRefusedNamingTheField() async throws {
        let client = try await RollSafeClient.openInMemory()
        let report = SymptomReportViewModel(client: client)
        report.toggle(.pus)
        report.pus = PusDescription(colour: .yellow, consistency: .thick)
        report.toggle(.pus)
        XCTAssertNil(report.pus, "deselecting pus drops its description")
        XCTAssertFalse(report.isSelected(.pus))
        report.overallSeverity = 2
        let saved = await report.submit(at: morning, now: morning)
        XCTAssertFalse(saved)
        XCTAssertEqual(report.failure?.field, "zones")
    }

    nonisolated func testTheChoiceListsHoldEveryCaseOnce() {
        XCTAssertEqual(Set(Choices.zones).count, Choices.zones.count)
        XCTAssertEqual(Set(Choices.symptoms).count, Choices.symptoms.count)
        XCTAssertEqual(Set(Choices.conditions).count, Choices.conditions.count)
        XCTAssertEqual(Set(Choices.productCategories).count, Choices.productCategories.count)
        // Each switch is exhaustive: a case added to the core fails to compile here until the
        // list above (and this count) is updated.
        func zoneCount(_ zone: BodyZone) -> Int {
            switch zone {
            case .forehead, .cheeks, .nose, .chin, .upperLip, .jawline, .neck, .scalp, .decolletage, .abdomen, .back,
                .arms, .buttocks, .thighs, .legs: return 15
            }
        }
        func symptomCount(_ symptom: Symptom) -> Int {
            switch symptom {
            case .redness, .swelling, .pain, .itching, .burning, .warmth, .peeling, .crusting, .bumps, .pus,
                .spreadingRedness, .blisters, .darkening, .fever, .feelingUnwell, .visionChange: return 16
            }
        }
        func conditionCount(_ condition: Condition) -> Int {
            switch condition {
            case .keloidScarring, .coldSores, .inflammatorySkinDisease, .diabetes, .immunosuppression, .bleedingRisk,
                .isotretinoin, .pregnancy, .nickelAllergy: return 9
            }
        }
        XCTAssertEqual(Choices.zones.count, zoneCount(.cheeks))
        XCTAssertEqual(Choices.symptoms.count, symptomCount(.pain))
        XCTAssertEqual(Choices.conditions.count, conditionCount(.diabetes))
        func paperCount(_ paper: Paper) -> Int {
            switch paper {
            case .a4, .usLetter: return 2
            }
        }
        XCTAssertEqual(Set(Choices.papers).count, Choices.papers.count)
        XCTAssertEqual(Choices.papers.count, paperCount(.a4))
        func trendCount(_ trend: SymptomTrend) -> Int {
            switch trend {
            case .worse, .same, .better: return 3
            }
        }
        XCTAssertEqual(Set(Choices.trends).count, Choices.trends.count)
        XCTAssertEqual(Choices.trends.count, trendCount(.same))
    }
}
