import Domain
import Engine
import Foundation
import OpenAPIRuntime
import Web
import Storage

/// After the notice date: the controller takes its data back, or has it deleted; both end in a sealed
/// statement.
extension APIHandlers {
    func returnTenantData(_ input: Operations.ReturnTenantData.Input) async throws -> Operations.ReturnTenantData.Output {
        let scope = try AdministratorScope.required()
        let sealed = try await services.engine.onboarding.returnData(scope.caller)
        return .created(.init(body: .json(.init(sealed))))
    }

    func downloadExportDatabase(_ input: Operations.DownloadExportDatabase.Input) async throws
        -> Operations.DownloadExportDatabase.Output
    {
        return .ok(.init(
            headers: .init(contentDisposition: ContentDisposition.attachment(filename: "tenant.sqlite")),
            body: .applicationVnd_sqlite3(try exportFile(.database))))
    }

    func downloadExportJSON(_ input: Operations.DownloadExportJSON.Input) async throws
        -> Operations.DownloadExportJSON.Output
    {
        .ok(.init(
            headers: .init(contentDisposition: ContentDisposition.attachment(filename: "export.json")),
            body: .binary(try exportFile(.json))))
    }

    func deleteTenantData(_ input: Operations.DeleteTenantData.Input) async throws -> Operations.DeleteTenantData.Output {
        let scope = try AdministratorScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let sealed = try await services.engine.onboarding.deleteData(scope.caller, confirmNotTaken: body.confirmNotTaken)
        return .ok(.init(body: .json(.init(sealed))))
    }

    func getDeletionCheck(_ input: Operations.GetDeletionCheck.Input) async throws -> Operations.GetDeletionCheck.Output {
        let scope = try AdministratorScope.required()
        let check = try await services.engine.onboarding.deletionCheck(scope.caller)
        return .ok(.init(body: .json(.init(trainees: check.trainees, notTaken: check.notTaken))))
    }

    func listStatements(_ input: Operations.ListStatements.Input) async throws -> Operations.ListStatements.Output {
        let scope = try AdministratorScope.required()
        let statements = try services.engine.onboarding.statements(scope.caller)
        return .ok(.init(body: .json(.init(statements: statements.map { .init(id: $0.id, kind: $0.kind, at: $0.at, sealed: $0.sealed) }))))
    }

    /// The file as it is on disk: the return statement certifies its size and SHA-256.
    private func exportFile(_ file: OnboardingDesk.ExportFile) throws -> HTTPBody {
        let scope = try AdministratorScope.required()
        return try FileBody.stream(try services.engine.onboarding.exportFile(scope.caller, file))
    }
}

extension Components.Schemas.Statement {
    /// From the sealed statement itself: its id and time are part of what was sealed.
    init(_ sealed: SealedDocument) {
        let content = sealed.content
        let at = (content["returnedAt"] ?? content["deletedAt"])?.stringValue
        self.init(
            id: content["statementId"]?.stringValue ?? "", kind: sealed.kind,
            at: at.flatMap { try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0) } ?? Date(timeIntervalSince1970: 0),
            sealed: sealed.fileText)
    }
}
