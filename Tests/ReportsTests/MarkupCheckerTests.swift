import ReportModel
import Testing

/// The checker must itself reject what it is there to catch.
@Test(arguments: [
    "<p>a<b>b</p></b>", "<p>unclosed", "<p>a & b</p>", "<p a=b></p>", "<p a=\"<\"></p>", "</p>",
    "<p>x > y</p>",
])
func markupCheckerRejectsBrokenMarkup(_ html: String) {
    var checker = MarkupChecker()
    #expect(throws: MarkupChecker.Problem.self) { try checker.check(html) }
}

@Test func markupCheckerAcceptsWellFormedMarkup() throws {
    var checker = MarkupChecker()
    try checker.check(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><style>a > b {}</style></head>"
            + "<body><p title=\"&quot;x&quot;\">a &amp; b &#39;</p><br /></body></html>")
    #expect(checker.elements == ["html", "head", "meta", "style", "body", "p", "br"])
    #expect(checker.attributes == ["lang", "charset", "title"])
}
