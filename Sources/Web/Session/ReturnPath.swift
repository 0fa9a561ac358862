/// Where a login may send the person back to: a path on this site, nothing else, so that a link like
/// `/logg-inn?neste=https://evil.example` cannot turn the portal into an open redirect.
enum ReturnPath {
    static let fallback = "/"

    /// `raw` when it is a plain same-site path, otherwise `/`. Refused: anything not starting with one `/`
    /// (`//host` and `/\host` are other hosts to a browser), backslashes, control characters and spaces
    /// (browsers drop tabs and newlines, which would turn `/\t/host` into `//host`), and over-long values.
    static func validated(_ raw: String?) -> String {
        guard let raw, raw.utf8.count <= 2048, raw.hasPrefix("/"), !raw.hasPrefix("//") else { return fallback }
        for scalar in raw.unicodeScalars {
            if scalar == "\\" || scalar.value < 0x21 || scalar.value == 0x7F { return fallback }
        }
        return raw
    }
}
