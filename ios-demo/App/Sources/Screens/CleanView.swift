// Clean: device and method, a soak timer kept by the core, and what the log
// says afterwards ("clean for next use", never "sterile").
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct CleanView: View {
    @StateObject var screen: ScreenObserver<CleanViewModel>
    let app: AppModel
    @State private var minutes = 20

    var body: some View {
        let clean = screen.model
        Form {
            Picker("Device", selection: Binding(get: { clean.deviceId }, set: { clean.deviceId = $0 })) {
                Text("Choose…").tag(String?.none)
                ForEach(clean.devices, id: \.id) { Text($0.nickname).tag(Optional($0.id)) }
            }
            Picker("Method", selection: Binding(get: { clean.method }, set: { clean.method = $0 })) {
                ForEach(Choices.cleaningMethods, id: \.self) { Text(label($0)).tag($0) }
            }
            if clean.isSoak {
                Section("Soak") {
                    Stepper("\(minutes) minutes", value: $minutes, in: 1...120)
                    if clean.soakEndsAt != nil {
                        TimelineView(.periodic(from: .now, by: 1)) { context in
                            let left = clean.soakSecondsLeft(now: .now(at: context.date)) ?? 0
                            Text(left > 0 ? "\(Int(left) / 60):\(String(format: "%02d", Int(left) % 60)) left" : "Soak finished")
                                .monospacedDigit()
                        }
                    } else {
                        Button("Start soak timer") {
                            Task {
                                await clean.startSoak(minutes: UInt32(minutes), now: .now())
                                await app.afterChange(now: .now())
                            }
                        }
                    }
                }
            }
            Button("Log cleaning") {
                Task {
                    let now = Moment.now()
                    if await clean.save(at: now, now: now) { await app.afterChange(now: now) }
                }
            }
            if let overview = clean.overview {
                Section("Your device") {
                    Label(overview.cleanForNextUse ? "Clean for next use" : "Not yet clean for next use",
                          systemImage: overview.cleanForNextUse ? "checkmark.seal" : "exclamationmark.triangle")
                    Text("Cleaning lowers the risk; it does not make a device sterile.").font(.footnote)
                }
            }
            FailureText(failure: clean.failure)
        }
        .navigationTitle("Clean")
        .task { await clean.load() }
    }
}
