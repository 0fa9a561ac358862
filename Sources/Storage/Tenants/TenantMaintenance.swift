import Domain
import Foundation

/// Takes one tenant out of service while an operator's process works on its file (a restore, a migration),
/// across processes: a marker file `_maintenance/<tenant-id>` that every server on the same folder sees.
///
/// A running server watches the folder (`TenantStore.watchMaintenance`, four looks a second at a folder that is
/// nearly always empty) and refuses the tenant with 503 `tenant.maintenance`, closing its pool as soon as the
/// requests already in it return; a process that opens the tenant afresh sees the marker when it opens the
/// file. The backup supervisor pauses the Litestream process of a tenant whose file is to be replaced, and
/// starts it again when the marker is gone, so the replica follows the new file.
///
/// Use `run(_:reason:replacesFile:body:)`: it waits `settleTime` after setting the marker, so servers have
/// closed the tenant's pool before `body` touches the file, and removes the marker however `body` ends. A
/// process killed inside `body` leaves the marker, and the tenant in maintenance, until an operator looks
/// (`kp backup restore` again, or removing the file by hand once the tenant's file is sound).
package struct TenantMaintenance: Sendable {
    /// What the marker says; for people and logs.
    package struct Marker: Codable, Sendable, Equatable {
        package var reason: String
        /// The file is to be replaced (a restore): Litestream must let go of it first.
        package var replacesFile: Bool
        package var since: Date
        package var processID: Int32
    }

    /// How often a server looks for markers.
    package static let watchInterval: Duration = .milliseconds(250)
    /// How long `run` waits after setting the marker: a server sees it within `watchInterval`, closes the
    /// unused pool at once, and a pool in use when its requests return (a few milliseconds; a long report
    /// may take longer, and then finishes on the old file, as if it had ended just before the restore).
    package static let settleTime: Duration = .milliseconds(1500)

    package let directory: TenantDirectory

    package init(directory: TenantDirectory) {
        self.directory = directory
    }

    /// Puts the tenant in maintenance for the duration of `body`, which may replace or migrate its file.
    package func run<T: Sendable>(
        _ id: TenantID, reason: String, replacesFile: Bool, settle: Duration = settleTime,
        _ body: () async throws -> T
    ) async throws -> T {
        try begin(id, reason: reason, replacesFile: replacesFile)
        do {
            try await Task.sleep(for: settle)
            let value = try await body()
            end(id)
            return value
        } catch {
            end(id)
            throw error
        }
    }

    /// Sets the marker. A second process on the same tenant is refused: two restores of one file at once
    /// would each replace what the other wrote.
    package func begin(_ id: TenantID, reason: String, replacesFile: Bool) throws {
        try FileManager.default.createDirectory(at: directory.maintenanceFolder, withIntermediateDirectories: true)
        let marker = Marker(
            reason: reason, replacesFile: replacesFile, since: Date(), processID: ProcessInfo.processInfo.processIdentifier)
        let data = try JSONEncoder().encode(marker)
        let path = directory.maintenanceMarker(for: id).path
        // Written whole under a name no reader takes for a marker, then linked into place: `link` creates the
        // marker only if there is none (atomic "create if absent", as O_EXCL) and with its content already in
        // it, so a process killed at any moment leaves no marker or a readable one, never an empty file that
        // would count as a restore and refuse the next run.
        let temporary = directory.maintenanceFolder
            .appendingPathComponent(".\(id.rawValue).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        try data.write(to: URL(fileURLWithPath: temporary))
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else { throw TenantError.maintenance(id) }
    }

    package func end(_ id: TenantID) {
        try? FileManager.default.removeItem(at: directory.maintenanceMarker(for: id))
    }

    package func isInMaintenance(_ id: TenantID) -> Bool {
        FileManager.default.fileExists(atPath: directory.maintenanceMarkerPath(for: id))
    }

    /// The tenants in maintenance now, with their markers (an unreadable marker still counts, as a restore).
    package func current() -> [TenantID: Marker] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.maintenanceFolder.path)) ?? []
        var markers: [TenantID: Marker] = [:]
        for name in names {
            guard let id = try? TenantID(name) else { continue }
            let data = try? Data(contentsOf: directory.maintenanceMarker(for: id))
            markers[id] =
                data.flatMap { try? JSONDecoder().decode(Marker.self, from: $0) }
                ?? Marker(reason: "unknown", replacesFile: true, since: Date(), processID: 0)
        }
        return markers
    }
}
