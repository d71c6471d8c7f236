// The Settings forms as the user fills them in: profile answers and the care
// plan from the dermatologist. The core validates what is saved.
import RollSafe

/// The user's answer about one condition, as edited.
public struct ConditionDraft: Equatable, Sendable {
    /// Whether it applies.
    public var present: Bool
    /// For isotretinoin: the local date it was stopped; nil while still taken.
    public var stoppedOn: CalendarDate?

    /// An answer.
    ///
    /// - Parameters:
    ///   - present: whether it applies.
    ///   - stoppedOn: for isotretinoin, when it was stopped.
    public init(present: Bool, stoppedOn: CalendarDate? = nil) {
        self.present = present
        self.stoppedOn = stoppedOn
    }
}

/// Who the user is, as typed on the profile form; blank parts are not given. No rule reads it:
/// the files name the user only when the Share screen says so.
public struct IdentityDraft: Equatable, Sendable {
    /// The name as the user wants it on a report.
    public var name = ""
    /// The date of birth as typed, `YYYY-MM-DD`.
    public var birthDate = ""
    /// A patient number given by a clinic.
    public var identifier = ""
    /// Who gave the patient number.
    public var issuer = ""

    /// An empty form.
    public init() {}

    /// The form showing `identity` as saved.
    ///
    /// - Parameter identity: the identity of the saved profile.
    public init(_ identity: PatientIdentity) {
        name = identity.name ?? ""
        birthDate = identity.birthDate.map {
            String(format: "%04d-%02d-%02d", $0.year, $0.month, $0.day)
        } ?? ""
        identifier = identity.identifier ?? ""
        issuer = identity.identifierIssuer ?? ""
    }

    /// The identity to save, or nil when the date of birth is not written `YYYY-MM-DD`.
    public var identity: PatientIdentity? {
        func given(_ text: String) -> String? {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        var born: CalendarDate?
        if let text = given(birthDate) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                let year = Int32(parts[0]), let month = UInt32(parts[1]), let day = UInt32(parts[2])
            else { return nil }
            // The core checks that the date exists and lies between 1900 and today.
            born = CalendarDate(year: year, month: month, day: day)
        }
        return PatientIdentity(
            name: given(name), birthDate: born, identifier: given(identifier),
            identifierIssuer: given(issuer))
    }
}

/// A care plan as entered from what the dermatologist said.
public struct CarePlanDraft: Equatable, Sendable {
    /// Who set it, for example "Dr Amara Osei, dermatologist".
    public var setBy = ""
    /// Minimum rest in days per region, replacing the defaults where given.
    public var restDays: [BodyRegion: UInt32] = [:]
    /// The longest needle allowed in millimetres, per region; a region left out has no limit
    /// from the plan.
    public var maxNeedleMm: [BodyRegion: Double] = [:]
    /// The only zones allowed; empty means every zone.
    public var allowedZones: [BodyZone] = []
    /// Product categories to keep off needled skin.
    public var avoidProducts: [ProductCategory] = []
    /// Profile conditions the clinician reviewed and cleared for needling.
    public var clearedConditions: [Condition] = []

    /// An empty plan.
    public init() {}

    /// The draft filled from a saved plan.
    ///
    /// - Parameter plan: the plan in force.
    public init(_ plan: CarePlan) {
        setBy = plan.setBy
        restDays = Dictionary(plan.rest.map { ($0.region, $0.minRestDays) }, uniquingKeysWith: { _, last in last })
        maxNeedleMm = Dictionary(
            plan.maxNeedle.map { ($0.region, $0.maxNeedleLengthMm) }, uniquingKeysWith: { _, last in last })
        allowedZones = plan.allowedZones
        avoidProducts = plan.avoidProducts
        clearedConditions = plan.clearedConditions
    }

    /// The plan as the core takes it, set at `now`.
    ///
    /// - Parameter now: when it is set.
    public func carePlan(setAt now: Moment) -> CarePlan {
        CarePlan(
            setBy: setBy, setAt: now,
            rest: Choices.regions.compactMap { region in
                restDays[region].map { CarePlanRest(region: region, minRestDays: $0) }
            },
            maxNeedle: Choices.regions.compactMap { region in
                maxNeedleMm[region].map { CarePlanNeedleLimit(region: region, maxNeedleLengthMm: $0) }
            },
            allowedZones: allowedZones, avoidProducts: avoidProducts,
            clearedConditions: clearedConditions)
    }
}
