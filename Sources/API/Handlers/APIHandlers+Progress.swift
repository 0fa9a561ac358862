import Domain
import Engine
import Foundation
import OpenAPIRuntime
import Web

/// The progress report (one LIS, the leder's LIS, the whole tenant) and the sealed records a LIS takes
/// along: approved objectives for the next employer, and the confirmation of completed service.
extension APIHandlers {
    func getProgressReport(_ input: Operations.GetProgressReport.Input) async throws -> Operations.GetProgressReport.Output {
        let scope = try TenantScope.required()
        let (report, trainee) = try await services.engine.reports.progressReport(
            scope.caller, trainee: try traineeID(input.path.traineeId))
        switch input.query.format ?? .json {
        case .csv:
            let file = Self.csvAttachment("fremdriftsrapport \(trainee.name)", at: services.now())
            let body = HTTPBody(report.csv())
            return .ok(.init(headers: .init(contentDisposition: file), body: .textCsvCharsetUtf8(body)))
        case .html:
            let html = try reports.progress(
                report, traineeName: trainee.name, tenantName: scope.tenant.name, generatedAt: services.now())
            return .ok(.init(body: .html(HTTPBody(html))))
        case .json:
            return .ok(.init(body: .json(.init(report, trainee: trainee))))
        }
    }

    /// The report's JSON for `ProgressReportJSONMiddleware`: the same engine operation as the `.json` case
    /// above, written by `ProgressReport.jsonText` instead of the generated encoder.
    func progressReportJSON(traineeId: String) async throws -> HTTPBody {
        let scope = try TenantScope.required()
        let (report, trainee) = try await services.engine.reports.progressReport(
            scope.caller, trainee: try traineeID(traineeId))
        return HTTPBody(report.jsonText(trainee: trainee))
    }

    func getLederOverview(_ input: Operations.GetLederOverview.Input) async throws -> Operations.GetLederOverview.Output {
        let scope = try TenantScope.required()
        let now = services.now()
        let overview = try await services.engine.reports.lederOverview(scope.caller)
        switch input.query.format ?? .json {
        case .csv:
            let file = Self.csvAttachment("mine LIS", at: now)
            let body = HTTPBody(overview.csv())
            return .ok(.init(headers: .init(contentDisposition: file), body: .textCsvCharsetUtf8(body)))
        case .html:
            let html = try reports.overview(
                overview, title: "Mine LIS – fremdrift", tenantName: scope.tenant.name, generatedAt: now)
            return .ok(.init(body: .html(HTTPBody(html))))
        case .json: return .ok(.init(body: .json(.init(overview))))
        }
    }

    func getTenantOverview(_ input: Operations.GetTenantOverview.Input) async throws -> Operations.GetTenantOverview.Output {
        let scope = try TenantScope.required()
        let now = services.now()
        let overview = try await services.engine.reports.tenantOverview(scope.caller)
        switch input.query.format ?? .json {
        case .csv:
            let file = Self.csvAttachment("oversikt \(scope.tenant.name)", at: now)
            let body = HTTPBody(overview.csv())
            return .ok(.init(headers: .init(contentDisposition: file), body: .textCsvCharsetUtf8(body)))
        case .html:
            let html = try reports.overview(
                overview, title: "Oversikt over LIS – \(scope.tenant.name)", tenantName: scope.tenant.name,
                generatedAt: now)
            return .ok(.init(body: .html(HTTPBody(html))))
        case .json: return .ok(.init(body: .json(.init(overview))))
        }
    }

    /// `attachment; filename="…"` for a CSV download: the title and the day, so that a saved file says
    /// what it is and when it was taken.
    static func csvAttachment(_ title: String, at now: Date) -> String {
        ContentDisposition.attachment(filename: "\(title) \(now.isoDay).csv")
    }

    func exportApprovedRecord(_ input: Operations.ExportApprovedRecord.Input) async throws
        -> Operations.ExportApprovedRecord.Output
    {
        let scope = try TenantScope.required()
        let sealed = try await services.engine.reports.approvedRecord(scope.caller, trainee: try traineeID(input.path.traineeId))
        return .ok(.init(
            headers: .init(contentDisposition: ContentDisposition.attachment(filename: "godkjente-laeringsmaal.json")),
            body: .binary(FileBody.sealed(sealed.fileText))))
    }

    func importApprovedRecord(_ input: Operations.ImportApprovedRecord.Input) async throws
        -> Operations.ImportApprovedRecord.Output
    {
        let scope = try TenantScope.required()
        let id = try traineeID(input.path.traineeId)
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let imported = try await services.engine.reports.importApprovedRecord(
            scope.caller, trainee: id, file: try JSONEncoder().encode(body))
        return .ok(.init(body: .json(.init(imported: imported))))
    }

    func getCompletionConfirmation(_ input: Operations.GetCompletionConfirmation.Input) async throws
        -> Operations.GetCompletionConfirmation.Output
    {
        let scope = try TenantScope.required()
        let sealed = try await services.engine.reports.completion(
            scope.caller, trainee: try traineeID(input.path.traineeId), planKey: input.query.planKey)
        return .ok(.init(
            headers: .init(contentDisposition: ContentDisposition.attachment(filename: "bekreftelse-gjennomfort-tjeneste.json")),
            body: .binary(FileBody.sealed(sealed.fileText))))
    }
}
