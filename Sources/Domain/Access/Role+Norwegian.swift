extension Role {
    /// The role as a bokmål noun in the indefinite singular, for the sentences errors show to people
    /// (`DescribedFailure.message`). The raw values are API names and stay English.
    package var norwegianName: String {
        switch self {
        case .lis: "LIS"
        case .leder: "leder"
        case .veileder: "veileder"
        case .supervisor: "supervisør"
        case .tenantAdministrator: "administrator for virksomheten"
        case .support: "brukerstøtte"
        }
    }
}
