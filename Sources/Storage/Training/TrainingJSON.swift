import Domain
import Foundation

/// The JSON inside training rows (histories, approvals, attachments): sorted keys so the same value always
/// gives the same text, and instants as ISO 8601 with milliseconds, the precision GRDB keeps for date
/// columns, so that a history entry and its row never disagree about when something happened.
enum TrainingJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOInstant.text(date, milliseconds: true))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes `text`; anything unreadable is reported as a corrupt `table.column`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, column: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let raw = try container.decode(String.self)
            guard let date = try? format.parse(raw) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 instant")
            }
            return date
        }
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError.corruptRow(table: table, column: column)
        }
    }

    private static let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
