import Domain
import Foundation
import Storage

extension Engine {
    /// The public list: every tenant with whether its agreement is in force and since when. Anyone may
    /// read it; it carries no personal data.
    package func publicAgreementStatus() throws -> [(tenant: Tenant, inForceSince: Date?)] {
        try registry.agreementStatus(at: now())
    }

    /// The public list searched: kommuner whose name contains `search` (ignoring case and accents) in the
    /// fylke named `fylke`; an empty or nil value does not filter.
    package func publicAgreementList(search: String?, fylke: String?) throws -> PublicAgreementList {
        let rows = try publicAgreementStatus()
        var fylker: [String] = []
        for kommune in registry.kommuner.all where !fylker.contains(kommune.fylke) { fylker.append(kommune.fylke) }
        let query = search?.trimmingCharacters(in: .whitespaces) ?? ""
        let fylke = fylke?.isEmpty == false ? fylke : nil
        var kommuner: [PublicAgreementList.Entry] = []
        var virksomheter: [PublicAgreementList.Entry] = []
        var total = 0
        var inForce = 0
        for row in rows {
            guard row.tenant.kind == .kommune else {
                if row.inForceSince != nil {
                    virksomheter.append(.init(tenant: row.tenant, fylke: nil, inForceSince: row.inForceSince))
                }
                continue
            }
            total += 1
            if row.inForceSince != nil { inForce += 1 }
            let kommuneFylke = row.tenant.kommunenummer.flatMap { registry.kommuner.kommune($0)?.fylke }
            if let fylke, kommuneFylke != fylke { continue }
            if !query.isEmpty,
                row.tenant.name.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) == nil
            { continue }
            kommuner.append(.init(tenant: row.tenant, fylke: kommuneFylke, inForceSince: row.inForceSince))
        }
        return PublicAgreementList(
            kommuner: kommuner, virksomheter: virksomheter, fylker: fylker, kommunerTotal: total,
            kommunerInForce: inForce)
    }

    /// Checks a sealed file (an agreement, a statement, a record) against the platform's public key, for
    /// anyone who holds one: nothing is stored or logged about the file.
    package func verifySealedFile(_ data: Data) -> SealVerification {
        PlatformSeal.verify(file: data, publicKey: seal.publicKey)
    }

    /// The key id of the platform's sealing key, as a sealed file names it.
    package var sealKeyID: String { seal.keyID }
}

/// What checking a sealed file found (valid, with the document; or why not).
package typealias SealVerification = PlatformSeal.Verification
