extension JSONNode {
    /// Checks a parsed JSON request body before anything decodes it: no key twice in one object (a decoder
    /// would silently keep one value) and no forbidden control character in any key or text. The error
    /// names the field as a JSON path (`alternative.type`, `consultedSupervisors[1]`). Syntax (RFC 8259: no
    /// trailing comma, no comment) is `parse`'s part.
    package func checkRequestBody() throws(ValidationError) {
        try checkMembers(path: "")
    }

    private func checkMembers(path: String) throws(ValidationError) {
        switch kind {
        case .object(let members):
            var seen = Set<String>()
            for member in members {
                let field = path.isEmpty ? member.key : "\(path).\(member.key)"
                try TextRules.check(member.key, field: field)
                guard seen.insert(member.key).inserted else {
                    throw ValidationError(field: field, reason: .notAllowed("the key appears more than once"))
                }
                try member.value.checkMembers(path: field)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                try element.checkMembers(path: "\(path)[\(index)]")
            }
        case .string(let text):
            try TextRules.check(text, field: path.isEmpty ? "body" : path)
        case .number, .bool, .null:
            break
        }
    }
}
