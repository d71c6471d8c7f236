// The hand-written Swift layer over the generated bindings, against the real
// Rust library: Foundation time conversions, the async client, alerts as an
// AsyncStream (and its subscription ending with the stream), and the
// Swift-style errors.
import Foundation
import RollSafe
import XCTest

/// Wraps a real subscription and records whether it was cancelled.
private final class SubscriptionSpy: AlertSubscriptionProtocol, @unchecked Sendable {
    private let inner: AlertSubscription
    private let lock = NSLock()
    private var cancels = 0

    init(_ inner: AlertSubscription) { self.inner = inner }

    func cancel() {
        lock.lock()
        cancels += 1
        lock.unlock()
        inner.cancel()
    }

    var cancelCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return cancels
    }
}

/// Holds a weak reference, readable from any thread.
private final class WeakBox: @unchecked Sendable {
    private let lock = NSLock()
    private weak var object: AnyObject?

    func set(_ value: AnyObject) {
        lock.lock()
        object = value
        lock.unlock()
    }

    var isAlive: Bool {
        lock.lock()
        defer { lock.unlock() }
        return object != nil
    }
}

final class SwiftLayerTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("rollsafe-swiftlayer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: dir)
    }

    private func paris() throws -> TimeZone {
        try XCTUnwrap(TimeZone(identifier: "Europe/Paris"), "Europe/Paris is known (tzdata)")
    }

    /// Polls `condition` until it holds or `seconds` pass; returns whether it held.
    private func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !condition() {
            if Date() > deadline { return false }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return true
    }

    // MARK: Moment, Date, TimeZone

    func testMomentsKeepTheOffsetOfTheirZoneAcrossTheParisDSTChange() throws {
        let paris = try paris()
        // Summer time starts in the EU on 2026-03-29 at 01:00 UTC: 02:00 local becomes 03:00.
        let before = Date(timeIntervalSince1970: 1_774_745_999)  // 2026-03-29T00:59:59Z
        let after = before.addingTimeInterval(1)  // 2026-03-29T01:00:00Z
        let winter = Moment(date: before, timeZone: paris)
        let summer = Moment.now(in: paris, at: after)
        XCTAssertEqual(winter, moment("2026-03-29T01:59:59+01:00"))
        XCTAssertEqual(summer, moment("2026-03-29T03:00:00+02:00"))
        XCTAssertEqual(winter.utcOffsetSeconds, 3600)
        XCTAssertEqual(summer.utcOffsetSeconds, 7200)
        XCTAssertEqual(winter.date, before, "the instant round-trips")
        XCTAssertEqual(summer.date, after)
        XCTAssertEqual(summer.fixedOffsetTimeZone?.secondsFromGMT(), 7200)

        let local = summer.dateComponents
        XCTAssertEqual([local.year, local.month, local.day, local.hour, local.minute, local.second], [2026, 3, 29, 3, 0, 0])
        XCTAssertEqual(winter.dateComponents.hour, 1)
        XCTAssertEqual(summer.calendarDate, CalendarDate(year: 2026, month: 3, day: 29))

        // Autumn: 2026-10-25 03:00 local summer time becomes 02:00 winter time at 01:00 UTC.
        let lastSummer = Moment(date: Date(timeIntervalSince1970: 1_792_889_999), timeZone: paris)
        let firstWinter = Moment(date: Date(timeIntervalSince1970: 1_792_890_000), timeZone: paris)
        XCTAssertEqual(lastSummer, moment("2026-10-25T02:59:59+02:00"))
        XCTAssertEqual(firstWinter, moment("2026-10-25T02:00:00+01:00"))

        // The same instant in another zone is another moment (same instant, other offset).
        let utc = try XCTUnwrap(TimeZone(identifier: "UTC"))
        XCTAssertEqual(Moment(date: after, timeZone: utc).instant, summer.instant)
        XCTAssertNotEqual(Moment(date: after, timeZone: utc), summer)
        XCTAssertEqual(Moment.now(in: utc).utcOffsetSeconds, 0)
    }

    func testCalendarDatesAndWallClocksConvertToAndFromDateComponents() throws {
        let paris = try paris()
        let date = CalendarDate(year: 2026, month: 3, day: 29)
        XCTAssertEqual(CalendarDate(date.dateComponents), date, "round-trips")
        XCTAssertEqual(CalendarDate(DateComponents(year: 2026, month: 12, day: 31, hour: 8)),
                       CalendarDate(year: 2026, month: 12, day: 31))
        XCTAssertNil(CalendarDate(DateComponents(year: 2026, month: 3)), "no day")
        XCTAssertNil(CalendarDate(DateComponents(year: 2026, month: -1, day: 1)), "negative month")

        // 23:30 UTC on March 28 is already March 29 in Paris.
        let lateEvening = Date(timeIntervalSince1970: 1_774_740_600)  // 2026-03-28T23:30:00Z
        XCTAssertEqual(CalendarDate(date: lateEvening, timeZone: paris), date)
        XCTAssertEqual(CalendarDate(date: lateEvening, timeZone: TimeZone(identifier: "UTC")!),
                       CalendarDate(year: 2026, month: 3, day: 28))
        XCTAssertEqual(date.startOfDay(in: paris), Date(timeIntervalSince1970: 1_774_738_800),
                       "midnight in Paris is 23:00 UTC the day before")

        let clock = WallClock(date: CalendarDate(year: 2026, month: 7, day: 1), hour: 9, minute: 30)
        let parts = clock.dateComponents
        XCTAssertEqual([parts.year, parts.month, parts.day, parts.hour, parts.minute], [2026, 7, 1, 9, 30])
        XCTAssertNil(parts.timeZone, "a wall clock reading, not an instant")
        XCTAssertEqual(clock.date(in: paris), moment("2026-07-01T09:30:00+02:00").instant)
    }

    // MARK: The async client

    func testAnAsyncRoundTripThroughAFileOnDisk() async throws {
        let path = dir.appendingPathComponent("log.sqlite3").path
        let client = try await RollSafeClient.open(path: path)
        let evening = moment("2026-03-01T20:00:00+01:00")
        let roller = try await client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Face roller"),
            now: evening
        ).device
        let devices = try await client.devices()
        XCTAssertEqual(devices.map(\.id), [roller.id])
        let plan = SessionPlan(deviceId: roller.id, zones: [.cheeks], preChecks: .allClear)
        XCTAssertTrue(PreChecks.allClear.isAllClear)

        let uncleaned = try await client.checkSession(plan, now: evening)
        XCTAssertFalse(uncleaned.allowed)
        _ = try await client.recordCleaning(
            NewCleaning(deviceId: roller.id, at: moment("2026-03-01T20:10:00+01:00"), method: .isopropylSoak,
                        soakMinutes: 20),
            now: moment("2026-03-01T20:40:00+01:00"))
        let verdict = try await client.checkSession(plan, now: moment("2026-03-01T20:45:00+01:00"))
        XCTAssertTrue(verdict.allowed, "\(verdict.findings)")

        let recorded = try await client.recordSession(
            NewSession(plan: plan, at: moment("2026-03-01T21:00:00+01:00")),
            now: moment("2026-03-01T21:30:00+01:00"))
        XCTAssertTrue(recorded.verdict.allowed)
        let sessions = try await client.sessions()
        XCTAssertEqual(sessions.map(\.id), [recorded.session.id])

        let nextDay = moment("2026-03-02T09:00:00+01:00")
        let blocked = try await client.checkSession(plan, now: nextDay)
        XCTAssertFalse(blocked.allowed)
        XCTAssertEqual(blocked.nextAllowedDate, CalendarDate(year: 2026, month: 3, day: 8))

        let assessment = try await client.assess(now: nextDay)
        XCTAssertEqual(assessment.at, nextDay)
        XCTAssertFalse(assessment.disclaimer.isEmpty)
        let reminders = try await client.reminders(now: nextDay)
        XCTAssertFalse(reminders.isEmpty, "a recorded session brings reminders")
        XCTAssertEqual(Set(reminders.map(\.id)).count, reminders.count)

        // The work ran on the client's queue, not on the awaiting thread's executor.
        let onMain = try await client.run { _ in Thread.isMainThread }
        XCTAssertFalse(onMain)

        // Another client on the same file sees it all.
        let reopened = try await RollSafeClient.open(path: path)
        let reread = try await reopened.sessions()
        XCTAssertEqual(reread, sessions)
    }

    // MARK: Alerts as an AsyncStream

    func testTheAlertStreamHearsARiseMadeAfterIterationStarts() async throws {
        let client = try await RollSafeClient.openInMemory()
        let stream = client.alerts
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let listening = Task { () -> Alert? in
            startedContinuation.yield()
            for await alert in stream { return alert }
            return nil
        }
        var startedIterator = started.makeAsyncIterator()
        _ = await startedIterator.next()

        // A shared device raises the preventive risk from low to moderate.
        let update = try await client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Shared roller",
                      shared: true),
            now: moment("2026-03-01T09:00:00+01:00"))
        let rise = try XCTUnwrap(update.alerts.first(where: \.rising), "\(update.alerts)")
        let heard = await listening.value
        XCTAssertEqual(heard, rise)
        XCTAssertEqual(heard?.kind, .preventive)
        XCTAssertEqual(heard.map { "\($0.fromLevel)->\($0.toLevel)" }, "low->moderate")
        let open = try await client.openAlerts()
        XCTAssertEqual(open.map(\.id), [rise.id])
        let acknowledged = try await client.acknowledgeAlert(id: rise.id, now: moment("2026-03-01T09:05:00+01:00"))
        XCTAssertNotNil(acknowledged.acknowledgedAt)
        let stillOpen = try await client.openAlerts()
        XCTAssertEqual(stillOpen, [])
    }

    func testEndingTheStreamCancelsTheSubscription() async throws {
        let store = try RollSafeStore.openInMemory()
        let listener = WeakBox()
        var spy: SubscriptionSpy?
        let stream = AsyncStream.alerts { (heard: any AlertListener) -> any AlertSubscriptionProtocol in
            listener.set(heard)
            let made = SubscriptionSpy(store.addAlertListener(listener: heard))
            spy = made
            return made
        }
        let subscription = try XCTUnwrap(spy)
        XCTAssertTrue(listener.isAlive, "the store holds the listener while subscribed")
        let iterating = Task { () -> Int in
            var count = 0
            for await _ in stream { count += 1 }
            return count
        }
        let device = try store.addDevice(
            device: NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Roller"),
            now: moment("2026-03-01T09:00:00+01:00")
        ).device
        _ = try store.setDeviceShared(id: device.id, shared: true, now: moment("2026-03-01T09:01:00+01:00"))
        XCTAssertEqual(subscription.cancelCount, 0, "still subscribed while iterating")

        iterating.cancel()
        let heard = await iterating.value
        XCTAssertEqual(heard, 1, "the rise before the end was heard")
        let cancelled = await eventually { subscription.cancelCount == 1 }
        XCTAssertTrue(cancelled, "the stream's end cancelled the subscription once")
        let released = await eventually { !listener.isAlive }
        XCTAssertTrue(released, "the store let go of the listener")

        // Further rises still happen; nobody is left to hear them.
        _ = try store.setDeviceShared(id: device.id, shared: false, now: moment("2026-03-01T09:02:00+01:00"))
        let again = try store.setDeviceShared(id: device.id, shared: true, now: moment("2026-03-01T09:03:00+01:00"))
        XCTAssertTrue(again.alerts.contains(where: \.rising))
        XCTAssertEqual(subscription.cancelCount, 1)
    }

    // MARK: Swift-style errors

    func testABadNeedleLengthIsAnInvalidInputNamingTheField() async throws {
        let client = try await RollSafeClient.openInMemory()
        do {
            _ = try await client.addDevice(
                NewDevice(kind: .roller, needleLengthMm: -0.5, material: .titanium, nickname: "Bad roller"))
            XCTFail("a negative needle length was accepted")
        } catch let failure as RollSafeFailure {
            XCTAssertTrue(failure.isInvalidInput, "\(failure)")
            XCTAssertEqual(failure.field, "needle_length_mm")
            guard case let .invalidInput(field, reason) = failure else { return XCTFail("\(failure)") }
            XCTAssertEqual(field, "needle_length_mm")
            XCTAssertFalse(reason.isEmpty)
            let description = try XCTUnwrap(failure.errorDescription)
            XCTAssertTrue(description.contains("needle_length_mm"), description)
            XCTAssertEqual(failure.localizedDescription, description)
        }
        let devices = try await client.devices()
        XCTAssertEqual(devices, [], "nothing was changed")

        // The generated error converts the same way, and other failures name no field.
        let store = client.store
        do {
            _ = try store.device(id: UUID().uuidString.lowercased())
            XCTFail("an unknown id was found")
        } catch let error as RollSafeError {
            XCTAssertFalse(error.isInvalidInput)
            XCTAssertNil(error.field)
            guard case .notFound(entity: "device", _) = error.failure else { return XCTFail("\(error)") }
            XCTAssertEqual(RollSafeFailure(converting: error), error.failure)
        }
        XCTAssertNil(RollSafeFailure(converting: CocoaError(.fileNoSuchFile)))
    }
}
