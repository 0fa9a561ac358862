import Domain
import Foundation
import Identity
import Logging
import Storage

/// The shared domain engine: the one thing every door (the JSON API, the pages, `kp`) calls.
///
/// Each area of work is a "desk" with one method per user-level operation. A method takes the gated tenant
/// (or none, for platform operations), the authenticated person and typed input, and authorizes (the one
/// `PermissionTable`), reads, lets `Domain` decide, writes, and appends the access log and audit entries in
/// one transaction of the tenant database or the registry, through `Storage`'s verbs. Doors hold no rule,
/// no permission check and no access-log call; they decode, call one method and present the result.
package struct Engine: Sendable {
    let registry: Registry
    let store: TenantStore
    let directory: TenantDirectory
    let provisioner: TenantProvisioner
    let offboarding: TenantOffboarding
    let seal: PlatformSeal
    /// `Contracts/`: verified again whenever a file in it changed, so an altered file is caught at once.
    let contracts: ContractCatalogueCache
    /// Where links in e-mails point (`http.publicBaseURL`).
    let publicBaseURL: String
    /// The largest file a LIS may upload as an attachment.
    let maxUploadBytes: Int
    let mail: MailSignal
    /// The HelseID login client, when `login.enabled`.
    let loginClient: LoginClient?
    /// How long a login session lasts.
    let sessionLifetime: TimeInterval
    let logger: Logger
    let now: @Sendable () -> Date
    let newID: @Sendable () -> UUID

    package init(
        registry: Registry, store: TenantStore, directory: TenantDirectory, seal: PlatformSeal, contractsDirectory: URL,
        publicBaseURL: String, maxUploadBytes: Int, mail: MailSignal, loginClient: LoginClient? = nil,
        sessionLifetime: TimeInterval = 8 * 3600, logger: Logger,
        now: @escaping @Sendable () -> Date, newID: @escaping @Sendable () -> UUID
    ) {
        self.registry = registry
        self.store = store
        self.directory = directory
        self.provisioner = TenantProvisioner(registry: registry, store: store)
        self.offboarding = TenantOffboarding(registry: registry, store: store)
        self.seal = seal
        self.contracts = ContractCatalogueCache(directory: contractsDirectory)
        self.publicBaseURL = publicBaseURL
        self.maxUploadBytes = maxUploadBytes
        self.mail = mail
        self.loginClient = loginClient
        self.sessionLifetime = sessionLifetime
        self.logger = logger
        self.now = now
        self.newID = newID
    }

    /// Agreements, onboarding of kommuner and virksomheter, termination, data return and deletion.
    package var agreements: AgreementDesk { AgreementDesk(engine: self) }
}
