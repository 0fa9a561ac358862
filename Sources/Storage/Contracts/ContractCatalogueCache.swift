import Domain
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
    private let path: String
    /// The folder itself and each entry in it, as they were when the catalogue was read.
    private let state = Mutex<(stamps: [FileStamp], catalogue: ContractCatalogue)?>(nil)
    /// Drafts already filled in, by everything that goes into one (see `draft`).
    private let drafts = Mutex<[DraftKey: AgreementDraft]>([:])
    /// Bounded like the page fragments: it starts over when full, so thousands of signers never pile up.
    static let draftLimit = 1_024

    /// A draft is its template's text (named by version and SHA-256) with the tenant's name and organisation
    /// number and the signer's name filled in: the same key is the same text.
    private struct DraftKey: Hashable {
        let version: String
        let textHash: String
        let partyName: String
        let organisationNumber: String?
        let signer: String
    }

    package init(directory: URL) {
        self.directory = directory
        self.path = directory.path
    }

    /// The catalogue as the folder is now. The known files are checked with one `stat` each (the folders'
    /// own stamps change when an entry is added, removed or renamed); only when one moved is the folder
    /// listed and verified again. Listing it on every read was a tenth of the signer's page.
    package func catalogue() throws -> ContractCatalogue {
        if let known = state.withLock({ $0 }), known.stamps.allSatisfy({ FileStamp($0.path) == $0 }) {
            return known.catalogue
        }
        let stamps = [FileStamp(path)] + (try Self.fingerprint(of: directory))
        let catalogue = try ContractCatalogue(directory: directory)
        state.withLock { $0 = (stamps, catalogue) }
        return catalogue
    }

    /// `catalogue.draft(template, tenant:, signer:)`, filled in once per text: every view of the signer's page
    /// shows the draft, and filling in and hashing the agreement for every view was a twentieth of that page.
    /// The template's verified SHA-256 is in the key, so an altered text never meets an old draft.
    package func draft(
        _ template: AgreementTemplate, of catalogue: ContractCatalogue, tenant: Tenant, signer: String
    ) throws -> AgreementDraft {
        let key = DraftKey(
            version: template.version, textHash: template.textHash, partyName: tenant.partyName,
            organisationNumber: tenant.organisationNumber?.rawValue, signer: signer)
        if let known = drafts.withLock({ $0[key] }) { return known }
        let draft = try catalogue.draft(template, tenant: tenant, signer: signer)
        drafts.withLock { drafts in
            if drafts.count >= Self.draftLimit { drafts.removeAll(keepingCapacity: true) }
            drafts[key] = draft
        }
        return draft
    }

    /// Each version folder and each file in it, with its inode, size and modification time.
    static func fingerprint(of directory: URL) throws -> [FileStamp] {
        var stamps: [FileStamp] = []
        for folder in try names(in: directory.path) {
            let folderStamp = FileStamp(directory.path + "/" + folder)
            stamps.append(folderStamp)
            guard folderStamp.isFolder else { continue }
            for file in try names(in: folderStamp.path) {
                stamps.append(FileStamp(folderStamp.path + "/" + file))
            }
        }
        return stamps
    }

    /// The entries of a folder but `.` and `..`, sorted.
    private static func names(in path: String) throws -> [String] {
        guard let stream = opendir(path) else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            if !name.isEmpty && name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
