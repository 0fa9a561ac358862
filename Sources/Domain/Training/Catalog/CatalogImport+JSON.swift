import struct Foundation.Data

/// The JSON catalog: `{ "plans": [ { "key", "name", "programmes", "version", "effectiveFrom", "sample",
/// "note", "objectives": [ { "id", "title", "description", "theme", "note", "activities": [ { "type",
/// "title", "signer" } ] } ] } ] }`. Unknown fields are refused, so that a misspelt field is not silently
/// lost.
extension CatalogImport {
    package static func parseJSON(_ data: Data) throws(CatalogImportFailure) -> [Plan] {
        let bytes = try utf8Bytes(data)
        let root: JSONNode
        do throws(CatalogImportError) { root = try JSONNode.parse(bytes) } catch {
            throw CatalogImportFailure(errors: [error])
        }
        var errors: [CatalogImportError] = []
        let reader = ObjectReader(root, path: "", errors: &errors, allowed: ["plans", "note"])
        let planNodes = reader.array("plans", required: true, errors: &errors) ?? []
        if planNodes.isEmpty && errors.isEmpty {
            errors.append(CatalogImportError(line: root.line, field: "plans", reason: .noPlans))
        }
        var entries: [(line: Int?, header: PlanHeader, objectives: [LearningObjective])] = []
        for (index, node) in planNodes.enumerated() {
            if let entry = plan(node, path: "plans[\(index)]", errors: &errors) { entries.append(entry) }
        }
        let plans = checkPlans(entries, field: { "plans[\($0)]" }, errors: &errors)
        guard errors.isEmpty else { throw CatalogImportFailure(errors: errors) }
        return plans
    }

    private static func plan(_ node: JSONNode, path: String, errors: inout [CatalogImportError])
        -> (line: Int?, header: PlanHeader, objectives: [LearningObjective])?
    {
        let reader = ObjectReader(
            node, path: path, errors: &errors,
            allowed: ["key", "name", "programmes", "version", "effectiveFrom", "sample", "note", "objectives"])
        guard reader.isObject else { return nil }
        let key = reader.string("key", required: true, errors: &errors).flatMap {
            planKey($0, line: reader.line("key"), field: reader.path("key"), errors: &errors)
        }
        let name = reader.string("name", required: true, errors: &errors).flatMap {
            text(
                $0, line: reader.line("name"), field: reader.path("name"), max: maxNameLength, required: true, errors: &errors)
        }
        let programmeNames = reader.array("programmes", required: true, errors: &errors)?.enumerated().compactMap {
            index, element -> String? in
            guard case .string(let value) = element.kind else {
                errors.append(
                    CatalogImportError(
                        line: element.line, field: reader.path("programmes") + "[\(index)]",
                        reason: .wrongType(expected: "a string")))
                return nil
            }
            return value
        }
        let programmes = programmeNames.flatMap {
            Self.programmes($0, line: reader.line("programmes"), field: reader.path("programmes"), errors: &errors)
        }
        let version = reader.integer("version", errors: &errors)
        let effectiveFrom = reader.string("effectiveFrom", required: true, errors: &errors).flatMap {
            date($0, line: reader.line("effectiveFrom"), field: reader.path("effectiveFrom"), errors: &errors)
        }
        let isSample = reader.bool("sample", errors: &errors) ?? false
        let note = reader.string("note", required: false, errors: &errors).flatMap {
            text($0, line: reader.line("note"), field: reader.path("note"), max: maxNoteLength, required: false,
                errors: &errors)
        }
        let objectiveNodes = reader.array("objectives", required: true, errors: &errors)
        var objectives: [LearningObjective] = []
        var seen: Set<ObjectiveID> = []
        for (index, objectiveNode) in (objectiveNodes ?? []).enumerated() {
            let objectivePath = reader.path("objectives") + "[\(index)]"
            guard let objective = objective(objectiveNode, path: objectivePath, errors: &errors) else { continue }
            guard seen.insert(objective.id).inserted else {
                errors.append(
                    CatalogImportError(
                        line: objectiveNode.line, field: objectivePath + ".id", reason: .duplicateObjective(objective.id)))
                continue
            }
            objectives.append(objective)
        }
        guard let key, let name, let programmes, let version, let effectiveFrom, objectiveNodes != nil else {
            return nil
        }
        let header = PlanHeader(
            key: key, name: name, programmes: programmes, version: version, effectiveFrom: effectiveFrom,
            isSample: isSample, note: note.flatMap { $0.isEmpty ? nil : $0 })
        return (node.line, header, objectives)
    }

    private static func objective(_ node: JSONNode, path: String, errors: inout [CatalogImportError])
        -> LearningObjective?
    {
        let reader = ObjectReader(
            node, path: path, errors: &errors, allowed: ["id", "title", "description", "theme", "note", "activities"])
        guard reader.isObject else { return nil }
        let id = reader.string("id", required: true, errors: &errors).flatMap {
            objectiveID($0, line: reader.line("id"), field: reader.path("id"), errors: &errors)
        }
        let title = reader.string("title", required: true, errors: &errors).flatMap {
            text(
                $0, line: reader.line("title"), field: reader.path("title"), max: maxTitleLength, required: true, errors: &errors)
        }
        let description = text(
            reader.string("description", required: false, errors: &errors), line: reader.line("description"),
            field: reader.path("description"), max: maxDescriptionLength, required: false, errors: &errors)
        let theme = reader.string("theme", required: true, errors: &errors).flatMap {
            text(
                $0, line: reader.line("theme"), field: reader.path("theme"), max: maxThemeLength, required: true, errors: &errors)
        }
        let note = text(
            reader.string("note", required: false, errors: &errors), line: reader.line("note"),
            field: reader.path("note"), max: maxNoteLength, required: false, errors: &errors)
        var activities: [RecommendedActivity] = []
        var activitiesValid = true
        for (index, activityNode) in (reader.array("activities", required: false, errors: &errors) ?? []).enumerated() {
            if let activity = activity(activityNode, path: reader.path("activities") + "[\(index)]", errors: &errors) {
                activities.append(activity)
            } else {
                activitiesValid = false
            }
        }
        guard let id, let title, let description, let theme, let note, activitiesValid else { return nil }
        return LearningObjective(
            id: id, title: title, description: description, theme: theme, note: note.isEmpty ? nil : note,
            activities: activities)
    }

    private static func activity(_ node: JSONNode, path: String, errors: inout [CatalogImportError])
        -> RecommendedActivity?
    {
        let reader = ObjectReader(node, path: path, errors: &errors, allowed: ["type", "title", "signer"])
        guard reader.isObject else { return nil }
        let type = reader.string("type", required: true, errors: &errors).flatMap {
            activityType($0, line: reader.line("type"), field: reader.path("type"), errors: &errors)
        }
        let title = reader.string("title", required: true, errors: &errors).flatMap {
            text(
                $0, line: reader.line("title"), field: reader.path("title"), max: maxTitleLength, required: true, errors: &errors)
        }
        let signer = reader.string("signer", required: true, errors: &errors).flatMap {
            Self.signer($0, line: reader.line("signer"), field: reader.path("signer"), errors: &errors)
        }
        guard let type, let title, let signer else { return nil }
        return RecommendedActivity(type: type, title: title, signer: signer)
    }

    /// Typed access to one JSON object's members, recording a located error for every missing, misspelt or
    /// mistyped member.
    private struct ObjectReader {
        let node: JSONNode
        let prefix: String
        let members: [String: JSONNode]
        let isObject: Bool

        init(_ node: JSONNode, path: String, errors: inout [CatalogImportError], allowed: Set<String>) {
            self.node = node
            self.prefix = path.isEmpty ? "" : path + "."
            guard case .object(let list) = node.kind else {
                errors.append(
                    CatalogImportError(
                        line: node.line, field: path.isEmpty ? "json" : path, reason: .wrongType(expected: "an object")))
                self.members = [:]
                self.isObject = false
                return
            }
            var members: [String: JSONNode] = [:]
            for member in list {
                if !allowed.contains(member.key) {
                    errors.append(
                        CatalogImportError(line: member.value.line, field: prefix + member.key, reason: .unknownField))
                } else if members[member.key] != nil {
                    errors.append(
                        CatalogImportError(
                            line: member.value.line, field: prefix + member.key,
                            reason: .badValue("appears more than once")))
                } else {
                    members[member.key] = member.value
                }
            }
            self.members = members
            self.isObject = true
        }

        func path(_ key: String) -> String { prefix + key }

        func line(_ key: String) -> Int { members[key]?.line ?? node.line }

        /// The member, or nil: a missing required member and a null are both recorded as missing.
        private func member(_ key: String, required: Bool, errors: inout [CatalogImportError]) -> JSONNode? {
            guard let value = members[key], value.kind != .null else {
                if required { errors.append(CatalogImportError(line: node.line, field: path(key), reason: .missing)) }
                return nil
            }
            return value
        }

        func string(_ key: String, required: Bool, errors: inout [CatalogImportError]) -> String? {
            guard let value = member(key, required: required, errors: &errors) else { return nil }
            guard case .string(let text) = value.kind else {
                errors.append(CatalogImportError(line: value.line, field: path(key), reason: .wrongType(expected: "a string")))
                return nil
            }
            return text
        }

        func array(_ key: String, required: Bool, errors: inout [CatalogImportError]) -> [JSONNode]? {
            guard let value = member(key, required: required, errors: &errors) else { return nil }
            guard case .array(let elements) = value.kind else {
                errors.append(CatalogImportError(line: value.line, field: path(key), reason: .wrongType(expected: "an array")))
                return nil
            }
            return elements
        }

        func bool(_ key: String, errors: inout [CatalogImportError]) -> Bool? {
            guard let value = member(key, required: false, errors: &errors) else { return nil }
            guard case .bool(let flag) = value.kind else {
                errors.append(CatalogImportError(line: value.line, field: path(key), reason: .wrongType(expected: "true or false")))
                return nil
            }
            return flag
        }

        func integer(_ key: String, errors: inout [CatalogImportError]) -> Int? {
            guard let value = member(key, required: true, errors: &errors) else { return nil }
            guard case .number(let raw) = value.kind else {
                errors.append(CatalogImportError(line: value.line, field: path(key), reason: .wrongType(expected: "a number")))
                return nil
            }
            return version(raw, line: value.line, field: path(key), errors: &errors)
        }
    }
}
