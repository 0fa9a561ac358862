/// A document the platform vouches for: a countersigned agreement, a statement that data was returned
/// or deleted, a record of approved objectives. The seal is an Ed25519 signature by the platform's key
/// over the canonical form of `format`, `kind` and `content`; anyone with the public key can check it.
package struct SealedDocument: Sendable, Equatable {
    package static let format = "kompetanseportal-sealed-1"

    package struct Seal: Sendable, Equatable {
        package let algorithm: String
        package let keyID: String
        /// Base64 of the signature bytes.
        package let signature: String

        package init(algorithm: String, keyID: String, signature: String) {
            self.algorithm = algorithm
            self.keyID = keyID
            self.signature = signature
        }
    }

    package let kind: String
    package let content: JSONValue
    package let seal: Seal

    package init(kind: String, content: JSONValue, seal: Seal) {
        self.kind = kind
        self.content = content
        self.seal = seal
    }

    /// The exact bytes the seal signs.
    package static func signedText(kind: String, content: JSONValue) -> String {
        JSONValue.object(["format": .string(format), "kind": .string(kind), "content": content]).canonical
    }

    package var signedText: String { Self.signedText(kind: kind, content: content) }

    /// The file form: canonical JSON with the seal beside the content.
    package var fileText: String {
        JSONValue.object([
            "format": .string(Self.format), "kind": .string(kind), "content": content,
            "seal": .object([
                "algorithm": .string(seal.algorithm), "keyId": .string(seal.keyID), "signature": .string(seal.signature),
            ]),
        ]).canonical
    }

    /// Reads the file form back; nil when it is not a sealed document at all.
    package init?(file: JSONValue) {
        guard file["format"]?.stringValue == Self.format, let kind = file["kind"]?.stringValue,
            let content = file["content"], let seal = file["seal"],
            let algorithm = seal["algorithm"]?.stringValue, let keyID = seal["keyId"]?.stringValue,
            let signature = seal["signature"]?.stringValue
        else { return nil }
        self.init(kind: kind, content: content, seal: Seal(algorithm: algorithm, keyID: keyID, signature: signature))
    }
}
