import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// `/verifiser`: the form, and the check of an uploaded sealed file (a form upload, or the file itself as
/// the body for scripts). Nothing about the file is stored or logged.
struct VerifyPages: Sendable {
    static let path = "/verifiser"

    let engine: Engine
    let renderer: PageRenderer
    let uploadLimit: Int

    func form<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        HTMLPage.response(
            try renderer.render(VerifyPage(keyID: engine.sealKeyID, visitor: context.visitor), template: "verify"))
    }

    func check<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let bytes: [UInt8]
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") || type.hasPrefix("application/x-www-form-urlencoded") {
            bytes = try await FormFields.read(&request, limit: uploadLimit).file("fil") ?? []
        } else {
            bytes = Array(try await request.collectBody(upTo: uploadLimit).readableBytesView)
        }
        guard !bytes.isEmpty else {
            var errors = FormErrors()
            errors.add("fil", "Velg filen du vil kontrollere.")
            let page = VerifyPage(keyID: engine.sealKeyID, visitor: context.visitor, errors: errors)
            return HTMLPage.response(try renderer.render(page, template: "verify"), status: .badRequest)
        }
        let result = engine.verifySealedFile(Data(bytes))
        let page = VerifyPage(keyID: engine.sealKeyID, result: result, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "verify"))
    }
}
