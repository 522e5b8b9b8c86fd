import ReportModel

/// File names for per-supplier and per-material pages, derived from ids that may hold anything.
///
/// Letters, digits and `-` are kept; every other byte of the UTF-8 id, `_` included, becomes `_XX`
/// (upper-case hex), so the mapping is one-to-one and no name holds `/`, `.` or `..`. Ids whose
/// encoding would exceed 150 bytes keep a 100-byte prefix and a 64-bit FNV-1a hash of the whole id.
enum PageFileName {
    static func stem(for id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "_" + hex(byte)
            }
        }
        if out.isEmpty { return "_" }
        if out.utf8.count > 150 {
            return String(out.prefix(100)) + "_" + String(fnv1a(id), radix: 16)
        }
        return out
    }

    static func html(for id: String) -> String { stem(for: id) + ".html" }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
