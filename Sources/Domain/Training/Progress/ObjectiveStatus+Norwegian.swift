extension ObjectiveStatus {
    /// The status as the progress report shows it to people, on the page and in the CSV file; the raw
    /// values are API names and stay English.
    package var norwegianName: String {
        switch self {
        case .approved: "Godkjent"
        case .approvedElsewhere: "Godkjent hos tidligere arbeidsgiver"
        case .submitted: "Sendt til leder"
        case .rejected: "Underkjent"
        case .inProgress: "Under arbeid"
        case .notStarted: "Ikke startet"
        }
    }
}
