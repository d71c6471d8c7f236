// The system share sheet (UIActivityViewController) for files, presented over
// whatever is on screen, with a callback when it closes, shared or not, so
// the app can delete the temporary copies of the user's health data at once.
// ShareLink has no such callback.
import UIKit

@MainActor
enum ActivitySheet {
    /// Presents the share sheet for `items` over the topmost view controller of the active
    /// window; calls `onFinish` when it closes (at once when there is nothing to present over).
    static func present(_ items: [URL], onFinish: @escaping @MainActor () -> Void) {
        let scene = UIApplication.shared.connectedScenes
            .compactMap { $0 as? UIWindowScene }
            .first { $0.activationState == .foregroundActive }
        guard var top = scene?.keyWindow?.rootViewController else {
            onFinish()
            return
        }
        while let presented = top.presentedViewController { top = presented }
        let controller = UIActivityViewController(activityItems: items, applicationActivities: nil)
        controller.popoverPresentationController?.sourceView = top.view
        // UIKit calls this on the main thread.
        controller.completionWithItemsHandler = { _, _, _, _ in
            MainActor.assumeIsolated { onFinish() }
        }
        top.present(controller, animated: true)
    }
}
