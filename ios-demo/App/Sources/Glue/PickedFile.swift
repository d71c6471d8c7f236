// Reads a file the user picked with the document picker (`fileImporter`):
// such a URL is security-scoped and must be opened for the read.
import Foundation

enum PickedFile {
    /// The bytes of the picked file at `url`.
    static func read(_ url: URL) throws -> Data {
        let scoped = url.startAccessingSecurityScopedResource()
        defer { if scoped { url.stopAccessingSecurityScopedResource() } }
        return try Data(contentsOf: url)
    }
}
