import Domain
import Postgres

extension Day: PostgresEncodable {
    public var postgresText: String { iso }

    /// `YYYY-MM-DD` as ``iso`` spells it, written digit by digit: `iso` goes through `String(format:)`,
    /// which cost more than everything else in a COPY of measurements (two days per row).
    public func appendCopyText(to buffer: inout [UInt8]) throws {
        let (year, month, day) = components
        guard (0...9999).contains(year) else { return try iso.appendCopyText(to: &buffer) }
        Self.appendDigits(year, count: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendDigits(month, count: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        Self.appendDigits(day, count: 2, to: &buffer)
    }

    /// The last `count` decimal digits of `value` (0 ≤ value), zeros in front.
    private static func appendDigits(_ value: Int, count: Int, to buffer: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}

extension Day: PostgresDecodable {
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Day? {
        Day(isoBytes: postgresBytes)
    }

    public init(postgresText: String) throws {
        guard let day = Day(iso: postgresText) else { throw StoreError.badValue("date", postgresText) }
        self = day
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case badValue(String, String)
    case missing(String)

    public var description: String {
        switch self {
        case .badValue(let type, let text): "unexpected \(type) value '\(text)' from the database"
        case .missing(let what): "missing from the database: \(what)"
        }
    }
}
