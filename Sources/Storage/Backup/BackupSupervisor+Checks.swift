import Domain
import Foundation

/// The end-to-end check of each process: the heartbeat it should have uploaded, looked for on the replica.
extension BackupSupervisor {
    func checkLoop() async {
        // The first look comes after the processes had time to upload their first heartbeat.
        try? await Task.sleep(for: .seconds(max(settings.syncInterval * 2, 1)))
        while !Task.isCancelled {
            await checkAll()
            checkpointWhereNoProcessRuns()
            publish()
            try? await Task.sleep(for: .seconds(settings.checkInterval))
        }
    }

    /// Looks on the replica for each running process's newest heartbeat, then writes the next one.
    func checkAll() async {
        let targets = shards.filter { $0.process != nil }.map { ($0.index, configurationURL($0.index), heartbeatPath($0.index)) }
        let litestream = litestream
        let timeout = Duration.seconds(max(2, min(settings.checkInterval, 10)))
        let results = await withTaskGroup(of: (Int, Date?, String?).self) { group in
            for (index, configuration, heartbeat) in targets {
                group.addTask {
                    let outcome: Litestream.Outcome
                    do {
                        outcome = try await litestream.run(
                            ["ltx", "-json", "-no-expand-env", "-config", configuration.path, heartbeat], timeout: timeout)
                    } catch {
                        return (index, nil, "\(error)")
                    }
                    guard outcome.status == 0 else { return (index, nil, outcome.reason) }
                    return (index, Self.newestTimestamp(in: outcome.output), nil)
                }
            }
            var results: [(Int, Date?, String?)] = []
            for await result in group { results.append(result) }
            return results
        }
        for (index, confirmed, problem) in results where shards.indices.contains(index) {
            if let confirmed { shards[index].lastConfirmed = max(confirmed, shards[index].lastConfirmed ?? confirmed) }
            if shards[index].checkProblem != problem {
                if let problem {
                    logger.error("backup replica check failed", metadata: ["process": "\(index)", "reason": "\(problem)"])
                } else {
                    logger.notice("backup replica reachable again", metadata: ["process": "\(index)"])
                }
            }
            shards[index].checkProblem = problem
            if problem == nil { shards[index].logProblem = nil }
            try? writeHeartbeat(at: heartbeatPath(index))
        }
    }

    /// The newest `timestamp` of `litestream ltx -json`'s list.
    static func newestTimestamp(in output: String) -> Date? {
        struct File: Decodable { let timestamp: Date }
        guard let start = output.firstIndex(of: "[") else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let files = try? decoder.decode([File].self, from: Data(output[start...].utf8))
        return files?.map(\.timestamp).max()
    }

    /// Recomputes each process's state and the overall one; logs a change of the overall state.
    func publish() {
        // Stopping: the processes end on purpose; `run` says `off` once they have.
        guard !Task.isCancelled else { return }
        let now = Date()
        // A heartbeat is written every checkInterval and uploaded within syncInterval; allow two rounds.
        let limit = settings.checkInterval * 2 + settings.syncInterval + 5
        var processes: [BackupStatus.Process] = []
        for index in shards.indices {
            let shard = shards[index]
            var state: BackupStatus.State
            var problem: String?
            if shard.paused {
                state = .behind
                problem = "paused while a tenant's file is replaced"
            } else if shard.process == nil || shard.process?.isRunning == false {
                state = .failing
                problem = shard.logProblem ?? "not running"
            } else if let checkProblem = shard.checkProblem {
                state = .failing
                problem = checkProblem
            } else if let last = shard.lastConfirmed {
                state = now.timeIntervalSince(last) > limit ? .behind : .ok
                if state == .behind {
                    problem = shard.logProblem ?? "newest heartbeat on the replica is from \(last.formatted(.iso8601))"
                }
            } else if let started = shard.startedAt, now.timeIntervalSince(started) > limit {
                state = .behind
                problem = shard.logProblem ?? "no heartbeat on the replica yet"
            } else {
                state = .starting
            }
            shards[index].state = state
            processes.append(
                .init(
                    index: index, databases: shard.tenants.count + (index == 0 ? 1 : 0),
                    running: shard.process?.isRunning == true, restarts: shard.restarts,
                    lastConfirmedUpload: shard.lastConfirmed, state: state, problem: problem))
        }
        let overall = processes.map(\.state).max() ?? .starting
        let previous = statusBox.withLock { status in
            let previous = status.state
            status = BackupStatus(state: overall, replica: settings.replica.description, processes: processes)
            return previous
        }
        if previous != overall, previous != .off || overall != .starting {
            let reasons = processes.compactMap { process in process.problem.map { "process \(process.index): \($0)" } }
            switch overall {
            case .behind, .failing:
                logger.error(
                    "backup \(overall.rawValue)", metadata: ["reasons": "\(reasons.joined(separator: "; "))"])
            default:
                logger.notice("backup \(overall.rawValue)")
            }
        }
    }
}
