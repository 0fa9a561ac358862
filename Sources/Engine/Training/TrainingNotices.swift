import Domain
import Foundation
import Storage

/// Composes one operation's e-mail notices inside its transaction (from the LIS and role holders it read),
/// so a notice is queued in the tenant's outbox if and only if the step is committed. The addresses come
/// from the LIS's record or the registry's person (the address their invitation was sent to); someone
/// without a known address, or who turned that kind of notice off, gets none, and the step still succeeds.
struct TrainingNotices: Sendable {
    let tenant: Tenant
    let actorName: String
    let baseURL: String
    let registry: Registry
    let newID: @Sendable () -> UUID

    /// To the person something now waits for.
    func waiting(_ kind: TrainingNotice.Waiting, to key: PersonKey, reader: TraineeReader) -> [OutgoingMail] {
        guard registry.wantsNotice(kind == .activityToSign ? .activityToSign : .objectiveToApprove, person: key),
            let email = ((try? registry.person(key)) ?? nil)?.email
        else { return [] }
        let name = reader.holderNames()[key] ?? ""
        return [
            TrainingNotice.waiting(
                kind, recipient: (name, email), traineeName: reader.trainee.name, tenant: tenant, baseURL: baseURL,
                id: newID())
        ]
    }

    /// To the LIS, when their veileder planned a talk: the date, never the topic.
    func talkPlanned(on date: CalendarDate, reader: TraineeReader) -> [OutgoingMail] {
        let trainee = reader.trainee
        guard registry.wantsNotice(.talkPlanned, person: trainee.personKey),
            let email = trainee.email ?? ((try? registry.person(trainee.personKey)) ?? nil)?.email
        else { return [] }
        return [
            TrainingNotice.talkPlanned(
                on: date, veilederName: actorName, trainee: trainee, email: email, tenant: tenant, baseURL: baseURL,
                id: newID())
        ]
    }

    /// To the LIS, when what they sent was decided.
    func decided(_ what: String, _ verdict: String, reader: TraineeReader) -> [OutgoingMail] {
        let trainee = reader.trainee
        guard registry.wantsNotice(.decision, person: trainee.personKey),
            let email = trainee.email ?? ((try? registry.person(trainee.personKey)) ?? nil)?.email
        else { return [] }
        return [
            TrainingNotice.decided(
                what: what, verdict: verdict, deciderName: actorName, trainee: trainee, email: email, tenant: tenant,
                baseURL: baseURL, id: newID())
        ]
    }
}

extension TrainingDesk {
    func notices(_ caller: TenantCaller) -> TrainingNotices {
        TrainingNotices(
            tenant: caller.tenant, actorName: caller.principal.name, baseURL: engine.publicBaseURL,
            registry: engine.registry, newID: engine.newID)
    }
}
