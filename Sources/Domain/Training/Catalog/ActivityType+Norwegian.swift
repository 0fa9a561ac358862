extension ActivityType {
    /// The type as a bokmål noun, for pages and reports; the raw values are API names and stay English.
    package var norwegianName: String {
        switch self {
        case .course: "Kurs"
        case .individualSupervision: "Individuell veiledning"
        case .groupSupervision: "Gruppeveiledning"
        case .jointConsultation: "Felles konsultasjon med supervisør"
        case .procedure: "Prosedyre"
        case .eLearning: "E-læring"
        case .other: "Annen aktivitet"
        }
    }
}
