import Domain
import Foundation
import Testing

@testable import Storage

@Suite struct LearningActivityHistoryTextTests {
    typealias Event = LearningActivityRecord.Event

    /// Texts that exercise every escape: quotes, backslash, slashes (left as they are in storage), each control
    /// character, non-ASCII letters, an emoji and the line separators JavaScript treats as line ends.
    static let awkward = [
        "", "Godkjent / signert", #"sitat "i" anførsel \ skråstrek"#, "æøå ÆØÅ", "🩺 vakt",
        "linje\u{2028}skift\u{2029}",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}",
    ]

    static let instants = [
        Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_764_934_567.891),
        Date(timeIntervalSince1970: 1_764_934_567.0005), Date(timeIntervalSince1970: 4_102_444_799.999),
    ]

    @Test func theHistoryIsWrittenByteForByteAsTheJSONEncoderWritesIt() throws {
        var events: [Event] = []
        for (index, text) in Self.awkward.enumerated() {
            let at = Self.instants[index % Self.instants.count]
            events.append(Event(kind: "recorded", by: "ab12cd", at: at, to: nil, role: nil, comment: nil))
            events.append(Event(kind: "submitted", by: text, at: at, to: "ef34", role: "veileder", comment: nil))
            events.append(Event(kind: "rejected", by: "ab12cd", at: at, to: nil, role: nil, comment: text))
            events.append(Event(kind: text, by: "x", at: at, to: text, role: text, comment: text))
        }
        for count in [0, 1, 2, events.count] {
            let slice = Array(events.prefix(count))
            #expect(LearningActivityRecord.historyText(slice) == (try TrainingJSON.encode(slice)))
        }
    }

    @Test func aWrittenHistoryReadsBackAsTheSameEvents() throws {
        let events = [
            Event(kind: "recorded", by: "ab12", at: Self.instants[1], to: nil, role: nil, comment: nil),
            Event(
                kind: "rejected", by: "cd34", at: Self.instants[2], to: nil, role: nil, comment: "Mangler / \"dato\""),
        ]
        let read = try TrainingJSON.decode(
            [Event].self, from: LearningActivityRecord.historyText(events), table: "learningActivity",
            column: "history")
        #expect(read.map(\.kind) == ["recorded", "rejected"])
        #expect(read.map(\.comment) == [nil, "Mangler / \"dato\""])
        #expect(read.map(\.by) == ["ab12", "cd34"])
        // Stored to the millisecond: the instants read back are the ones written, to that precision.
        #expect(
            read.map { ISOInstant.text($0.at, milliseconds: true) }
                == events.map { ISOInstant.text($0.at, milliseconds: true) })
    }
}
