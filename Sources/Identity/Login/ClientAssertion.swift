import Crypto
import Foundation
import JWTKit

/// The JWT a confidential client authenticates with (`private_key_jwt`, RFC 7523), as HelseID requires:
/// `iss` = `sub` = client id, `aud` = the issuer, a single-use `jti`, and at most 60 seconds of life.
package struct ClientAssertionClaims: JWTPayload, Equatable {
    package var iss: String
    package var sub: String
    package var aud: AudienceClaim
    package var jti: String
    package var iat: IssuedAtClaim
    package var exp: ExpirationClaim

    package static let maximumLifetime: TimeInterval = 60
    package static let type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    package func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Signs client assertions with the client's P-256 key.
package struct ClientAssertionSigner: Sendable {
    package let clientID: String
    private let keyPEM: String
    package let keyID: String

    package init(clientID: String, privateKeyPEM: String) throws(IdentityConfigurationError) {
        guard let key = try? P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM) else { throw .invalidClientKey }
        self.clientID = clientID
        self.keyPEM = privateKeyPEM
        self.keyID = "client-" + Data(SHA256.hash(data: key.publicKey.x963Representation).prefix(8)).base64URLEncodedString()
    }

    /// The public key as a JWK, for registering the client with the issuer.
    package var publicJWK: String {
        let key = (try? P256.Signing.PrivateKey(pemRepresentation: keyPEM))?.publicKey.x963Representation.dropFirst()
            ?? Data()
        let x = Data(key.prefix(32)).base64URLEncodedString()
        let y = Data(key.suffix(32)).base64URLEncodedString()
        return #"{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"\#(keyID)","x":"\#(x)","y":"\#(y)"}"#
    }

    package func sign(audience: String, at now: Date, jti: String = OneTimeSecret.random()) async throws -> String {
        let claims = ClientAssertionClaims(
            iss: clientID, sub: clientID, aud: AudienceClaim(value: [audience]), jti: jti, iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(ClientAssertionClaims.maximumLifetime)))
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: try ES256PrivateKey(pem: keyPEM), kid: JWKIdentifier(string: keyID))
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
    }
}
