import Crypto
import Domain
import Foundation

/// The platform's sealing key: Ed25519 over the canonical form of a document (see `SealedDocument`).
///
/// The private key comes only from the environment (`KP_SEAL_KEY`); the public key is published at
/// `/api/v1/public/seal-key`, so a countersigned agreement or a deletion statement can be checked by
/// anyone, years later, without trusting the portal's database.
package struct PlatformSeal: Sendable {
    package static let algorithm = "Ed25519"
    private let privateKey: Curve25519.Signing.PrivateKey

    package init(privateKey bytes: [UInt8]) throws {
        self.privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
    }

    /// 32 random bytes for a new key (`kp dev` and demo mode).
    package static func generateKey() -> [UInt8] {
        Array(Curve25519.Signing.PrivateKey().rawRepresentation)
    }

    package var publicKey: [UInt8] { Array(privateKey.publicKey.rawRepresentation) }
    package var keyID: String { Self.keyID(of: publicKey) }

    /// A short, stable name for a public key: the first 16 hex digits of its SHA-256.
    package static func keyID(of publicKey: [UInt8]) -> String {
        String(SHA256.hash(data: publicKey).hexEncoded.prefix(16))
    }

    package func seal(kind: String, content: JSONValue) throws -> SealedDocument {
        let signature = try privateKey.signature(for: Data(SealedDocument.signedText(kind: kind, content: content).utf8))
        return SealedDocument(
            kind: kind, content: content,
            seal: .init(algorithm: Self.algorithm, keyID: keyID, signature: Data(signature).base64EncodedString()))
    }

    /// What checking a sealed file found.
    package enum Verification: Equatable, Sendable {
        case valid(SealedDocument)
        case invalid(String)
    }

    /// Checks a sealed file against a public key: the file must parse, name this key and algorithm, and
    /// the signature must match the canonical form of its content (so any edit, even of white space
    /// inside a value, is caught).
    package static func verify(file data: Data, publicKey: [UInt8]) -> Verification {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data), let document = SealedDocument(file: value)
        else { return .invalid("not a sealed document") }
        guard document.seal.algorithm == algorithm else { return .invalid("unknown algorithm \(document.seal.algorithm)") }
        guard document.seal.keyID == keyID(of: publicKey) else {
            return .invalid("sealed with key \(document.seal.keyID), not with \(keyID(of: publicKey))")
        }
        guard let signature = Data(base64Encoded: document.seal.signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        else { return .invalid("unreadable signature or key") }
        guard key.isValidSignature(signature, for: Data(document.signedText.utf8)) else {
            return .invalid("the seal does not match the content: the document was altered or forged")
        }
        return .valid(document)
    }
}
