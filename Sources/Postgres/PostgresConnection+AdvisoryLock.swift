extension PostgresConnection {
    /// Takes the session-level advisory lock `key` if no other session holds it (`pg_try_advisory_lock`).
    /// Held until ``advisoryUnlock(_:)`` or the connection closes.
    public func tryAdvisoryLock(_ key: Int64) throws -> Bool {
        let result = try query("SELECT pg_try_advisory_lock($1::bigint)", [key])
        return try result[0].decode(Bool.self, at: 0)
    }

    /// Takes the session-level advisory lock `key` in shared mode (`pg_try_advisory_lock_shared`): any
    /// number of sessions may share it; it is refused while another session holds it exclusively, and an
    /// exclusive ``tryAdvisoryLock(_:)`` is refused while any other session shares it. Held until
    /// ``advisoryUnlockShared(_:)`` or the connection closes.
    public func tryAdvisoryLockShared(_ key: Int64) throws -> Bool {
        let result = try query("SELECT pg_try_advisory_lock_shared($1::bigint)", [key])
        return try result[0].decode(Bool.self, at: 0)
    }

    /// Releases a shared session-level advisory lock; throws 55000 when this session did not share it.
    public func advisoryUnlockShared(_ key: Int64) throws {
        let result = try query("SELECT pg_advisory_unlock_shared($1::bigint)", [key])
        guard try result[0].decode(Bool.self, at: 0) else {
            throw PostgresError(
                code: .prerequisiteStateNotMet,
                message: "shared advisory lock \(key) was not held by this session")
        }
    }

    /// Releases a session-level advisory lock; throws 55000 when this session did not hold it.
    public func advisoryUnlock(_ key: Int64) throws {
        let result = try query("SELECT pg_advisory_unlock($1::bigint)", [key])
        guard try result[0].decode(Bool.self, at: 0) else {
            throw PostgresError(
                code: .prerequisiteStateNotMet,
                message: "advisory lock \(key) was not held by this session")
        }
    }
}
