/// HelseID's security level of a login (`helseid://claims/identity/security_level`): 3 or 4 for people.
package enum SecurityLevel: Int, Sendable, Comparable, Codable {
    case level2 = 2
    case level3 = 3
    case level4 = 4

    package static func < (lhs: SecurityLevel, rhs: SecurityLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
