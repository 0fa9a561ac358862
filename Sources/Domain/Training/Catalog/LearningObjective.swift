/// One learning objective (*læringsmål*) of a plan version, with the activities recommended for it.
package struct LearningObjective: Sendable, Equatable, Hashable {
    package let id: ObjectiveID
    package let title: String
    /// May be empty: for some objectives the sources hold a title only.
    package let description: String
    package let theme: String
    /// Where the text came from, or that it is a placeholder. Kept so that invented text is never mistaken
    /// for Helsedirektoratet's.
    package let note: String?
    package let activities: [RecommendedActivity]

    package init(
        id: ObjectiveID, title: String, description: String, theme: String, note: String? = nil,
        activities: [RecommendedActivity]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.theme = theme
        self.note = note
        self.activities = activities
    }
}
