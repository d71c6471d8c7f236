// Today: the core's answer per device and body region (may I use it now,
// and when next), with the note on the skin checks asked when logging; the
// risk with its reasons; open alerts; upcoming reminders.
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct TodayView: View {
    @StateObject var screen: ScreenObserver<TodayViewModel>
    let app: AppModel

    var body: some View {
        let today = screen.model
        List {
            if today.today != nil && today.devices.isEmpty {
                Section("May I use my device?") { Text("Add a device to see when you may use it.") }
            }
            ForEach(today.devices, id: \.overview.device.id) { device in
                DeviceTodaySection(device: device, skinChecksNote: today.skinChecksNote)
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
                    if !assessment.preventive.otherRisks.isEmpty {
                        Text("Other risks, apart from infection").font(.headline)
                        ForEach(assessment.preventive.otherRisks, id: \.code) { risk in
                            VStack(alignment: .leading) {
                                Text(risk.seen)
                                Text(risk.advice).font(.footnote)
                            }
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

/// One device: may it be used now, when next, and the verdict for each region it is for.
struct DeviceTodaySection: View {
    let device: DeviceToday
    let skinChecksNote: String?

    var body: some View {
        Section(device.overview.device.nickname) {
            Label(device.mayUseNow ? "Yes, as far as your log says" : "Not now",
                  systemImage: device.mayUseNow ? "checkmark.circle" : "hand.raised")
                .font(.headline)
            if let next = device.nextAllowedDate { Text("Next allowed day: \(next.text)") }
            ForEach(device.regions, id: \.region) { region in
                DisclosureGroup {
                    ForEach(region.verdict.findings, id: \.code) { FindingRow(finding: $0) }
                } label: {
                    HStack {
                        Text(label(region.region))
                        Spacer()
                        if region.verdict.allowed {
                            Text("Allowed").foregroundStyle(.green)
                        } else if let next = region.verdict.nextAllowedDate {
                            Text("From \(next.text)").foregroundStyle(.secondary)
                        } else {
                            Text("Not now").foregroundStyle(.red)
                        }
                    }
                }
            }
            if let skinChecksNote { Text(skinChecksNote).font(.footnote) }
        }
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
