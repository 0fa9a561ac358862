import Foundation
import Synchronization

/// The agreement catalogue of one `Contracts/` folder, read and verified again whenever a file in it changed.
///
/// Every offer must reflect the files as they are now (an altered text is refused at once), but reading and
/// hashing every version for every page view was a tenth of the signer's page. A file's size, modification
/// time (nanoseconds) and inode change when it is written, replaced or renamed into place, and a version
/// added or removed changes the listing; so the catalogue is verified again exactly when one of those moved.
package final class ContractCatalogueCache: Sendable {
    private let directory: URL
    private let state = Mutex<(fingerprint: [String], catalogue: ContractCatalogue)?>(nil)

    package init(directory: URL) { self.directory = directory }

    /// The catalogue as the folder is now.
    package func catalogue() throws -> ContractCatalogue {
        let fingerprint = try Self.fingerprint(of: directory)
        if let known = state.withLock({ $0 }), known.fingerprint == fingerprint { return known.catalogue }
        let catalogue = try ContractCatalogue(directory: directory)
        state.withLock { $0 = (fingerprint, catalogue) }
        return catalogue
    }

    /// One line per version folder and per file in it: name, inode, size and modification time.
    static func fingerprint(of directory: URL) throws -> [String] {
        let manager = FileManager.default
        var lines: [String] = []
        for folder in try manager.contentsOfDirectory(atPath: directory.path).sorted() {
            let path = directory.appendingPathComponent(folder).path
            lines.append(folder + " " + Self.stamp(path))
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for file in try manager.contentsOfDirectory(atPath: path).sorted() {
                lines.append(folder + "/" + file + " " + Self.stamp(path + "/" + file))
            }
        }
        return lines
    }

    private static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        return "\(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
