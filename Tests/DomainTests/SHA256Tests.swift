import Domain
import Testing

@Suite struct SHA256Tests {
    // FIPS 180-4 / NIST example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func matchesNISTVectors(input: String, digest: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == digest)
    }

    @Test func millionAsInPieces() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func blockBoundaries() {
        // 55, 56 and 64 bytes straddle the padding boundary; piecewise must equal one-shot.
        for n in [55, 56, 63, 64, 65, 119, 120] {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var pieces = SHA256()
            pieces.update(bytes.prefix(n / 3))
            pieces.update(bytes.dropFirst(n / 3))
            #expect(pieces.finalizeHex() == SHA256.hex(of: bytes))
        }
    }

    @Test func millionAsInOneNonContiguousCollection() {
        // `repeatElement` has no contiguous storage: the copying path must give the same digest.
        var hasher = SHA256()
        hasher.update(repeatElement(UInt8(ascii: "a"), count: 1_000_000))
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func millionAsInOneArray() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(of: bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.hex(of: bytes[1...]) != SHA256.hex(of: bytes))
    }

    @Test func piecesOfEveryLengthAroundABlock() {
        // A block split 1 + 63, 63 + 1, ... 64 + 64: the carried partial block is joined correctly.
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let whole = SHA256.hex(of: bytes)
        for cut in [1, 17, 63, 64, 65, 127, 128, 129, 199] {
            var pieces = SHA256()
            pieces.update(bytes[..<cut])
            pieces.update(bytes[cut...])
            #expect(pieces.finalizeHex() == whole, "cut at \(cut)")
        }
    }
}
