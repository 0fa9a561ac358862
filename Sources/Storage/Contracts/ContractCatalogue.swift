import Crypto
import Domain
import Foundation

/// The published agreement templates in `Contracts/`, each verified against its manifest on load.
///
/// A version whose files no longer match their published SHA-256 is not offered: it is listed in
/// `refused` with the reason, so the server can say why instead of serving an altered agreement.
package struct ContractCatalogue: Sendable {
    private struct Manifest: Decodable {
        struct File: Decodable {
            let name: String
            let sha256: String
        }
        let version: String
        let effectiveDate: String
        let fields: [String]
        let files: [File]
    }

    package let templates: [AgreementTemplate]
    /// Versions that failed verification, with the reason.
    package let refused: [String: String]
    /// The effective dates of refused versions whose manifest could still be read.
    private let refusedEffectiveDates: [String: String]

    package init(directory: URL) throws {
        var templates: [AgreementTemplate] = []
        var refused: [String: String] = [:]
        var refusedDates: [String: String] = [:]
        let folders = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter(\.hasDirectoryPath).sorted { $0.lastPathComponent < $1.lastPathComponent }
        for folder in folders {
            let name = folder.lastPathComponent
            do {
                let manifest = try JSONDecoder().decode(
                    Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
                guard manifest.version == name else {
                    refused[name] = "manifest names version \(manifest.version)"
                    continue
                }
                var text: String?
                var textHash = ""
                var problem: String?
                for file in manifest.files {
                    let data = try Data(contentsOf: folder.appendingPathComponent(file.name))
                    let actual = Self.sha256(data)
                    if actual != file.sha256 { problem = "\(file.name) does not match its published SHA-256" }
                    if file.name.hasSuffix(".md") {
                        text = String(decoding: data, as: UTF8.self)
                        textHash = actual
                    }
                }
                if let problem {
                    refused[name] = problem
                    refusedDates[name] = manifest.effectiveDate
                } else if let text {
                    templates.append(
                        AgreementTemplate(
                            version: manifest.version, effectiveDate: manifest.effectiveDate, fields: manifest.fields,
                            text: text, textHash: textHash))
                } else {
                    refused[name] = "no agreement text (.md) in the manifest"
                }
            } catch {
                refused[name] = "unreadable manifest or file"
            }
        }
        self.templates = templates
        self.refused = refused
        self.refusedEffectiveDates = refusedDates
    }

    /// The version to sign at `date`: the newest in effect. If that version failed verification it is
    /// refused with its reason rather than silently replaced by an older one.
    package func currentTemplate(on date: String) throws(AgreementError) -> AgreementTemplate {
        let valid = current(on: date)
        if let newestRefused = refusedEffectiveDates.filter({ $0.value <= date }).max(by: { $0.value < $1.value }),
            newestRefused.value >= (valid?.effectiveDate ?? "")
        {
            throw .templateRefused(version: newestRefused.key, reason: refused[newestRefused.key] ?? "failed verification")
        }
        if valid == nil, let unreadable = refused.first(where: { refusedEffectiveDates[$0.key] == nil }) {
            throw .templateRefused(version: unreadable.key, reason: unreadable.value)
        }
        guard let valid else { throw .noTemplate }
        return valid
    }

    /// The agreement as `signer` will sign it for `tenant`: the template with the tenant's fields filled in,
    /// and the SHA-256 of the exact text.
    package func draft(_ template: AgreementTemplate, tenant: Tenant, signer: String) throws -> AgreementDraft {
        guard let number = tenant.organisationNumber else {
            throw ValidationError(
                field: "organisasjonsnummer",
                reason: .notAllowed("the registry has no organisation number for this tenant yet; support records it when naming the signer"))
        }
        let fields = ["organisasjonsnavn": tenant.partyName, "organisasjonsnummer": number.rawValue, "signatar": signer]
        let document = try template.render(fields)
        return AgreementDraft(
            template: template, fields: fields, document: document, documentHash: Self.sha256(Data(document.utf8)))
    }

    /// The version new agreements are signed on at `date` (ISO `yyyy-MM-dd`): the newest in effect.
    package func current(on date: String) -> AgreementTemplate? {
        templates.filter { $0.effectiveDate <= date }.max { $0.effectiveDate < $1.effectiveDate }
    }

    package func template(_ version: String) -> AgreementTemplate? {
        templates.first { $0.version == version }
    }

    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).hexEncoded
    }
}

/// An agreement ready to be signed: exactly this text, with this hash.
package struct AgreementDraft: Sendable {
    package let template: AgreementTemplate
    package let fields: [String: String]
    package let document: String
    package let documentHash: String
}
