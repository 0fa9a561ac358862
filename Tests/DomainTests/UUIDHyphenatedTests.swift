import Domain
import Foundation
import Testing

@Suite struct UUIDHyphenatedTests {
    @Test func theLowercasedTextIsFoundationsTextLowercased() {
        for _ in 0..<5_000 {
            let uuid = UUID()
            #expect(uuid.lowercasedText == uuid.uuidString.lowercased())
            #expect(UUID(hyphenated: uuid.lowercasedText) == uuid)
        }
        let fixed = UUID(uuid: (0, 1, 0x0A, 0x7F, 0x80, 0x9B, 0xC0, 0xDE, 0xEF, 0xF0, 0x10, 0x23, 0x45, 0x67, 0x89, 0xFF))
        #expect(fixed.lowercasedText == "00010a7f-809b-c0de-eff0-1023456789ff")
    }

    @Test func itReadsEveryUUIDFoundationReadsAndTheSameValue() {
        for _ in 0..<5_000 {
            let uuid = UUID()
            #expect(UUID(hyphenated: uuid.uuidString) == uuid)
            #expect(UUID(hyphenated: uuid.uuidString.lowercased()) == uuid)
        }
    }

    @Test(arguments: [
        "", "1B4E28BA-2FA1-11D2-883F-0016D3CCA427 ", " 1B4E28BA-2FA1-11D2-883F-0016D3CCA427",
        "1B4E28BA2FA111D2883F0016D3CCA427", "1B4E28BA-2FA1-11D2-883F-0016D3CCA42", "1B4E28BA-2FA1-11D2-883F-0016D3CCA4277",
        "1B4E28BA_2FA1-11D2-883F-0016D3CCA427", "1B4E28BA-2FA1-11D2-883F-0016D3CCA42G", "{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}",
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "1B4E28BA-2FA1-11D2-883F+0016D3CCA427",
        "1B4E28BA-2FA1-11D2-883F-0016D3CCA4ø", "1B4E28BA-2FA1-11D2-883F-0016D3CC\u{0}427",
        "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "1B4E28BA-2FA1-11D2-883F-0016d3cca427",
    ])
    func itRefusesWhatFoundationRefusesAndReadsWhatItReads(_ text: String) {
        #expect(UUID(hyphenated: text) == UUID(uuidString: text))
    }

    @Test(arguments: ["1B4E28BA-2FA1--1D2-883F-0016D3CCA427", "+B4E28BA-2FA1-11D2-883F-0016D3CCA427", "1B4E28BA-2FA1-+1D2-883F-0016D3CCA427", "1B4E28BA-2FA1- 1D2-883F-0016D3CCA427"])
    func aSignOrASpaceInsideAGroupIsRefusedThoughFoundationOnLinuxReadsIt(_ text: String) {
        #expect(UUID(hyphenated: text) == nil)
    }

    @Test func randomTextsOfTheRightShapeGetFoundationsAnswer() {
        let alphabet = Array("0123456789abcdefABCDEFgG-+ x")
        var generator = SystemRandomNumberGenerator()
        var differing: [String] = []
        for _ in 0..<20_000 {
            var characters = (0..<36).map { _ in alphabet.randomElement(using: &generator)! }
            for hyphen in [8, 13, 18, 23] where Bool.random(using: &generator) || Bool.random(using: &generator) {
                characters[hyphen] = "-"
            }
            if Int.random(in: 0..<4, using: &generator) == 0 {
                characters = characters.map { "0123456789abcdefABCDEF".contains($0) ? $0 : "a" }
                for hyphen in [8, 13, 18, 23] { characters[hyphen] = "-" }
            }
            let text = String(characters)
            let canonical = characters.enumerated().allSatisfy { index, character in
                [8, 13, 18, 23].contains(index) ? character == "-" : character.isHexDigit
            }
            // Foundation's answer where the text is canonical; a refusal where it is not.
            if UUID(hyphenated: text) != (canonical ? UUID(uuidString: text) : nil) { differing.append(text) }
        }
        #expect(differing.count == 0, "first: \(differing.prefix(3))")
    }
}
