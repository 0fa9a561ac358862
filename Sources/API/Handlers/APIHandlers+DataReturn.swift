import Domain
import Engine
import Foundation
import OpenAPIRuntime
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
        let data = try exportFile(.database)
        return .ok(.init(body: .applicationVnd_sqlite3(HTTPBody(data))))
    }

    func downloadExportJSON(_ input: Operations.DownloadExportJSON.Input) async throws
        -> Operations.DownloadExportJSON.Output
    {
        .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: try exportFile(.json)))))
    }

    func deleteTenantData(_ input: Operations.DeleteTenantData.Input) async throws -> Operations.DeleteTenantData.Output {
        let scope = try AdministratorScope.required()
        let sealed = try await services.engine.onboarding.deleteData(scope.caller)
        return .ok(.init(body: .json(.init(sealed))))
    }

    func listStatements(_ input: Operations.ListStatements.Input) async throws -> Operations.ListStatements.Output {
        let scope = try AdministratorScope.required()
        let statements = try services.engine.onboarding.statements(scope.caller)
        return .ok(.init(body: .json(.init(statements: statements.map { .init(id: $0.id, kind: $0.kind, at: $0.at, sealed: $0.sealed) }))))
    }

    private func exportFile(_ file: OnboardingDesk.ExportFile) throws -> Data {
        let scope = try AdministratorScope.required()
        return try Data(contentsOf: try services.engine.onboarding.exportFile(scope.caller, file))
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
