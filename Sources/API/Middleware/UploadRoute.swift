import HTTPTypes
import Web

/// The routes that take files rather than small JSON documents. They get the larger body limit, and only
/// after the caller is authenticated (`UploadLimitMiddleware`), so nobody unknown can make the server read
/// ten megabytes. Matched on the whole path, never on a suffix.
enum UploadRoute {
    static func matches(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        guard method == .post else { return false }
        if Portal.isUploadPage(method, path) { return true }
        // Every POST passes here three times; most are not uploads, and the ends of the path say so without
        // splitting it.
        guard path.hasPrefix("/api/v1/"),
            path.hasSuffix("/attachments") || path.hasSuffix("/paper-agreements") || path.hasSuffix("/catalog")
        else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty }) else { return false }
        switch parts.count {
        case 7: return parts[0...2] == ["api", "v1", "tenants"] && parts[4] == "trainees" && parts[6] == "attachments"
        case 6: return parts[0...3] == ["api", "v1", "support", "tenants"] && parts[5] == "paper-agreements"
        case 4: return parts == ["api", "v1", "support", "catalog"]
        default: return false
        }
    }
}
