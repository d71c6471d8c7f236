// A Swift-style view of the generated `RollSafeError`: lowerCamel cases,
// readable descriptions, and the offending field at hand.
import Foundation

/// Why a RollSafe call failed, in Swift style. `RollSafeClient` throws this; the generated
/// `RollSafeStore` throws `RollSafeError`, which converts with `RollSafeFailure(_:)` or
/// `RollSafeError.failure`. The cases mirror `RollSafeError` one for one.
public enum RollSafeFailure: Error, Equatable, Hashable, Sendable {
    /// An argument is not acceptable; nothing was changed. `field` names it as the API spells it
    /// (for example `needle_length_mm`).
    case invalidInput(field: String, reason: String)
    /// The record an id refers to does not exist; `entity` is its kind, for example `device`.
    case notFound(entity: String, id: String)
    /// The file was written by a newer RollSafe and left untouched: update the app.
    case newerSchema(found: UInt32, supported: UInt32)
    /// The session is blocked by findings not acknowledged; nothing was recorded. Show
    /// `blockers`, and record again with their codes acknowledged only if the user agrees.
    case sessionBlocked(blockers: [Finding])
    /// The file was not a readable RollSafe database; it was moved aside, untouched, to `keptAt`.
    case fileDamaged(keptAt: String)
    /// The file cannot be read, but a connection holds it open, so it was left in place: another
    /// one (a widget, an extension) at open, or this store when a call met a damaged page (the
    /// next open then moves the file aside). Close the store and the other users and open again.
    case fileInUse
    /// The file was moved, deleted or replaced while the store had it open; nothing was
    /// written. Open the store again.
    case fileMoved
    /// The file is an SQLite database but not a RollSafe log; it was left untouched.
    case notALog(reason: String)
    /// The device's storage is full (or the store's size limit was reached); nothing changed.
    case storageFull
    /// The database file or its folder cannot be written; nothing changed.
    case readOnly
    /// A backup given to import is not valid, or clashes with the log; nothing changed. `path`
    /// points into the document (for example `$.sessions[3].versions[0].pain`).
    case importRejected(path: String, reason: String)
    /// The database or the file system failed; nothing changed. `detail` holds no personal data.
    case storage(detail: String)

    /// The Swift-style view of a generated `RollSafeError`.
    ///
    /// - Parameter error: the error a `RollSafeStore` call threw.
    public init(_ error: RollSafeError) {
        switch error {
        case let .InvalidInput(field, reason): self = .invalidInput(field: field, reason: reason)
        case let .NotFound(entity, id): self = .notFound(entity: entity, id: id)
        case let .NewerSchema(found, supported): self = .newerSchema(found: found, supported: supported)
        case let .SessionBlocked(blockers): self = .sessionBlocked(blockers: blockers)
        case let .FileDamaged(keptAt): self = .fileDamaged(keptAt: keptAt)
        case .FileInUse: self = .fileInUse
        case .FileMoved: self = .fileMoved
        case let .NotALog(reason): self = .notALog(reason: reason)
        case .StorageFull: self = .storageFull
        case .ReadOnly: self = .readOnly
        case let .ImportRejected(path, reason): self = .importRejected(path: path, reason: reason)
        case let .Storage(detail): self = .storage(detail: detail)
        }
    }

    /// The Swift-style view of any error a RollSafe call threw, or nil when it is not a
    /// `RollSafeError` (nor already a `RollSafeFailure`).
    ///
    /// - Parameter error: any thrown error.
    public init?(converting error: any Error) {
        if let failure = error as? RollSafeFailure {
            self = failure
        } else if let generated = error as? RollSafeError {
            self.init(generated)
        } else {
            return nil
        }
    }

    /// The offending field for `invalidInput`, as the API spells it; nil for every other case.
    public var field: String? {
        if case let .invalidInput(field, _) = self { return field }
        return nil
    }

    /// True for `invalidInput`.
    public var isInvalidInput: Bool { field != nil }

    /// The place in the document for `importRejected` (for example
    /// `$.sessions[3].versions[0].pain`); nil for every other case.
    public var importPath: String? {
        if case let .importRejected(path, _) = self { return path }
        return nil
    }

    /// The unacknowledged blockers for `sessionBlocked`; empty for every other case.
    public var blockers: [Finding] {
        if case let .sessionBlocked(blockers) = self { return blockers }
        return []
    }
}

extension RollSafeFailure: LocalizedError {
    /// A short English sentence for the failure, fit for a log or a developer alert. Apps
    /// should phrase their own text for users from the case.
    public var errorDescription: String? {
        switch self {
        case let .invalidInput(field, reason): return "Invalid \(field): \(reason)"
        case let .notFound(entity, id): return "No \(entity) with id \(id)."
        case let .newerSchema(found, supported):
            return "This log was written by a newer RollSafe (version \(found); this one reads up to \(supported))."
        case let .sessionBlocked(blockers):
            let messages = blockers.map(\.message).joined(separator: " ")
            return "The session is blocked. \(messages)".trimmingCharacters(in: .whitespaces)
        case let .fileDamaged(keptAt): return "The log file was damaged; it was kept at \(keptAt)."
        case .fileInUse: return "The log file cannot be read, and another part of the app has it open."
        case .fileMoved: return "The log file was moved or replaced while open; nothing was saved."
        case let .notALog(reason): return "This file is not a RollSafe log (\(reason))."
        case .storageFull: return "The device's storage is full."
        case .readOnly: return "The log cannot be written."
        case let .importRejected(path, reason): return "The backup is not valid at \(path): \(reason)"
        case let .storage(detail): return "Storage failed: \(detail)"
        }
    }

    /// What the user can do about it, when there is something.
    public var recoverySuggestion: String? {
        switch self {
        case .newerSchema: return "Update the app."
        case .sessionBlocked: return "Review each blocker before deciding to go ahead."
        case .fileDamaged: return "Share the kept file with support; a new, empty log was started."
        case .fileInUse: return "Close the app's widgets and other windows, then open the log again."
        case .fileMoved: return "Open the log again."
        case .notALog: return "Choose another file; this one was left untouched."
        case .storageFull: return "Free some space and try again."
        case .readOnly, .storage: return "Try again later."
        case .importRejected: return "Nothing was imported. Choose a RollSafe backup file, unchanged since it was made."
        case .invalidInput, .notFound: return nil
        }
    }
}

extension RollSafeError {
    /// The Swift-style view of this error.
    public var failure: RollSafeFailure { RollSafeFailure(self) }

    /// The offending field for `InvalidInput`, as the API spells it; nil for every other case.
    public var field: String? { failure.field }

    /// True for `InvalidInput`.
    public var isInvalidInput: Bool { failure.isInvalidInput }
}
