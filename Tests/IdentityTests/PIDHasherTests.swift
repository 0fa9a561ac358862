import Domain
import Testing

@testable import Identity

@Suite struct PIDHasherTests {
    @Test func theSamePIDAndKeyGiveTheSamePersonKey() throws {
        let hasher = try PIDHasher(secret: Array(repeating: 1, count: 32))
        #expect(hasher.personKey(pid: "02013299997") == hasher.personKey(pid: "02013299997"))
        #expect(hasher.personKey(pid: "02013299997").hex.count == 64)
    }

    @Test func anotherKeyGivesAnotherPersonKey() throws {
        let first = try PIDHasher(secret: Array(repeating: 1, count: 32))
        let second = try PIDHasher(secret: Array(repeating: 2, count: 32))
        #expect(first.personKey(pid: "02013299997") != second.personKey(pid: "02013299997"))
        #expect(first.personKey(pid: "02013299997") != first.personKey(pid: "30108299920"))
    }

    @Test func aShortKeyIsRefused() {
        #expect(throws: IdentityConfigurationError.pidHashKeyTooShort) { try PIDHasher(secret: Array(repeating: 1, count: 31)) }
    }

    @Test func thePersonKeyDescriptionNeverShowsTheWholeHash() throws {
        let key = try PIDHasher(secret: Array(repeating: 1, count: 32)).personKey(pid: "02013299997")
        #expect(key.description.count == 11)
        #expect(key.hex.hasPrefix(String(key.description.dropFirst(3))))
    }
}
