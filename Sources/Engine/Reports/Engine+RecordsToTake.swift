import Domain
import Foundation
import Storage

extension Engine {
    /// In a tenant closed by a termination (and not yet deleted) the gate lets through only the reads of a
    /// LIS's sealed records; this lets through only the LIS themselves, so a leder or an administrator of a
    /// closed tenant gets the same refusal as for every other page.
    func checkRecordToTake(_ caller: TenantCaller, trainee: UUID, in database: TenantDatabase) throws {
        guard let refusal = caller.tenant.gateRefusal(at: now()) else { return }
        guard caller.tenant.isClosedWithRecordsToTake(at: now()),
            let lis = try database.trainee(id: trainee), lis.personKey == caller.principal.personKey
        else { throw refusal }
    }
}
