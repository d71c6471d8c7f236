// The reminder scheduler and the alert notifier against the real library,
// with a recording sink in place of the system's notification centre.
import Foundation
import RollSafe
import RollSafeDemoKit
import XCTest

/// A sink that refuses every add, as the system does when the app may not notify.
private struct RefusingSink: NotificationSink {
    struct Refused: Error {}
    func add(_ request: NotificationRequest) async throws { throw Refused() }
    func removePending(ids: [String]) async {}
    func pending() async -> [ExistingNotification] { [] }
    func delivered() async -> [ExistingNotification] { [] }
}

@MainActor
final class NotificationGlueTests: XCTestCase {
    private let morning = moment("2026-03-01T10:00:00+01:00")

    func testTheSchedulerLeavesOtherNotificationsAloneAndRemovesWhatTheCoreDropped() async throws {
        let client = try await RollSafeClient.openInMemory()
        let device = try await client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Face roller"), now: morning
        ).device
        let sink = RecordingSink()
        await sink.addForeignPending(id: "app.other.feature")
        let scheduler = ReminderScheduler(client: client, sink: sink)
        let started = morning
        try await client.run { try $0.startSoakTimer(deviceId: device.id, startedAt: started, minutes: 20, now: started) }
        let first = try await scheduler.reconcile(now: morning)
        XCTAssertTrue(first.schedule.contains { $0.title.contains("soaked 20 minutes") }, "\(first.schedule.map(\.title))")
        let soakID = try XCTUnwrap(first.schedule.first { $0.title.contains("soaked") }?.id)

        _ = try await client.recordCleaning(
            NewCleaning(deviceId: device.id, at: moment("2026-03-01T10:20:00+01:00"), method: .isopropylSoak, soakMinutes: 20),
            now: moment("2026-03-01T10:21:00+01:00"))
        let second = try await scheduler.reconcile(now: moment("2026-03-01T10:21:00+01:00"))
        XCTAssertEqual(second.remove, [soakID], "the cleaning stopped the timer: its notification goes")
        let pending = await sink.pendingByID
        XCTAssertNotNil(pending["app.other.feature"], "a notification that is not a RollSafe reminder stays")
        XCTAssertNil(pending[soakID])
    }

    func testARefusedNotificationIsReportedAndTheAlertStaysOpen() async throws {
        let client = try await RollSafeClient.openInMemory()
        let app = AppModel(client: client, sink: RefusingSink())
        await app.start(now: morning)
        let device = try await client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Shared roller", shared: true),
            now: morning
        ).device
        let started = morning
        try await client.run { try $0.startSoakTimer(deviceId: device.id, startedAt: started, minutes: 20, now: started) }
        await app.afterChange(now: morning)
        XCTAssertNotNil(app.notificationFailure, "the app learns that notifications could not be scheduled")
        XCTAssertEqual(app.today.openAlerts.count, 1, "the alert is still on Today")
    }

    func testAStoppedNotifierPostsNothing() async throws {
        let client = try await RollSafeClient.openInMemory()
        let sink = RecordingSink()
        let notifier = AlertNotifier(client: client, sink: sink)
        notifier.start()
        notifier.stop()
        let update = try await client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Shared roller", shared: true),
            now: morning)
        XCTAssertEqual(update.alerts.filter(\.rising).count, 1, "the change raised an alert")
        try await Task.sleep(nanoseconds: 200_000_000)
        let added = await sink.added
        XCTAssertEqual(added, [], "a stopped notifier does not listen")

        notifier.start()
        _ = try await client.setDeviceShared(id: update.device.id, shared: false, now: moment("2026-03-01T10:05:00+01:00"))
        let rise = try await client.addDevice(
            NewDevice(kind: .pen, needleLengthMm: 0.5, needleLengthMaxMm: 1.0, material: .titanium, nickname: "Pen", shared: true),
            now: moment("2026-03-01T10:10:00+01:00")
        ).alerts.first { $0.rising }
        let alert = try XCTUnwrap(rise)
        let posted = await eventually { await sink.deliveredByID["rollsafe.alert." + alert.id] != nil }
        XCTAssertTrue(posted, "listening again hears the next rise")
        notifier.stop()
    }
}
