// Settings: profile answers, quiet hours and the care plan.
import RollSafe
import RollSafeDemoKit
import SwiftUI

struct SettingsView: View {
    @StateObject var screen: ScreenObserver<SettingsViewModel>
    let app: AppModel
    @State private var quietStart = Calendar.current.date(from: DateComponents(hour: 22)) ?? .now
    @State private var quietEnd = Calendar.current.date(from: DateComponents(hour: 7)) ?? .now

    var body: some View {
        let settings = screen.model
        Form {
            Section("Your skin") {
                Picker("Skin type", selection: Binding(get: { settings.skinType }, set: { settings.skinType = $0 })) {
                    Text("Not sure").tag(SkinType?.none)
                    ForEach(Choices.skinTypes, id: \.self) { Text("Type \(label($0).uppercased())").tag(Optional($0)) }
                }
                ForEach(Choices.conditions, id: \.self) { condition in
                    Toggle(label(condition), isOn: Binding(
                        get: { settings.answers[condition]?.present ?? false },
                        set: { settings.answer(condition, present: $0) }))
                }
                Button("Save profile") { Task { await settings.saveProfile(now: .now()); await app.afterChange(now: .now()) } }
            }
            Section("About you, for the files you choose to sign (optional)") {
                TextField("Name", text: Binding(get: { settings.identity.name }, set: { settings.identity.name = $0 }))
                TextField("Date of birth (YYYY-MM-DD)", text: Binding(
                    get: { settings.identity.birthDate }, set: { settings.identity.birthDate = $0 }))
                TextField("Patient number", text: Binding(
                    get: { settings.identity.identifier }, set: { settings.identity.identifier = $0 }))
                TextField("Given by (clinic)", text: Binding(
                    get: { settings.identity.issuer }, set: { settings.identity.issuer = $0 }))
            }
            Section("Quiet hours") {
                DatePicker("From", selection: $quietStart, displayedComponents: .hourAndMinute)
                DatePicker("To", selection: $quietEnd, displayedComponents: .hourAndMinute)
                Button("Set quiet hours") {
                    let start = Calendar.current.dateComponents([.hour, .minute], from: quietStart)
                    let end = Calendar.current.dateComponents([.hour, .minute], from: quietEnd)
                    Task {
                        await settings.setQuietHours(from: (start.hour ?? 0, start.minute ?? 0), to: (end.hour ?? 0, end.minute ?? 0))
                        await app.afterChange(now: .now())
                    }
                }
                if settings.quietHours != nil {
                    Button("Turn off") { Task { await settings.setQuietHours(from: nil, to: nil); await app.afterChange(now: .now()) } }
                }
            }
            Section("Care plan from your dermatologist") {
                TextField("Set by", text: Binding(get: { settings.carePlanDraft.setBy }, set: { settings.carePlanDraft.setBy = $0 }))
                ForEach(Choices.regions, id: \.self) { region in
                    Stepper("\(label(region)) rest: \(settings.carePlanDraft.restDays[region].map { "\($0) days" } ?? "default")",
                            onIncrement: { settings.carePlanDraft.restDays[region, default: 0] += 1 },
                            onDecrement: {
                                let days = settings.carePlanDraft.restDays[region] ?? 0
                                settings.carePlanDraft.restDays[region] = days > 1 ? days - 1 : nil
                            })
                }
                Button("Save care plan") { Task { await settings.saveCarePlan(now: .now()); await app.afterChange(now: .now()) } }
            }
            FailureText(failure: settings.failure)
        }
        .navigationTitle("Settings")
        .task { await settings.load() }
    }
}
