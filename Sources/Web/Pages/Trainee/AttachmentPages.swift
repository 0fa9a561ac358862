import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A file attached to a LIS's activity, for anyone who may read the LIS's record: the LIS, their leder and
/// veileder, and the supervisor asked to sign. The engine checks and logs the read; anyone else gets the
/// same 404 as a file that does not exist.
struct AttachmentPages: Sendable {
    let engine: Engine

    static func path(_ tenant: String, trainee: UUID, sha256: String) -> String {
        "/virksomhet/\(tenant)/lis/\(trainee.lowercasedText)/vedlegg/\(sha256)"
    }

    /// `GET /virksomhet/{tenantId}/lis/{traineeId}/vedlegg/{sha256}`: the file, always as a download.
    func download<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let caller = try engine.tenantCaller(try context.parameters.require("tenantId"), for: principal)
        guard let trainee = UUID(uuidString: try context.parameters.require("traineeId")) else {
            throw PageNotFound(detail: "not a LIS id")
        }
        let sha256 = try context.parameters.require("sha256")
        let file = try await HiddenRefusal.hidingForbidden {
            do {
                return try await engine.training.attachment(caller, trainee: trainee, sha256: sha256)
            } catch let failure as any DescribedFailure where failure.category == .notFound {
                throw PageNotFound(detail: failure.detail)
            }
        }
        // Stored before the types were checked, a file keeps a neutral type: the browser only saves it.
        let type = AttachmentType(rawValue: file.reference.mediaType)?.rawValue ?? "application/octet-stream"
        return Response(
            status: .ok,
            headers: [
                .contentType: type,
                .contentDisposition: ContentDisposition.attachment(filename: file.reference.filename),
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
