import Domain
import Foundation
import OpenAPIRuntime

/// Dates on the wire as RFC 3339 (`2026-11-23T00:39:41Z`), written by `ISOInstant` (the text of Foundation's
/// `ISO8601FormatStyle`, by hand) rather than the ICU-backed `ISO8601DateFormatter` the generator uses by
/// default, which cost several percent of a small response in the benchmark; read with the format style.
struct ISO8601Transcoder: DateTranscoder {
    private static let style = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    func encode(_ date: Date) throws -> String {
        ISOInstant.text(date)
    }

    func decode(_ string: String) throws -> Date {
        if let date = try? Self.style.parse(string) { return date }
        return try Self.fractional.parse(string)
    }
}
