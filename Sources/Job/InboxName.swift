/// How a file or folder name of the inbox is recorded (in `coa_documents.path`, the log, the pages).
///
/// A name that is valid UTF-8 is recorded as it is. A name that is not is recorded with each byte that
/// is not part of a valid UTF-8 sequence, and each `%`, written as `%XX` (two upper-case hex digits), so
/// `bad\xFF.xml` becomes `bad%FF.xml`: listed and recorded like any other file, never dropped, and the
/// bytes can be told back from the recorded name.
enum InboxName {
    static func recorded(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var recorded = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "%" { recorded += "%25" } else { recorded.unicodeScalars.append(scalar) }
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<min(offset + length, bytes.count)] { recorded += percent(byte) }
                offset += length
            case .emptyInput:
                return recorded
            }
        }
    }

    private static func percent(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(
            decoding: [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
    }
}
