/// One file input as the file partial renders it. A browser never sends a chosen file again, so a refused
/// form asks for it anew (the message says so).
struct FileField: Sendable {
    let id: String
    let label: String
    let hint: String?
    /// The `accept` attribute: what the file picker offers first (the server checks the content).
    let accept: String
    let error: String?
    let describedBy: String?

    init(_ id: String, label: String, hint: String? = nil, accept: String, errors: FormErrors = FormErrors()) {
        self.id = id
        self.label = label
        self.hint = hint
        self.accept = accept
        self.error = errors.message(for: id)
        let described = [hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }].compactMap { $0 }
        self.describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }
}
