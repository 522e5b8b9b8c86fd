import CLibPQ

extension PostgresConnection {
    /// Whether a transaction is open on the server (`BEGIN` sent, not yet ended), however it was begun.
    public var inTransactionBlock: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// Runs `body` in a transaction: BEGIN … COMMIT, or ROLLBACK when `body` throws (the error is then
    /// rethrown). A call inside another uses a SAVEPOINT, so an inner failure undoes only the inner work.
    ///
    /// When a statement failed inside `body` but its error was caught, the server has aborted the
    /// transaction and COMMIT would silently roll back: that throws 25P02 instead.
    @discardableResult
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        let savepoint = "scorecard_savepoint_\(depth)"
        try executeScript(depth == 0 ? "BEGIN" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let value: T
        do {
            value = try body()
        } catch {
            // The original error matters more than a failed rollback on a broken connection.
            try? executeScript(
                depth == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)"
            )
            throw error
        }
        if depth == 0 {
            let connection = try requireHandle()
            let result = try checked(PQexec(connection, "COMMIT"), connection: connection)
            if PostgresError.trimmed(PQcmdStatus(result.handle)) == "ROLLBACK" {
                throw PostgresError(
                    code: .inFailedSQLTransaction,
                    message:
                        "the transaction was rolled back: a statement in it failed and its error was caught")
            }
        } else {
            do {
                try executeScript("RELEASE SAVEPOINT \(savepoint)")
            } catch {
                try? executeScript("ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
                throw error
            }
        }
        return value
    }
}
