import Foundation

/// The settings the pages take from the server's configuration.
package struct PortalSettings: Sendable {
    /// Where people reach the portal (`http.publicBaseURL`): its origin is the only one a form may be posted
    /// from, and an `https` address makes the cookies `Secure` with the `__Host-` prefix.
    package let publicBaseURL: String
    /// The largest form a page reads (`http.maxBodyBytes`, which the router enforces first): a sealed file
    /// to verify is the largest.
    package let maxBodyBytes: Int
    /// The largest upload a support person's form may send (`http.maxUploadBytes`): a scanned agreement or
    /// a catalog file.
    package let maxUploadBytes: Int

    package init(publicBaseURL: String, maxBodyBytes: Int, maxUploadBytes: Int? = nil) {
        self.publicBaseURL = publicBaseURL
        self.maxBodyBytes = maxBodyBytes
        self.maxUploadBytes = maxUploadBytes ?? maxBodyBytes
    }

    /// `scheme://host[:port]` of the public address, as browsers send it in `Origin`.
    var origin: String {
        guard let components = URLComponents(string: publicBaseURL), let scheme = components.scheme,
            let host = components.host
        else { return publicBaseURL }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    var isSecure: Bool { publicBaseURL.lowercased().hasPrefix("https://") }
}
