import Foundation
import Logging

/// A log handler that keeps records in memory so tests can assert on what was logged.
///
/// ```swift
/// let records = InMemoryLogHandler.Records()
/// let logger = Logger(label: "test") { _ in InMemoryLogHandler(records: records) }
/// ...
/// #expect(records.entries.contains { $0.message == "hello" })
/// ```
public struct InMemoryLogHandler: LogHandler {
    /// One captured log call.
    public struct Entry: Sendable {
        public var level: Logger.Level
        public var message: String
        /// The handler's metadata merged with the call's.
        public var metadata: Logger.Metadata
        public var label: String
    }

    /// The shared, thread-safe box of captured entries.
    public final class Records: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Entry] = []

        public init() {}

        public var entries: [Entry] {
            lock.withLock { storage }
        }

        public var messages: [String] {
            entries.map(\.message)
        }

        func append(_ entry: Entry) {
            lock.withLock { storage.append(entry) }
        }
    }

    public let records: Records
    public let label: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .trace

    public init(label: String = "test", records: Records) {
        self.label = label
        self.records = records
    }

    /// A logger at trace level and the records it writes to.
    public static func logger(label: String = "test") -> (Logger, Records) {
        let records = Records()
        let logger = Logger(label: label) { label in InMemoryLogHandler(label: label, records: records) }
        return (logger, records)
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        records.append(
            Entry(level: event.level, message: event.message.description, metadata: merged, label: label))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
