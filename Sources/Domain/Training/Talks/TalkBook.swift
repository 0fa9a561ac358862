/// A LIS's supervision talks as one reader sees them, with what that reader may do with them: a page
/// shows the forms the reader may use and no others, decided here from the same permission table that
/// authorizes each change.
package struct TalkBook: Sendable, Equatable {
    package let trainee: Trainee
    /// Newest first; with text only for the LIS and the veileder.
    package let talks: [VisibleTalk]
    /// The roles the reader holds for the LIS (`.lis` when it is the LIS).
    package let held: Set<Role>

    package init(trainee: Trainee, talks: [VisibleTalk], held: Set<Role>) {
        self.trainee = trainee
        self.talks = talks
        self.held = held
    }

    /// The veileder plans talks (never the LIS, even one who is somehow also their own veileder).
    package var mayPlan: Bool { !held.contains(.lis) && allows(.createTalk) }
    /// The LIS and the veileder write preparation and minutes.
    package var mayWrite: Bool { allows(.writeTalk) }
    /// Only the veileder finalises.
    package var mayFinalise: Bool { !held.contains(.lis) && allows(.finaliseTalk) }
    /// The reader sees preparation and minutes (the LIS and the veileder), not only that talks took place.
    package var showsText: Bool { allows(.readTalkMinutes) }

    private func allows(_ operation: TraineeOperation) -> Bool {
        (try? PermissionTable.authorize(operation, holding: held)) != nil
    }
}
