import Domain

/// What a person writes about a learning activity, as any door receives it; the engine checks it against
/// the LIS's plans and files.
package struct ActivityInput: Sendable {
    /// An activity the plan does not recommend: what it was, who signs it, and how it is documented.
    package struct Alternative: Sendable {
        package var type: String
        package var signer: String
        package var documentation: String

        package init(type: String, signer: String, documentation: String) {
            self.type = type
            self.signer = signer
            self.documentation = documentation
        }
    }

    package var planKey: String
    package var objectiveID: String?
    /// The index of a recommended activity of the objective; or else `alternative`.
    package var recommendation: Int?
    package var alternative: Alternative?
    package var performedOn: String
    package var note: String?
    package var attachmentSha256: String?

    package init(
        planKey: String, objectiveID: String?, recommendation: Int?, alternative: Alternative?, performedOn: String,
        note: String?, attachmentSha256: String?
    ) {
        self.planKey = planKey
        self.objectiveID = objectiveID
        self.recommendation = recommendation
        self.alternative = alternative
        self.performedOn = performedOn
        self.note = note
        self.attachmentSha256 = attachmentSha256
    }
}
