/// A learning activity the plan recommends for an objective, and who signs it when done.
package struct RecommendedActivity: Sendable, Equatable, Hashable {
    package let type: ActivityType
    package let title: String
    package let signer: ActivitySigner

    package init(type: ActivityType, title: String, signer: ActivitySigner) {
        self.type = type
        self.title = title
        self.signer = signer
    }
}
