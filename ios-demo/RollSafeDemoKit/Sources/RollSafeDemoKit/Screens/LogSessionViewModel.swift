// Log a session: the user picks the device, zones and products and answers
// the pre-checks; the core's verdict is shown before saving; blockers can be
// overridden only by acknowledging each one explicitly, and the core checks
// that again when recording.
import Foundation
import RollSafe

/// The state of the Log a session screen.
@MainActor
public final class LogSessionViewModel: ScreenModel {
    /// Called after every change.
    public let changes = ChangeNotifier()
    private let client: RollSafeClient

    /// The devices that can be chosen (not retired).
    public private(set) var devices: [Device] = []
    /// The chosen device's id.
    public var deviceId: String? { didSet { inputChanged() } }
    /// The zones to treat, in the order chosen.
    public private(set) var zones: [BodyZone] = []
    /// The needle length for an adjustable pen; nil uses the device's length.
    public var needleLengthMm: Double? { didSet { inputChanged() } }
    /// Products applied before and after.
    public private(set) var products: [Product] = []
    /// The pre-check answers.
    public var preChecks = PreCheckAnswers() { didSet { inputChanged() } }
    /// Passes over each zone, if counted.
    public var passes: UInt32? { didSet { changes.send() } }
    /// Pain felt, 0 to 10, if given.
    public var pain: UInt8? { didSet { changes.send() } }
    /// Free-text notes.
    public var notes = "" { didSet { changes.send() } }

    /// The core's verdict on the plan as entered; nil until checked, and cleared when an input
    /// changes (a verdict is only shown for the plan it was computed for).
    public private(set) var verdict: SessionVerdict?
    /// Codes of the blockers the user acknowledged for the verdict shown; cleared with it.
    public private(set) var acknowledgedBlockers: Set<String> = []
    /// The session saved, with the verdict it was recorded under and the alerts it raised.
    public private(set) var recorded: RecordedSession?
    /// The last failure, to show.
    public private(set) var failure: RollSafeFailure?

    /// A Log a session screen over `client`.
    ///
    /// - Parameter client: the log.
    public init(client: RollSafeClient) {
        self.client = client
    }

    /// The plan as the core takes it, or nil while the device, a zone or a pre-check answer is
    /// missing.
    public var plan: SessionPlan? {
        guard let deviceId, !zones.isEmpty, let checks = preChecks.preChecks else { return nil }
        return SessionPlan(
            deviceId: deviceId, zones: zones, needleLengthMm: needleLengthMm, products: products, preChecks: checks)
    }

    /// The verdict's findings to acknowledge before saving: the blockers (an override) and the
    /// cautions (the session may go ahead once the user has read them). The core keeps every
    /// acknowledgement with the session.
    public var blockers: [Finding] { verdict?.findings.filter { $0.severity != .warning } ?? [] }
    /// The verdict's warnings.
    public var warnings: [Finding] { verdict?.findings.filter { $0.severity == .warning } ?? [] }

    /// True when saving is possible: a verdict is shown, and the user acknowledged every blocker
    /// and caution it has. The core checks again when recording.
    public var canSave: Bool {
        guard verdict != nil else { return false }
        return Set(blockers.map(\.code)).isSubset(of: acknowledgedBlockers)
    }

    /// True when saving would override blockers the user acknowledged.
    public var isOverride: Bool { verdict?.allowed == false && canSave }

    /// Loads the devices that can be chosen.
    public func load() async {
        do {
            devices = try await client.devices().filter { $0.retiredAt == nil }
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// Adds or removes a zone.
    ///
    /// - Parameter zone: the zone tapped.
    public func toggle(_ zone: BodyZone) {
        if let index = zones.firstIndex(of: zone) { zones.remove(at: index) } else { zones.append(zone) }
        inputChanged()
    }

    /// Adds a product.
    ///
    /// - Parameters:
    ///   - name: its name as the user calls it.
    ///   - timing: before or after needling.
    ///   - categories: what it contains, as far as the rules care.
    public func addProduct(name: String, timing: ProductTiming, categories: [ProductCategory]) {
        products.append(Product(name: name, timing: timing, categories: categories))
        inputChanged()
    }

    /// Removes the product at `index` (ignored when out of range).
    ///
    /// - Parameter index: its position in `products`.
    public func removeProduct(at index: Int) {
        guard products.indices.contains(index) else { return }
        products.remove(at: index)
        inputChanged()
    }

    /// Asks the core for the verdict on the plan at `at` (the session's time, usually now).
    ///
    /// - Parameter at: when the session takes place.
    public func check(at: Moment) async {
        guard let plan else {
            failure = .invalidInput(field: "plan", reason: "choose a device and a zone and answer every pre-check")
            changes.send()
            return
        }
        do {
            let verdict = try await client.checkSession(plan, now: at)
            guard plan == self.plan else { return }  // the inputs changed while the core was asked
            self.verdict = verdict
            acknowledgedBlockers = []
            failure = nil
        } catch {
            failure = .from(error)
        }
        changes.send()
    }

    /// Marks a blocker acknowledged (or not): the user read it and chooses to go ahead anyway.
    ///
    /// - Parameters:
    ///   - code: the blocker's code, from `blockers`.
    ///   - acknowledged: true to acknowledge it, false to withdraw.
    public func setAcknowledged(_ code: String, _ acknowledged: Bool) {
        guard blockers.contains(where: { $0.code == code }) else { return }
        if acknowledged { acknowledgedBlockers.insert(code) } else { acknowledgedBlockers.remove(code) }
        changes.send()
    }

    /// Records the session. When the core refuses it (a blocker not acknowledged, for example
    /// because the log changed since the check), the verdict is checked again and shown.
    ///
    /// - Parameters:
    ///   - at: when the session took place.
    ///   - now: the current moment.
    /// - Returns: true when it was recorded.
    @discardableResult
    public func save(at: Moment, now: Moment) async -> Bool {
        guard canSave, let plan else { return false }
        let session = NewSession(
            plan: plan, at: at, passes: passes, pain: pain, notes: notes.isEmpty ? nil : notes)
        do {
            recorded = try await client.recordSession(
                session, acknowledgedBlockers: acknowledgedBlockers.sorted(), now: now)
            failure = nil
            changes.send()
            return true
        } catch {
            let failure = RollSafeFailure.from(error)
            if case .sessionBlocked = failure { await check(at: at) }
            self.failure = failure
            changes.send()
            return false
        }
    }

    /// Clears the form for the next session, keeping the device list.
    public func reset() {
        deviceId = nil
        zones = []
        needleLengthMm = nil
        products = []
        preChecks = PreCheckAnswers()
        passes = nil
        pain = nil
        notes = ""
        recorded = nil
        failure = nil
        inputChanged()
    }

    private func inputChanged() {
        verdict = nil
        acknowledgedBlockers = []
        changes.send()
    }
}
