import Foundation
import Testing

@testable import API

@Suite struct RandomUUIDTests {
    @Test func everyIDIsAVersionFourUUIDWithTheRFCVariant() {
        for _ in 0..<1000 {
            let text = RandomUUID.make().uuidString
            let characters = Array(text)
            #expect(characters[14] == "4")
            #expect("89AB".contains(characters[19]))
            #expect(UUID(uuidString: text) != nil)
        }
    }

    @Test func tenThousandIDsAreAllDifferentAndUseEveryRandomHexPosition() {
        let ids = (0..<10_000).map { _ in RandomUUID.make().uuidString }
        #expect(Set(ids).count == ids.count)
        // Each of the 30 hex positions that carry randomness takes more than one value over the ids (a byte
        // left at zero, or copied from another, would show here).
        let fixed: Set = [8, 13, 14, 18, 19, 23]
        let columns = ids.map { Array($0) }
        for position in 0..<36 where !fixed.contains(position) {
            #expect(Set(columns.map { $0[position] }).count > 8, "position \(position)")
        }
    }
}
