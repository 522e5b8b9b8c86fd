import Demo
import Domain
import Foundation

/// One table as the generator emitted it.
struct RecordedTable: Sendable {
    var columns: [String]
    var rows: [[String?]]

    func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
}

/// Keeps every row (fine for the standard world) and a running FNV-1a hash of the whole stream.
struct RecordingSink: DemoSink {
    var order: [String] = []
    var tables: [String: RecordedTable] = [:]
    var hash = FNV1a()

    mutating func write(
        table: String, columns: [String], rows: (_ emit: ([String?]) throws -> Void) throws -> Void
    ) throws {
        order.append(table)
        hash.add(table)
        var recorded = RecordedTable(columns: columns, rows: [])
        var hasher = hash
        try rows { row in
            precondition(
                row.count == columns.count, "\(table): \(row.count) values for \(columns.count) columns")
            for value in row { hasher.add(value ?? "\u{0}NULL") }
            recorded.rows.append(row)
        }
        hash = hasher
        tables[table] = recorded
    }
}

/// Hashes the stream without keeping it, for the large world.
struct CountingSink: DemoSink {
    var rows: [String: Int] = [:]
    var hash = FNV1a()

    mutating func write(
        table: String, columns: [String], rows emitRows: (_ emit: ([String?]) throws -> Void) throws -> Void
    ) throws {
        var count = 0
        var hasher = hash
        try emitRows { row in
            count += 1
            for value in row { hasher.add(value ?? "\u{0}NULL") }
        }
        hash = hasher
        rows[table] = count
    }
}

/// 64-bit FNV-1a over strings, each terminated so that ("ab", "c") and ("a", "bc") differ.
struct FNV1a: Sendable, Hashable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
}

/// A generated world kept for the tests that read it.
struct GeneratedWorld: Sendable {
    var order: [String]
    var tables: [String: RecordedTable]
    var hash: UInt64
    var summary: DemoSummary
    var inbox: URL
    var asOf: Day

    static func make(
        seed: UInt64 = 20_261_123, size: DemoSize = .standard, asOf: Day = demoAsOf, inbox: URL? = nil
    ) throws -> GeneratedWorld {
        let inbox =
            inbox
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "demo-tests-\(seed)-\(size.suppliers)-\(UUID().uuidString)", isDirectory: true)
        var sink = RecordingSink()
        let summary = try DemoWorld(seed: seed, size: size, asOf: asOf).generate(into: &sink, inbox: inbox)
        return GeneratedWorld(
            order: sink.order, tables: sink.tables, hash: sink.hash.value, summary: summary, inbox: inbox,
            asOf: asOf)
    }

    func table(_ name: String) throws -> RecordedTable {
        guard let table = tables[name] else { throw TestFailure("no table \(name)") }
        return table
    }

    /// Rows of a table as dictionaries by column name.
    func rows(_ name: String) throws -> [[String: String?]] {
        let t = try table(name)
        return t.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(t.columns, row).map { ($0, $1) })
        }
    }

    /// Relative path → SHA-free digest of every file in the inbox.
    func inboxDigest() throws -> [String: UInt64] {
        var digest: [String: UInt64] = [:]
        let root = inbox.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [:] }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            var h = FNV1a()
            h.add(String(decoding: data, as: UTF8.self))
            digest[relative] = h.value
        }
        return digest
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

let demoAsOf = Day(year: 2026, month: 11, day: 23)

/// The standard world, generated once for all tests that only read it; its inbox goes when the process ends.
let standardWorld = Result {
    let world = try GeneratedWorld.make(seed: standardSeed, inbox: standardInbox)
    atexit { try? FileManager.default.removeItem(at: standardInbox) }
    return world
}

/// The seed of the shared world: DEMO_SEED checks that the stories hold for other seeds too (they should:
/// they are planted, not luck).
let standardSeed = ProcessInfo.processInfo.environment["DEMO_SEED"].flatMap { UInt64($0) } ?? 20_261_123

/// The standard world's inbox folder, per test process.
let standardInbox = FileManager.default.temporaryDirectory.appendingPathComponent(
    "demo-tests-standard-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)

extension String {
    /// Day of a `YYYY-MM-DD` or ISO timestamp value.
    var day: Day? { Day(iso: prefix(10)) }
}
