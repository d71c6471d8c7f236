// Alerts as an AsyncStream: a listener registered with the store yields every
// rise into the stream; ending the stream cancels the subscription.
import Foundation

/// Feeds the alerts it hears into a stream continuation. `onAlert` is called on the thread
/// that made the change; `yield` is safe from any thread.
private final class StreamingAlertListener: AlertListener, @unchecked Sendable {
    private let continuation: AsyncStream<Alert>.Continuation

    init(_ continuation: AsyncStream<Alert>.Continuation) { self.continuation = continuation }

    func onAlert(alert: Alert) {
        continuation.yield(alert)
    }
}

extension AsyncStream where Element == Alert {
    /// A stream of the alerts a listener hears, subscribed at once through `subscribe` (so a
    /// rise made after this returns is delivered, even before iteration starts). When the stream
    /// ends (the iterating task is cancelled, or the stream is released) the subscription is
    /// cancelled.
    ///
    /// Most code wants `RollSafeClient.alerts` or `RollSafeStore.alerts`; this is the building
    /// block, open so that a test can watch the subscription.
    ///
    /// - Parameters:
    ///   - bufferingPolicy: what to keep while nobody is iterating; everything by default.
    ///   - subscribe: registers the listener, typically `store.addAlertListener(listener:)`.
    public static func alerts(
        bufferingPolicy: AsyncStream<Alert>.Continuation.BufferingPolicy = .unbounded,
        subscribe: (any AlertListener) -> any AlertSubscriptionProtocol
    ) -> AsyncStream<Alert> {
        AsyncStream(bufferingPolicy: bufferingPolicy) { continuation in
            let subscription = subscribe(StreamingAlertListener(continuation))
            continuation.onTermination = { @Sendable _ in subscription.cancel() }
        }
    }
}

extension RollSafeStore {
    /// Every new alert (a risk level rose) from now on, as an `AsyncStream`. Each access makes a new subscription; cancel the iterating task to end it.
    public var alerts: AsyncStream<Alert> {
        AsyncStream.alerts { addAlertListener(listener: $0) }
    }
}

extension RollSafeClient {
    /// Every new alert (a risk level rose) from now on, as an `AsyncStream`; see
    /// `RollSafeStore.alerts`.
    ///
    /// ```swift
    /// let task = Task {
    ///     for await alert in client.alerts { await notify(alert.title) }
    /// }
    /// // later: task.cancel() ends the stream and cancels the subscription
    /// ```
    public var alerts: AsyncStream<Alert> { store.alerts }
}
