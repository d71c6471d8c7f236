// What the app asks the system to show: one local notification, described
// without UserNotifications so that the planner is plain Swift and testable
// on Linux. The app's glue turns it into a UNNotificationRequest.
import Foundation
import RollSafe

/// One local notification to show, now or later.
public struct NotificationRequest: Equatable, Sendable {
    /// When to show it.
    public enum Trigger: Equatable, Sendable {
        /// At once (an alert, or a reminder already due).
        case immediately
        /// When the user's clock reads this local date and time, in whatever zone the device is
        /// then (a `UNCalendarNotificationTrigger`); used for reminders about a calendar day.
        case wallClock(DateComponents)
        /// At this instant (a `UNTimeIntervalNotificationTrigger` from the time of scheduling).
        case at(Date)
    }

    /// The notification's identifier: `rollsafe.reminder.<id>` or `rollsafe.alert.<id>`, built on
    /// the core's stable ids so that the same reminder always has the same identifier.
    public let id: String
    /// A short title.
    public let title: String
    /// The text.
    public let body: String
    /// When to show it.
    public let trigger: Trigger
    /// Identifies this version of the content and time; kept with the notification (in its
    /// `userInfo`) so a later reconciliation can tell an unchanged one from a changed one.
    public let fingerprint: String

    /// A request with every part given.
    ///
    /// - Parameters:
    ///   - id: the identifier.
    ///   - title: the title.
    ///   - body: the text.
    ///   - trigger: when to show it.
    ///   - fingerprint: the version of content and time.
    public init(id: String, title: String, body: String, trigger: Trigger, fingerprint: String) {
        self.id = id
        self.title = title
        self.body = body
        self.trigger = trigger
        self.fingerprint = fingerprint
    }
}

/// A notification the system already holds (pending, or delivered and still shown), as the
/// planner needs to know it.
public struct ExistingNotification: Hashable, Sendable {
    /// Its identifier.
    public let id: String
    /// The fingerprint it was scheduled with; nil when it carries none (not ours, or older).
    public let fingerprint: String?

    /// A notification the system holds.
    ///
    /// - Parameters:
    ///   - id: its identifier.
    ///   - fingerprint: the fingerprint kept in its `userInfo`, if any.
    public init(id: String, fingerprint: String?) {
        self.id = id
        self.fingerprint = fingerprint
    }
}

/// The key under which a request's fingerprint is kept in the notification's `userInfo`.
public let notificationFingerprintKey = "rollsafe.fingerprint"
