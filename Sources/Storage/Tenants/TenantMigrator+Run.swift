import Dispatch
import Domain
import Foundation
import Synchronization

/// A run over many tenants: `jobs` at a time, stopping at the first failure or going on past every one.
extension TenantMigrator {
    package struct RunOptions: Sendable {
        package var jobs = 1
        /// Go on after a failure (the failures are listed at the end); otherwise no tenant is started after the
        /// first failure (those under way finish).
        package var skipFailing = false
        /// Migrate copies in this folder instead of the files (`rehearse`); nothing is recorded.
        package var dryRunFolder: URL?

        package init(jobs: Int = 1, skipFailing: Bool = false, dryRunFolder: URL? = nil) {
            self.jobs = jobs
            self.skipFailing = skipFailing
            self.dryRunFolder = dryRunFolder
        }
    }

    /// What happened to one tenant.
    package enum Step: Sendable {
        case migrated(TenantID, from: Int)
        /// Its file was on the schema already (a run killed before recording it, or a file migrated on open).
        case current(TenantID)
        case failed(TenantID, any Error)
    }

    package struct Report: Sendable {
        package var migrated: [(tenant: TenantID, from: Int)] = []
        package var current: [TenantID] = []
        package var failed: [(tenant: TenantID, error: any Error)] = []
        /// Pending tenants not started because the run stopped at a failure.
        package var notStarted = 0
    }

    /// Runs `tenants` through `migrate` (or `rehearse`), calling `step` after each one from the worker that
    /// did it. Each migration blocks on SQLite, so it runs on a Dispatch thread rather than the cooperative
    /// pool; `jobs` bounds how many run at once.
    package func run(
        _ tenants: [TenantID], options: RunOptions, step: @escaping @Sendable (Step) -> Void = { _ in }
    ) async -> Report {
        let shared = RunState()
        let migrator = self
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, min(options.jobs, tenants.count)) {
                group.addTask {
                    while true {
                        let index: Int? = shared.queue.withLock { state in
                            guard !state.stop, state.next < tenants.count else { return nil }
                            defer { state.next += 1 }
                            return state.next
                        }
                        guard let index else { return }
                        let tenant = tenants[index]
                        let result = await Self.offThePool {
                            if let folder = options.dryRunFolder { try migrator.rehearse(tenant, in: folder) }
                            else { try migrator.migrate(tenant) }
                        }
                        let done: Step
                        switch result {
                        case .success(.current): done = .current(tenant)
                        case .success(.migrated(let from)): done = .migrated(tenant, from: from)
                        case .failure(let error): done = .failed(tenant, error)
                        }
                        shared.report.withLock { report in
                            switch done {
                            case .migrated(let id, let from): report.migrated.append((id, from))
                            case .current(let id): report.current.append(id)
                            case .failed(let id, let error): report.failed.append((id, error))
                            }
                        }
                        if case .failed = done, !options.skipFailing { shared.queue.withLock { $0.stop = true } }
                        step(done)
                    }
                }
            }
        }
        var result = shared.report.withLock { $0 }
        result.notStarted = tenants.count - shared.queue.withLock { $0.next }
        return result
    }

    /// What the workers of one run share: the next tenant to take, whether to stop, and the report.
    private final class RunState: Sendable {
        let queue = Mutex<(next: Int, stop: Bool)>((0, false))
        let report = Mutex(Report())
    }

    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> Result<T, any Error> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result { try work() }) }
        }
    }
}
