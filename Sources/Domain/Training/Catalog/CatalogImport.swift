import struct Foundation.Data

/// Reads plans from a catalog file (CSV or JSON, documented in `Docs/catalog-format.md`).
///
/// Parsing collects every problem with its line and field and throws them together: an import is
/// all-or-nothing, and whoever maintains the file should see the whole list at once. Whether a parsed plan
/// may then be stored is a separate decision (`reconcile`), because it depends on what is stored already.
package enum CatalogImport {
    package static let maxNameLength = 200
    package static let maxTitleLength = 300
    package static let maxDescriptionLength = 10_000
    package static let maxThemeLength = 200
    package static let maxNoteLength = 2_000

    /// The plan-level values that CSV repeats on every row and JSON gives once.
    struct PlanHeader: Equatable {
        let key: PlanKey
        let name: String
        let programmes: [Programme]
        let version: Int
        let effectiveFrom: CalendarDate
        let isSample: Bool
        let note: String?

        var reference: PlanReference { PlanReference(key: key, version: version) }
    }

    /// The bytes as UTF-8 text (a leading byte-order mark is dropped); anything else is refused rather than
    /// guessed, so that Norwegian letters never arrive mangled.
    static func utf8Bytes(_ data: Data) throws(CatalogImportFailure) -> [UInt8] {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw CatalogImportFailure(errors: [CatalogImportError(line: nil, field: "file", reason: .notUTF8)])
        }
        return bytes
    }

    /// Trimmed text; nil (with an error) when required and empty or too long. Optional and empty gives "".
    static func text(
        _ raw: String?, line: Int?, field: String, max: Int, required: Bool, errors: inout [CatalogImportError]
    ) -> String? {
        let value = (raw ?? "").trimmingWhitespace()
        if value.isEmpty {
            if required { errors.append(CatalogImportError(line: line, field: field, reason: .missing)) }
            return required ? nil : ""
        }
        guard value.count <= max else {
            errors.append(CatalogImportError(line: line, field: field, reason: .tooLong(max: max)))
            return nil
        }
        return value
    }

    static func planKey(_ raw: String, line: Int?, field: String, errors: inout [CatalogImportError]) -> PlanKey? {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else {
            errors.append(CatalogImportError(line: line, field: field, reason: .missing))
            return nil
        }
        do throws(ValidationError) {
            return try PlanKey(value, field: field)
        } catch {
            errors.append(CatalogImportError(line: line, field: field, reason: .badIdentifier(error.detail)))
            return nil
        }
    }

    static func objectiveID(_ raw: String, line: Int?, field: String, errors: inout [CatalogImportError])
        -> ObjectiveID?
    {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else {
            errors.append(CatalogImportError(line: line, field: field, reason: .missing))
            return nil
        }
        do throws(ValidationError) {
            return try ObjectiveID(value, field: field)
        } catch {
            errors.append(CatalogImportError(line: line, field: field, reason: .badIdentifier(error.detail)))
            return nil
        }
    }

    static func programmes(_ raw: [String], line: Int?, field: String, errors: inout [CatalogImportError])
        -> [Programme]?
    {
        let names = raw.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            errors.append(CatalogImportError(line: line, field: field, reason: .missing))
            return nil
        }
        var result: [Programme] = []
        var valid = true
        for name in names {
            guard let programme = Programme(rawValue: name) else {
                errors.append(CatalogImportError(line: line, field: field, reason: .unknownProgramme))
                valid = false
                continue
            }
            if !result.contains(programme) { result.append(programme) }
        }
        return valid ? result : nil
    }

    /// A version is a positive whole number written plainly (`3`, not `3.0` or `03`).
    static func version(_ raw: String, line: Int?, field: String, errors: inout [CatalogImportError]) -> Int? {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else {
            errors.append(CatalogImportError(line: line, field: field, reason: .missing))
            return nil
        }
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), value.first != "0", value.count <= 6,
            let number = Int(value)
        else {
            errors.append(CatalogImportError(line: line, field: field, reason: .badValue("must be a whole number from 1")))
            return nil
        }
        return number
    }

    static func date(_ raw: String, line: Int?, field: String, errors: inout [CatalogImportError]) -> CalendarDate? {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else {
            errors.append(CatalogImportError(line: line, field: field, reason: .missing))
            return nil
        }
        do throws(ValidationError) {
            return try CalendarDate(iso: value, field: field)
        } catch {
            errors.append(CatalogImportError(line: line, field: field, reason: .badDate))
            return nil
        }
    }

    static func activityType(_ raw: String, line: Int?, field: String, errors: inout [CatalogImportError])
        -> ActivityType?
    {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else {
            errors.append(CatalogImportError(line: line, field: field, reason: .missing))
            return nil
        }
        guard let type = ActivityType(rawValue: value) else {
            errors.append(CatalogImportError(line: line, field: field, reason: .unknownActivityType))
            return nil
        }
        return type
    }

    static func signer(_ raw: String, line: Int?, field: String, errors: inout [CatalogImportError])
        -> ActivitySigner?
    {
        let value = raw.trimmingWhitespace()
        guard !value.isEmpty else {
            errors.append(CatalogImportError(line: line, field: field, reason: .missing))
            return nil
        }
        guard let signer = ActivitySigner(rawValue: value) else {
            errors.append(CatalogImportError(line: line, field: field, reason: .unknownSigner))
            return nil
        }
        return signer
    }

    /// The checks that apply to a whole file, whatever its format: at least one plan, every plan with
    /// objectives, and each key and version only once.
    static func checkPlans(
        _ plans: [(line: Int?, header: PlanHeader, objectives: [LearningObjective])], field: (Int) -> String,
        errors: inout [CatalogImportError]
    ) -> [Plan] {
        var seen: Set<PlanReference> = []
        var result: [Plan] = []
        for (position, entry) in plans.enumerated() {
            let reference = entry.header.reference
            guard seen.insert(reference).inserted else {
                errors.append(CatalogImportError(line: entry.line, field: field(position), reason: .duplicatePlan(reference)))
                continue
            }
            guard !entry.objectives.isEmpty else {
                errors.append(CatalogImportError(line: entry.line, field: field(position), reason: .noObjectives(reference)))
                continue
            }
            let header = entry.header
            result.append(
                Plan(
                    key: header.key, name: header.name, programmes: header.programmes, version: header.version,
                    effectiveFrom: header.effectiveFrom, isSample: header.isSample, note: header.note,
                    objectives: entry.objectives))
        }
        return result
    }
}

extension CatalogImport {
    /// Parses a catalog file whatever its format: JSON when the first byte that is not white space (after
    /// a byte-order mark) is `{`, otherwise CSV. `kp catalog import` and the support API read files this way.
    package static func parse(_ data: Data) throws(CatalogImportFailure) -> [Plan] {
        try looksLikeJSON(data) ? parseJSON(data) : parseCSV(data)
    }

    package static func looksLikeJSON(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    }
}
