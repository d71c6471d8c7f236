// The alert listener through the generated Swift bindings, against the real
// Rust library: rises made on many threads are heard exactly once, on the
// thread that made the change; a listener may call back into the store; and a
// cancelled subscription hears nothing more; and a listener that throws cannot
// fail the change, and is reported to the logger without its text.
import Foundation
import RollSafe
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The calling thread's identity: its `pthread_self()`, as text. (Not `Thread.current.name`:
/// with swift-corelibs-foundation on Linux it is unreliable here; a name given to a `Thread`
/// before `start()` never shows, and even one set on the thread itself sometimes reads back
/// as the process name.)
private func currentThreadID() -> String {
    "\(pthread_self())"
}

/// One alert heard: its id and the thread it was heard on.
private struct Heard {
    let id: String
    let thread: String
    let onMainThread: Bool
}

/// Records every alert it hears, with the thread; safe to call from any thread.
private final class Recorder: AlertListener, @unchecked Sendable {
    private let lock = NSLock()
    private var heard: [Heard] = []

    func onAlert(alert: Alert) {
        let entry = Heard(
            id: alert.id, thread: currentThreadID(), onMainThread: Thread.isMainThread)
        lock.lock()
        heard.append(entry)
        lock.unlock()
    }

    var all: [Heard] {
        lock.lock()
        defer { lock.unlock() }
        return heard
    }

    var ids: [String] { all.map(\.id) }
}

/// Calls back into the store from inside `onAlert`, and records what it saw there.
private final class Reentrant: AlertListener, @unchecked Sendable {
    private let store: RollSafeStore
    private let lock = NSLock()
    private var seen: [(id: String, open: [String], inHistory: Bool, sharedDevices: Int)] = []
    private var errors: [Error] = []

    init(store: RollSafeStore) { self.store = store }

    func onAlert(alert: Alert) {
        do {
            let open = try store.openAlerts().map(\.id)
            let inHistory = try store.alertHistory().contains { $0.id == alert.id }
            let shared = try store.devices().filter(\.shared).count
            lock.lock()
            seen.append((alert.id, open, inHistory, shared))
            lock.unlock()
        } catch {
            lock.lock()
            errors.append(error)
            lock.unlock()
        }
    }

    var results: (seen: [(id: String, open: [String], inHistory: Bool, sharedDevices: Int)], errors: [Error]) {
        lock.lock()
        defer { lock.unlock() }
        return (seen, errors)
    }
}

/// A barrier for a fixed number of threads, reusable round after round. It waits at
/// most until `deadline`, then gives up (returns false) instead of hanging the test.
private final class RoundBarrier: @unchecked Sendable {
    private let condition = NSCondition()
    private let parties: Int
    private var waiting = 0
    private var generation = 0
    private var broken = false

    init(parties: Int) { self.parties = parties }

    func arrive(before deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if broken { return false }
        let mine = generation
        waiting += 1
        if waiting == parties {
            waiting = 0
            generation += 1
            condition.broadcast()
            return true
        }
        while generation == mine && !broken {
            if !condition.wait(until: deadline) {
                broken = true
                condition.broadcast()
                return false
            }
        }
        return !broken
    }

    /// Frees every waiting thread (a worker failed).
    func breakIt() {
        condition.lock()
        broken = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A thread-safe list of what the workers want to report.
private final class Collected<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []

    func append(_ item: T) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    func append(contentsOf more: [T]) {
        lock.lock()
        items.append(contentsOf: more)
        lock.unlock()
    }

    var all: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

final class AlertListenerTests: XCTestCase {
    /// Moment number `step` of the test's timeline (2026-03-01T09:00:00Z + step s), in UTC+01:00.
    private func at(_ step: Int) -> Moment {
        Moment(instant: Date(timeIntervalSince1970: 1_772_355_600 + TimeInterval(step)), utcOffsetSeconds: 3600)
    }

    private func roller(_ nickname: String) -> NewDevice {
        NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: nickname)
    }

    /// Runs `body` on a background thread and waits at most `seconds` for it: a deadlock
    /// fails the test instead of hanging the run. Returns what `body` returned.
    private func withinDeadline<T>(
        _ seconds: Double, file: StaticString = #filePath, line: UInt = #line, _ body: @escaping () throws -> T
    ) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Collected<Result<T, Error>>()
        let worker = Thread {
            result.append(Result { try body() })
            done.signal()
        }
        worker.start()
        guard done.wait(timeout: .now() + seconds) == .success else {
            throw DeadlineMissed(seconds: seconds)
        }
        return try XCTUnwrap(result.all.first, file: file, line: line).get()
    }

    func testRisesMadeOnEightThreadsAreHeardOnceEachOnTheThreadThatMadeThem() throws {
        let threads = 8
        let rounds = 25
        let deadlineSeconds = 60.0
        let store = try RollSafeStore.openInMemory()
        let recorder = Recorder()
        let subscription = store.addAlertListener(listener: recorder)
        defer { subscription.cancel() }

        // Eight real threads, not `DispatchQueue.concurrentPerform` or a task group: those run
        // at most about one worker per CPU (this host may have two) and concurrentPerform uses
        // the calling thread too, while every round below ends at a barrier all eight must reach.
        // Every round ends with every device unshared (risk back at low), so each round raises
        // the risk at least once, whichever thread's change gets there first.
        let deadline = Date(timeIntervalSinceNow: deadlineSeconds)
        let roundEnd = RoundBarrier(parties: threads)
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        // (alert id, thread) of every rise a change returned to its caller.
        let returned = Collected<(id: String, thread: String)>()
        let failures = Collected<String>()
        let workerThreads = Collected<String>()
        let began = Date()
        for t in 0..<threads {
            finished.enter()
            let worker = Thread {
                defer { finished.leave() }
                let me = currentThreadID()
                let name = "worker \(t)"
                workerThreads.append(me)
                start.wait()
                do {
                    let added = try store.addDevice(device: self.roller("Roller \(t)"), now: self.at(0))
                    returned.append(contentsOf: added.alerts.filter(\.rising).map { ($0.id, me) })
                    for i in 0..<rounds {
                        for (j, shared) in [true, false].enumerated() {
                            let update = try store.setDeviceShared(
                                id: added.device.id, shared: shared, now: self.at(1 + 2 * i + j))
                            if update.device.shared != shared {
                                failures.append("\(name): device.shared is \(update.device.shared), not \(shared)")
                            }
                            returned.append(contentsOf: update.alerts.filter(\.rising).map { ($0.id, me) })
                        }
                        guard roundEnd.arrive(before: deadline) else {
                            failures.append("\(name): round \(i) barrier broken or timed out")
                            return
                        }
                    }
                } catch {
                    failures.append("\(name): \(error)")
                    roundEnd.breakIt()
                }
            }
            worker.start()
        }
        for _ in 0..<threads { start.signal() }
        guard finished.wait(timeout: .now() + deadlineSeconds) == .success else {
            return XCTFail("the threads were still running after \(deadlineSeconds) s: deadlocked?")
        }
        let elapsedMs = Int(Date().timeIntervalSince(began) * 1000)
        XCTAssertEqual(failures.all, [])
        subscription.cancel()

        let returnedPairs = returned.all
        let heard = recorder.all
        let heardThreads = Set(heard.map(\.thread))
        print(
            "AlertListenerTests: \(threads) threads x \(rounds) rounds: \(returnedPairs.count) rises returned, "
                + "\(heard.count) heard on \(heardThreads.count) thread(s) in \(elapsedMs) ms")
        XCTAssertGreaterThanOrEqual(returnedPairs.count, rounds, "every round raised the risk at least once")
        let returnedIds = returnedPairs.map(\.id)
        XCTAssertEqual(Set(returnedIds).count, returnedIds.count, "every rise has its own id")
        // The same multiset: each returned rise heard exactly once, nothing else heard.
        XCTAssertEqual(heard.map(\.id).sorted(), returnedIds.sorted(), "heard exactly the rises returned")
        // Each heard on the thread whose change caused it.
        XCTAssertEqual(
            heard.map { "\($0.id)@\($0.thread)" }.sorted(),
            returnedPairs.map { "\($0.id)@\($0.thread)" }.sorted(), "heard on the changing thread")
        let testThread = currentThreadID()
        XCTAssertFalse(heard.contains { $0.thread == testThread }, "nothing heard on the test's thread")
        XCTAssertFalse(heard.contains(where: \.onMainThread), "nothing heard on the main thread")
        XCTAssertGreaterThanOrEqual(heardThreads.count, 2, "heard on at least two threads")
        let workers = Set(workerThreads.all)
        XCTAssertEqual(workers.count, threads, "eight distinct threads ran")
        XCTAssertTrue(heardThreads.isSubset(of: workers), "heard only on the workers")
        // The store agrees: each of those rises is in its history, as a preventive rise (one
        // shared device makes it moderate; each shared device counts, so two make it high).
        let history = Dictionary(
            uniqueKeysWithValues: try store.alertHistory().filter(\.rising).map { ($0.id, $0) })
        XCTAssertEqual(Set(history.keys), Set(returnedIds), "the history holds exactly those rises")
        for id in returnedIds {
            guard let alert = history[id] else { continue }
            XCTAssertEqual(alert.kind, .preventive)
            XCTAssertTrue(
                ["low->moderate", "moderate->high"].contains("\(alert.fromLevel)->\(alert.toLevel)"),
                "\(alert.fromLevel)->\(alert.toLevel)")
        }
    }

    func testAListenerMayCallBackIntoTheStoreAndSeesTheAlertItIsToldAbout() throws {
        let store = try RollSafeStore.openInMemory()
        let listener = Reentrant(store: store)
        let subscription = store.addAlertListener(listener: listener)
        // The listener holds the store: cancelling also breaks that cycle.
        defer { subscription.cancel() }

        let update = try withinDeadline(30) {
            let device = try store.addDevice(device: self.roller("Face roller"), now: self.at(0)).device
            return try store.setDeviceShared(id: device.id, shared: true, now: self.at(1))
        }
        let rises = update.alerts.filter(\.rising)
        XCTAssertEqual(rises.count, 1)
        let rise = try XCTUnwrap(rises.first)
        let (seen, errors) = listener.results
        XCTAssertTrue(errors.isEmpty, "the store answered from inside the listener: \(errors)")
        XCTAssertEqual(seen.map(\.id), [rise.id], "the listener was called once, for the rise")
        let inside = try XCTUnwrap(seen.first)
        XCTAssertTrue(inside.open.contains(rise.id), "openAlerts() inside onAlert holds the alert being told")
        XCTAssertTrue(inside.inHistory, "alertHistory() inside onAlert holds it too")
        XCTAssertEqual(inside.sharedDevices, 1, "the change is visible from the listener")
    }

    func testAfterCancelFurtherRisesAreNotHeard() throws {
        let store = try RollSafeStore.openInMemory()
        let cancelled = Recorder()
        let kept = Recorder()
        let keptSubscription = store.addAlertListener(listener: kept)
        defer { keptSubscription.cancel() }
        let device = try store.addDevice(device: roller("Face roller"), now: at(0)).device

        let subscription = store.addAlertListener(listener: cancelled)
        // Kept alive to the end: cancel(), not its release (which cancels too), stops the calls.
        try withExtendedLifetime(subscription) {
            let first = try XCTUnwrap(
                try store.setDeviceShared(id: device.id, shared: true, now: at(1)).alerts.first(where: \.rising))
            XCTAssertEqual(cancelled.ids, [first.id], "heard before cancel")
            subscription.cancel()
            subscription.cancel()  // twice is harmless

            _ = try store.setDeviceShared(id: device.id, shared: false, now: at(2))
            let second = try XCTUnwrap(
                try store.setDeviceShared(id: device.id, shared: true, now: at(3)).alerts.first(where: \.rising))
            XCTAssertNotEqual(first.id, second.id)
            XCTAssertEqual(cancelled.ids, [first.id], "nothing heard after cancel")
            XCTAssertEqual(kept.ids, [first.id, second.id], "the rise happened and another listener heard it")
        }
    }
}

/// Throws an error of its own (not `ListenerError`) from every call.
private final class Throwing: AlertListener, @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "Secret Roller listener failure on purpose" }
    }

    func onAlert(alert: Alert) throws {
        throw Failure()
    }
}

extension AlertListenerTests {
    func testAListenerThatThrowsIsReportedToTheLoggerWithoutItsText() throws {
        let logged = Collected<(level: LogLevel, message: String)>()
        setLogger { level, message in logged.append((level, message)) }
        defer { setLogger(nil) }
        let store = try RollSafeStore.openInMemory()
        let subscription = store.addAlertListener(listener: Throwing())
        defer { subscription.cancel() }
        let device = try store.addDevice(device: roller("Secret Roller"), now: at(0)).device
        let update = try withinDeadline(30) {
            try store.setDeviceShared(id: device.id, shared: true, now: self.at(1))
        }
        XCTAssertEqual(update.alerts.filter(\.rising).count, 1, "the change succeeded")
        let failures = logged.all.filter { $0.message.contains("an alert listener failed") }
        XCTAssertEqual(failures.count, 1, "the failure was logged: \(logged.all)")
        XCTAssertEqual(failures.first?.level, .warning)
        XCTAssertFalse(logged.all.contains { $0.message.contains("Secret") }, "without the error's text")
    }
}

/// Thrown by `withinDeadline` when its body did not finish in time.
private struct DeadlineMissed: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "still running after \(seconds) s: deadlocked?" }
}
