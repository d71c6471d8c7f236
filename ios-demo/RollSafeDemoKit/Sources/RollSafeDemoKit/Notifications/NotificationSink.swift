// The seam between the demo's logic and the system's notification centre:
// the app implements it over UNUserNotificationCenter; tests use a recorder.
import Foundation

/// Where notifications go. The app's `UserNotificationSink` implements it over
/// `UNUserNotificationCenter`; tests record what they are asked.
public protocol NotificationSink: Sendable {
    /// Adds (or replaces, same identifier) a notification request.
    ///
    /// - Parameter request: what to show and when.
    func add(_ request: NotificationRequest) async throws
    /// Removes pending notifications by identifier.
    ///
    /// - Parameter ids: their identifiers.
    func removePending(ids: [String]) async
    /// The notifications scheduled and not yet shown.
    func pending() async -> [ExistingNotification]
    /// The notifications shown and still in Notification Center.
    func delivered() async -> [ExistingNotification]
}
