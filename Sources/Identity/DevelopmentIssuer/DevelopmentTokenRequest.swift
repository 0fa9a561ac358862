import Foundation

/// Who a development token is for; defaults describe a LIS logged in at security level 4.
package struct DevelopmentTokenRequest: Sendable {
    package var subject: String
    package var pid: String
    package var name: String
    package var hprNumber: String?
    package var securityLevel: Int
    package var lifetime: TimeInterval
    /// Overrides the issuer's audience (to produce wrong-audience tokens in tests and demos).
    package var audience: String?
    /// Set in ID tokens of the login flow.
    package var nonce: String?

    package init(
        subject: String, pid: String, name: String, hprNumber: String? = nil, securityLevel: Int = 4,
        lifetime: TimeInterval = 3600, audience: String? = nil
    ) {
        self.subject = subject
        self.pid = pid
        self.name = name
        self.hprNumber = hprNumber
        self.securityLevel = securityLevel
        self.lifetime = lifetime
        self.audience = audience
    }
}
