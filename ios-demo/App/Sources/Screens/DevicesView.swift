// Devices: each device with its uses, replacement and cleaning state, and the
// Add device form (the core validates it and names a bad field).
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct DevicesView: View {
    @StateObject var screen: ScreenObserver<DevicesViewModel>
    let app: AppModel

    var body: some View {
        let devices = screen.model
        List {
            ForEach(devices.overviews, id: \.device.id) { overview in
                VStack(alignment: .leading) {
                    Text(overview.device.nickname).font(.headline)
                    Text("\(label(overview.device.kind)), \(overview.device.needleLengthMm, specifier: "%.2f") mm, \(overview.uses) uses")
                    if overview.replacement.due { Text(overview.replacement.reason ?? "Replace it").foregroundStyle(.red) }
                    Text(overview.cleanForNextUse ? "Clean for next use" : "Clean it before the next use").font(.footnote)
                    if overview.device.retiredAt != nil { Text("Retired").font(.footnote) }
                }
                .swipeActions {
                    Button("Damaged") { Task { await devices.flagDamaged(id: overview.device.id, now: .now()) } }
                    Button("Retire", role: .destructive) {
                        Task { await devices.retire(id: overview.device.id, reason: "Retired by the user", now: .now()) }
                    }
                }
            }
            Section("Add a device") {
                TextField("Name", text: Binding(get: { devices.draft.nickname }, set: { devices.draft.nickname = $0 }))
                Picker("Kind", selection: Binding(get: { devices.draft.kind }, set: { devices.draft.kind = $0 })) {
                    ForEach(Choices.deviceKinds, id: \.self) { Text(label($0)).tag($0) }
                }
                Stepper("Needles: \(devices.draft.needleLengthMm, specifier: "%.2f") mm",
                        value: Binding(get: { devices.draft.needleLengthMm }, set: { devices.draft.needleLengthMm = $0 }),
                        in: 0.1...3.0, step: 0.05)
                Picker("Material", selection: Binding(get: { devices.draft.material }, set: { devices.draft.material = $0 })) {
                    ForEach(Choices.materials, id: \.self) { Text(label($0)).tag($0) }
                }
                Toggle("Someone else uses it too", isOn: Binding(get: { devices.draft.shared }, set: { devices.draft.shared = $0 }))
                Button("Add") { Task { if await devices.add(now: .now()) != nil { await app.afterChange(now: .now()) } } }
            }
            FailureText(failure: devices.failure)
        }
        .navigationTitle("Devices")
        .task { await devices.refresh(now: .now()) }
    }
}
