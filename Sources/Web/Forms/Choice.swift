/// One radio button or checkbox as the templates render it: its input id (the error summary links to the
/// first one's), the value it sends, its label, and whether it is chosen.
struct Choice: Sendable {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}
