import Foundation
import Logging
import Postgres
import Store

/// `scorecard erp connect odoo` and `scorecard erp disconnect`: the procurement tables as views over an
/// Odoo database, and back. Both take the run lock, so no run reads the tables while they change.
public enum ErpOdoo {
    /// Connects; the Odoo password is read from `passfile` (libpq's format), never from an argument.
    public static func connect(
        database: String, server conninfo: String, user: String, passfile: String?, paths: ResourcePaths,
        logger: Logger
    ) throws -> ErpOdooAdapter.Connected {
        let server: ErpOdooAdapter.Server
        do {
            server = try ErpOdooAdapter.Server(conninfo: conninfo)
        } catch let error as ErpOdooError {
            throw JobError(.usage, error.description)
        }
        let password =
            try passfile.map {
                try Passfile(path: $0).password(
                    host: server.host, port: server.port ?? "5432", database: server.dbname, user: user)
            } ?? nil
        let mappingURL = paths.sqlDirectory.appendingPathComponent("erp/odoo/procurement_views.sql")
        guard let mapping = try? String(contentsOf: mappingURL, encoding: .utf8) else {
            throw JobError(.usage, "cannot read \(mappingURL.path)")
        }
        return try locked(database: database, logger: logger) { connection in
            let connected = try ErpOdooAdapter(connection).connect(
                server: server, user: user, password: password, mappingSQL: mapping)
            logger.info(
                "procurement connected to Odoo",
                metadata: [
                    "odoo.version": "\(connected.version)", "odoo.base": "\(connected.baseVersion)",
                    "odoo.columns": "\(connected.shims.joined(separator: ", "))",
                ])
            return connected
        }
    }

    public static func disconnect(database: String, logger: Logger) throws {
        try locked(database: database, logger: logger) { connection in
            try ErpOdooAdapter(connection).disconnect()
            logger.info("procurement tables restored")
        }
    }

    /// Run before a nightly run reads anything: exit 64 naming the column an Odoo upgrade removed; exit 69
    /// (a connection error) when the Odoo server cannot be reached.
    static func requireReadable(_ connection: PostgresConnection) throws {
        let missing: (table: String, column: String)?
        do {
            missing = try ErpOdooPreflight(connection).missingColumn()
        } catch let error as PostgresError where error.code.isConnectionError {
            throw JobError(.databaseUnavailable, "cannot reach the Odoo database: \(error.message)")
        }
        if let missing {
            let version = try? ErpOdooPreflight(connection).version()
            throw JobError(
                .usage,
                ErpOdooError.missingColumn(
                    table: missing.table, column: missing.column, version: version ?? nil
                )
                .description
                    + "; nothing was written (run `scorecard erp connect odoo` again after fixing it)")
        }
    }

    private static func locked<T>(
        database: String, logger: Logger, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        let locks = try Database.takeLocks([(JobLocks.run, .exclusive)], database: database, logger: logger) {
            _ in "a scorecard run holds the run lock; the ERP connection was not changed"
        }
        defer { locks.close() }
        let connection = try Database.connect(database, logger: logger)
        defer { connection.close() }
        do {
            return try connection.inTransaction { try body(connection) }
        } catch let error as ErpOdooError {
            throw JobError(.usage, error.description)
        } catch let error as PostgresError where error.code.isConnectionError {
            throw JobError(.databaseUnavailable, "cannot reach the Odoo database: \(error.message)")
        }
    }
}

/// A libpq password file (`host:port:database:user:password`, `*` matching anything, `\` escaping `:` and
/// `\`): the first matching line's password.
struct Passfile {
    var path: String

    func password(host: String, port: String, database: String, user: String) throws -> String? {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { throw JobError(.usage, "cannot read the passfile \(path)") }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.fields(of: String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, port, database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func fields(of line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
