// A Rust panic must reach the app as a thrown error, not abort it: the debug
// library the suites load has one export (feature test-hooks) that panics on
// purpose, and the store keeps working afterwards.
import Foundation
import RollSafe
import XCTest

final class InternalErrorTests: XCTestCase {
    func testARustPanicArrivesAsAThrownErrorAndTheAppGoesOn() throws {
        XCTAssertThrowsError(try internalErrorForTests()) { error in
            XCTAssertFalse(error is RollSafeError, "an internal error is not one of the typed errors")
            XCTAssertTrue(
                "\(error.localizedDescription) \(error)".contains("deliberate panic"),
                "got \(error)")
        }
        // The process is alive and the library still answers.
        let store = try RollSafeStore.openInMemory()
        XCTAssertEqual(try store.devices(), [])
    }
}
