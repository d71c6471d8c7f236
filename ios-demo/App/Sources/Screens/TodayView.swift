// Today: the core's answer for the usual device and zones, the risk with its
// reasons, open alerts and upcoming reminders.
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct TodayView: View {
    @StateObject var screen: ScreenObserver<TodayViewModel>
    let app: AppModel

    var body: some View {
        let today = screen.model
        List {
            Section("May I use my device today?") {
                if let allowed = today.mayUseToday {
                    Label(allowed ? "Yes, as far as your log says" : "Not today",
                          systemImage: allowed ? "checkmark.circle" : "hand.raised")
                        .font(.headline)
                    if let next = today.nextAllowedDate { Text("Next allowed day: \(next.text)") }
                    ForEach(today.findings, id: \.code) { FindingRow(finding: $0) }
                    Text("You will answer the skin checks when you log the session.").font(.footnote)
                } else {
                    Text("Add a device and choose the zones you treat.")
                }
            }
            if let assessment = today.assessment {
                Section("Infection risk: \(label(assessment.preventive.level))") {
                    ForEach(assessment.preventive.factors, id: \.code) { factor in
                        VStack(alignment: .leading) {
                            Text(factor.seen)
                            Text(factor.advice).font(.footnote)
                            Text(factor.source.citation).font(.caption2).foregroundStyle(.secondary)
                        }
                    }
                    ForEach(assessment.triage.prompts, id: \.code) { prompt in
                        Label(prompt.advice, systemImage: prompt.level == .red ? "cross.case" : "stethoscope")
                            .foregroundStyle(prompt.level == .red ? .red : .primary)
                    }
                    Text(assessment.disclaimer).font(.caption)
                }
            }
            if !today.openAlerts.isEmpty {
                Section("Alerts") {
                    ForEach(today.openAlerts, id: \.id) { alert in
                        VStack(alignment: .leading) {
                            Text(alert.title).font(.headline)
                            ForEach(alert.reasons, id: \.code) { Text($0.text).font(.footnote) }
                            Button("I have read this") { Task { await today.acknowledge(alert, now: .now()) } }
                        }
                    }
                }
            }
            Section("Coming up") {
                ForEach(today.reminders, id: \.id) { reminder in
                    VStack(alignment: .leading) {
                        Text(reminder.title)
                        Text(reminder.due.text).font(.footnote).foregroundStyle(.secondary)
                    }
                }
            }
            FailureText(failure: today.failure)
        }
        .navigationTitle("Today")
        .refreshable { await app.afterChange(now: .now()) }
        .task { await today.refresh(now: .now()) }
    }
}

/// A blocker or warning with its source.
struct FindingRow: View {
    let finding: Finding

    var body: some View {
        VStack(alignment: .leading) {
            Label(finding.message, systemImage: finding.severity == .blocker ? "xmark.octagon" : "exclamationmark.triangle")
            Text(finding.source.citation).font(.caption2).foregroundStyle(.secondary)
        }
    }
}
