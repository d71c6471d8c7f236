// The notification planner on its own: pure Swift from the core's reminders
// and what the system holds to what must change.
import Foundation
import RollSafe
import RollSafeDemoKit
import XCTest

final class NotificationPlannerTests: XCTestCase {
    private let now = moment("2026-03-01T21:30:00+01:00")

    private func reminder(
        _ id: String, due: String, title: String = "Clean your roller", wallClock: WallClock? = nil
    ) -> Reminder {
        Reminder(id: id, kind: .cleanAfterSession, due: moment(due), title: title, body: "Body of \(id)", wallClock: wallClock)
    }

    func testEveryNewReminderIsScheduledUnderItsStableId() {
        let plan = NotificationPlanner.plan(
            reminders: [reminder("a", due: "2026-03-01T22:00:00+01:00"), reminder("b", due: "2026-03-02T09:00:00+01:00")],
            pending: [], now: now)
        XCTAssertEqual(plan.schedule.map(\.id), ["rollsafe.reminder.a", "rollsafe.reminder.b"])
        XCTAssertEqual(plan.schedule.first?.trigger, .at(moment("2026-03-01T22:00:00+01:00").instant))
        XCTAssertEqual(plan.schedule.first?.title, "Clean your roller")
        XCTAssertEqual(plan.schedule.first?.body, "Body of a")
        XCTAssertEqual(plan.remove, [])
    }

    func testPlanningTwiceChangesNothingTheSecondTime() {
        let reminders = [reminder("a", due: "2026-03-01T22:00:00+01:00")]
        let first = NotificationPlanner.plan(reminders: reminders, pending: [], now: now)
        let pending = first.schedule.map { ExistingNotification(id: $0.id, fingerprint: $0.fingerprint) }
        let second = NotificationPlanner.plan(reminders: reminders, pending: pending, now: now)
        XCTAssertTrue(second.isEmpty, "\(second)")
    }

    func testAChangedReminderIsScheduledAgainUnderTheSameId() {
        let before = NotificationPlanner.request(for: reminder("a", due: "2026-03-01T22:00:00+01:00"), now: now)
        for changed in [
            reminder("a", due: "2026-03-01T22:05:00+01:00"),
            reminder("a", due: "2026-03-01T22:00:00+01:00", title: "Clean it now"),
            reminder("a", due: "2026-03-01T21:00:00Z"),  // same instant, another offset
        ] {
            let plan = NotificationPlanner.plan(
                reminders: [changed], pending: [ExistingNotification(id: before.id, fingerprint: before.fingerprint)],
                now: now)
            XCTAssertEqual(plan.schedule.map(\.id), [before.id], "\(changed)")
            XCTAssertEqual(plan.remove, [], "an add replaces the pending one")
        }
    }

    func testStaleReminderNotificationsAreRemovedAndNothingElse() {
        let plan = NotificationPlanner.plan(
            reminders: [reminder("kept", due: "2026-03-02T09:00:00+01:00")],
            pending: [
                ExistingNotification(id: "rollsafe.reminder.gone", fingerprint: "old"),
                ExistingNotification(id: "rollsafe.reminder.kept", fingerprint: "old"),
                ExistingNotification(id: "rollsafe.alert.123", fingerprint: nil),
                ExistingNotification(id: "someone.else", fingerprint: nil),
            ],
            now: now)
        XCTAssertEqual(plan.remove, ["rollsafe.reminder.gone"])
        XCTAssertEqual(plan.schedule.map(\.id), ["rollsafe.reminder.kept"], "a fingerprint that differs is rescheduled")
    }

    func testADueReminderIsShownAtOnceAndOnlyOnce() {
        let due = reminder("late", due: "2026-03-01T21:00:00+01:00")
        let first = NotificationPlanner.plan(reminders: [due], pending: [], now: now)
        XCTAssertEqual(first.schedule.map(\.trigger), [.immediately])
        let shown = first.schedule.map { ExistingNotification(id: $0.id, fingerprint: $0.fingerprint) }
        XCTAssertTrue(NotificationPlanner.plan(reminders: [due], pending: [], delivered: shown, now: now).isEmpty)
        let exactlyNow = reminder("now", due: "2026-03-01T21:30:00+01:00")
        XCTAssertEqual(NotificationPlanner.request(for: exactlyNow, now: now).trigger, .immediately)
    }

    func testAReminderAboutACalendarDayUsesItsWallClockTime() {
        let wall = WallClock(date: CalendarDate(year: 2026, month: 3, day: 29), hour: 9, minute: 0)
        let request = NotificationPlanner.request(
            for: reminder("next", due: "2026-03-29T09:00:00+02:00", wallClock: wall), now: now)
        guard case let .wallClock(parts) = request.trigger else { return XCTFail("\(request.trigger)") }
        XCTAssertEqual([parts.year, parts.month, parts.day, parts.hour, parts.minute], [2026, 3, 29, 9, 0])
        XCTAssertNil(parts.timeZone, "the user's clock, wherever the device is then")
    }

    func testADuplicateIdIsScheduledOnce() {
        let plan = NotificationPlanner.plan(
            reminders: [reminder("a", due: "2026-03-02T09:00:00+01:00"), reminder("a", due: "2026-03-03T09:00:00+01:00")],
            pending: [], now: now)
        XCTAssertEqual(plan.schedule.count, 1)
        XCTAssertEqual(plan.schedule.first?.trigger, .at(moment("2026-03-02T09:00:00+01:00").instant))
    }

    func testAnAlertBecomesAnImmediateNotificationWithItsReasons() {
        let alert = Alert(
            id: "7f3c", at: now, kind: .preventive, fromLevel: "low", toLevel: "moderate", rising: true,
            title: "Infection risk is now moderate",
            reasons: [AlertReason(code: "a", text: "First reason."), AlertReason(code: "b", text: "Second reason.")],
            acknowledgedAt: nil)
        let request = NotificationPlanner.request(for: alert)
        XCTAssertEqual(request.id, "rollsafe.alert.7f3c")
        XCTAssertEqual(request.title, "Infection risk is now moderate")
        XCTAssertEqual(request.body, "First reason.\nSecond reason.")
        XCTAssertEqual(request.trigger, .immediately)
    }
}
