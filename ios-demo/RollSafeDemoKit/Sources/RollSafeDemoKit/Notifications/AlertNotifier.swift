// Alerts become notifications at once: the core's alert stream (every rise of
// a risk level, from whichever change caused it) is posted to the sink as it
// arrives, and the app is told so that Today can refresh.
import Foundation
import RollSafe

/// Listens to `RollSafeClient.alerts` and posts each alert as a notification at once.
@MainActor
public final class AlertNotifier {
    private let client: RollSafeClient
    private let sink: any NotificationSink
    private var task: Task<Void, Never>?

    /// Called on the main actor after each alert was posted (for example to refresh Today).
    public var onAlert: (@MainActor (Alert) -> Void)?

    /// A notifier over `client` and `sink`; call `start()` to listen.
    ///
    /// - Parameters:
    ///   - client: the log whose alerts are heard.
    ///   - sink: where the notifications go.
    public init(client: RollSafeClient, sink: any NotificationSink) {
        self.client = client
        self.sink = sink
    }

    /// True between `start()` and `stop()`.
    public var isListening: Bool { task != nil }

    /// Subscribes at once (a rise made after this returns is heard) and posts every alert. A
    /// notification the sink refuses is skipped: the alert stays open in the log and on Today.
    public func start() {
        guard task == nil else { return }
        let stream = client.alerts
        let sink = self.sink
        task = Task { [weak self] in
            for await alert in stream {
                // A stream stopped before this task first ran still hands over what it buffered
                // meanwhile; nothing is posted once `stop()` was called.
                if Task.isCancelled { break }
                try? await sink.add(NotificationPlanner.request(for: alert))
                self?.onAlert?(alert)
            }
        }
    }

    /// Stops listening; cancels the subscription.
    public func stop() {
        task?.cancel()
        task = nil
    }

    deinit {
        task?.cancel()
    }
}
