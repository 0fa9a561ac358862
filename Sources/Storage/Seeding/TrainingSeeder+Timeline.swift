import Foundation

extension TrainingSeeder {
    /// Evenly spaced instants from `start` towards `end`; never past `end`, so nothing is dated in the future.
    struct Timeline {
        private var current: Date
        private let step: TimeInterval
        private let end: Date

        init(start: Date, end: Date, steps: Int) {
            self.current = start
            self.end = end
            self.step = max(1, end.timeIntervalSince(start) / Double(max(steps, 1)))
        }

        mutating func next() -> Date {
            current = min(current.addingTimeInterval(step), end)
            return current
        }
    }
}
