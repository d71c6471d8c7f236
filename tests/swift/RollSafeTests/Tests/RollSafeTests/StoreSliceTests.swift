// The foundation slice through the generated Swift bindings, against the real
// Rust library: a store on disk, a device, a session, the interval verdict,
// acknowledged blockers, and bad input arriving as typed errors.
import Foundation
import RollSafe
import XCTest

final class StoreSliceTests: XCTestCase {
    private var dir: URL!
    private var dbPath: String { dir.appendingPathComponent("log.sqlite3").path }
    private let faceRoller = NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Face roller")
    private let allClear = PreChecks(
        deviceCleaned: true, skinClean: true, activeBreakout: false, coldSore: false, openWound: false, sunburn: false)

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("rollsafe-swift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: dir)
    }

    private func facePlan(_ deviceId: String, zones: [BodyZone] = [.cheeks]) -> SessionPlan {
        SessionPlan(deviceId: deviceId, zones: zones, preChecks: allClear)
    }

    private func faceSession(_ deviceId: String, at: String, zones: [BodyZone] = [.cheeks]) -> NewSession {
        NewSession(plan: facePlan(deviceId, zones: zones), at: moment(at))
    }

    /// Logs an adequate cleaning: a 20-minute isopropyl soak at `at`.
    private func soak(_ store: RollSafeStore, _ deviceId: String, at: String) throws {
        _ = try store.recordCleaning(
            cleaning: NewCleaning(deviceId: deviceId, at: moment(at), method: .isopropylSoak, soakMinutes: 20),
            now: moment(at))
    }

    private func blockers(_ store: RollSafeStore, _ deviceId: String, now: String) throws -> [String] {
        try store.checkSession(plan: facePlan(deviceId), now: moment(now)).findings
            .filter { $0.severity == .blocker }.map(\.code)
    }

    func testADeviceAndASessionSurviveReopeningTheFile() throws {
        let now = moment("2026-03-01T21:30:00+01:00")
        var device: Device
        var session: Session
        do {
            let store = try RollSafeStore.open(path: dbPath)
            device = try store.addDevice(device: faceRoller, now: now).device
            try soak(store, device.id, at: "2026-03-01T20:30:00+01:00")
            let recorded = try store.recordSession(
                session: faceSession(device.id, at: "2026-03-01T21:00:00+01:00", zones: [.cheeks, .forehead]),
                acknowledgedBlockers: [],
                now: now
            )
            XCTAssertTrue(recorded.verdict.allowed, "\(recorded.verdict.findings)")
            session = recorded.session
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dbPath), "the store is a real file")
        let reopened = try RollSafeStore.open(path: dbPath)
        XCTAssertEqual(try reopened.devices(), [device])
        XCTAssertEqual(try reopened.sessions(), [session])
        XCTAssertEqual(try reopened.cleanings(deviceId: device.id).count, 1)
        let read = try XCTUnwrap(try reopened.sessions().first)
        XCTAssertEqual(read.zones, [.forehead, .cheeks])
        XCTAssertEqual(read.at.utcOffsetSeconds, 3600)
        XCTAssertEqual(read.needleLengthMm, 0.25, "defaults to the device's length")
        XCTAssertEqual(read.at.instant, moment("2026-03-01T21:00:00+01:00").instant)
        XCTAssertEqual(read.overrides, [])
    }

    func testTheVerdictBlocksUntilSevenLocalDaysHavePassed() throws {
        let store = try RollSafeStore.open(path: dbPath)
        let device = try store.addDevice(device: faceRoller, now: moment("2026-03-01T20:00:00+01:00")).device
        XCTAssertEqual(
            try blockers(store, device.id, now: "2026-03-01T20:05:00+01:00"), ["device_not_cleaned"],
            "a device never cleaned is blocked")
        try soak(store, device.id, at: "2026-03-01T20:10:00+01:00")
        let first = try store.checkSession(plan: facePlan(device.id), now: moment("2026-03-01T20:40:00+01:00"))
        XCTAssertTrue(first.allowed, "\(first.findings)")
        XCTAssertNil(first.nextAllowedDate)

        _ = try store.recordSession(
            session: faceSession(device.id, at: "2026-03-01T21:00:00+01:00"),
            acknowledgedBlockers: [],
            now: moment("2026-03-01T21:30:00+01:00")
        )
        XCTAssertEqual(
            try blockers(store, device.id, now: "2026-03-08T09:00:00+01:00"), ["device_not_cleaned"],
            "the cleaning before a session does not count for the next one")
        try soak(store, device.id, at: "2026-03-01T21:40:00+01:00")

        let saturday = try store.checkSession(plan: facePlan(device.id), now: moment("2026-03-07T23:59:00+01:00"))
        XCTAssertFalse(saturday.allowed)
        XCTAssertEqual(saturday.rest.count, 1)
        let face = try XCTUnwrap(saturday.rest.first)
        XCTAssertEqual(face.region, .face)
        XCTAssertEqual(face.minRestDays, 7)
        XCTAssertEqual(face.lastSessionDate, CalendarDate(year: 2026, month: 3, day: 1))
        let blockers = saturday.findings.filter { $0.severity == .blocker }
        XCTAssertEqual(blockers.map(\.code), ["interval_not_elapsed"])
        let blocker = try XCTUnwrap(blockers.first)
        XCTAssertEqual(blocker.ruleId, "interval.short_needles")
        XCTAssertEqual(face.ruleId, blocker.ruleId, "the rest and its blocker name one rule")
        XCTAssertFalse(try XCTUnwrap(ruleSource(ruleId: blocker.ruleId)).citation.isEmpty, "every rule names its source")
        XCTAssertEqual(saturday.nextAllowedDate, CalendarDate(year: 2026, month: 3, day: 8))

        let sunday = try store.checkSession(plan: facePlan(device.id), now: moment("2026-03-08T00:01:00+01:00"))
        XCTAssertTrue(sunday.allowed, "\(sunday.findings)")
    }

    func testABlockedSessionIsRefusedUnlessItsBlockerIsAcknowledged() throws {
        let store = try RollSafeStore.openInMemory()
        let device = try store.addDevice(device: faceRoller, now: moment("2026-03-01T20:00:00+01:00")).device
        try soak(store, device.id, at: "2026-03-01T20:10:00+01:00")
        _ = try store.recordSession(
            session: faceSession(device.id, at: "2026-03-01T21:00:00+01:00"),
            acknowledgedBlockers: [],
            now: moment("2026-03-01T21:30:00+01:00")
        )
        try soak(store, device.id, at: "2026-03-01T21:40:00+01:00")

        let tooSoon = faceSession(device.id, at: "2026-03-04T21:00:00+01:00")
        let now = moment("2026-03-04T21:30:00+01:00")
        XCTAssertThrowsError(try store.recordSession(session: tooSoon, acknowledgedBlockers: [], now: now)) { error in
            guard case RollSafeError.SessionBlocked(let blockers) = error else {
                return XCTFail("expected SessionBlocked, got \(error)")
            }
            XCTAssertEqual(blockers.map(\.code), ["interval_not_elapsed"])
        }
        XCTAssertEqual(try store.sessions().count, 1, "nothing was recorded")

        let recorded = try store.recordSession(
            session: tooSoon, acknowledgedBlockers: ["interval_not_elapsed"], now: now)
        XCTAssertFalse(recorded.verdict.allowed)
        XCTAssertEqual(recorded.session.overrides.map(\.code), ["interval_not_elapsed"])
        XCTAssertFalse(try XCTUnwrap(recorded.session.overrides.first).message.isEmpty)
        XCTAssertEqual(try store.sessions().count, 2)
        XCTAssertEqual(try store.session(id: recorded.session.id), recorded.session, "the override is stored")
    }

    func testBadInputThrowsTypedErrorsNamingTheFieldAndChangesNothing() throws {
        let store = try RollSafeStore.openInMemory()
        let now = moment("2026-03-01T21:30:00+01:00")
        let nan = NewDevice(kind: .roller, needleLengthMm: .nan, material: .titanium, nickname: "Face roller")
        XCTAssertEqual(invalidField { _ = try store.addDevice(device: nan, now: now) }, "needle_length_mm")
        let blank = NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "   ")
        XCTAssertEqual(invalidField { _ = try store.addDevice(device: blank, now: now) }, "nickname")
        XCTAssertEqual(try store.devices(), [])

        let badOffset = Moment(instant: now.instant, utcOffsetSeconds: 19 * 3600)
        XCTAssertEqual(invalidField { _ = try store.addDevice(device: self.faceRoller, now: badOffset) }, "now")
        XCTAssertEqual(try store.devices(), [])
        XCTAssertEqual(
            invalidField { _ = try store.checkSession(plan: self.facePlan("not-a-uuid"), now: now) }, "device_id")

        XCTAssertThrowsError(
            try store.checkSession(plan: facePlan("00000000-0000-4000-8000-000000000000"), now: now)
        ) { error in
            guard case RollSafeError.NotFound(let entity, _) = error else {
                return XCTFail("expected NotFound, got \(error)")
            }
            XCTAssertEqual(entity, "device")
        }

        let device = try store.addDevice(device: faceRoller, now: now).device
        try soak(store, device.id, at: "2026-03-01T20:30:00+01:00")
        let noZones = faceSession(device.id, at: "2026-03-01T21:00:00+01:00", zones: [])
        XCTAssertEqual(
            invalidField { _ = try store.recordSession(session: noZones, acknowledgedBlockers: [], now: now) }, "zones")
        XCTAssertEqual(try store.sessions(), [])
    }

    /// Runs `body`, expecting an `InvalidInput` error; returns the field it names.
    private func invalidField(_ body: () throws -> Void) -> String? {
        do {
            try body()
            XCTFail("expected an InvalidInput error")
        } catch RollSafeError.InvalidInput(let field, _) {
            return field
        } catch {
            XCTFail("expected InvalidInput, got \(error)")
        }
        return nil
    }
}
