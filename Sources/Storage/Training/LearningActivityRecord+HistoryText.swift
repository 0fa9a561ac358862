import Domain

extension LearningActivityRecord {
    /// The stored history, exactly as `TrainingJSON.encode` writes it (keys sorted, slashes as they are,
    /// instants with milliseconds, absent values left out), written without `JSONEncoder`: encoding it was a
    /// seventh of the transaction that records an activity. `LearningActivityHistoryTextTests` holds the two
    /// to the same bytes.
    static func historyText(_ events: [Event]) -> String {
        var json = JSONText(capacity: 2 + 112 * events.count, escapingSlashes: false)
        json.array(events) { json, event in
            json.raw(#"{"at":"#)
            json.string(ISOInstant.text(event.at, milliseconds: true))
            json.raw(#","by":"#)
            json.string(event.by)
            if let comment = event.comment {
                json.raw(#","comment":"#)
                json.string(comment)
            }
            json.raw(#","kind":"#)
            json.string(event.kind)
            if let role = event.role {
                json.raw(#","role":"#)
                json.string(role)
            }
            if let to = event.to {
                json.raw(#","to":"#)
                json.string(to)
            }
            json.raw("}")
        }
        return json.text
    }
}
