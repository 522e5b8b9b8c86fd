/// Text from outside (file names, document content, libxml2 messages that quote it) made safe to show on
/// one line: a log event stays one line, and a reason quotes a document only as a bounded excerpt.
///
/// Escapes: `\\` for a backslash (so an escape cannot be forged), `\n`, `\r`, `\t`, and `\u{XX}` for every
/// other control character (C0, DEL, C1) and for the Unicode line and paragraph separators.
public enum EscapedText {
    /// `text` with line breaks and control characters escaped.
    public static func oneLine(_ text: String) -> String {
        // Nearly every name and message needs nothing: return it as it is, without copying.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x5C || $0 >= 0x7F }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars { append(scalar, to: &escaped) }
        return escaped
    }

    /// `oneLine(text)` cut to at most `limit` Unicode scalars (an escape is never cut in half), then `…`
    /// when something was left out.
    public static func excerpt(_ text: String, limit: Int) -> String {
        var escaped = ""
        var count = 0
        for scalar in text.unicodeScalars {
            var piece = ""
            append(scalar, to: &piece)
            let length = piece.unicodeScalars.count
            if count + length > limit {
                escaped += "…"
                return escaped
            }
            escaped += piece
            count += length
        }
        return escaped
    }

    /// Bytes of unknown encoding as printable ASCII: printable ASCII stays, `\\` for a backslash, `\n`,
    /// `\r`, `\t`, and `\xHH` for every other byte.
    public static func bytes(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: escaped(bytes, limit: .max).bytes, as: UTF8.self)
    }

    /// ``bytes(_:)`` as UTF-8, cut to at most `limit` bytes (an escape is never cut in half), and how many
    /// of `bytes` that represents.
    public static func escaped(_ bytes: some Sequence<UInt8>, limit: Int) -> (bytes: [UInt8], taken: Int) {
        let digits = Array("0123456789ABCDEF".utf8)
        let backslash = UInt8(ascii: "\\")
        var escaped: [UInt8] = []
        var taken = 0
        for byte in bytes {
            let width =
                switch byte {
                case 0x09, 0x0A, 0x0D, 0x5C: 2
                case 0x20..<0x7F: 1
                default: 4
                }
            guard escaped.count <= limit - width else { break }
            switch byte {
            case 0x09: escaped += [backslash, UInt8(ascii: "t")]
            case 0x0A: escaped += [backslash, UInt8(ascii: "n")]
            case 0x0D: escaped += [backslash, UInt8(ascii: "r")]
            case 0x5C: escaped += [backslash, backslash]
            case 0x20..<0x7F: escaped.append(byte)
            default:
                escaped += [backslash, UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            }
            taken += 1
        }
        return (escaped, taken)
    }

    private static func append(_ scalar: Unicode.Scalar, to escaped: inout String) {
        switch scalar.value {
        case 0x5C: escaped += "\\\\"
        case 0x0A: escaped += "\\n"
        case 0x0D: escaped += "\\r"
        case 0x09: escaped += "\\t"
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
            escaped += "\\u{" + hex(scalar.value, digits: 2) + "}"
        default: escaped.unicodeScalars.append(scalar)
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
