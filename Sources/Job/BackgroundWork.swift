import Dispatch

/// One piece of work started on another thread and joined later; ``join()`` rethrows its error.
///
/// `@unchecked Sendable` is sound: `outcome` is written once by the worker before it leaves the group and
/// read only after `join` waited for the group, which orders the two.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var outcome: Result<Value, any Error>?
    private var started = false

    /// Starts `work` on a global queue; at most once per instance.
    func start(_ work: @escaping @Sendable () throws -> Value) {
        precondition(!started, "BackgroundWork started twice")
        started = true
        group.enter()
        DispatchQueue.global().async {
            self.outcome = Result { try work() }
            self.group.leave()
        }
    }

    /// Waits for the work; nil when it was never started.
    func join() throws -> Value? {
        group.wait()
        return try outcome?.get()
    }
}
