import Domain

/// The refusals of a form, in the order of its fields: shown in the error summary at the top (each a link
/// to its field) and at each field. GOV.UK's pattern, which Designsystemet follows.
///
/// The templates read `hasErrors` and `items` (named for them in `FormErrors+Mustache`).
struct FormErrors: Sendable {
    struct Item: Sendable {
        /// The id of the input the message belongs to (the summary links to `#fieldID`).
        let fieldID: String
        /// Shown at the field, under its label.
        let message: String
        /// Shown in the summary, where the field's label is not beside it: «Label: message».
        let summary: String
    }

    private(set) var items: [Item] = []
    private(set) var hasErrors = false

    mutating func add(_ fieldID: String, _ message: String, label: String? = nil) {
        guard self.message(for: fieldID) == nil else { return }
        items.append(Item(fieldID: fieldID, message: message, summary: label.map { "\($0): \(message)" } ?? message))
        hasErrors = true
    }

    func message(for fieldID: String) -> String? { items.first { $0.fieldID == fieldID }?.message }

    /// Runs one field's check from `Domain`, keeping its bokmål message (or `message`, when the domain's
    /// is too general for this field) at the field when it refuses.
    mutating func check<Value>(
        _ fieldID: String, label: String? = nil, message: String? = nil, _ validate: () throws -> Value
    ) -> Value? {
        do {
            return try validate()
        } catch let failure as any DescribedFailure {
            add(fieldID, message ?? failure.message, label: label)
            return nil
        } catch {
            add(fieldID, InternalFailure.message, label: label)
            return nil
        }
    }

    /// An engine refusal of the whole form: at its field when it names one of ours, otherwise at `fallback`;
    /// `labels` names our fields in the summary.
    mutating func add(
        _ failure: any DescribedFailure, fields: [String: String], fallback: String, labels: [String: String] = [:]
    ) {
        let field = failure.inputField.flatMap { fields[$0] } ?? fallback
        add(field, failure.message, label: labels[field])
    }
}

/// One text input as the field partial renders it: label, hint, what was typed, and the error.
struct TextField: Sendable {
    let id: String
    let label: String
    let hint: String?
    let value: String
    let error: String?
    let type: String
    let autocomplete: String?
    let inputClass: String?
    /// `aria-describedby`: the hint and the error, when there are any.
    let describedBy: String?

    init(
        _ id: String, label: String, hint: String? = nil, value: String = "", errors: FormErrors = FormErrors(),
        type: String = "text", autocomplete: String? = nil, inputClass: String? = nil
    ) {
        self.id = id
        self.label = label
        self.hint = hint
        self.value = value
        self.error = errors.message(for: id)
        self.type = type
        self.autocomplete = autocomplete
        self.inputClass = inputClass
        let described = [hint.map { _ in id + "-hint" }, error.map { _ in id + "-error" }].compactMap { $0 }
        self.describedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }
}
