import Domain
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The portal as a confidential OpenID Connect client of HelseID (or the development issuer), following
/// HelseID's security profile: discovery, pushed authorization request, authorization code with PKCE
/// (S256), `state` and `nonce`, client authentication with `private_key_jwt`, and ID-token validation.
///
/// The client keeps nothing between the two halves: `start` returns the secrets of the attempt for the
/// caller to store (hashed state as key), and `finish` gets them back.
package final class LoginClient: Sendable {
    package struct Configuration: Sendable {
        package let issuer: String
        package let clientID: String
        package let redirectURI: String
        package let scope: String

        package init(issuer: String, clientID: String, redirectURI: String, scope: String = "openid profile helseid://scopes/identity/pid helseid://scopes/identity/security_level helseid://scopes/hpr/hpr_number") {
            self.issuer = issuer
            self.clientID = clientID
            self.redirectURI = redirectURI
            self.scope = scope
        }
    }

    /// What must be kept between the redirect to the issuer and the callback.
    package struct Attempt: Sendable, Equatable {
        package let stateHash: String
        package let nonce: String
        package let codeVerifier: String
        package let expiresAt: Date

        package init(stateHash: String, nonce: String, codeVerifier: String, expiresAt: Date) {
            self.stateHash = stateHash
            self.nonce = nonce
            self.codeVerifier = codeVerifier
            self.expiresAt = expiresAt
        }
    }

    private struct Discovery: Decodable {
        let issuer: String
        let authorization_endpoint: String
        let token_endpoint: String
        let pushed_authorization_request_endpoint: String
    }

    package let configuration: Configuration
    private let signer: ClientAssertionSigner
    private let verifier: TokenVerifier
    private let discovered = Mutex<Discovery?>(nil)

    package init(configuration: Configuration, signer: ClientAssertionSigner, verifier: TokenVerifier) {
        self.configuration = configuration
        self.signer = signer
        self.verifier = verifier
    }

    /// HelseID's `acr_values` that offers only identity providers at security level 4 (BankID, Buypass,
    /// Commfides): asked for when the page the person comes from needs level 4 (signing the agreement).
    package static let level4ACR = "Level4"

    /// Pushes the authorization request and returns where to send the browser, with the attempt to keep.
    /// With `requireLevel4`, the request carries `acr_values=Level4`.
    package func start(at now: Date, requireLevel4: Bool = false) async throws(LoginError)
        -> (authorizeURL: URL, attempt: Attempt)
    {
        let discovery = try await discover()
        let state = OneTimeSecret.random()
        let nonce = OneTimeSecret.random()
        let verifier = OneTimeSecret.random()
        let assertion: String
        do { assertion = try await signer.sign(audience: discovery.issuer, at: now) } catch { throw .clientKey }
        var request = [
            "client_id": configuration.clientID, "client_assertion_type": ClientAssertionClaims.type,
            "client_assertion": assertion, "response_type": "code", "redirect_uri": configuration.redirectURI,
            "scope": configuration.scope, "state": state, "nonce": nonce,
            "code_challenge": OneTimeSecret.codeChallenge(for: verifier), "code_challenge_method": "S256",
        ]
        if requireLevel4 { request["acr_values"] = Self.level4ACR }
        let response = try await postForm(discovery.pushed_authorization_request_endpoint, request)
        guard let requestURI = response["request_uri"] as? String else { throw .issuerRefused("no request_uri") }
        var components = URLComponents(string: discovery.authorization_endpoint)
        components?.queryItems = [
            URLQueryItem(name: "client_id", value: configuration.clientID),
            URLQueryItem(name: "request_uri", value: requestURI),
        ]
        guard let url = components?.url else { throw .issuerRefused("bad authorization_endpoint") }
        let attempt = Attempt(
            stateHash: OneTimeSecret.hash(state), nonce: nonce, codeVerifier: verifier,
            expiresAt: now.addingTimeInterval(600))
        // The state travels in the pushed request; the browser brings it back on the callback.
        return (url, attempt)
    }

    /// Redeems the code from the callback and validates the ID token; returns the person logged in.
    package func finish(code: String, issuer returnedIssuer: String?, attempt: Attempt, at now: Date)
        async throws(LoginError) -> Principal
    {
        guard attempt.expiresAt > now else { throw .attemptExpired }
        let discovery = try await discover()
        // RFC 9207: the callback names the issuer; a mix-up attack would name another.
        if let returnedIssuer, returnedIssuer != discovery.issuer { throw .issuerMismatch }
        let assertion: String
        do { assertion = try await signer.sign(audience: discovery.issuer, at: now) } catch { throw .clientKey }
        let response = try await postForm(
            discovery.token_endpoint,
            [
                "grant_type": "authorization_code", "code": code, "redirect_uri": configuration.redirectURI,
                "code_verifier": attempt.codeVerifier, "client_id": configuration.clientID,
                "client_assertion_type": ClientAssertionClaims.type, "client_assertion": assertion,
            ])
        guard let idToken = response["id_token"] as? String else { throw .issuerRefused("no id_token") }
        let principal: Principal
        do {
            principal = try await verifier.verifyIDToken(idToken, clientID: configuration.clientID, nonce: attempt.nonce)
        } catch {
            throw .invalidIDToken(error)
        }
        guard principal.issuer == discovery.issuer else { throw .issuerMismatch }
        return principal
    }

    private func discover() async throws(LoginError) -> Discovery {
        if let known = discovered.withLock({ $0 }) { return known }
        guard let url = URL(string: configuration.issuer + "/.well-known/openid-configuration") else {
            throw .issuerUnreachable
        }
        do {
            let (data, response) = try await URLSession.shared.data(from: url)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw LoginError.issuerUnreachable }
            let discovery = try JSONDecoder().decode(Discovery.self, from: data)
            guard discovery.issuer == configuration.issuer else { throw LoginError.issuerMismatch }
            discovered.withLock { $0 = discovery }
            return discovery
        } catch let error as LoginError {
            throw error
        } catch {
            throw .issuerUnreachable
        }
    }

    private func postForm(_ endpoint: String, _ fields: [String: String]) async throws(LoginError) -> [String: Any] {
        guard let url = URL(string: endpoint) else { throw .issuerUnreachable }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(
            fields.sorted { $0.key < $1.key }.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&").utf8)
        let data: Data
        let status: Int
        do {
            let (body, response) = try await URLSession.shared.data(for: request)
            data = body
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            throw .issuerUnreachable
        }
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        guard (200..<300).contains(status) else {
            throw .issuerRefused((json["error"] as? String) ?? "HTTP \(status)")
        }
        return json
    }
}
