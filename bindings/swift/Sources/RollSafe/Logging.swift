// The library's log messages as a Swift closure.
import Foundation

/// Passes each message to a closure.
private final class ClosureLogger: RollSafeLogger, @unchecked Sendable {
    private let sink: @Sendable (LogLevel, String) -> Void

    init(_ sink: @escaping @Sendable (LogLevel, String) -> Void) { self.sink = sink }

    func log(level: LogLevel, message: String) {
        sink(level, message)
    }
}

/// Sends the library's log messages to `log`, for the whole process, replacing any earlier
/// logger; `nil` stops them. The messages are fixed texts without personal data (for example,
/// that an alert listener threw: the change it was told about was committed all the same), so
/// they may go to `os.Logger` or a crash reporter as they are. `log` runs on the thread where
/// the event happened.
///
/// ```swift
/// setLogger { level, message in logger.warning("\(message, privacy: .public)") }
/// ```
///
/// This wraps the generated `setLogger(logger:)`, which takes a `RollSafeLogger`.
public func setLogger(_ log: (@Sendable (LogLevel, String) -> Void)?) {
    setLogger(logger: log.map { ClosureLogger($0) })
}
