// The tabs: one NavigationStack per screen. iOS folds the last ones into
// "More" on iPhone.
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct RootView: View {
    let app: AppModel

    var body: some View {
        TabView {
            NavigationStack { TodayView(screen: ScreenObserver(app.today), app: app) }
                .tabItem { Label("Today", systemImage: "sun.max") }
            NavigationStack { LogSessionView(screen: ScreenObserver(app.logSession), app: app) }
                .tabItem { Label("Log", systemImage: "plus.circle") }
            NavigationStack { CleanView(screen: ScreenObserver(app.clean), app: app) }
                .tabItem { Label("Clean", systemImage: "drop") }
            NavigationStack { SymptomReportView(screen: ScreenObserver(app.report), app: app) }
                .tabItem { Label("Symptoms", systemImage: "bandage") }
            NavigationStack { HistoryView(screen: ScreenObserver(app.history)) }
                .tabItem { Label("History", systemImage: "clock") }
            NavigationStack { DevicesView(screen: ScreenObserver(app.devices), app: app) }
                .tabItem { Label("Devices", systemImage: "wrench.and.screwdriver") }
            NavigationStack { SettingsView(screen: ScreenObserver(app.settings), app: app) }
                .tabItem { Label("Settings", systemImage: "gear") }
            NavigationStack { ShareView(screen: ScreenObserver(app.share), app: app) }
                .tabItem { Label("Share", systemImage: "square.and.arrow.up") }
        }
    }
}

/// The failure line every screen shows.
struct FailureText: View {
    let failure: RollSafeFailure?

    var body: some View {
        if let failure {
            Text(failure.localizedDescription).foregroundStyle(.red).font(.footnote)
        }
    }
}
