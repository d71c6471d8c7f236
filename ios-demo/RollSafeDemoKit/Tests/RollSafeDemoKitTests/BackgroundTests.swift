// Going to the background leaves the main database file whole: a backup that copies only
// that file (as the system may) restores every change made before, even while another
// connection (a widget's) keeps the log open.
import Foundation
import RollSafe
import RollSafeDemoKit
import XCTest

@MainActor
final class BackgroundTests: XCTestCase {
    func testAfterGoingToTheBackgroundTheMainFileAloneHoldsTheLog() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rollsafe-background-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rollsafe.sqlite3").path
        let app = AppModel(client: try await RollSafeClient.open(path: path), sink: RecordingSink())
        let widget = try await RollSafeClient.open(path: path)
        _ = try await app.client.addDevice(
            NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Face roller"),
            now: moment("2026-03-01T10:00:00+01:00"))

        let whole = await app.enterBackground()
        XCTAssertTrue(whole, "the checkpoint finished")

        let copyFolder = folder.appendingPathComponent("os-backup")
        try FileManager.default.createDirectory(at: copyFolder, withIntermediateDirectories: true)
        let copy = copyFolder.appendingPathComponent("rollsafe.sqlite3").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let restored = try await RollSafeClient.open(path: copy)
        let devices = try await restored.devices()
        XCTAssertEqual(devices.map(\.nickname), ["Face roller"])
        let seenByWidget = try await widget.devices()
        XCTAssertEqual(seenByWidget.count, 1)
    }
}
