import CLibPQ

/// Writes rows of a COPY in text format, buffering about 64 KiB before each `PQputCopyData`.
/// Only valid inside the ``PostgresConnection/copyIn(table:columns:_:)`` body that provides it.
public struct PostgresCopyWriter {
    private let connection: OpaquePointer
    private let columnCount: Int?
    private var buffer: [UInt8] = []
    private static let flushThreshold = 64 * 1024

    init(connection: OpaquePointer, columnCount: Int?) {
        self.connection = connection
        self.columnCount = columnCount
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Appends one row; nil is written as NULL (`\N`), and backslash, tab, newline and carriage return
    /// are escaped so any text arrives unchanged.
    public mutating func appendRow(_ values: [(any PostgresEncodable)?]) throws {
        if let columnCount, values.count != columnCount {
            throw PostgresError(
                code: .badCopyFileFormat,
                message: "COPY row has \(values.count) values for \(columnCount) columns")
        }
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in value.postgresText.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0:
                    throw PostgresError(
                        code: SQLState("22021"), message: "COPY value contains a NUL character")
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Sends what is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                PQputCopyData(connection, chars.baseAddress, Int32(chars.count))
            }
        }
        guard status == 1 else { throw PostgresError(result: nil, connection: connection) }
        buffer.removeAll(keepingCapacity: true)
    }
}
