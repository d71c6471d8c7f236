// Log a session: device, zones, products, the pre-checks, then the core's
// verdict; each blocker needs its own explicit acknowledgement to override.
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct LogSessionView: View {
    @StateObject var screen: ScreenObserver<LogSessionViewModel>
    let app: AppModel
    @State private var productName = ""
    @State private var productTiming: ProductTiming = .after
    @State private var productCategories: Set<ProductCategory> = []

    var body: some View {
        let log = screen.model
        Form {
            Section("Device") {
                Picker("Device", selection: Binding(get: { log.deviceId }, set: { log.deviceId = $0 })) {
                    Text("Choose…").tag(String?.none)
                    ForEach(log.devices, id: \.id) { Text($0.nickname).tag(Optional($0.id)) }
                }
            }
            Section("Zones") {
                ForEach(Choices.zones, id: \.self) { zone in
                    Toggle(label(zone), isOn: Binding(get: { log.zones.contains(zone) }, set: { _ in log.toggle(zone) }))
                }
            }
            Section("Products") {
                ForEach(Array(log.products.enumerated()), id: \.offset) { index, product in
                    Text("\(product.name) (\(label(product.timing)))")
                        .swipeActions { Button("Remove", role: .destructive) { log.removeProduct(at: index) } }
                }
                TextField("Product name", text: $productName)
                Picker("When", selection: $productTiming) {
                    Text("Before").tag(ProductTiming.before)
                    Text("After").tag(ProductTiming.after)
                }
                ForEach(Choices.productCategories, id: \.self) { category in
                    Toggle(label(category), isOn: Binding(
                        get: { productCategories.contains(category) },
                        set: { if $0 { productCategories.insert(category) } else { productCategories.remove(category) } }))
                }
                Button("Add product") {
                    log.addProduct(name: productName, timing: productTiming,
                                   categories: Choices.productCategories.filter(productCategories.contains))
                    productName = ""
                    productCategories = []
                }
                .disabled(productName.isEmpty)
            }
            Section("Before you start") {
                question("Did you clean the device right before this?", \.deviceCleaned)
                question("Is your skin washed and dry?", \.skinClean)
                question("Any active breakout or flare there?", \.activeBreakout)
                question("An active cold sore?", \.coldSore)
                question("An open wound or broken skin there?", \.openWound)
                question("Sunburn there?", \.sunburn)
            }
            Section {
                Button("Check") { Task { await log.check(at: .now()) } }
                    .disabled(log.plan == nil)
            }
            if let verdict = log.verdict {
                Section(verdict.allowed ? "You may go ahead" : "Not advised now") {
                    ForEach(log.blockers, id: \.code) { blocker in
                        FindingRow(finding: blocker)
                        Toggle("I have read this and choose to go ahead anyway",
                               isOn: Binding(get: { log.acknowledgedBlockers.contains(blocker.code) },
                                             set: { log.setAcknowledged(blocker.code, $0) }))
                    }
                    ForEach(log.warnings, id: \.code) { FindingRow(finding: $0) }
                    if let next = verdict.nextAllowedDate { Text("Next allowed day: \(next.text)") }
                }
                Section {
                    Button(log.isOverride ? "Save anyway" : "Save session", role: log.isOverride ? .destructive : nil) {
                        Task {
                            let now = Moment.now()
                            if await log.save(at: now, now: now) {
                                await app.afterChange(now: now)
                                log.reset()
                            }
                        }
                    }
                    .disabled(!log.canSave)
                }
            }
            FailureText(failure: log.failure)
        }
        .navigationTitle("Log a session")
        .task { await log.load() }
    }

    private func question(_ text: String, _ keyPath: WritableKeyPath<PreCheckAnswers, Bool?>) -> some View {
        let log = screen.model
        return Picker(text, selection: Binding(get: { log.preChecks[keyPath: keyPath] },
                                               set: { log.preChecks[keyPath: keyPath] = $0 })) {
            Text("—").tag(Bool?.none)
            Text("Yes").tag(Bool?.some(true))
            Text("No").tag(Bool?.some(false))
        }
    }
}
