import Foundation

/// The query parameters the spec restricts to a list of values (`enum`), by operation, with those values.
///
/// The generated code refuses another value before any handler runs, with a decoding error that names
/// neither the parameter nor what it takes, and that `ProblemMapping` would otherwise read as a bad JSON
/// body. With this table it says which parameter and lists its values. The values come from the generated
/// types, so they follow the spec; `QueryParameterChoicesTests` checks that every such parameter is here.
enum QueryParameterChoices {
    static let byOperation: [String: [String: [String]]] = [
        "getProgressReport": ["format": values(Operations.GetProgressReport.Input.Query.FormatPayload.self)],
        "getLederOverview": ["format": values(Operations.GetLederOverview.Input.Query.FormatPayload.self)],
        "getTenantOverview": ["format": values(Operations.GetTenantOverview.Input.Query.FormatPayload.self)],
        "listTenants": [
            "status": values(Components.Schemas.TenantStatus.self), "kind": values(Components.Schemas.TenantKind.self),
        ],
        "listRegistrations": ["state": values(Operations.ListRegistrations.Input.Query.StatePayload.self)],
    ]

    /// The first parameter of `operationID` in the table whose value in the request target (`path?query`)
    /// is not one of its values, with the values it takes.
    static func refusal(operationID: String, target: String?) -> RequestError? {
        guard let choices = byOperation[operationID], let target,
            let query = URLComponents(string: target)?.queryItems
        else { return nil }
        for item in query {
            guard let supported = choices[item.name], let value = item.value, !supported.contains(value) else {
                continue
            }
            return .unsupportedValue(parameter: item.name, supported: supported)
        }
        return nil
    }

    private static func values<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> [String]
    where T.RawValue == String {
        T.allCases.map(\.rawValue)
    }
}
