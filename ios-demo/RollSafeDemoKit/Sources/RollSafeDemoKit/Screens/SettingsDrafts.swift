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
