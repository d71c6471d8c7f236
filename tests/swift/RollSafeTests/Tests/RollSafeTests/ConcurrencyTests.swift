// Many threads read and write one store on disk at once for a sustained run,
// through the generated Swift bindings against the real Rust library: no
// "database is locked" (or any other error) reaches a caller, nothing
// deadlocks (the run has a deadline), and no record is lost or duplicated.
// Mirrors bindings/tests/concurrency.rs.
import Foundation
import RollSafe
import XCTest

/// What the workers report, safe to append to from any thread.
private final class Gathered<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []

    func append(_ item: T) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var all: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// The ids of the cleanings and sessions one worker was told were committed.
private struct Committed {
    let cleanings: [String]
    let sessions: [String]
}

final class ConcurrencyTests: XCTestCase {
    private let threads = 8
    private let rounds = 30
    private let deadlineSeconds = 120.0
    private var dir: URL!
    private var dbPath: String { dir.appendingPathComponent("shared.sqlite3").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("rollsafe-concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: dir)
    }

    /// Minute number `step` of the timeline from 2026-03-01T00:00:00Z, in UTC+01:00.
    private func at(_ step: Int) -> Moment {
        Moment(instant: Date(timeIntervalSince1970: 1_772_323_200 + TimeInterval(step * 60)), utcOffsetSeconds: 3600)
    }

    private func roller(_ n: Int) -> NewDevice {
        NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Roller \(n)")
    }

    /// One worker: its own device, cleanings and acknowledged sessions, with reads of everything in between.
    private func work(_ store: RollSafeStore, _ n: Int) throws -> Committed {
        let device = try store.addDevice(device: roller(n), now: at(0)).device.id
        var cleanings: [String] = []
        var sessions: [String] = []
        for round in 1...rounds {
            let now = at(round * 10 + n)
            cleanings.append(
                try store.recordCleaning(
                    cleaning: NewCleaning(deviceId: device, at: now, method: .isopropylSoak, soakMinutes: 20),
                    now: now
                ).cleaning.id)
            let plan = SessionPlan(
                deviceId: device, zones: [.thighs],
                preChecks: PreChecks(
                    deviceCleaned: true, skinClean: true, activeBreakout: false, coldSore: false, openWound: false,
                    sunburn: false))
            // Another thread may record on the same region between this check and the
            // recording, so acknowledge the blockers that can appear meanwhile.
            let verdict = try store.checkSession(plan: plan, now: now)
            let acknowledge =
                verdict.findings.map(\.code)
                + ["interval_not_elapsed", "interval_before_later_session", "device_not_cleaned", "device_due_for_replacement"]
            sessions.append(
                try store.recordSession(
                    session: NewSession(plan: plan, at: now), acknowledgedBlockers: acknowledge, now: now
                ).session.id)
            _ = try store.devices()
            _ = try store.sessions()
            _ = try store.assess(now: now)
            _ = try store.reminders(now: now)
        }
        return Committed(cleanings: cleanings, sessions: sessions)
    }

    func testEightThreadsShareOneStoreWithoutLocksLossesOrDuplicates() throws {
        let committed = Gathered<Committed>()
        let failures = Gathered<String>()
        let began = Date()
        do {
            let store = try RollSafeStore.open(path: dbPath)
            // Eight plain threads: a task group or GCD may run only about one per CPU.
            let finished = DispatchGroup()
            for n in 0..<threads {
                finished.enter()
                let worker = Thread {
                    defer { finished.leave() }
                    do {
                        committed.append(try self.work(store, n))
                    } catch {
                        // Any error (e.g. "database is locked") reaching a caller fails the test.
                        failures.append("worker \(n): a caller saw an error: \(error)")
                    }
                }
                worker.start()
            }
            guard finished.wait(timeout: .now() + deadlineSeconds) == .success else {
                return XCTFail("the workers were still running after \(deadlineSeconds) s: deadlocked?")
            }
        }
        let elapsed = Date().timeIntervalSince(began)
        XCTAssertEqual(failures.all, [], "no caller saw an error")
        let results = committed.all
        XCTAssertEqual(results.count, threads, "every worker finished")
        let committedCleanings = results.flatMap(\.cleanings)
        let committedSessions = results.flatMap(\.sessions)
        XCTAssertEqual(committedSessions.count, threads * rounds, "every round committed a session")
        XCTAssertEqual(committedCleanings.count, threads * rounds, "every round committed a cleaning")

        let store = try RollSafeStore.open(path: dbPath)
        let devices = try store.devices()
        XCTAssertEqual(devices.count, threads, "one device per thread")
        let storedSessions = try store.sessions().map(\.id)
        let unique = Set(storedSessions)
        XCTAssertEqual(unique.count, storedSessions.count, "no duplicated session")
        XCTAssertEqual(storedSessions.count, committedSessions.count, "no lost or extra session")
        for id in committedSessions where !unique.contains(id) {
            XCTFail("session \(id) was committed but is missing")
        }
        let storedCleaningList = try devices.flatMap { try store.cleanings(deviceId: $0.id) }.map(\.cleaning.id)
        let storedCleanings = Set(storedCleaningList)
        XCTAssertEqual(storedCleanings.count, storedCleaningList.count, "no duplicated cleaning")
        XCTAssertEqual(storedCleanings.count, committedCleanings.count, "no lost or extra cleaning")
        XCTAssertTrue(committedCleanings.allSatisfy(storedCleanings.contains), "every committed cleaning is stored")
        for device in devices {
            let overview = try store.deviceOverview(id: device.id, now: at(10_000))
            XCTAssertEqual(Int(overview.totalUses), rounds, "each device used once per round (\(device.nickname))")
        }
        let operations = threads * rounds * 7
        print(
            "ConcurrencyTests: \(threads) threads, \(operations) operations in "
                + String(format: "%.1f", elapsed) + " s, \(committedSessions.count) sessions and "
                + "\(committedCleanings.count) cleanings, nothing lost or duplicated")
    }
}
