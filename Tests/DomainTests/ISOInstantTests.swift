import Domain
import Foundation
import Testing

@Suite struct ISOInstantTests {
    static let whole = Date.ISO8601FormatStyle()
    static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    @Test(arguments: [0, 1_795_000_000.9995, 1_795_000_000.0006, -0.0004, -86_400.5, 951_782_400, 4_102_444_799.999])
    func theTextIsFoundationsTextForTheseInstants(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(ISOInstant.text(date) == Self.whole.format(date))
        #expect(ISOInstant.text(date, milliseconds: true) == Self.fractional.format(date))
    }

    @Test func theTextIsFoundationsTextForTenThousandInstantsWithTheirFractions() {
        var generator = SystemRandomNumberGenerator()
        var differing: [Double] = []
        for _ in 0..<10_000 {
            let seconds = Double.random(in: -1_000_000_000..<4_102_444_800, using: &generator)
            let date = Date(timeIntervalSince1970: seconds)
            if ISOInstant.text(date) != Self.whole.format(date)
                || ISOInstant.text(date, milliseconds: true) != Self.fractional.format(date)
            {
                differing.append(seconds)
            }
        }
        #expect(differing.count == 0, "first: \(differing.prefix(3))")
    }
}
