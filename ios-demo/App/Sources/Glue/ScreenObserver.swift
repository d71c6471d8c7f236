// Bridges a RollSafeDemoKit view model (which announces changes through its
// ChangeNotifier) to SwiftUI: the view re-renders after every change.
import Combine
import RollSafeDemoKit
import SwiftUI

/// Holds a view model and republishes its changes to SwiftUI.
@MainActor
final class ScreenObserver<Model: ScreenModel>: ObservableObject {
    let model: Model
    let objectWillChange = ObservableObjectPublisher()
    private var observation: ChangeObservation?

    init(_ model: Model) {
        self.model = model
        observation = model.changes.observe { [weak self] in self?.objectWillChange.send() }
    }
}
