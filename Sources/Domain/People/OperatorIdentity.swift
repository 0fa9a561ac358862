/// Who runs a `kp` command that changes something, recorded as the actor (`cli:NAME`) of each change in the
/// registry's events and audit log.
///
/// Audit entries are evidence, so outside the demo an operator must say who they are (`--operator NAME` or
/// `KP_OPERATOR`); a login name from `USER` is not enough, since it is often `root` or missing in the
/// containers and jobs operators run `kp` from. The demo falls back to `USER`, then `demo`.
package struct OperatorIdentity: Sendable, Equatable {
    package static let maxNameLength = 100
    /// The environment variable that names the operator when `--operator` is not given.
    package static let environmentVariable = "KP_OPERATOR"

    package let name: String

    package var actor: String { "cli:" + name }

    package init(name raw: String) throws(OperatorError) {
        let name = raw.trimmingWhitespace()
        guard !name.isEmpty else { throw .required }
        guard name.count <= Self.maxNameLength else {
            throw .invalid(ValidationError(field: "operator", reason: .tooLong(max: Self.maxNameLength)))
        }
        do throws(ValidationError) {
            try TextRules.check(name, field: "operator")
        } catch {
            throw .invalid(error)
        }
        guard !name.contains(where: \.isNewline) else {
            throw .invalid(ValidationError(field: "operator", reason: .notAllowed("must be one line")))
        }
        self.name = name
    }

    /// The option wins over `KP_OPERATOR`; an empty value counts as none. Only in the demo do `USER` and
    /// then `demo` stand in.
    package static func resolve(option: String?, environment: [String: String], demo: Bool)
        throws(OperatorError) -> OperatorIdentity
    {
        let given = [option, environment[environmentVariable]].compactMap { $0?.trimmingWhitespace() }
        if let name = given.first(where: { !$0.isEmpty }) { return try OperatorIdentity(name: name) }
        guard demo else { throw .required }
        if let user = environment["USER"]?.trimmingWhitespace(), !user.isEmpty {
            return try OperatorIdentity(name: user)
        }
        return try OperatorIdentity(name: "demo")
    }
}
