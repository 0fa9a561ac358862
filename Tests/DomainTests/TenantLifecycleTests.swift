import Foundation
import Testing

@testable import Domain

extension Tenant {
    static func fixture(status: TenantStatus, provisioned: Bool = true) -> Tenant {
        Tenant(
            id: (try? TenantID("legesenteret")) ?? .kommune((try? Kommunenummer("0301"))!), kind: .virksomhet,
            organisationNumber: try? OrganisationNumber("988077917"), kommunenummer: nil, name: "Legesenteret",
            status: status, provisionedAt: provisioned ? Date(timeIntervalSince1970: 0) : nil,
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
    }
}

@Suite struct TenantLifecycleTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Every transition from every status: the allowed ones and where they lead.
    static let table: [(TenantStatus, TenantTransition, TenantStatus?)] = [
        (.registered, .suspend, nil), (.agreementPending, .suspend, nil), (.active, .suspend, .suspended),
        (.suspended, .suspend, nil), (.terminated, .suspend, nil),
        (.registered, .resume, nil), (.agreementPending, .resume, nil), (.active, .resume, nil),
        (.suspended, .resume, .active), (.terminated, .resume, nil),
    ]

    @Test func theTableCoversEveryStatusAndTransition() {
        #expect(Self.table.count == TenantStatus.allCases.count * TenantTransition.allCases.count)
    }

    @Test(arguments: table)
    func aTransitionLeadsWhereTheTableSays(_ from: TenantStatus, _ transition: TenantTransition, _ to: TenantStatus?) {
        let tenant = Tenant.fixture(status: from)
        if let to {
            let next = try? tenant.applying(transition, at: Self.now)
            #expect(next?.status == to)
            #expect(next?.updatedAt == Self.now)
        } else {
            #expect(throws: TenantError.transitionNotAllowed(tenant.id, from: from, transition: transition.rawValue)) {
                try tenant.applying(transition, at: Self.now)
            }
        }
    }

    @Test func aTenantWithoutADatabaseCannotComeIntoForce() {
        let tenant = Tenant.fixture(status: .agreementPending, provisioned: false)
        #expect(throws: TenantError.notProvisioned(tenant.id)) { try tenant.agreementInForce(at: Self.now) }
    }

    @Test func onlyAnAgreementInForceOpensATenant() throws {
        let registered = Tenant.fixture(status: .registered)
        let pending = registered.agreementSigned(at: Self.now)
        #expect(pending.status == .agreementPending)
        #expect(pending.gateRefusal(at: Self.now) == .agreementRequired(registered.id, status: .agreementPending))
        let active = try pending.agreementInForce(at: Self.now)
        #expect(active.status == .active)
        #expect(active.gateRefusal(at: Self.now) == nil)
        #expect(active.agreementSigned(at: Self.now).status == .active, "a new version does not close a working tenant")
    }

    @Test func aTerminatedTenantStaysOpenUntilItsNoticeDate() throws {
        let closes = Self.now.addingTimeInterval(7 * 86_400)
        let terminated = try Tenant.fixture(status: .active).terminating(closesAt: closes, at: Self.now)
        #expect(terminated.status == .terminated)
        #expect(terminated.gateRefusal(at: Self.now) == nil)
        #expect(terminated.gateRefusal(at: closes) == .terminated(terminated.id, closedAt: closes))
        #expect(throws: AgreementError.stillInNoticePeriod(closesOn: closes.isoDay)) { try terminated.checkClosed(at: Self.now) }
        #expect(throws: AgreementError.alreadyTerminated) { try terminated.terminating(closesAt: closes, at: Self.now) }
        #expect(throws: AgreementError.noAgreementInForce) {
            try Tenant.fixture(status: .registered).terminating(closesAt: closes, at: Self.now)
        }
        try terminated.checkClosed(at: closes)
        #expect(throws: AgreementError.notTerminated) { try Tenant.fixture(status: .active).checkClosed(at: closes) }
        #expect(throws: AgreementError.dataAlreadyDeleted) { try terminated.dataDeleted(at: closes).checkClosed(at: closes) }
    }

    @Test func provisioningTwiceIsRefused() throws {
        let tenant = Tenant.fixture(status: .registered, provisioned: false)
        let provisioned = try tenant.provisioned(at: Self.now)
        #expect(provisioned.provisionedAt == Self.now)
        #expect(throws: TenantError.alreadyProvisioned(tenant.id)) { try provisioned.provisioned(at: Self.now) }
    }

    @Test(arguments: [
        (TenantStatus.registered, "agreement.required"), (.agreementPending, "agreement.required"),
        (.suspended, "suspended"), (.terminated, "terminated"),
    ])
    func theGateRefusesEveryTenantThatIsNotActive(_ status: TenantStatus, _ reason: String) {
        let refusal = Tenant.fixture(status: status).gateRefusal(at: Self.now)
        #expect(refusal != nil)
        switch refusal {
        case .agreementRequired: #expect(reason == "agreement.required")
        case .suspended: #expect(reason == "suspended")
        case .terminated: #expect(reason == "terminated")
        default: Issue.record("unexpected refusal \(String(describing: refusal))")
        }
    }

    @Test func theGateLetsAnActiveProvisionedTenantThrough() {
        #expect(Tenant.fixture(status: .active).gateRefusal(at: Self.now) == nil)
    }

    @Test(arguments: ["", "   ", String(repeating: "x", count: 201), "Bad\u{0007}Name"])
    func aVirksomhetNeedsAUsableName(_ name: String) throws {
        #expect(throws: ValidationError.self) {
            try Tenant.newVirksomhet(
                id: try TenantID("x"), organisationNumber: try OrganisationNumber("988077917"), name: name,
                at: Self.now)
        }
    }
}
