// Report symptoms: chips, severity, zones, an optional photo kept in the
// app's own storage (reference and SHA-256 go to the log), then the core's
// triage with its advice.
import CryptoKit
import PhotosUI
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct SymptomReportView: View {
    @StateObject var screen: ScreenObserver<SymptomReportViewModel>
    let app: AppModel
    @State private var photoItem: PhotosPickerItem?

    var body: some View {
        let report = screen.model
        Form {
            Section("What do you see?") {
                ScrollView(.horizontal) {
                    HStack {
                        ForEach(report.chips, id: \.self) { symptom in
                            Button(label(symptom)) { report.toggle(symptom) }
                                .buttonStyle(.bordered)
                                .tint(report.isSelected(symptom) ? .accentColor : .secondary)
                        }
                    }
                }
                Stepper("Overall severity: \(report.overallSeverity)/10",
                        value: Binding(get: { Int(report.overallSeverity) }, set: { report.overallSeverity = UInt8($0) }),
                        in: 0...10)
            }
            Section("Where?") {
                ForEach(Choices.zones, id: \.self) { zone in
                    Toggle(label(zone), isOn: Binding(get: { report.zones.contains(zone) }, set: { _ in report.toggle(zone) }))
                }
                Toggle("Around an eye", isOn: Binding(get: { report.aroundEye }, set: { report.aroundEye = $0 }))
            }
            Section("Compared with before?") {
                Picker("Compared with before", selection: Binding(get: { report.trend }, set: { report.trend = $0 })) {
                    Text("Not said").tag(SymptomTrend?.none)
                    ForEach(Choices.trends, id: \.self) { trend in
                        Text(label(trend)).tag(SymptomTrend?.some(trend))
                    }
                }
                .pickerStyle(.segmented)
            }
            Section("Photo (optional)") {
                PhotosPicker(report.photo == nil ? "Add a photo" : "Replace the photo", selection: $photoItem, matching: .images)
                if report.photo != nil { Button("Remove the photo", role: .destructive) { report.removePhoto() } }
            }
            Button("Save report") {
                Task {
                    let now = Moment.now()
                    if await report.submit(at: now, now: now) { await app.afterChange(now: now) }
                }
            }
            if let triage = report.assessment?.triage {
                Section(triage.summary) {
                    ForEach(triage.prompts, id: \.code) { prompt in
                        Label(prompt.advice, systemImage: prompt.level == .red ? "cross.case" : "stethoscope")
                            .foregroundStyle(prompt.level == .red ? .red : .primary)
                    }
                    Text(report.assessment?.disclaimer ?? "").font(.caption)
                }
            }
            FailureText(failure: report.failure)
        }
        .navigationTitle("Report symptoms")
        .onChange(of: photoItem) { _, item in
            Task {
                guard let data = try? await item?.loadTransferable(type: Data.self), let stored = try? store(data) else { return }
                report.attachPhoto(file: stored.file, sha256: stored.sha256)
            }
        }
    }

    /// Keeps the photo in Application Support/photos (never the shared library) and hashes it.
    private func store(_ data: Data) throws -> (file: String, sha256: String) {
        let folder = try FileManager.default
            .url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
            .appendingPathComponent("photos", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let name = "\(sha256).jpg"
        try data.write(to: folder.appendingPathComponent(name), options: [.atomic, .completeFileProtection])
        return ("photos/\(name)", sha256)
    }
}
