import Domain
import Engine

/// `/brukerstotte/virksomhet/{id}/lis/{traineeId}`: one LIS's record as support reads it under open access.
struct SupportTraineePage: Sendable {
    let layout: PageLayout
    let tenantName: String
    let tenantHref: String
    let name: String
    let traineeID: String
    let programme: String
    let hprNumber: String
    let email: String
    let registeredOn: String

    init(tenant: Tenant, trainee: Trainee, visitor: Visitor) {
        self.layout = PageLayout(title: "Brukerstøtte – LIS i \(tenant.name)", visitor: visitor)
        self.tenantName = tenant.name
        self.tenantHref = SupportPages.tenantPath(tenant.id.rawValue)
        self.name = trainee.name
        self.traineeID = trainee.id.lowercasedText
        self.programme = trainee.programme.norwegianName
        self.hprNumber = trainee.hprNumber ?? "Ikke oppgitt"
        self.email = trainee.email ?? "Ikke oppgitt"
        self.registeredOn = AgreementMail.norwegianDate(trainee.registeredAt)
    }
}
