/// What importing one parsed plan version means, given the versions stored already.
package enum PlanImportDecision: Sendable, Equatable {
    /// The same key, version and content is stored: importing the file again changes nothing.
    case unchanged(PlanReference)
    /// A key or version not stored yet: store it.
    case added(Plan)
}
