import Foundation

/// Reads the messages a transport wrote (`.eml` files or a maildir), as a person's mail client would.
struct ReceivedMail {
    let to: String
    let subject: String
    let body: String

    /// The invitation token in the message's link.
    var token: String? {
        guard let range = body.range(of: #"token=[A-Za-z0-9_-]+"#, options: .regularExpression) else { return nil }
        return String(body[range].dropFirst("token=".count))
    }

    /// Parses an RFC 5322 message with a base64 body and an encoded-word subject.
    init?(_ raw: String) {
        let normalised = raw.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = normalised.range(of: "\n\n") else { return nil }
        var headers: [String: String] = [:]
        for line in normalised[..<split.lowerBound].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let encodedBody = normalised[split.upperBound...].replacingOccurrences(of: "\n", with: "")
        guard let to = headers["to"], let subject = headers["subject"],
            let bodyData = Data(base64Encoded: encodedBody)
        else { return nil }
        self.to = to
        if subject.hasPrefix("=?UTF-8?B?"), subject.hasSuffix("?="),
            let decoded = Data(base64Encoded: String(subject.dropFirst(10).dropLast(2)))
        {
            self.subject = String(decoding: decoded, as: UTF8.self)
        } else {
            self.subject = subject
        }
        self.body = String(decoding: bodyData, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Every message file below `folder`.
    static func all(in folder: URL) -> [ReceivedMail] {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return files.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }.compactMap { url in
            (try? String(contentsOf: url, encoding: .utf8)).flatMap(ReceivedMail.init)
        }
    }
}
