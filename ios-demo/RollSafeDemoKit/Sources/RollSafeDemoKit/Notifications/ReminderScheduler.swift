// Applies the planner: asks the core for its reminders, the sink for what it
// holds, and makes the difference. Run after every change and at app start.
import Foundation
import RollSafe

/// Keeps the system's reminder notifications equal to the core's reminders.
public struct ReminderScheduler: Sendable {
    /// The log.
    public let client: RollSafeClient
    /// Where notifications go.
    public let sink: any NotificationSink

    /// A scheduler over `client` and `sink`.
    ///
    /// - Parameters:
    ///   - client: the log whose reminders are scheduled.
    ///   - sink: the notification centre.
    public init(client: RollSafeClient, sink: any NotificationSink) {
        self.client = client
        self.sink = sink
    }

    /// Reconciles once as of `now` and returns what it changed.
    ///
    /// - Parameter now: the current moment (the app passes `Moment.now()`).
    /// - Throws: `RollSafeFailure` when the core cannot be read, or the sink's error when a
    ///   request cannot be added (the rest of the plan is applied first).
    @discardableResult
    public func reconcile(now: Moment) async throws -> NotificationPlan {
        let reminders = try await client.reminders(now: now)
        let plan = NotificationPlanner.plan(
            reminders: reminders, pending: await sink.pending(), delivered: await sink.delivered(), now: now)
        if !plan.remove.isEmpty { await sink.removePending(ids: plan.remove) }
        var firstError: (any Error)?
        for request in plan.schedule {
            do { try await sink.add(request) } catch { firstError = firstError ?? error }
        }
        if let firstError { throw firstError }
        return plan
    }
}
