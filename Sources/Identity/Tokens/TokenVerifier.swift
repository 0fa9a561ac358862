import Crypto
import Domain
import Foundation
import JWTKit
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Verifies HelseID-shaped bearer tokens: signature through the issuer's JWKS, then issuer, audience,
/// lifetime (with clock skew) and the claims the portal needs. The development issuer and a real
/// HelseID go through exactly this code; only where the JWKS comes from differs.
///
/// A token that verified once is remembered (by its SHA-256, never in clear) until it expires, so the
/// signature check is paid once per token rather than once per request; the lifetime is still checked
/// on every use.
package final class TokenVerifier: Sendable {
    private struct Verified {
        let principal: Principal
        let expiresAt: Date
        let notBefore: Date?
    }

    private let issuers: [String: TrustedIssuer]
    private let keyCollections: [String: JWTKeyCollection]
    private let loadedAt = Mutex<[String: Date]>([:])
    private let verified = Mutex<[Data: Verified]>([:])
    private let hasher: PIDHasher
    private let supportSubjects: Set<String>
    private let clockSkew: TimeInterval
    /// Whether the synthetic numbers of test environments (month + 80) are accepted as `pid`.
    private let allowSyntheticIdentityNumbers: Bool
    private let now: @Sendable () -> Date
    private let cacheCapacity: Int

    package init(
        issuers: [TrustedIssuer], hasher: PIDHasher, supportSubjects: Set<String>, clockSkew: TimeInterval = 60,
        allowSyntheticIdentityNumbers: Bool = false, cacheCapacity: Int = 50_000, now: @escaping @Sendable () -> Date
    ) {
        self.allowSyntheticIdentityNumbers = allowSyntheticIdentityNumbers
        self.issuers = Dictionary(issuers.map { ($0.issuer, $0) }, uniquingKeysWith: { _, last in last })
        self.keyCollections = Dictionary(
            issuers.map { ($0.issuer, JWTKeyCollection()) }, uniquingKeysWith: { _, last in last })
        self.hasher = hasher
        self.supportSubjects = supportSubjects
        self.clockSkew = clockSkew
        self.cacheCapacity = cacheCapacity
        self.now = now
    }

    /// Verifies the value of an `Authorization` header (`Bearer <JWT>`).
    package func verify(authorizationHeader: String?) async throws(AuthenticationError) -> Principal {
        guard let header = authorizationHeader, !header.isEmpty else { throw .missingToken }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .malformedToken }
        return try await verify(token: String(parts[1]).trimmingWhitespace())
    }

    package func verify(token: String) async throws(AuthenticationError) -> Principal {
        let cacheKey = Data(SHA256.hash(data: Array(token.utf8)))
        let currentTime = now()
        if let hit = verified.withLock({ $0[cacheKey] }) {
            try checkLifetime(expiresAt: hit.expiresAt, notBefore: hit.notBefore, at: currentTime)
            return hit.principal
        }
        let claims = try await verifySignature(token)
        let principal = try check(claims, at: currentTime)
        remember(
            cacheKey,
            Verified(principal: principal, expiresAt: claims.expiresAt.value, notBefore: claims.notBefore?.value),
            at: currentTime)
        return principal
    }

    /// Verifies an ID token from the login flow: the same signature and claim checks, but the audience
    /// is the client id and the `nonce` must be the one this login sent. Never cached: it is used once.
    package func verifyIDToken(_ token: String, clientID: String, nonce: String) async throws(AuthenticationError)
        -> Principal
    {
        let claims = try await verifySignature(token)
        guard claims.nonce == nonce else { throw .invalidClaim("nonce") }
        return try check(claims, at: now(), audience: clientID)
    }

    // MARK: Steps

    private func verifySignature(_ token: String) async throws(AuthenticationError) -> HelseIDClaims {
        guard token.split(separator: ".", omittingEmptySubsequences: false).count == 3 else { throw .malformedToken }
        // The issuer named by the token only selects which keys to try; the signature is then checked
        // against that issuer's keys, and `iss` again after verification.
        let unverified: HelseIDClaims
        do {
            unverified = try JWTKeyCollection.decodeUnverified(token)
        } catch {
            throw .malformedToken
        }
        guard let issuer = issuers[unverified.issuer], let keys = keyCollections[issuer.issuer] else {
            throw .unknownIssuer
        }
        try await loadKeysIfNeeded(issuer, into: keys, force: false)
        do {
            return try await keys.verify(token, as: HelseIDClaims.self)
        } catch let error as JWTError where error.errorType == .unknownKID {
            // Keys rotate: fetch again (at most once a minute) and retry once.
            try await loadKeysIfNeeded(issuer, into: keys, force: true)
            do { return try await keys.verify(token, as: HelseIDClaims.self) } catch { throw .invalidSignature }
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw .malformedToken
        } catch {
            throw .invalidSignature
        }
    }

    private func check(_ claims: HelseIDClaims, at currentTime: Date, audience: String? = nil)
        throws(AuthenticationError) -> Principal
    {
        guard let issuer = issuers[claims.issuer] else { throw .unknownIssuer }
        guard claims.audience.value.contains(audience ?? issuer.audience) else { throw .wrongAudience }
        try checkLifetime(expiresAt: claims.expiresAt.value, notBefore: claims.notBefore?.value, at: currentTime)
        guard !claims.subject.isEmpty else { throw .missingClaim("sub") }
        guard let pid = claims.pid, !pid.isEmpty else { throw .missingClaim("helseid://claims/identity/pid") }
        // A fødselsnummer, D- or H-nummer with both check digits right; anything else is not a person.
        do {
            _ = try NationalIdentityNumber(pid, allowingSynthetic: allowSyntheticIdentityNumbers)
        } catch {
            throw .invalidClaim("helseid://claims/identity/pid")
        }
        guard let rawLevel = claims.securityLevel else {
            throw .missingClaim("helseid://claims/identity/security_level")
        }
        guard let number = Int(rawLevel), let level = SecurityLevel(rawValue: number) else {
            throw .invalidClaim("helseid://claims/identity/security_level")
        }
        if let hpr = claims.hprNumber {
            guard !hpr.isEmpty, hpr.utf8.count <= 9, hpr.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw .invalidClaim("helseid://claims/hpr/hpr_number")
            }
        }
        let name = (claims.name ?? "").trimmingWhitespace()
        return Principal(
            issuer: claims.issuer, subject: claims.subject, personKey: hasher.personKey(pid: pid),
            hprNumber: claims.hprNumber, name: name.isEmpty ? claims.subject : String(name.prefix(200)),
            securityLevel: level, isSupport: supportSubjects.contains(claims.subject))
    }

    private func checkLifetime(expiresAt: Date, notBefore: Date?, at currentTime: Date) throws(AuthenticationError) {
        guard currentTime.timeIntervalSince(expiresAt) < clockSkew else { throw .expired }
        if let notBefore, notBefore.timeIntervalSince(currentTime) > clockSkew { throw .notYetValid }
    }

    private func remember(_ key: Data, _ entry: Verified, at currentTime: Date) {
        verified.withLock { cache in
            if cache.count >= cacheCapacity {
                cache = cache.filter { $0.value.expiresAt > currentTime }
                if cache.count >= cacheCapacity { cache.removeAll(keepingCapacity: true) }
            }
            cache[key] = entry
        }
    }

    private func loadKeysIfNeeded(_ issuer: TrustedIssuer, into keys: JWTKeyCollection, force: Bool)
        async throws(AuthenticationError)
    {
        let currentTime = now()
        let last = loadedAt.withLock { $0[issuer.issuer] }
        if let last, !force || currentTime.timeIntervalSince(last) < 60 { return }
        let json: String
        switch issuer.keys {
        case .inline(let inline):
            json = inline
        case .remote(let url):
            json = try await Self.fetch(url)
        }
        do {
            _ = try await keys.add(jwksJSON: json)
        } catch {
            throw .keysUnavailable
        }
        loadedAt.withLock { $0[issuer.issuer] = currentTime }
    }

    private static func fetch(_ address: String) async throws(AuthenticationError) -> String {
        guard let url = URL(string: address) else { throw .keysUnavailable }
        do {
            let (data, response) = try await URLSession.shared.data(from: url)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw AuthenticationError.keysUnavailable }
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw .keysUnavailable
        }
    }
}

extension JWTKeyCollection {
    /// Decodes a token's payload without verifying it, only to choose the issuer's keys.
    static func decodeUnverified(_ token: String) throws -> HelseIDClaims {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Data(base64URLEncoded: parts[1]) else {
            throw AuthenticationError.malformedToken
        }
        return try JSONDecoder().decode(HelseIDClaims.self, from: data)
    }
}

extension Data {
    /// Decodes base64url (RFC 4648 §5, no padding needed) byte by byte; nil for any other character.
    ///
    /// Runs on every request that brings an unknown token, so it avoids Foundation's string replacing.
    package init?(base64URLEncoded value: some StringProtocol) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for character in value.utf8 {
            let sextet: UInt8
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): sextet = character - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): sextet = character - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sextet = character - UInt8(ascii: "0") + 52
            case UInt8(ascii: "-"), UInt8(ascii: "+"): sextet = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): sextet = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = (buffer << 6) | UInt32(sextet)
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        self.init(bytes)
    }

    package func base64URLEncodedString() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
