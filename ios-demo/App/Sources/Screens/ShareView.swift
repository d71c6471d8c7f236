// Share: the form (period, sections, privacy, formats, paper, an optional
// passphrase seal), the files the core made, handed to the system share sheet
// (ActivitySheet) from a temporary folder that is deleted when the sheet
// closes; and the import of a backup file, sealed or not, with what it did or
// why the document was refused.
import RollSafe
import RollSafeDemoKit
import SwiftUI
import UniformTypeIdentifiers

struct ShareView: View {
    @StateObject var screen: ScreenObserver<ShareViewModel>
    let app: AppModel
    @State private var from = Calendar.current.date(byAdding: .month, value: -3, to: .now) ?? .now
    @State private var to = Date.now
    @State private var choosingBackup = false
    @State private var fileProblem: String?
    @State private var importPassphrase = ""
    @State private var working = false

    var body: some View {
        let share = screen.model
        Form {
            Section("Period") {
                Toggle("The whole log", isOn: Binding(
                    get: { share.period == nil },
                    set: { share.period = $0 ? nil : DateRange(from: from, to: to, in: .current) }))
                if share.period != nil {
                    DatePicker("From", selection: $from, displayedComponents: .date)
                    DatePicker("To", selection: $to, displayedComponents: .date)
                }
            }
            .onChange(of: from) { _, _ in if share.period != nil { share.period = DateRange(from: from, to: to, in: .current) } }
            .onChange(of: to) { _, _ in if share.period != nil { share.period = DateRange(from: from, to: to, in: .current) } }
            Section("What to include") {
                SectionToggle("Skin type and health answers", .profile, share)
                SectionToggle("Devices, wear and cleaning", .devices, share)
                SectionToggle("Sessions", .sessions, share)
                SectionToggle("Cleanings", .cleanings, share)
                SectionToggle("Symptom reports", .symptoms, share)
                SectionToggle("Alerts", .alerts, share)
                SectionToggle("Care plan", .carePlan, share)
            }
            Section("Privacy") {
                Toggle("Withhold my notes", isOn: Binding(get: { share.redactNotes }, set: { share.redactNotes = $0 }))
                Toggle("Name my photos (never the images)", isOn: Binding(
                    get: { share.includePhotoReferences }, set: { share.includePhotoReferences = $0 }))
                Toggle("Put my name, date of birth and patient number on the files", isOn: Binding(
                    get: { share.identifyPatient }, set: { share.identifyPatient = $0 }))
            }
            Section("Files") {
                FormatToggle("PDF report for your dermatologist", .pdf, share)
                if share.formats.contains(.pdf) {
                    Picker("Paper", selection: Binding(get: { share.paper }, set: { share.paper = $0 })) {
                        ForEach(Choices.papers, id: \.self) { paper in
                            Text(paper == .usLetter ? "US Letter" : "A4").tag(paper)
                        }
                    }
                }
                FormatToggle("FHIR file for a clinic's system", .fhir, share)
                FormatToggle("Spreadsheet (CSV) files", .csv, share)
                FormatToggle("RollSafe backup", .backup, share)
                if share.backupIgnoresChoices {
                    Text("The backup holds every section and every note of the period, whatever you chose above. Keep it for yourself.")
                        .font(.footnote).foregroundStyle(.orange)
                }
            }
            Section {
                Toggle("Seal with a passphrase", isOn: Binding(
                    get: { share.sealWithPassphrase }, set: { share.sealWithPassphrase = $0 }))
                if share.sealWithPassphrase {
                    SecureField("Passphrase", text: Binding(get: { share.passphrase }, set: { share.passphrase = $0 }))
                        .textContentType(.newPassword)
                    SecureField("The same passphrase again", text: Binding(
                        get: { share.passphraseConfirmation }, set: { share.passphraseConfirmation = $0 }))
                        .textContentType(.newPassword)
                    if share.passphrasesDiffer, !share.passphraseConfirmation.isEmpty {
                        Text("The two passphrases differ.").font(.footnote).foregroundStyle(.red)
                    }
                }
            } footer: {
                if share.sealWithPassphrase {
                    Text("Each file is sealed as a standard age file (.age). Tell the passphrase by another channel than the one the files travel by, for example by phone.")
                }
            }
            Section {
                Button(share.isPreparing ? "Preparing…" : "Share…") {
                    Task {
                        guard await share.prepare(now: .now()) else { return }
                        do {
                            let urls = try ShareFolder.write(share.files)
                            fileProblem = nil
                            ActivitySheet.present(urls) { try? ShareFolder.removeAll() }
                        } catch {
                            fileProblem = "The files could not be written: \(error.localizedDescription)"
                        }
                    }
                }
                .disabled(!share.canPrepare || share.isPreparing)
                FailureText(failure: share.failure)
            }
            Section("Import a backup") {
                Button("Choose a RollSafe backup…") { choosingBackup = true }
                if share.needsPassphrase {
                    SecureField("Passphrase of the sealed backup", text: $importPassphrase)
                    HStack {
                        Button("Open and import") {
                            Task {
                                working = true
                                defer { working = false }
                                if await app.openSealedBackup(passphrase: importPassphrase, now: .now()) {
                                    importPassphrase = ""
                                }
                            }
                        }
                        .disabled(working)
                        Spacer()
                        Button("Cancel", role: .cancel) {
                            importPassphrase = ""
                            share.cancelSealedImport()
                        }
                    }
                    .buttonStyle(.borderless)
                }
                ForEach(share.importSummary) { line in
                    LabeledContent(label(line.kind),
                                   value: "\(line.count.added) new, \(line.count.updated) updated, \(line.count.unchanged) already here")
                }
                if case let .importRejected(path, reason) = share.importFailure {
                    VStack(alignment: .leading) {
                        Text("Nothing was imported.").font(.headline)
                        Text(reason)
                        Text("At \(path)").font(.caption.monospaced()).foregroundStyle(.secondary)
                    }
                    .foregroundStyle(.red)
                } else {
                    FailureText(failure: share.importFailure)
                }
            }
            if let fileProblem { Text(fileProblem).foregroundStyle(.red).font(.footnote) }
        }
        .navigationTitle("Share")
        .fileImporter(isPresented: $choosingBackup, allowedContentTypes: [.json, UTType(filenameExtension: "age") ?? .data]) { result in
            Task {
                do {
                    let data = try PickedFile.read(try result.get())
                    fileProblem = nil
                    importPassphrase = ""
                    await app.importBackup(data, now: .now())   // a sealed one waits for its passphrase
                } catch {
                    fileProblem = "The file could not be read: \(error.localizedDescription)"
                }
            }
        }
    }
}

/// A toggle for one export section.
private struct SectionToggle: View {
    let title: String
    let section: ExportSection
    let share: ShareViewModel

    init(_ title: String, _ section: ExportSection, _ share: ShareViewModel) {
        self.title = title
        self.section = section
        self.share = share
    }

    var body: some View {
        Toggle(title, isOn: Binding(
            get: { share.sections.contains(section) },
            set: { share.sections = share.sections.setting(section, $0) }))
    }
}

/// A toggle for one file format.
private struct FormatToggle: View {
    let title: String
    let format: ShareFormat
    let share: ShareViewModel

    init(_ title: String, _ format: ShareFormat, _ share: ShareViewModel) {
        self.title = title
        self.format = format
        self.share = share
    }

    var body: some View {
        Toggle(title, isOn: Binding(
            get: { share.formats.contains(format) },
            set: { if $0 { share.formats.insert(format) } else { share.formats.remove(format) } }))
    }
}
