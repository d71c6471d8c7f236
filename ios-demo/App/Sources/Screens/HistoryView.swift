// History: the whole log, newest first.
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct HistoryView: View {
    @StateObject var screen: ScreenObserver<HistoryViewModel>

    var body: some View {
        List(screen.model.entries, id: \.id) { entry in
            VStack(alignment: .leading) {
                switch entry {
                case let .session(session, deviceName):
                    Text("Session with \(deviceName)").font(.headline)
                    Text(session.zones.map { label($0) }.joined(separator: ", "))
                    if !session.overrides.isEmpty {
                        Text("Went ahead despite: \(session.overrides.map(\.message).joined(separator: " "))")
                            .font(.footnote).foregroundStyle(.orange)
                    }
                case let .cleaning(cleaning, deviceName):
                    Text("Cleaned \(deviceName)").font(.headline)
                    Text("\(label(cleaning.cleaning.method))\(cleaning.adequate ? "" : " (not enough for next use)")")
                case let .report(report):
                    Text("Symptoms: \(report.symptoms.map { label($0.symptom) }.joined(separator: ", "))").font(.headline)
                    Text("Severity \(report.overallSeverity)/10")
                case let .alert(alert):
                    Text(alert.title).font(.headline)
                }
                Text(entry.at.text).font(.footnote).foregroundStyle(.secondary)
            }
        }
        .overlay { FailureText(failure: screen.model.failure) }
        .navigationTitle("History")
        .task { await screen.model.refresh() }
    }
}
