// Reconciles the notifications the system holds with the reminders the core
// says should exist. The core decides which reminders there are, when, and
// with what text (quiet hours included); this only works out the difference,
// by the core's stable ids, so that scheduling twice changes nothing.
import Foundation
import RollSafe

/// What to change in the system's notifications: requests to add (an add replaces a pending
/// one with the same identifier) and pending identifiers to remove.
public struct NotificationPlan: Equatable, Sendable {
    /// Requests to add, in the core's order (soonest first).
    public var schedule: [NotificationRequest]
    /// Identifiers of pending reminder notifications the core no longer wants.
    public var remove: [String]

    /// A plan.
    ///
    /// - Parameters:
    ///   - schedule: requests to add.
    ///   - remove: pending identifiers to remove.
    public init(schedule: [NotificationRequest] = [], remove: [String] = []) {
        self.schedule = schedule
        self.remove = remove
    }

    /// True when nothing needs to change.
    public var isEmpty: Bool { schedule.isEmpty && remove.isEmpty }
}

/// Pure functions from the core's reminders and alerts to notification requests, and from what
/// the system holds to what must change.
public enum NotificationPlanner {
    /// The identifier prefix of reminder notifications; the planner touches no other pending ones.
    public static let reminderPrefix = "rollsafe.reminder."
    /// The identifier prefix of alert notifications.
    public static let alertPrefix = "rollsafe.alert."

    /// The notification for a reminder as of `now`: at its wall-clock time when it has one, else
    /// at its instant; at once when it is already due.
    ///
    /// - Parameters:
    ///   - reminder: a reminder from `RollSafeClient.reminders(now:)`.
    ///   - now: the moment of planning.
    public static func request(for reminder: Reminder, now: Moment) -> NotificationRequest {
        let trigger: NotificationRequest.Trigger
        if reminder.due.instant <= now.instant {
            trigger = .immediately
        } else if let wallClock = reminder.wallClock {
            trigger = .wallClock(wallClock.dateComponents)
        } else {
            trigger = .at(reminder.due.instant)
        }
        return NotificationRequest(
            id: reminderPrefix + reminder.id, title: reminder.title, body: reminder.body, trigger: trigger,
            fingerprint: fingerprint(of: reminder))
    }

    /// The notification for an alert (a risk level rose): shown at once, its reasons as the text.
    ///
    /// - Parameter alert: an alert from `RollSafeClient.alerts` or a change's result.
    public static func request(for alert: Alert) -> NotificationRequest {
        NotificationRequest(
            id: alertPrefix + alert.id, title: alert.title,
            body: alert.reasons.map(\.text).joined(separator: "\n"), trigger: .immediately,
            fingerprint: "alert|\(alert.id)")
    }

    /// What to change so that the system holds exactly the core's reminders.
    ///
    /// - A reminder whose notification is pending with the same fingerprint is left alone.
    /// - A reminder already due is shown at once, unless its notification, same fingerprint, was
    ///   already delivered (it is not shown twice).
    /// - A pending reminder notification (identifier starting with `reminderPrefix`) that no
    ///   reminder matches is removed. Other pending notifications (alerts, other apps' parts of
    ///   this app) are never touched.
    ///
    /// - Parameters:
    ///   - reminders: the core's reminders at `now`, each with a stable id.
    ///   - pending: the notifications the system has scheduled and not yet shown.
    ///   - delivered: the notifications already shown and still in Notification Center.
    ///   - now: the moment of planning.
    public static func plan(
        reminders: [Reminder], pending: [ExistingNotification], delivered: [ExistingNotification] = [],
        now: Moment
    ) -> NotificationPlan {
        let pendingByID = Dictionary(pending.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        let deliveredByID = Dictionary(delivered.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        var wanted = Set<String>()
        var plan = NotificationPlan()
        for reminder in reminders {
            let request = request(for: reminder, now: now)
            guard wanted.insert(request.id).inserted else { continue }
            if pendingByID[request.id] == request.fingerprint { continue }
            if request.trigger == .immediately, deliveredByID[request.id] == request.fingerprint { continue }
            plan.schedule.append(request)
        }
        plan.remove = pending.map(\.id)
            .filter { $0.hasPrefix(reminderPrefix) && !wanted.contains($0) }
            .sorted()
        return plan
    }

    /// A reminder's content and time as one string: equal for an unchanged reminder, different
    /// as soon as its time, zone offset, wall-clock time or text changes.
    static func fingerprint(of reminder: Reminder) -> String {
        let millis = Int64((reminder.due.instant.timeIntervalSince1970 * 1000).rounded())
        let wall = reminder.wallClock.map {
            "\($0.date.year)-\($0.date.month)-\($0.date.day)T\($0.hour):\($0.minute)"
        } ?? "-"
        return "\(millis)|\(reminder.due.utcOffsetSeconds)|\(wall)|\(reminder.title)|\(reminder.body)"
    }
}
