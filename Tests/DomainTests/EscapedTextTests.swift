import Domain
import Testing

@Suite struct EscapedTextTests {
    @Test func plainTextIsLeftAsItIs() {
        #expect(EscapedText.oneLine("SUP-A/2026/a.xml · µg/kg") == "SUP-A/2026/a.xml · µg/kg")
    }

    @Test func lineBreaksAndControlCharactersAreEscaped() {
        #expect(EscapedText.oneLine("a\nb\rc\td") == #"a\nb\rc\td"#)
        #expect(
            EscapedText.oneLine("bell\u{07} del\u{7F} c1\u{85} ls\u{2028}")
                == #"bell\u{07} del\u{7F} c1\u{85} ls\u{2028}"#)
        // A backslash is escaped too, so a name cannot pretend to hold an escape.
        #expect(EscapedText.oneLine(#"not\na break"#) == #"not\\na break"#)
        #expect(!EscapedText.oneLine("x\n\r\u{2029}\u{0B}\u{0C}").contains { $0.isNewline })
    }

    @Test func anExcerptIsBoundedAndNeverCutsAnEscape() {
        #expect(EscapedText.excerpt("short", limit: 10) == "short")
        #expect(EscapedText.excerpt(String(repeating: "x", count: 500), limit: 10) == "xxxxxxxxxx…")
        #expect(EscapedText.excerpt("abcdefghi\n", limit: 10) == "abcdefghi…")
        #expect(EscapedText.excerpt("ab\ncd", limit: 10) == #"ab\ncd"#)
    }

    @Test func bytesBecomePrintableASCII() {
        #expect(EscapedText.bytes(Array("<a>\n".utf8) + [0x00, 0xFF, 0x5C]) == #"<a>\n\x00\xFF\\"#)
        #expect(EscapedText.bytes(Array("é".utf8)) == #"\xC3\xA9"#)
    }
}
