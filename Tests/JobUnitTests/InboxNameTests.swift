import Testing

@testable import Job

@Suite struct InboxNameTests {
    @Test func aValidNameIsRecordedAsItIs() {
        #expect(InboxName.recorded(Array("Zertifikat-µ 100%.xml".utf8)) == "Zertifikat-µ 100%.xml")
    }

    @Test func aNameThatIsNotUTF8IsPercentEscaped() {
        #expect(InboxName.recorded([0x61, 0xFF, 0x62]) == "a%FFb")
        // Latin-1 "é" and a truncated sequence; the % of such a name is escaped as well.
        #expect(InboxName.recorded(Array("caf".utf8) + [0xE9] + Array(" 5%.xml".utf8)) == "caf%E9 5%25.xml")
        #expect(InboxName.recorded([0xE2, 0x82]) == "%E2%82")
        #expect(InboxName.recorded(Array("ok-é".utf8) + [0x80]) == "ok-é%80")
    }
}
