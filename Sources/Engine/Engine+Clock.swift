import Foundation

extension Engine {
    /// The engine's clock, for a door that dates what it hands out (the day a report was printed, a file's
    /// name): the same clock as the operations', so a test sees one time throughout.
    package var currentTime: Date { now() }
}
