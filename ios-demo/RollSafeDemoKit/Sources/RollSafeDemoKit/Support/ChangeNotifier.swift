// How a view model tells its view that its state changed, without Combine or
// the Observation module: neither is usable in this package's Linux build
// (Combine does not exist there, and Debian's Swift 6.0.3 ships an
// Observation library that fails to link), so view models are plain
// main-actor classes that call `changed()` after every change and the app
// bridges that to SwiftUI (see App/Sources/ScreenObserver.swift).
import Foundation

/// A list of observers to call on the main actor whenever a view model's state changes.
///
/// ```swift
/// let observation = viewModel.changes.observe { render(viewModel) }
/// // … the handler runs after each change, until `observation` is released or cancelled.
/// ```
public final class ChangeNotifier: @unchecked Sendable {
    private let lock = NSLock()
    private var observers: [UInt64: @MainActor @Sendable () -> Void] = [:]
    private var nextKey: UInt64 = 0

    /// An empty list.
    public init() {}

    /// Calls `handler` on the main actor after every change, until the returned observation is
    /// cancelled or released.
    ///
    /// - Parameter handler: what to do after a change; read the view model's state there.
    /// - Returns: the observation; keep it as long as the handler should run.
    public func observe(_ handler: @escaping @MainActor @Sendable () -> Void) -> ChangeObservation {
        lock.lock()
        let key = nextKey
        nextKey += 1
        observers[key] = handler
        lock.unlock()
        return ChangeObservation { [weak self] in self?.remove(key) }
    }

    /// Calls every observer; view models call it after changing their state.
    @MainActor
    public func send() {
        lock.lock()
        let handlers = observers.sorted { $0.key < $1.key }.map(\.value)
        lock.unlock()
        for handler in handlers { handler() }
    }

    private func remove(_ key: UInt64) {
        lock.lock()
        observers[key] = nil
        lock.unlock()
    }
}

/// A registered change handler; cancelling or releasing it stops the calls.
public final class ChangeObservation: @unchecked Sendable {
    private let lock = NSLock()
    private var onCancel: (@Sendable () -> Void)?

    init(onCancel: @escaping @Sendable () -> Void) { self.onCancel = onCancel }

    /// Stops the calls; the handler is not called again once this returns.
    public func cancel() {
        lock.lock()
        let action = onCancel
        onCancel = nil
        lock.unlock()
        action?()
    }

    deinit { cancel() }
}

/// A view model: main-actor state that announces its changes through `changes`.
@MainActor
public protocol ScreenModel: AnyObject {
    /// Called after every change of the view model's state.
    var changes: ChangeNotifier { get }
}
