import Domain
import Foundation

/// Checked identifiers reused across the rows of one read.
///
/// An overview reads thousands of rows in which the same few person keys, plan keys, objective ids and LIS
/// ids repeat; each distinct text is still validated (once), and every row after that reuses the value.
/// One per read, never shared: it is not thread-safe and holds nothing once the read returns.
final class ValueCache {
    private var uuids: [String: UUID] = [:]
    private var people: [String: PersonKey] = [:]
    private var planKeys: [String: PlanKey] = [:]
    private var objectives: [String: ObjectiveID] = [:]
    private var lists: [String: [PersonKey]] = [:]

    func uuid(_ text: String) -> UUID? {
        if let known = uuids[text] { return known }
        let value = UUID(hyphenated: text)
        uuids[text] = value
        return value
    }

    func person(_ hex: String) -> PersonKey? {
        if let known = people[hex] { return known }
        let value = try? PersonKey(hex: hex)
        people[hex] = value
        return value
    }

    func planKey(_ text: String) -> PlanKey? {
        if let known = planKeys[text] { return known }
        let value = try? PlanKey(text)
        planKeys[text] = value
        return value
    }

    func objective(_ text: String) -> ObjectiveID? {
        if let known = objectives[text] { return known }
        let value = try? ObjectiveID(text)
        objectives[text] = value
        return value
    }

    /// Comma-separated person keys (hex never contains a comma); nil when any of them is not a key.
    func people(_ text: String) -> [PersonKey]? {
        if let known = lists[text] { return known }
        let keys = text.split(separator: ",").map { person(String($0)) }
        guard !keys.contains(nil) else { return nil }
        let value = keys.compactMap { $0 }
        lists[text] = value
        return value
    }
}
