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

    package init(directory: URL) throws {
        var templates: [AgreementTemplate] = []
        var refused: [String: String] = [:]
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
