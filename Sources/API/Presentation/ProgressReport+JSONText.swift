import Domain

/// The progress report as the API's `ProgressReport` schema, written without `JSONEncoder`.
///
/// The report is the API's most requested read, and `JSONEncoder` took about a third of its server time
/// (0.29 of 0.82 ms, `perf`, one request at a time on the 500-LIS seed). The fields are those of
/// `Components.Schemas.ProgressReport.init(_:trainee:)`, keys sorted as `.sortedKeys` sorts them;
/// `ProgressReportJSONTests` holds the bytes to that type's encoding.
extension ProgressReport {
    func jsonText(trainee: Trainee) -> [UInt8] {
        let lines = plans.reduce(0) { $0 + $1.lines.count }
        var json = JSONText(capacity: 512 + lines * 160)
        json.raw(#"{"activitiesSigned":"#)
        json.int(activitiesSigned)
        json.raw(#","complete":"#)
        json.bool(isComplete)
        json.raw(#","name":"#)
        json.string(trainee.name)
        json.raw(#","plans":"#)
        json.array(plans) { json, plan in plan.write(to: &json) }
        json.raw(#","programme":"#)
        json.string(trainee.programme.rawValue)
        json.raw(#","talksHeld":"#)
        json.int(talksHeld)
        json.raw(#","talksOpen":"#)
        json.int(talksOpen)
        json.raw(#","traineeId":"#)
        json.string(trainee.id.lowercasedText)
        json.raw("}")
        return json.bytes
    }
}

extension ProgressReport.PlanProgress {
    fileprivate func write(to json: inout JSONText) {
        json.raw(#"{"activitiesAwaitingSignature":"#)
        json.int(activitiesAwaitingSignature)
        json.raw(#","activitiesSigned":"#)
        json.int(activitiesSigned)
        json.raw(#","approved":"#)
        json.array(approved) { json, id in json.string(id.rawValue) }
        json.raw(#","complete":"#)
        json.bool(isComplete)
        json.raw(#","importedApprovals":"#)
        json.int(importedApprovals)
        json.raw(#","inProgress":"#)
        json.array(inProgress) { json, id in json.string(id.rawValue) }
        json.raw(#","lines":"#)
        json.array(lines) { json, line in
            json.raw(#"{"objectiveId":"#)
            json.string(line.objectiveID.rawValue)
            json.raw(#","status":"#)
            json.string(line.status.rawValue)
            json.raw(#","title":"#)
            json.string(line.title)
            json.raw("}")
        }
        json.raw(#","name":"#)
        json.string(name)
        json.raw(#","notStarted":"#)
        json.array(notStarted) { json, id in json.string(id.rawValue) }
        json.raw(#","objectives":"#)
        json.int(objectiveCount)
        json.raw(#","planKey":"#)
        json.string(plan.key.rawValue)
        json.raw(#","planVersion":"#)
        json.int(plan.version)
        json.raw(#","submitted":"#)
        json.array(submitted) { json, id in json.string(id.rawValue) }
        json.raw("}")
    }
}
