/// A plan version in the JSON catalog format (`Docs/catalog-format.md`), one plan of `"plans"`.
///
/// Storage keeps plans in this form, canonically serialised: the same plan always gives the same text and
/// hash, the stored text reads back through the same parser that checks imported files, and a tenant's
/// export holds plans in the documented format.
extension Plan {
    package var catalogJSON: JSONValue {
        var members: [String: JSONValue] = [
            "key": .string(key.rawValue),
            "name": .string(name),
            "programmes": .array(programmes.map { .string($0.rawValue) }),
            "version": .int(version),
            "effectiveFrom": .day(effectiveFrom),
            "sample": .bool(isSample),
            "objectives": .array(objectives.map(\.catalogJSON)),
        ]
        if let note { members["note"] = .string(note) }
        return .object(members)
    }
}

extension LearningObjective {
    package var catalogJSON: JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(id.rawValue),
            "title": .string(title),
            "description": .string(description),
            "theme": .string(theme),
            "activities": .array(
                activities.map { activity in
                    .object([
                        "type": .string(activity.type.rawValue), "title": .string(activity.title),
                        "signer": .string(activity.signer.rawValue),
                    ])
                }),
        ]
        if let note { members["note"] = .string(note) }
        return .object(members)
    }
}
