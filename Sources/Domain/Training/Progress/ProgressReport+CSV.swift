/// The progress report as CSV for the leder's own records: one row per objective.
extension ProgressReport {
    package static let csvHeader = "plan_key,plan_version,objective_id,objective_title,status,approved_on,approved_where"

    /// RFC 4180, LF line ends. `approved_on` is the UTC calendar date; `approved_where` is `here` or the
    /// source tenant and its organisation number.
    package func csv() -> String {
        var lines = [Self.csvHeader]
        for plan in plans {
            for line in plan.lines {
                let approvedOn = line.approval.map { CalendarDate($0.approvedAt).iso } ?? ""
                let approvedWhere: String =
                    switch line.approval {
                    case .local: "here"
                    case .imported(let imported): "\(imported.sourceTenant) (\(imported.organisationNumber))"
                    case nil: ""
                    }
                lines.append(
                    [
                        plan.plan.key.rawValue, String(plan.plan.version), line.objectiveID.rawValue, line.title,
                        line.status.rawValue, approvedOn, approvedWhere,
                    ].map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes when needed, and defuses text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first):
    /// titles come from imported catalogs and must not become commands on the leder's machine.
    package static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
