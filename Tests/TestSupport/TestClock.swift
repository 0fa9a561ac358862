import Foundation
import Synchronization

/// A clock a test can move forward; hand `{ clock.now }` to the code under test.
package final class TestClock: Sendable {
    private let value: Mutex<Date>

    package init(_ start: Date = Date()) { value = Mutex(start) }

    package var now: Date { value.withLock { $0 } }

    package func advance(by seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
