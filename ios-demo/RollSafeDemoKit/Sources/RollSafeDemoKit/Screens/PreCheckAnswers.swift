// The pre-session questions as the user answers them: each one starts
// unanswered, so the verdict is never computed from answers nobody gave.
import RollSafe

/// The user's answers to the six pre-session questions; nil until answered.
public struct PreCheckAnswers: Equatable, Sendable {
    /// "Did you clean the device right before this session?"
    public var deviceCleaned: Bool?
    /// "Is the skin washed and dry?"
    public var skinClean: Bool?
    /// "Is there an active breakout or flare on the area?"
    public var activeBreakout: Bool?
    /// "Is there an active cold sore?"
    public var coldSore: Bool?
    /// "Is there an open wound or broken skin on the area?"
    public var openWound: Bool?
    /// "Is the area sunburned?"
    public var sunburn: Bool?

    /// Every question unanswered.
    public init() {}

    /// True when every question has an answer.
    public var isComplete: Bool { preChecks != nil }

    /// The answers as the core takes them, or nil while one is missing.
    public var preChecks: PreChecks? {
        guard let deviceCleaned, let skinClean, let activeBreakout, let coldSore, let openWound, let sunburn
        else { return nil }
        return PreChecks(
            deviceCleaned: deviceCleaned, skinClean: skinClean, activeBreakout: activeBreakout, coldSore: coldSore,
            openWound: openWound, sunburn: sunburn)
    }
}
