import Foundation
import ReportModel
import Reports
import Testing

/// Headless Chromium (Debian's chromium-headless-shell), when installed, loads rendered pages from
/// disk with no network; the DOM it builds is checked, not our own reading of the markup.
/// `--no-sandbox` because CI runs as root, where Chromium refuses its sandbox; the pages are our own files.
/// The real binary first: the /usr/bin wrappers are shell scripts, and terminating one leaves the browser.
private let chromium = [
    "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell", "/usr/bin/chromium",
].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Test(.enabled(if: chromium != nil, "needs chromium-headless-shell or chromium"))
func chromiumBuildsTheExpectedDOM() throws {
    let root = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let renderer = try ReportRenderer(templatesDirectory: Fixtures.templatesDirectory)
    _ = try renderer.render(Fixtures.smallReport(), to: root)

    let supplier = try dumpDOM(root.appendingPathComponent("suppliers/SUP-0002.html"))
    #expect(supplier.contains("<title>Drift Chemicals GmbH (SUP-0002) — scorecard as of 2026-03-01</title>"))
    // Three charts survive the browser's parser as SVG (delivery, responsiveness, one control chart).
    #expect(supplier.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == 3)
    #expect(supplier.contains("<dd>96.4 %</dd>"))

    let hostile = try dumpDOM(root.appendingPathComponent("suppliers/_2E_2E_2F_2E_2E_2Fetc_2Fpasswd.html"))
    #expect(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!hostile.contains("<script"))
    #expect(!hostile.contains("<img"))
}

private func dumpDOM(_ page: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium ?? "")
    process.arguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--timeout=20000", "--dump-dom",
        page.absoluteString,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // A page that (wrongly) runs script can open an alert and block the browser for ever: stop it and
    // fail instead of hanging the test run.
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self)
}
