import Domain
import Engine
import Foundation

/// What `/virksomhet/{id}/lis/{traineeId}/fremdrift` shows: the progress report (fremdriftsrapport) of one
/// LIS as a page, the same sections and chart as the printable report, with links to it and to the CSV.
struct ProgressPage: Sendable {
    let layout: PageLayout
    let report: ProgressReportView
    let printHref: String
    let csvHref: String
    let talksHref: String

    init(_ report: ProgressReport, trainee: Trainee, tenant: Tenant, generatedAt: Date, visitor: Visitor) {
        self.layout = PageLayout(title: "Fremdriftsrapport – \(trainee.name)", visitor: visitor)
        self.report = ProgressReportView(
            report, traineeName: trainee.name, tenantName: tenant.name, generatedAt: generatedAt)
        let path = ProgressPages.path(tenant.id.rawValue, trainee: trainee.id)
        self.printHref = path + "/utskrift"
        self.csvHref = path + "/csv"
        self.talksHref = TalkPages.path(tenant.id.rawValue, trainee: trainee.id)
    }
}
