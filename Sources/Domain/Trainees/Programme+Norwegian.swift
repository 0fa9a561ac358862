extension Programme {
    /// The programme as people call it, for pages and CSV files; the raw values are API names.
    package var norwegianName: String {
        switch self {
        case .lis1: "LIS1"
        case .alis: "ALIS"
        case .samfunnsmedisin: "Samfunnsmedisin"
        case .arbeidsmedisin: "Arbeidsmedisin"
        }
    }
}
