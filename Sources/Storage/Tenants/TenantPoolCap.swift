import Foundation

/// How many tenant files the server keeps open when `tenants.maxOpen` is not set (0): as many as this
/// machine's file limit and memory allow, so that a server with a thousand tenants does not open a file for
/// most requests (opening one costs about half a millisecond of CPU, estimated by the benchmark).
///
/// Each open tenant holds three files (the database, its WAL and the WAL index) and at most an 8 MiB page
/// cache plus about 1 MiB of statements and schema. A quarter of the file limit (at least 256) stays for
/// sockets, the registry and logs; half of the memory is left to everything else.
///
/// With the backup on, the server starts Litestream processes through Foundation's `Process`, which on this
/// toolchain can crash when the process has more than about 1,300 files open (swift-corelibs-foundation,
/// fixed upstream in pull request 5472): the cap then stays at 300 (about 1,000 files).
package struct TenantPoolCap: Sendable, Equatable {
    package static let filesPerTenant = 3
    /// The connection's page cache (`DatabaseSetup.tenantCacheKiB`) and about 1 MiB of statements and schema.
    package static let bytesPerTenant = (DatabaseSetup.tenantCacheKiB + 1024) * 1024
    package static let withBackup = 300
    package static let minimum = 16

    package let value: Int
    package let fileLimit: Int
    package let memoryBytes: Int

    package init(fileLimit: Int, memoryBytes: Int, backup: Bool) {
        self.fileLimit = fileLimit
        self.memoryBytes = memoryBytes
        let byFiles = (fileLimit - max(256, fileLimit / 4)) / Self.filesPerTenant
        let byMemory = memoryBytes / 2 / Self.bytesPerTenant
        let cap = min(byFiles, byMemory, backup ? Self.withBackup : Int.max)
        value = max(Self.minimum, cap)
    }

    /// The cap for this process: its open-file limit (soft) and the memory it may use (the cgroup's limit
    /// where one is set, else the machine's).
    package static func forThisProcess(backup: Bool) -> TenantPoolCap {
        var limit = rlimit()
        let files = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Int(clamping: limit.rlim_cur) : 1024
        let physical = Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE)))
        let memory = min(physical, cgroupMemoryLimit() ?? Int.max)
        return TenantPoolCap(fileLimit: files, memoryBytes: memory, backup: backup)
    }

    /// cgroup v2's `memory.max` of this process ("max" when there is none).
    private static func cgroupMemoryLimit() -> Int? {
        guard let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
