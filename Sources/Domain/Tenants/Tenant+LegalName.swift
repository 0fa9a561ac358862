import struct Foundation.Date

extension Tenant {
    /// The party as the agreement names it: the legal name, never the bare kommune name ("Oslo kommune", not
    /// "Oslo"). A kommune whose legal name support has not recorded reads as "<name> kommune".
    package var partyName: String {
        if let legalName { return legalName }
        return kind == .kommune ? "\(name) kommune" : name
    }

    /// Checks the legal name support gives for a kommune: a valid name that contains the registry's name for
    /// it, or one of its language forms ("Guovdageaidnu - Kautokeino" → "Kautokeino kommune" will do).
    package func checkedLegalName(_ raw: String) throws(ValidationError) -> String {
        let legal = try Tenant.validName(raw, field: "legalName")
        guard kind == .kommune else {
            throw ValidationError(
                field: "legalName", reason: .notAllowed("only a kommune has a legal name apart from its registered name"))
        }
        let forms = name.components(separatedBy: " - ").map { $0.trimmingWhitespace().lowercased() }
        guard forms.contains(where: { !$0.isEmpty && legal.lowercased().contains($0) }) else {
            throw ValidationError(field: "legalName", reason: .notAllowed("must contain the kommune's name, \(name)"))
        }
        return legal
    }

    /// The tenant with the legal name support recorded.
    package func withLegalName(_ legal: String, at now: Date) -> Tenant {
        var copy = self
        copy.legalName = legal
        copy.updatedAt = now
        return copy
    }
}
