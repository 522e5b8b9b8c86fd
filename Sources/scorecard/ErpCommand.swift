import ArgumentParser
import Foundation
import Job

struct ErpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erp",
        abstract: "Read the ERP's database where it is: the procurement tables as views over Odoo, and back.",
        subcommands: [ErpConnectCommand.self, ErpDisconnectCommand.self])
}

struct ErpConnectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Mount an Odoo 16, 17 or 18 database through postgres_fdw as the procurement tables.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The ERP: odoo.")
    var erp: String

    @Option(help: "The Odoo database: host=… port=… dbname=… (nothing else: no password).")
    var server: String

    @Option(help: "The Odoo database role to read as.")
    var user: String = "odoo"

    @Option(
        help:
            "Password file (host:port:dbname:user:password) holding that role's password (default: $PGPASSFILE)."
    )
    var passfile: String?

    func validate() throws {
        guard erp == "odoo" else { throw ValidationError("the only ERP known is odoo, got '\(erp)'") }
    }

    func run() throws {
        try runReportingExit {
            let connected = try ErpOdoo.connect(
                database: common.conninfo, server: server, user: user,
                passfile: passfile ?? ProcessInfo.processInfo.environment["PGPASSFILE"],
                paths: try ResourcePaths.locate(), logger: common.makeLogger())
            print(
                "procurement now reads Odoo \(connected.version) (base \(connected.baseVersion)); "
                    + "renamed columns read: \(connected.shims.joined(separator: ", "))")
        }
    }
}

struct ErpDisconnectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disconnect",
        abstract: "Restore the plain procurement tables (the ERP integration fills them).")

    @OptionGroup var common: CommonOptions

    func run() throws {
        try runReportingExit {
            try ErpOdoo.disconnect(database: common.conninfo, logger: common.makeLogger())
            print("procurement tables restored")
        }
    }
}
