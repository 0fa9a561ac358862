import ArgumentParser

/// `kp`: the one executable: the server, tenant operations for support, and development helpers.
@main
struct KP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kp",
        abstract: "Kompetanseportal: server and operations.",
        subcommands: [
            ServeCommand.self, TenantCommand.self, DevCommand.self, MigrateCommand.self, AuditCommand.self,
            AgreementCommand.self, CatalogCommand.self, BackupCommand.self,
        ])
}
