// Two processes write one log on disk while this one opens and closes it over and over, as
// a widget or a share extension would while the app writes: every open succeeds, nothing is
// moved aside, and every write the writers saw committed is there. The writers are this
// test binary run again with ROLLSAFE_MP_WRITER naming the log, against the same library.
import Foundation
import RollSafe
import XCTest

final class MultiProcessTests: XCTestCase {
    private static let writerVariable = "ROLLSAFE_MP_WRITER"
    private let writesEach = 200

    /// In a child process only: records `writesEach` cleanings on a device of its own,
    /// printing each id once committed.
    func testChildWriter() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.writerVariable] else { return }
        let start = Date(timeIntervalSince1970: 1_772_355_600)  // 2026-03-01T09:00:00Z
        let store = try RollSafeStore.open(path: path)
        let device = try store.addDevice(
            device: NewDevice(kind: .roller, needleLengthMm: 0.25, material: .titanium, nickname: "Roller"),
            now: Moment(instant: start, utcOffsetSeconds: 3600)
        ).device
        var out = "device=\(device.id)\n"
        for i in 0..<writesEach {
            let at = Moment(instant: start.addingTimeInterval(Double(i + 1)), utcOffsetSeconds: 3600)
            let recorded = try store.recordCleaning(
                cleaning: NewCleaning(deviceId: device.id, at: at, method: .isopropylSoak, soakMinutes: 20),
                now: at)
            out += "id=\(recorded.cleaning.id)\n"
        }
        out += "state=done\n"
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }

    func testAnOpenerDuringTwoWritersMovesNothingAndLosesNothing() throws {
        if ProcessInfo.processInfo.environment[Self.writerVariable] != nil { return }
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("rollsafe-multi-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("rollsafe.sqlite3").path
        _ = try RollSafeStore.open(path: path)

        var environment = ProcessInfo.processInfo.environment
        environment[Self.writerVariable] = path
        let writers: [(Process, Pipe)] = try (0..<2).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["RollSafeTests.MultiProcessTests/testChildWriter"]
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            return (process, pipe)
        }
        var opens = 0
        let deadline = Date().addingTimeInterval(180)
        while writers.contains(where: { $0.0.isRunning }) {
            XCTAssertLessThan(Date(), deadline, "the writers did not finish")
            if Date() > deadline { break }
            let store = try RollSafeStore.open(path: path)
            _ = try store.devices()
            opens += 1
        }
        let outputs = writers.map { process, pipe -> [String] in
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "a writer failed")
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        XCTAssertGreaterThan(opens, 5, "the opener ran while the writers wrote")
        let aside = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".damaged-") }
        XCTAssertEqual(aside, [], "nothing was moved aside")
        let store = try RollSafeStore.open(path: path)
        for output in outputs {
            XCTAssertTrue(output.contains { $0.hasSuffix("state=done") }, "a writer finished")
            let device = try XCTUnwrap(output.first { $0.hasPrefix("device=") }).dropFirst("device=".count)
            let committed = output.compactMap { line in line.range(of: "id=").map { String(line[$0.upperBound...]) } }
                .filter { !$0.isEmpty }.sorted()
            XCTAssertEqual(committed.count, writesEach)
            XCTAssertEqual(committed, try store.cleanings(deviceId: String(device)).map(\.cleaning.id).sorted())
        }
    }
}
