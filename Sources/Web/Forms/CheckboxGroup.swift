/// A group of checkboxes with one name (a `<fieldset>` with a legend). The first box has the group's id,
/// so the error summary's link (`#name`) lands on it, as in GOV.UK's and Designsystemet's pattern.
struct CheckboxGroup: Sendable {
    struct Box: Sendable {
        let id: String
        let name: String
        let value: String
        let label: String
        let checked: Bool
    }

    let id: String
    let legend: String
    let hint: String?
    let boxes: [Box]
    let error: String?
    let describedBy: String?

    init(
        _ name: String, legend: String, hint: String? = nil, options: [(value: String, label: String)],
        checked: [String], errors: FormErrors = FormErrors()
    ) {
        self.id = name
        self.legend = legend
        self.hint = hint
        self.boxes = options.enumerated().map { index, option in
            Box(
                id: index == 0 ? name : "\(name)-\(option.value)", name: name, value: option.value, label: option.label,
                checked: checked.contains(option.value))
        }
        self.error = errors.message(for: name)
        let described = [hint.map { _ in name + "-hint" }, error.map { _ in name + "-error" }].compactMap { $0 }
        self.describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }
}
