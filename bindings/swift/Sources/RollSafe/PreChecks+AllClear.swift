// The usual answer to the pre-session questions.
extension PreChecks {
    /// Every pre-check passed: device cleaned, skin clean, and no breakout, cold sore, open
    /// wound or sunburn. Only for when the user has actually answered so; never a default
    /// that skips asking.
    public static let allClear = PreChecks(
        deviceCleaned: true, skinClean: true, activeBreakout: false, coldSore: false, openWound: false,
        sunburn: false)

    /// True when every answer is the safe one (the same answers as `allClear`).
    public var isAllClear: Bool { self == .allClear }
}
