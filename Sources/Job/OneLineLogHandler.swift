import Domain
import Logging

/// A log handler that makes every event one line before its inner handler writes it: line breaks and
/// control characters in the message and in every metadata key and value (file and folder names, reasons,
/// messages from libraries) are escaped with ``EscapedText/oneLine(_:)``, so a name holding a newline
/// cannot forge a log line. `main` bootstraps it around the stderr handler.
public struct OneLineLogHandler<Inner: LogHandler>: LogHandler {
    public var inner: Inner
    /// Kept here rather than by the inner handler, which would merge what it provides unescaped.
    public var metadataProvider: Logger.MetadataProvider?

    public init(_ inner: Inner) {
        self.inner = inner
        metadataProvider = inner.metadataProvider
        self.inner.metadataProvider = nil
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = Self.escaped(newValue) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: EscapedText.oneLine(key)] = newValue.map(Self.escaped) }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: EscapedText.oneLine(event.message.description))
        event.metadata = event.metadata.map(Self.escaped)
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            var merged = Self.escaped(provided)
            if let own = event.metadata { merged.merge(own) { _, new in new } }
            event.metadata = merged
        }
        inner.log(event: event)
    }

    static func escaped(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var escaped: Logger.Metadata = [:]
        for (key, value) in metadata { escaped[EscapedText.oneLine(key)] = Self.escaped(value) }
        return escaped
    }

    static func escaped(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(EscapedText.oneLine(text))
        case .stringConvertible(let convertible): .string(EscapedText.oneLine(convertible.description))
        case .array(let values): .array(values.map(Self.escaped))
        case .dictionary(let values): .dictionary(Self.escaped(values))
        }
    }
}
