import struct Foundation.Data

/// The CSV catalog: one row per recommended activity, with the plan and objective values repeated on each
/// row (see `Docs/catalog-format.md`). Repetition keeps the file editable in a spreadsheet; the price is that
/// repeated values must agree, which is checked row by row.
extension CatalogImport {
    package static let csvRequiredColumns = [
        "plan_key", "plan_name", "programmes", "plan_version", "effective_from", "sample", "objective_id",
        "objective_title", "objective_description", "objective_theme", "activity_type", "activity_title",
        "activity_signer",
    ]
    package static let csvOptionalColumns = ["plan_note", "objective_note"]

    package static func parseCSV(_ data: Data) throws(CatalogImportFailure) -> [Plan] {
        let bytes = try utf8Bytes(data)
        let records: [CSVRecords.Record]
        do throws(CatalogImportError) { records = try CSVRecords(bytes).records } catch {
            throw CatalogImportFailure(errors: [error])
        }
        guard let headerRecord = records.first else {
            throw CatalogImportFailure(errors: [CatalogImportError(line: nil, field: "file", reason: .noPlans)])
        }
        let columns = try columnIndex(headerRecord)
        var errors: [CatalogImportError] = []
        var groups: [Group] = []
        var groupIndex: [PlanReference: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == headerRecord.fields.count else {
                errors.append(
                    CatalogImportError(
                        line: record.line, field: "csv",
                        reason: .malformed("has \(record.fields.count) fields, the header has \(headerRecord.fields.count)")
                    ))
                continue
            }
            let row = Row(record: record, columns: columns)
            let header = planHeader(row, errors: &errors)
            let objective = objectiveDraft(row, errors: &errors)
            let activity = recommendedActivity(row, errors: &errors)
            guard let header else { continue }
            let position: Int
            if let existing = groupIndex[header.reference] {
                position = existing
                compare(header, with: groups[position].header, row: row, errors: &errors)
            } else {
                position = groups.count
                groupIndex[header.reference] = position
                groups.append(Group(line: row.line, header: header))
            }
            guard let objective else { continue }
            groups[position].add(objective, activity: activity, line: row.line, errors: &errors)
        }
        if groups.isEmpty && errors.isEmpty {
            errors.append(CatalogImportError(line: nil, field: "file", reason: .noPlans))
        }
        let entries = groups.map { group in
            (line: Optional(group.line), header: group.header, objectives: group.objectives)
        }
        let plans = checkPlans(entries, field: { _ in "plan_key" }, errors: &errors)
        guard errors.isEmpty else { throw CatalogImportFailure(errors: errors) }
        return plans
    }

    /// Column name → position. Header problems stop the import at once: without the columns no row can be read.
    private static func columnIndex(_ header: CSVRecords.Record) throws(CatalogImportFailure) -> [String: Int] {
        var errors: [CatalogImportError] = []
        var columns: [String: Int] = [:]
        let known = Set(csvRequiredColumns + csvOptionalColumns)
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingWhitespace()
            if !known.contains(name) {
                errors.append(CatalogImportError(line: header.line, field: name.isEmpty ? "header" : name, reason: .unknownField))
            } else if columns[name] != nil {
                errors.append(CatalogImportError(line: header.line, field: name, reason: .badValue("column appears twice")))
            } else {
                columns[name] = position
            }
        }
        for name in csvRequiredColumns where columns[name] == nil {
            errors.append(CatalogImportError(line: header.line, field: name, reason: .missing))
        }
        guard errors.isEmpty else { throw CatalogImportFailure(errors: errors) }
        return columns
    }

    private struct Row {
        let record: CSVRecords.Record
        let columns: [String: Int]

        var line: Int { record.line }

        subscript(_ column: String) -> String {
            columns[column].map { record.fields[$0] } ?? ""
        }
    }

    /// The rows of one plan version, gathered in file order.
    private struct Group {
        let line: Int
        let header: PlanHeader
        var objectives: [LearningObjective] = []
        var positions: [ObjectiveID: Int] = [:]

        /// A row continues the objective of the row before it (another activity) or starts a new one; an
        /// objective that comes back after another has started is a duplicate.
        mutating func add(
            _ draft: LearningObjective, activity: RecommendedActivity?, line: Int, errors: inout [CatalogImportError]
        ) {
            if let previous = objectives.last, previous.id == draft.id {
                for (column, same) in [
                    ("objective_title", previous.title == draft.title),
                    ("objective_description", previous.description == draft.description),
                    ("objective_theme", previous.theme == draft.theme),
                    ("objective_note", previous.note == draft.note),
                ] where !same {
                    errors.append(CatalogImportError(line: line, field: column, reason: .inconsistentObjective(draft.id)))
                }
                if let activity {
                    objectives[objectives.count - 1] = LearningObjective(
                        id: previous.id, title: previous.title, description: previous.description,
                        theme: previous.theme, note: previous.note, activities: previous.activities + [activity])
                }
                return
            }
            guard positions[draft.id] == nil else {
                errors.append(CatalogImportError(line: line, field: "objective_id", reason: .duplicateObjective(draft.id)))
                return
            }
            positions[draft.id] = objectives.count
            objectives.append(
                LearningObjective(
                    id: draft.id, title: draft.title, description: draft.description, theme: draft.theme,
                    note: draft.note, activities: activity.map { [$0] } ?? []))
        }
    }

    private static func planHeader(_ row: Row, errors: inout [CatalogImportError]) -> PlanHeader? {
        let line = row.line
        let key = planKey(row["plan_key"], line: line, field: "plan_key", errors: &errors)
        let name = text(row["plan_name"], line: line, field: "plan_name", max: maxNameLength, required: true, errors: &errors)
        let programmes = programmes(
            row["programmes"].split(separator: ";").map(String.init), line: line, field: "programmes", errors: &errors)
        let version = version(row["plan_version"], line: line, field: "plan_version", errors: &errors)
        let effectiveFrom = date(row["effective_from"], line: line, field: "effective_from", errors: &errors)
        let isSample: Bool?
        switch row["sample"].trimmingWhitespace() {
        case "true": isSample = true
        case "false", "": isSample = false
        default:
            errors.append(CatalogImportError(line: line, field: "sample", reason: .badValue("must be true or false")))
            isSample = nil
        }
        let note = text(row["plan_note"], line: line, field: "plan_note", max: maxNoteLength, required: false, errors: &errors)
        guard let key, let name, let programmes, let version, let effectiveFrom, let isSample, let note else { return nil }
        return PlanHeader(
            key: key, name: name, programmes: programmes, version: version, effectiveFrom: effectiveFrom,
            isSample: isSample, note: note.isEmpty ? nil : note)
    }

    private static func compare(_ header: PlanHeader, with first: PlanHeader, row: Row, errors: inout [CatalogImportError]) {
        for (column, same) in [
            ("plan_name", header.name == first.name), ("programmes", header.programmes == first.programmes),
            ("effective_from", header.effectiveFrom == first.effectiveFrom), ("sample", header.isSample == first.isSample),
            ("plan_note", header.note == first.note),
        ] where !same {
            errors.append(CatalogImportError(line: row.line, field: column, reason: .inconsistentPlan(header.reference)))
        }
    }

    private static func objectiveDraft(_ row: Row, errors: inout [CatalogImportError]) -> LearningObjective? {
        let line = row.line
        let id = objectiveID(row["objective_id"], line: line, field: "objective_id", errors: &errors)
        let title = text(
            row["objective_title"], line: line, field: "objective_title", max: maxTitleLength, required: true,
            errors: &errors)
        let description = text(
            row["objective_description"], line: line, field: "objective_description", max: maxDescriptionLength,
            required: false, errors: &errors)
        let theme = text(
            row["objective_theme"], line: line, field: "objective_theme", max: maxThemeLength, required: true,
            errors: &errors)
        let note = text(
            row["objective_note"], line: line, field: "objective_note", max: maxNoteLength, required: false,
            errors: &errors)
        guard let id else { return nil }
        // Invalid fields were recorded; a placeholder keeps the objective in place for duplicate checks.
        return LearningObjective(
            id: id, title: title ?? "", description: description ?? "", theme: theme ?? "",
            note: note.flatMap { $0.isEmpty ? nil : $0 }, activities: [])
    }

    /// Nil when all three activity columns are empty: an objective may be listed without recommendations
    /// (supervision is always implied).
    private static func recommendedActivity(_ row: Row, errors: inout [CatalogImportError]) -> RecommendedActivity? {
        let line = row.line
        let raw = (row["activity_type"], row["activity_title"], row["activity_signer"])
        guard ![raw.0, raw.1, raw.2].allSatisfy({ $0.trimmingWhitespace().isEmpty }) else { return nil }
        let type = activityType(raw.0, line: line, field: "activity_type", errors: &errors)
        let title = text(raw.1, line: line, field: "activity_title", max: maxTitleLength, required: true, errors: &errors)
        let signer = signer(raw.2, line: line, field: "activity_signer", errors: &errors)
        guard let type, let title, let signer else { return nil }
        return RecommendedActivity(type: type, title: title, signer: signer)
    }
}
