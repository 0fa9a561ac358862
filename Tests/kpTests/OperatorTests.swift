import ArgumentParser
import Domain
import Foundation
import TestSupport
import Testing

@testable import kp

/// `kp` commands that change something record who ran them; outside the demo they refuse to run without
/// an operator name, before any file is opened.
@Suite struct OperatorTests {
    /// A configuration file whose tenants live in `folder`.
    static func configuration(in folder: TemporaryFolder) throws -> String {
        let file = folder.url.appendingPathComponent("kp.json")
        let json = """
            {"tenants": {"directory": "\(folder.path)/Tenants"},
             "agreements": {"contractsDirectory": "\(Repository.root.appendingPathComponent("Contracts").path)"}}
            """
        try Data(json.utf8).write(to: file)
        return file.path
    }

    static let create = ["--id", "legesenteret", "--orgnr", Fixtures.legesenteretOrgnr, "--name", "Legesenteret AS"]

    @Test func aChangeOutsideTheDemoWithoutAnOperatorIsRefusedAndNothingIsWritten() async throws {
        try #require(ProcessInfo.processInfo.environment[OperatorIdentity.environmentVariable] == nil)
        let folder = try TemporaryFolder()
        let command = try TenantCommand.Create.parse(["--config", try Self.configuration(in: folder)] + Self.create)
        await #expect(throws: ExitCode.failure) { try await command.run() }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("Tenants").path))
    }

    @Test func theOperatorNamedOnTheCommandLineIsTheRecordedActor() async throws {
        let folder = try TemporaryFolder()
        let file = try Self.configuration(in: folder)
        let command = try TenantCommand.Create.parse(
            ["--demo", "--config", file, "--operator", "Ola Operatør"] + Self.create)
        try await command.run()
        let services = try CommonOptions.parse(["--demo", "--config", file]).makeServices(logLevel: .critical)
        let events = try services.registry.events(of: Fixtures.tenantID("legesenteret"))
        #expect(events.map(\.actor) == ["cli:Ola Operatør"])
        #expect(try services.registry.auditEntries().last?.actor == "cli:Ola Operatør")
    }

    @Test func theDemoFallsBackToTheLoginNameAndThenToDemo() throws {
        func actor(_ option: String?, _ environment: [String: String]) throws -> String {
            try OperatorIdentity.resolve(option: option, environment: environment, demo: true).actor
        }
        #expect(try actor(nil, ["USER": "kari"]) == "cli:kari")
        #expect(try actor(nil, [:]) == "cli:demo")
        #expect(try actor(" ", ["USER": ""]) == "cli:demo")
        #expect(try actor(nil, ["USER": "kari", "KP_OPERATOR": "Siri"]) == "cli:Siri")
    }

    @Test func outsideTheDemoTheLoginNameIsNotEnough() throws {
        #expect(throws: OperatorError.required) {
            try OperatorIdentity.resolve(option: nil, environment: ["USER": "root"], demo: false)
        }
        #expect(throws: OperatorError.required) {
            try OperatorIdentity.resolve(option: "  ", environment: ["KP_OPERATOR": ""], demo: false)
        }
        let siri = ["KP_OPERATOR": "Siri"]
        #expect(try OperatorIdentity.resolve(option: nil, environment: siri, demo: false).name == "Siri")
        #expect(try OperatorIdentity.resolve(option: "Ola", environment: siri, demo: false).name == "Ola")
    }

    @Test func anOperatorNameIsOneLineOfOrdinaryText() {
        for name in ["Ola\nNordmann", "Ola\u{0}", String(repeating: "x", count: 101)] {
            #expect(throws: OperatorError.self) { try OperatorIdentity(name: name) }
        }
        #expect(OperatorError.required.code == "operator.required")
    }
}

/// The repository's root, for its `Contracts/` and `Config/`.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
