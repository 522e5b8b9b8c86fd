import Demo
import Domain
import Foundation
import Job
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with posix_spawn, its stdout and stderr collected as they come.
///
/// Not Foundation.Process: with several tests spawning at once, its waitUntilExit was seen to hang with
/// the child already a zombie. posix_spawn + waitpid on the one pid cannot.
final class SpawnedProcess: @unchecked Sendable {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    private let lock = NSLock()
    private var output = Data()
    private let finishedReading = DispatchSemaphore(value: 0)
    private var rawStatus: Int32?

    /// Starts `executable` with `arguments`; stdin is /dev/null; stdout and stderr are collected unless
    /// `discardOutput`.
    init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        discardOutput: Bool = false
    ) throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SpawnError(description: "pipe failed: \(errno)") }
        // Close-on-exec, so that no other child started meanwhile keeps the pipe open (dup2 clears it).
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if discardOutput {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let variables = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp = variables.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw SpawnError(description: "cannot start \(executable): error \(spawned)")
        }
        self.pid = pid
        let readEnd = fds[0]
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count > 0 {
                    lock.withLock { output.append(contentsOf: buffer[0..<count]) }
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(readEnd)
            finishedReading.signal()
        }
    }

    /// Everything written to stdout and stderr so far.
    var log: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    /// True once the child has ended (reaps it).
    var hasEnded: Bool {
        if lock.withLock({ rawStatus }) != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        lock.withLock { rawStatus = status }
        return true
    }

    /// Waits for the child to end and for its output; the exit status, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        if lock.withLock({ rawStatus }) == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            lock.withLock { rawStatus = status }
        }
        finishedReading.wait()
        finishedReading.signal()
        let status = lock.withLock { rawStatus } ?? 0
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    var killedBySignal: Bool {
        guard let status = lock.withLock({ rawStatus }) else { return false }
        return status & 0x7F != 0
    }

    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Runs to the end, output discarded; the exit status.
    static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        guard let process = try? SpawnedProcess(executable, arguments, discardOutput: true) else { return -1 }
        return process.wait()
    }
}

/// `scorecard` (the debug build) as a child process, so a fault test can act on a log line: kill it,
/// stop its database, measure its memory.
final class ScorecardChild: @unchecked Sendable {
    static var binary: URL { JobFixture.repositoryRoot.appendingPathComponent(".build/debug/scorecard") }

    private let process: SpawnedProcess
    /// Peak resident memory is written here by /usr/bin/time when `measureMemory` is set.
    private let memoryFile: URL?

    /// Starts `scorecard <arguments>`; with `measureMemory`, under `/usr/bin/time -f %M`; `environment`
    /// adds variables (the test hooks).
    init(_ arguments: [String], measureMemory: Bool = false, environment extra: [String: String] = [:]) throws
    {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw SpawnedProcess.SpawnError(
                description: "\(Self.binary.path) is missing: run `swift build` first")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SCORECARD_HOME"] = JobFixture.repositoryRoot.path
        environment.merge(extra) { _, new in new }
        if measureMemory {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "scorecard-rss-\(UUID().uuidString)")
            memoryFile = file
            process = try SpawnedProcess(
                "/usr/bin/time", ["-f", "%M", "-o", file.path, Self.binary.path] + arguments,
                environment: environment)
        } else {
            memoryFile = nil
            process = try SpawnedProcess(Self.binary.path, arguments, environment: environment)
        }
    }

    var log: String { process.log }
    var hasEnded: Bool { process.hasEnded }
    var killedBySignal: Bool { process.killedBySignal }
    func kill() { process.kill() }
    @discardableResult func wait() -> Int32 { process.wait() }

    /// Waits until the output contains `text`; false when the child ended without writing it.
    func waitForLog(_ text: String) -> Bool {
        // A generous bound so that a broken test ends instead of hanging; not a timing assertion.
        for _ in 0..<30_000 {
            if log.contains(text) { return true }
            if hasEnded {
                wait()
                return log.contains(text)
            }
            usleep(20_000)
        }
        return false
    }

    /// Peak resident memory in KiB, from /usr/bin/time (after `wait()`).
    var peakKiB: Int? {
        guard let memoryFile, let text = try? String(contentsOf: memoryFile, encoding: .utf8) else {
            return nil
        }
        return text.split(whereSeparator: \.isNewline).compactMap { Int($0) }.last
    }
}

extension JobFixture {
    /// Loads a generated demo world (standard size unless told) with its CoA files into this fixture's inbox.
    func loadDemoWorld(asOf: Day, size: DemoSize = .standard) throws -> DemoSummary {
        let connection = try connect()
        defer { connection.close() }
        return try DemoLoader(connection: connection, logger: logger)
            .load(DemoWorld(size: size, asOf: asOf), inbox: inbox)
    }

    /// `scorecard run` arguments against this fixture's database, inbox and reports.
    func runArguments(asOf: String, inbox: URL? = nil) -> [String] {
        [
            "run", "--as-of", asOf, "--database", conninfo, "--inbox", (inbox ?? self.inbox).path,
            "--reports", reports.path,
        ]
    }

    /// Runs in-process, retrying while the run lock is still held by the session of a process that was
    /// just killed (the server ends that session when it notices the closed socket).
    func runAfterKill(asOf: String) throws -> RunSummary {
        for _ in 0..<100 {
            do {
                return try run(asOf: asOf)
            } catch let error as JobError where error.exitCode == .lockHeld {
                usleep(100_000)
            }
        }
        return try run(asOf: asOf)
    }

    /// An empty folder, for a run that ingests nothing.
    func emptyInbox() throws -> URL {
        let url = directory.appendingPathComponent("empty-inbox")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
