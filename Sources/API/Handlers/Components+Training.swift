import Domain
import Foundation

/// Conversions between the generated training types and the domain's.
extension Components.Schemas.Plan {
    init(_ plan: Plan) {
        self.init(
            key: plan.key.rawValue, version: plan.version, name: plan.name, programmes: plan.programmes.map(\.rawValue),
            effectiveFrom: plan.effectiveFrom.iso, sample: plan.isSample, note: plan.note,
            objectives: plan.objectives.map { objective in
                .init(
                    id: objective.id.rawValue, title: objective.title, description: objective.description,
                    theme: objective.theme,
                    activities: objective.activities.map {
                        .init(_type: $0.type.rawValue, title: $0.title, signer: $0.signer.rawValue)
                    })
            })
    }
}

extension Components.Schemas.PlanAssignment {
    init(_ assignment: PlanAssignment, name: String) {
        self.init(
            id: assignment.id.lowercasedText, planKey: assignment.plan.key.rawValue,
            planVersion: assignment.plan.version, planName: name, state: .init(rawValue: assignment.state.rawValue) ?? .assigned,
            assignedAt: assignment.assignedAt)
    }
}

extension Components.Schemas.Activity {
    init(_ activity: LearningActivity, names: [PersonKey: String]) {
        var recommendation: Int?
        var documentation: String?
        switch activity.content.kind {
        case .recommended(let index): recommendation = index
        case .alternative(_, _, let text): documentation = text
        }
        var state: Components.Schemas.Activity.StatePayload
        var sentTo: String?
        var comment: String?
        switch activity.state {
        case .draft: state = .draft
        case .submitted(let person, _):
            state = .submitted
            sentTo = names[person]
        case .approved: state = .approved
        case .rejected(_, let text):
            state = .rejected
            comment = text
        }
        self.init(
            id: activity.id.lowercasedText, planKey: activity.plan.key.rawValue, planVersion: activity.plan.version,
            objectiveId: activity.objectiveID?.rawValue, recommendation: recommendation, documentation: documentation,
            _type: activity.type.rawValue, signer: activity.signer.rawValue, performedOn: activity.content.performedOn.iso,
            note: activity.content.note, state: state, sentTo: sentTo, comment: comment,
            attachment: activity.content.attachment.map(Components.Schemas.Attachment.init))
    }
}

extension Components.Schemas.ObjectiveState {
    init(_ progress: ObjectiveProgress, names: [PersonKey: String]) {
        var state = ""
        var comment: String?
        var approvedBy: String?
        var approvedAt: Date?
        var importedFrom: String?
        switch progress.state {
        case .notStarted: state = "notStarted"
        case .inProgress: state = "inProgress"
        case .submitted: state = "submitted"
        case .rejected(let text):
            state = "rejected"
            comment = text
        case .approved(.local(let leder, _, _, let at)):
            state = "approved"
            approvedBy = names[leder]
            approvedAt = at
        case .approved(.imported(let imported)):
            state = "approved"
            approvedBy = imported.approverNames.first
            approvedAt = imported.approvedAt
            importedFrom = "\(imported.sourceTenant.rawValue) (org.nr. \(imported.organisationNumber.rawValue))"
        }
        self.init(
            planKey: progress.plan.key.rawValue, planVersion: progress.plan.version, objectiveId: progress.objectiveID.rawValue,
            state: state, comment: comment, approvedBy: approvedBy, approvedAt: approvedAt, importedFrom: importedFrom)
    }
}

extension Components.Schemas.Talk {
    init(_ talk: VisibleTalk) {
        self.init(
            id: talk.id.lowercasedText, date: talk.date.iso, topic: talk.topic,
            state: .init(rawValue: talk.state.rawValue) ?? .planned, preparation: talk.text?.preparation,
            minutes: talk.text?.minutes)
    }
}

extension Components.Schemas.ProgressReport {
    init(_ report: ProgressReport, trainee: Trainee) {
        self.init(
            traineeId: trainee.id.lowercasedText, name: trainee.name, programme: trainee.programme.rawValue,
            talksHeld: report.talksHeld, talksOpen: report.talksOpen, activitiesSigned: report.activitiesSigned,
            complete: report.isComplete,
            plans: report.plans.map { plan in
                .init(
                    planKey: plan.plan.key.rawValue, planVersion: plan.plan.version, name: plan.name,
                    objectives: plan.objectiveCount, complete: plan.isComplete, approved: plan.approved.map(\.rawValue),
                    submitted: plan.submitted.map(\.rawValue), inProgress: plan.inProgress.map(\.rawValue),
                    notStarted: plan.notStarted.map(\.rawValue), importedApprovals: plan.importedApprovals,
                    activitiesSigned: plan.activitiesSigned, activitiesAwaitingSignature: plan.activitiesAwaitingSignature,
                    lines: plan.lines.map {
                        .init(
                            objectiveId: $0.objectiveID.rawValue, title: $0.title,
                            status: .init(rawValue: $0.status.rawValue) ?? .notStarted)
                    })
            })
    }
}

extension Components.Schemas.Overview {
    init(_ overview: LederOverview) {
        self.init(
            trainees: overview.rows.map { row in
                .init(
                    traineeId: row.traineeID.lowercasedText, name: row.name, programme: row.programme.rawValue,
                    activitiesSigned: row.activitiesSigned, talksHeld: row.talksHeld, awaitingDecision: row.awaitingDecision,
                    complete: row.isComplete,
                    plans: row.plans.map { plan in
                        .init(
                            planKey: plan.plan.key.rawValue, planVersion: plan.plan.version, name: plan.name,
                            objectives: plan.objectives, approved: plan.approved, submitted: plan.submitted,
                            inProgress: plan.inProgress, notStarted: plan.notStarted, complete: plan.isComplete)
                    })
            })
    }
}

extension Components.Schemas.Attachment {
    init(_ reference: AttachmentReference) {
        self.init(sha256: reference.sha256, filename: reference.filename, mediaType: reference.mediaType, size: reference.size)
    }
}
