/// One `<select>` as the select partial renders it: label, hint, the options with the chosen one, and
/// the error.
struct SelectField: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let id: String
    let label: String
    let hint: String?
    let options: [Option]
    let error: String?
    /// `aria-describedby`: the hint and the error, when there are any.
    let describedBy: String?

    /// - Parameter selected: the value to mark as chosen (what was posted, or the default).
    init(
        _ id: String, label: String, hint: String? = nil, options: [(value: String, label: String)], selected: String,
        errors: FormErrors = FormErrors()
    ) {
        self.id = id
        self.label = label
        self.hint = hint
        self.options = options.map { Option(value: $0.value, label: $0.label, selected: $0.value == selected) }
        self.error = errors.message(for: id)
        let described = [hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }].compactMap { $0 }
        self.describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }
}
