import Domain
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct TenantDirectoryTests {
    /// Roots as a configuration may give them: absolute, with a slash at the end, with `..` and `.`, relative, `/`.
    static let roots = ["/srv/kp/Tenants", "/srv/kp/Tenants/", "/srv/kp/x/../Tenants/.", "Tenants", "./data/Tenants", "/"]

    @Test(arguments: roots)
    func theJoinedPathsAreTheSameAsThoseBuiltThroughURL(root: String) {
        let directory = TenantDirectory(root: URL(fileURLWithPath: root))
        for id in [Fixtures.tenantID("kommune-0301"), Fixtures.tenantID("a"), Fixtures.tenantID("bench-1000")] {
            #expect(directory.databasePath(for: id) == directory.folder(for: id).appendingPathComponent("tenant.sqlite").path)
            #expect(directory.maintenanceMarkerPath(for: id) == directory.maintenanceMarker(for: id).path)
            #expect(directory.databasePath(for: id).hasSuffix("/\(id.rawValue)/tenant.sqlite"))
            #expect(!directory.databasePath(for: id).contains("//"))
        }
    }
}
