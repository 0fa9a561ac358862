import Testing

@testable import Storage

@Suite struct TenantPoolCapTests {
    @Test func theCapIsWhatTheFileLimitAllowsWhenMemoryIsPlenty() {
        // 20,000 files: a quarter kept for sockets and the rest, three files per tenant.
        let cap = TenantPoolCap(fileLimit: 20_000, memoryBytes: 1 << 40, backup: false)
        #expect(cap.value == (20_000 - 5_000) / 3)
    }

    @Test func theCapIsWhatHalfTheMemoryAllowsWhenFilesArePlenty() {
        let cap = TenantPoolCap(fileLimit: 1_048_576, memoryBytes: 24 << 30, backup: false)
        #expect(cap.value == (12 << 30) / (9 << 20))
        #expect(cap.value >= 1_000)
    }

    @Test func aSmallFileLimitKeepsItsReserveAndNeverGivesLessThanTheMinimum() {
        #expect(TenantPoolCap(fileLimit: 1_024, memoryBytes: 8 << 30, backup: false).value == (1_024 - 256) / 3)
        #expect(TenantPoolCap(fileLimit: 256, memoryBytes: 8 << 30, backup: false).value == TenantPoolCap.minimum)
    }

    @Test func withTheBackupOnTheCapStaysUnderTheFilesFoundationsProcessCanSpawnWith() {
        let cap = TenantPoolCap(fileLimit: 1_048_576, memoryBytes: 64 << 30, backup: true)
        #expect(cap.value == TenantPoolCap.withBackup)
    }

    @Test func thisProcessesCapComesFromItsOwnLimits() {
        let cap = TenantPoolCap.forThisProcess(backup: false)
        #expect(cap.fileLimit > 0)
        #expect(cap.memoryBytes > 0)
        #expect(cap.value >= TenantPoolCap.minimum)
    }
}
