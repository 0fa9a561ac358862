import Domain

/// Which pool closes when the cap is reached: adaptive replacement (ARC, Megiddo and Modha, 2003), so that neither
/// a run of tenants read once nor a lull of a big kommune closes the pools of the busy ones.
///
/// The open pools are of tenants used once since they opened (`Entry.frequent` false) or more often (true), and
/// the store remembers the tenants whose pools it closed for room ("ghosts", at most twice the cap). A tenant that
/// comes back while remembered opens among the frequent ones and moves `recentTarget`, the share of the places
/// that tenants used once may take: towards them when one of theirs came back, away from them when a frequent
/// one did. The pool closed for room is then the least recently used unused one of the side that is over its
/// share.
///
/// Least recently used alone closed a big kommune's pool whenever 64 small tenants were read once each after it.
/// Simulated on reads spread Zipf-like over 1,000 tenants (`s = 1.0`, cap 64, 50,000 reads), the share of reads
/// that open a file is 50% with least recently used and 42% with this; the 64 busiest tenants always open would
/// give 37%. Measured on the server (the benchmark's Zipf-like reads, `kp_tenant_store_opens_total`): 46% and
/// 40–41%. With uniform reads (94%), and with reads that come twice a few dozen apart, as from two clients
/// following one sequence (Zipf 25%, uniform 47%), it is the same as least recently used.
extension TenantStore.State {
    /// A tenant whose pool was closed for room: which side it was on, and when.
    struct Ghost {
        let frequent: Bool
        let closedAt: UInt64
    }

    /// Frees a place for `id` when the cap is reached, by closing an unused pool: returns whether there is a place
    /// now, and the pool to close. No place when every open pool is in use.
    mutating func makeRoom(for id: TenantID) -> (ok: Bool, evicted: TenantDatabase?) {
        guard entries.count >= maximumOpen else { return (true, nil) }
        var recentCount = 0
        var oldestRecent = Oldest()
        var oldestFrequent = Oldest()
        for (key, entry) in entries {
            if !entry.frequent { recentCount += 1 }
            guard entry.leases == 0 else { continue }
            if entry.frequent {
                oldestFrequent.offer(key, at: entry.lastUse)
            } else {
                oldestRecent.offer(key, at: entry.lastUse)
            }
        }
        let overShare =
            recentCount > recentTarget || (recentCount == recentTarget && ghosts[id]?.frequent == true)
        guard let victim = overShare ? oldestRecent.id ?? oldestFrequent.id : oldestFrequent.id ?? oldestRecent.id,
            let entry = entries.removeValue(forKey: victim)
        else { return (false, nil) }
        ghosts[victim] = Ghost(frequent: entry.frequent, closedAt: tick)
        // `admit` keeps the ghosts within ARC's bounds; an open that fails after this eviction never reaches it.
        if ghosts.count > 2 * maximumOpen, let oldest = ghosts.min(by: { $0.value.closedAt < $1.value.closedAt }) {
            ghosts[oldest.key] = nil
        }
        return (true, entry.database)
    }

    /// Whether `id`'s new pool opens among the frequent ones (the store closed it for room not long ago); moves
    /// `recentTarget` when it does, and forgets the oldest ghost when there are more than ARC keeps.
    mutating func admit(_ id: TenantID) -> Bool {
        var recentGhosts = 0
        var oldestRecentGhost = Oldest()
        var oldestFrequentGhost = Oldest()
        for (key, ghost) in ghosts {
            if ghost.frequent {
                oldestFrequentGhost.offer(key, at: ghost.closedAt)
            } else {
                recentGhosts += 1
                oldestRecentGhost.offer(key, at: ghost.closedAt)
            }
        }
        let frequentGhosts = ghosts.count - recentGhosts
        if let ghost = ghosts.removeValue(forKey: id) {
            if ghost.frequent {
                recentTarget = max(0, recentTarget - max(recentGhosts / max(frequentGhosts, 1), 1))
            } else {
                recentTarget = min(maximumOpen, recentTarget + max(frequentGhosts / max(recentGhosts, 1), 1))
            }
            return true
        }
        let recentOpen = entries.values.reduce(0) { $0 + ($1.frequent ? 0 : 1) }
        if recentOpen + recentGhosts >= maximumOpen, let oldest = oldestRecentGhost.id {
            ghosts[oldest] = nil
        } else if entries.count + ghosts.count >= 2 * maximumOpen, let oldest = oldestFrequentGhost.id {
            ghosts[oldest] = nil
        }
        return false
    }
}

/// The tenant seen with the smallest tick so far, in one pass over pools or ghosts.
private struct Oldest {
    private(set) var id: TenantID?
    private var tick = UInt64.max

    mutating func offer(_ id: TenantID, at tick: UInt64) {
        guard self.id == nil || tick < self.tick else { return }
        self.id = id
        self.tick = tick
    }
}

extension TenantStore {
    /// How many tenants whose pools were closed for room the store remembers now (ARC keeps at most twice the cap).
    nonisolated var rememberedCount: Int { state.withLock { $0.ghosts.count } }
}
