/// An OpenID Connect issuer whose tokens the portal accepts, from configuration.
package struct TrustedIssuer: Sendable, Equatable {
    package enum Keys: Sendable, Equatable {
        /// Fetched from the issuer's `jwks_uri` on first use and again when a token names an unknown key.
        case remote(jwksURL: String)
        /// Handed over in-process (the development issuer); parsed exactly like a fetched JWKS.
        case inline(jwksJSON: String)
    }

    package let issuer: String
    package let audience: String
    package let keys: Keys

    package init(issuer: String, audience: String, keys: Keys) {
        self.issuer = issuer
        self.audience = audience
        self.keys = keys
    }
}
