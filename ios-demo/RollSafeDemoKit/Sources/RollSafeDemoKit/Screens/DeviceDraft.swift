// The Add device form as the user fills it in; the core validates it.
import RollSafe

/// What the user has entered on the Add device form.
public struct DeviceDraft: Equatable, Sendable {
    /// The form of the device.
    public var kind: DeviceKind = .roller
    /// Needle length in millimetres (an adjustable pen's shortest setting).
    public var needleLengthMm: Double = 0.25
    /// An adjustable pen's longest setting.
    public var needleLengthMaxMm: Double?
    /// How many needles, if known.
    public var needleCount: UInt32?
    /// What the needles are made of.
    public var material: NeedleMaterial = .titanium
    /// The user's name for it.
    public var nickname = ""
    /// The brand, if known.
    public var brand = ""
    /// The local date of first use, if it was used before it was logged.
    public var firstUseDate: CalendarDate?
    /// True if someone else uses it too.
    public var shared = false

    /// An empty form: a 0.25 mm titanium roller.
    public init() {}

    /// The device as the core takes it; the core refuses bad values, naming the field.
    public var newDevice: NewDevice {
        NewDevice(
            kind: kind, needleLengthMm: needleLengthMm, needleLengthMaxMm: needleLengthMaxMm,
            needleCount: needleCount, material: material, nickname: nickname,
            brand: brand.isEmpty ? nil : brand, firstUseDate: firstUseDate, shared: shared)
    }
}
