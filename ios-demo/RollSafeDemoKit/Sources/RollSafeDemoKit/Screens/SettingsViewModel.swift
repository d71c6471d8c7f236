// Settings: the profile answers (skin type, conditions, and who the user is for the files
// they choose to sign), quiet hours for
// notifications, and the care plan from the user's dermatologist.
import Foundation
import RollSafe

/// The state of the Settings screen.
@MainActor
public final class SettingsViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// Fitzpatrick skin type, if known.
    public var skinType: SkinType? { didSet { changes.send() } }
    /// The answers given, by condition; a condition missing here is unanswered.
    public var answers: [Condition: ConditionDraft] = [:] { didSet { changes.send() } }
    /// The name, date of birth and patient number form.
    public var identity = IdentityDraft() { didSet { changes.send() } }
    /// The profile as last saved.
    public private(set) var profile: Profile?

    /// Quiet hours as saved; nil when off.
    public private(set) var quietHours: QuietHours?

    /// The care plan form.
    public var carePlanDraft = CarePlanDraft() { didSet { changes.send() } }
    /// The care plan in force.
    public private(set) var carePlan: CarePlan?

    /// The alerts the last save raised (also delivered through the alert stream).
    public private(set) var lastAlerts: [Alert] = []
    /// The last failure, to show; `failure?.field` names the field to mark.
    public private(set) var failure: RollSafeFailure?

    /// A Settings screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// Loads the saved profile, quiet hours and care plan into the forms.
    public func load() async {
        await perform {
            let profile = try await $0.run { try $0.profile() }
            self.profile = profile
            self.skinType = profile?.skinType
            self.answers = Dictionary(
                (profile?.answers ?? []).map { ($0.condition, ConditionDraft(present: $0.present, stoppedOn: $0.stoppedOn)) },
                uniquingKeysWith: { _, last in last })
            self.identity = profile.map { IdentityDraft($0.identity) } ?? IdentityDraft()
            self.quietHours = try await $0.run { try $0.quietHours() }
            let plan = try await $0.run { try $0.carePlan() }
            self.carePlan = plan
            self.carePlanDraft = plan.map(CarePlanDraft.init) ?? CarePlanDraft()
        }
    }

    /// Sets one answer.
    ///
    /// - Parameters:
    ///   - condition: the condition asked about.
    ///   - present: whether it applies.
    ///   - stoppedOn: for isotretinoin, the local date it was stopped.
    public func answer(_ condition: Condition, present: Bool, stoppedOn: CalendarDate? = nil) {
        answers[condition] = ConditionDraft(present: present, stoppedOn: stoppedOn)
    }

    /// Saves the profile: every answer shown counts as confirmed by the user at `now`. A date of
    /// birth not written `YYYY-MM-DD` saves nothing (`identity.birth_date`); the core checks
    /// the rest.
    ///
    /// - Parameter now: the current moment.
    public func saveProfile(now: Moment) async {
        guard let identity = identity.identity else {
            failure = .invalidInput(field: "identity.birth_date", reason: "write the date of birth as YYYY-MM-DD")
            changes.send()
            return
        }
        let update = ProfileUpdate(
            skinType: skinType,
            answers: Choices.conditions.compactMap { condition in
                answers[condition].map {
                    ConditionAnswer(condition: condition, present: $0.present, stoppedOn: $0.stoppedOn, confirmedAt: now)
                }
            },
            identity: identity)
        await perform {
            let saved = try await $0.saveProfile(update, now: now)
            self.profile = saved.profile
            self.lastAlerts = saved.alerts
        }
    }

    /// Sets quiet hours from local wall-clock times (a start after the end spans midnight), or
    /// turns them off with nil. The core moves reminders out of them.
    ///
    /// - Parameters:
    ///   - start: hour and minute the quiet time starts.
    ///   - end: hour and minute it ends.
    public func setQuietHours(from start: (hour: Int, minute: Int)?, to end: (hour: Int, minute: Int)?) async {
        var quiet: QuietHours?
        if let start, let end {
            guard let startMinute = UInt16(exactly: start.hour * 60 + start.minute),
                let endMinute = UInt16(exactly: end.hour * 60 + end.minute)
            else {
                failure = .invalidInput(field: "quiet_hours", reason: "a time of day is needed")
                changes.send()
                return
            }
            quiet = QuietHours(startMinute: startMinute, endMinute: endMinute)
        }
        let chosen = quiet
        await perform {
            try await $0.run { try $0.setQuietHours(quiet: chosen) }
            self.quietHours = try await $0.run { try $0.quietHours() }
        }
    }

    /// Saves the care plan in the form, in force from `now`.
    ///
    /// - Parameter now: the current moment.
    public func saveCarePlan(now: Moment) async {
        let plan = carePlanDraft.carePlan(setAt: now)
        await perform {
            let saved = try await $0.setCarePlan(plan, now: now)
            self.carePlan = saved.plan
            self.lastAlerts = saved.alerts
        }
    }

    private func perform(_ body: @MainActor (RollSafeClient) async throws -> Void) async {
        do {
            try await body(client)
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }
}
