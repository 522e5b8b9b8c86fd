#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Fast paths for the types every scoring query returns by the hundred thousand. Each accepts exactly what
// the server prints and returns nil for anything else, so the String path keeps the last word on errors.

extension Int: PostgresDecodable {
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Int? {
        PostgresDigits.integer(postgresBytes).flatMap { Int(exactly: $0) }
    }
}

extension Int64: PostgresDecodable {
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        PostgresDigits.integer(postgresBytes)
    }
}

extension Int32: PostgresDecodable {
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        PostgresDigits.integer(postgresBytes).flatMap { Int32(exactly: $0) }
    }
}

extension Bool: PostgresDecodable {
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard postgresBytes.count == 1 else { return nil }
        switch postgresBytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: return nil
        }
    }
}

extension Double: PostgresDecodable {
    /// Plain decimal numbers (`-12.5`, `1e-07`) through `strtod`, which rounds correctly; the spellings
    /// `NaN` and `Infinity` go the String way.
    public static func decode(postgresBytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = postgresBytes.baseAddress, !postgresBytes.isEmpty, postgresBytes.count < 400 else {
            return nil
        }
        for byte in postgresBytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default: return nil
            }
        }
        // libpq's values end in NUL, so strtod can read in place; it must consume every byte.
        let (value, consumed) = base.withMemoryRebound(to: CChar.self, capacity: postgresBytes.count + 1) {
            text -> (Double, Int) in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(text, &end)
            return (value, end.map { UnsafePointer($0) - text } ?? 0)
        }
        return consumed == postgresBytes.count ? value : nil
    }
}

enum PostgresDigits {
    /// An optionally signed run of decimal digits that fits in 64 bits.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = Int64(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            // Accumulate negatively so Int64.min fits.
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.subtractingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }
}
