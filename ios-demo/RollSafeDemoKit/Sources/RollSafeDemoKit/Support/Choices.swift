// The choices the screens offer, in display order. The generated enums are
// not CaseIterable, so the lists are written out once here; a test checks
// that each list has every case once.
import RollSafe

/// The values a screen offers for each closed list, in display order.
public enum Choices {
    /// Body zones, face first.
    public static let zones: [BodyZone] = [
        .forehead, .cheeks, .nose, .chin, .upperLip, .jawline, .neck, .scalp, .decolletage, .abdomen,
        .back, .arms, .buttocks, .thighs, .legs,
    ]

    /// Symptom chips, the common expected ones first.
    public static let symptoms: [Symptom] = [
        .redness, .swelling, .pain, .itching, .burning, .warmth, .peeling, .crusting, .bumps, .pus,
        .spreadingRedness, .blisters, .darkening, .fever, .feelingUnwell, .visionChange,
    ]

    /// How the skin compares with before, worst first.
    public static let trends: [SymptomTrend] = [.worse, .same, .better]

    /// Cleaning methods, the recommended one first.
    public static let cleaningMethods: [CleaningMethod] = [.isopropylSoak, .otherAlcoholSoak, .soapAndWater, .other]

    /// Device kinds.
    public static let deviceKinds: [DeviceKind] = [.roller, .stamp, .pen, .scalpRoller, .other]

    /// Needle materials.
    public static let materials: [NeedleMaterial] = [.titanium, .stainlessSteel, .unknown]

    /// Fitzpatrick skin types I to VI.
    public static let skinTypes: [SkinType] = [.i, .ii, .iii, .iv, .v, .vi]

    /// The conditions the profile asks about.
    public static let conditions: [Condition] = [
        .keloidScarring, .coldSores, .inflammatorySkinDisease, .diabetes, .immunosuppression, .bleedingRisk,
        .isotretinoin, .pregnancy, .nickelAllergy,
    ]

    /// Product categories.
    public static let productCategories: [ProductCategory] = [
        .hyaluronicAcid, .peptides, .growthFactors, .minoxidil, .retinoid, .vitaminC, .ahaBha, .numbingCream,
        .fragrance, .other,
    ]

    /// Body regions, for care-plan rests.
    public static let regions: [BodyRegion] = [.face, .scalp, .body]

    /// Paper sizes for the PDF report, the international one first.
    public static let papers: [Paper] = [.a4, .usLetter]
}
