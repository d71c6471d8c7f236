// One way for every view model to run a call to the core and keep the failure
// to show, so that screens show errors the same way.
import RollSafe

extension RollSafeFailure {
    /// The failure to show for any error a RollSafe call threw. Errors that are not RollSafe's
    /// own (none are expected) become `.storage` with their type name only, so no personal data
    /// reaches the screen or a log.
    ///
    /// - Parameter error: what the call threw.
    public static func from(_ error: any Error) -> RollSafeFailure {
        RollSafeFailure(converting: error) ?? .storage(detail: String(describing: type(of: error)))
    }
}
