// Where shared files wait for the share sheet: a fresh folder per share under
// one parent in the temporary directory, removed as soon as the sheet closes
// (and at app start), because the files hold the user's health data.
import Foundation

/// Writes `SharedFile`s to a temporary folder for the share sheet, and removes them after.
public enum ShareFolder {
    /// Why files could not be written.
    public enum Failure: Error, Equatable, Sendable {
        /// A name is empty, `.` or `..`, or holds a path separator; nothing was written.
        case unsafeName(String)
        /// Two files have the same name; nothing was written.
        case duplicateName(String)
    }

    /// The folder every share folder goes under: `rollsafe-share` in `temporary`.
    ///
    /// - Parameter temporary: the temporary directory; `FileManager`'s by default.
    public static func root(in temporary: URL = FileManager.default.temporaryDirectory) -> URL {
        temporary.appendingPathComponent("rollsafe-share", isDirectory: true)
    }

    /// Writes `files` into a new folder under `root`, each under its own name, and returns their
    /// URLs in the same order. On iOS the files are protected while the device is locked.
    ///
    /// - Parameters:
    ///   - files: the files; names must be plain and distinct.
    ///   - root: the parent folder; `root()` by default.
    public static func write(_ files: [SharedFile], under root: URL = root()) throws -> [URL] {
        var seen = Set<String>()
        for file in files {
            let name = file.name
            guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\\"),
                !name.contains("\u{0}")
            else { throw Failure.unsafeName(name) }
            guard seen.insert(name).inserted else { throw Failure.duplicateName(name) }
        }
        let folder = root.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var options: Data.WritingOptions = [.atomic]
        #if os(iOS)
            options.insert(.completeFileProtection)
        #endif
        do {
            return try files.map { file in
                let url = folder.appendingPathComponent(file.name, isDirectory: false)
                try file.data.write(to: url, options: options)
                return url
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Removes every share folder under `root`; nothing happens when there is none.
    ///
    /// - Parameter root: the parent folder; `root()` by default.
    public static func removeAll(under root: URL = root()) throws {
        guard FileManager.default.fileExists(atPath: root.path) else { return }
        try FileManager.default.removeItem(at: root)
    }
}
