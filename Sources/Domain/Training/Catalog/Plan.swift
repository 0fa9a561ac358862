/// One version of an education plan (*utdanningsplan*): its learning objectives, in order.
///
/// Plans are versioned and effective-dated because the regulation renumbers objectives every few years;
/// a published version is never edited (see `Plan+Import.swift`).
package struct Plan: Sendable, Equatable {
    package let key: PlanKey
    package let name: String
    package let programmes: [Programme]
    package let version: Int
    package let effectiveFrom: CalendarDate
    /// True for the shipped sample catalog: placeholder text that is not Helsedirektoratet's.
    package let isSample: Bool
    package let note: String?
    package let objectives: [LearningObjective]

    package init(
        key: PlanKey, name: String, programmes: [Programme], version: Int, effectiveFrom: CalendarDate,
        isSample: Bool, note: String? = nil, objectives: [LearningObjective]
    ) {
        self.key = key
        self.name = name
        self.programmes = programmes
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.isSample = isSample
        self.note = note
        self.objectives = objectives
    }

    package var reference: PlanReference { PlanReference(key: key, version: version) }

    package func objective(_ id: ObjectiveID) -> LearningObjective? {
        objectives.first { $0.id == id }
    }
}
