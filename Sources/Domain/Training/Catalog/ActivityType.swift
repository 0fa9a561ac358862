/// The kinds of learning activity the regulation names (source: DOMAIN.md), plus `other`.
package enum ActivityType: String, Sendable, Codable, CaseIterable {
    case course
    case individualSupervision
    case groupSupervision
    /// Joint consultation with a supervisor (*felles konsultasjon*).
    case jointConsultation
    case procedure
    case eLearning
    case other
}
