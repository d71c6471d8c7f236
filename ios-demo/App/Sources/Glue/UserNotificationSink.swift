// The NotificationSink over UNUserNotificationCenter: turns the planner's
// requests into UNNotificationRequests (the fingerprint in userInfo) and
// reads back what the centre holds.
import Foundation
import RollSafeDemoKit
import UserNotifications

/// Sends RollSafe's notifications to the system.
final class UserNotificationSink: NotificationSink, @unchecked Sendable {
    private let center: UNUserNotificationCenter

    init(center: UNUserNotificationCenter) {
        self.center = center
    }

    /// Asks once for permission to alert; a refusal leaves alerts on Today only.
    func requestAuthorization() async {
        _ = try? await center.requestAuthorization(options: [.alert, .sound, .badge])
    }

    func add(_ request: NotificationRequest) async throws {
        let content = UNMutableNotificationContent()
        content.title = request.title
        content.body = request.body
        content.sound = .default
        content.userInfo = [notificationFingerprintKey: request.fingerprint]
        content.interruptionLevel = request.id.hasPrefix(NotificationPlanner.alertPrefix) ? .timeSensitive : .active
        let trigger: UNNotificationTrigger?
        switch request.trigger {
        case .immediately:
            trigger = nil
        case let .wallClock(components):
            trigger = UNCalendarNotificationTrigger(dateMatching: components, repeats: false)
        case let .at(date):
            trigger = UNTimeIntervalNotificationTrigger(timeInterval: max(1, date.timeIntervalSinceNow), repeats: false)
        }
        try await center.add(UNNotificationRequest(identifier: request.id, content: content, trigger: trigger))
    }

    func removePending(ids: [String]) async {
        center.removePendingNotificationRequests(withIdentifiers: ids)
    }

    func pending() async -> [ExistingNotification] {
        await center.pendingNotificationRequests().map {
            ExistingNotification(id: $0.identifier, fingerprint: $0.content.userInfo[notificationFingerprintKey] as? String)
        }
    }

    func delivered() async -> [ExistingNotification] {
        await center.deliveredNotifications().map {
            ExistingNotification(
                id: $0.request.identifier,
                fingerprint: $0.request.content.userInfo[notificationFingerprintKey] as? String)
        }
    }
}
