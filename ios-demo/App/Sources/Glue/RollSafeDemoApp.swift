// The app's entry point: opens the log in Application Support, builds the
// AppModel with the UNUserNotificationCenter sink, and starts it whenever the
// app becomes active; as it goes to the background, the log is made whole in its main file. The only place the clock is read is `Moment.now()` in
// the views and here; everything below receives `now` as an input.
import RollSafe
import RollSafeDemoKit
import SwiftUI
import UserNotifications

@main
struct RollSafeDemoApp: App {
    @Environment(\.scenePhase) private var scenePhase
    @State private var loader = AppLoader()

    var body: some Scene {
        WindowGroup {
            Group {
                switch loader.state {
                case .loading:
                    ProgressView("Opening your log…")
                case let .ready(app):
                    RootView(app: app)
                case let .failed(message):
                    ContentUnavailableView("Your log could not be opened", systemImage: "exclamationmark.triangle",
                                           description: Text(message))
                }
            }
            .task { await loader.open() }
        }
        .onChange(of: scenePhase) { _, phase in
            guard case let .ready(app) = loader.state else { return }
            switch phase {
            case .active: Task { await app.start(now: .now()) }
            case .background: Task { await app.enterBackground() }
            default: break
            }
        }
    }
}

/// Opens the store once and keeps the app model.
@MainActor
@Observable
final class AppLoader {
    enum State {
        case loading
        case ready(AppModel)
        case failed(String)
    }

    private(set) var state: State = .loading
    private let notifications = UserNotificationSink(center: .current())

    func open() async {
        guard case .loading = state else { return }
        do {
            let folder = try FileManager.default.url(
                for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
            var url = folder.appendingPathComponent("rollsafe.sqlite3")
            let client = try await RollSafeClient.open(path: url.path)
            // A health log stays on this device: out of iCloud/iTunes backups unless the user
            // exports it.
            var values = URLResourceValues()
            values.isExcludedFromBackup = true
            try? url.setResourceValues(values)
            // Files left from a share the app did not see close (it was killed meanwhile).
            try? ShareFolder.removeAll()
            await notifications.requestAuthorization()
            let app = AppModel(client: client, sink: notifications)
            // The PDF report's paper: the core's usual paper for the user's region (US Letter
            // where that is the norm, A4 elsewhere and when the region is unknown).
            app.share.paper = usualPaper(region: Locale.current.region?.identifier ?? "")
            state = .ready(app)
            await app.start(now: .now())
        } catch {
            state = .failed(RollSafeFailure.from(error).localizedDescription)
        }
    }
}
