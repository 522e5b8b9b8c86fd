// Benchmark helper for scripts/bench-copy: loads generated CoA measurements through the store's COPY,
// the same path as the intake (CoADocumentStore.insertMeasurements, one COPY per batch of documents).
//   copy-bench documents CONNINFO ROWS            applies SQL/ (as `scorecard migrate` does), then one run
//                                                 and the documents that ROWS measurements belong to
//   copy-bench measurements CONNINFO ROWS BATCH   the measurements, BATCH documents per COPY (0: one COPY);
//                                                 prints: rows seconds cpu-seconds (the COPYs only; cpu is
//                                                 this process's user + system time)
// The rows are the same on every call (a fixed-seed generator), so runs can be compared.
import CoA
import Domain
import Foundation
import Logging
import Postgres
import Store

let resultsPerDocument = 5

/// A fixed-seed generator (SplitMix64): the same rows on every run.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Characteristics as the demo world reports them: name, reported name, unit, method, limits.
let characteristics: [(String, String, String?, String?, Double?, Double)] = [
    ("assay", "Assay (as ZnO)", "%", "USP <541>", 99.0, 100.5),
    ("moisture", "Loss on drying", "%", "Ph. Eur. 2.5.12", nil, 0.5),
    ("lead", "Lead (Pb)", "mg/kg", "ICP-MS", nil, 10.0),
    ("particle_size_d50", "Particle size d50", "µm", "Laser diffraction", 1.0, 5.0),
    ("ph", "pH (10 % slurry)", nil, nil, 6.0, 8.0),
    ("bulk_density", "Bulk density", "g/ml", "Ph. Eur. 2.9.34", 0.3, 0.6),
]

func measurements(rows: Int) -> [MeasurementRecord] {
    var random = SplitMix(state: 20_261_123)
    var records: [MeasurementRecord] = []
    records.reserveCapacity(rows)
    let start = Day(year: 2024, month: 1, day: 1)
    for row in 0..<rows {
        let document = row / resultsPerDocument
        let (name, reported, unit, method, low, high) = characteristics[
            (document + row % resultsPerDocument) % characteristics.count]
        let lower = low ?? 0
        let value = ((lower + (high - lower) * 1.1 * random.unit()) * 1000).rounded() / 1000
        let text = String(format: "%.3f", value)
        let band = low == nil ? nil : (value - lower) / (high - lower)
        let verdict: Verdict =
            value > high ? .fail : band.map { $0 < 0.1 || $0 > 0.9 } == true ? .edge : .pass
        let specification = Specification(
            materialId: "MAT-\(document % 3000)", characteristic: name, unit: unit ?? "", lowerLimit: low,
            upperLimit: high, target: low.map { ($0 + high) / 2 }, validFrom: start)
        let result = ReportedResult(
            characteristic: name, reportedCharacteristic: reported, unit: unit, method: method,
            reportedText: text, supplierLower: low, supplierUpper: row % 7 == 0 ? high * 1.1 : high)
        let evaluation = Evaluation(
            value: value, valueInSpecUnit: value, verdict: verdict, bandPosition: band,
            supplierLimitsWider: row % 7 == 0, note: row % 50 == 0 ? "reported as \"\(text)\"" : nil)
        records.append(
            MeasurementRecord(
                documentId: Int64(document + 1), position: row % resultsPerDocument,
                supplierId: "SUP-\(String(format: "%04d", document % 1000))",
                materialId: "MAT-\(document % 3000)",
                lotNumber: "L26-\(String(format: "%06d", document))",
                lotDay: start.advanced(by: document % 1000), result: result, evaluation: evaluation,
                specification: specification))
    }
    return records
}

/// User + system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
}

func documents(count: Int) -> [CoADocumentRecord] {
    let received = Date(timeIntervalSince1970: 1_704_067_200)
    return (0..<count).map { index in
        var document = CoADocumentRecord(
            documentId: Int64(index + 1), sha256: String(format: "%064x", index),
            path: "SUP-\(String(format: "%04d", index % 1000))/coa-\(index).xml",
            supplierId: "SUP-\(String(format: "%04d", index % 1000))", status: .accepted, sizeBytes: 2000,
            receivedAt: received.addingTimeInterval(Double(index)))
        document.format = "canonical"
        document.lotNumber = "L26-\(String(format: "%06d", index))"
        return document
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let rows = Int(arguments[3]), rows > 0 else {
    FileHandle.standardError.write(
        Data("usage: copy-bench documents|measurements CONNINFO ROWS [BATCH]\n".utf8))
    exit(64)
}
let connection = try PostgresConnection(arguments[2], logger: Logger(label: "copy-bench"))
let store = CoADocumentStore(connection)
let documentCount = (rows + resultsPerDocument - 1) / resultsPerDocument
switch arguments[1] {
case "documents":
    let sql = URL(fileURLWithPath: "SQL")
    _ = try Migrator(
        migrations: try Migrator.load(from: sql), repeatable: try Migrator.loadRepeatable(from: sql),
        logger: Logger(label: "copy-bench")
    ).migrate(connection)
    let run = try connection.query(
        "INSERT INTO scorecard_store.runs (as_of, status) VALUES ('2026-11-23', 'running') RETURNING run_id")
    let runId = try run[0].decode(Int64.self, at: 0)
    try store.insert(documents: documents(count: documentCount), runId: runId)
    try connection.execute(
        "SELECT setval(pg_get_serial_sequence('scorecard_store.coa_documents', 'document_id'), $1)",
        [documentCount])
case "measurements":
    let batch = arguments.count > 4 ? Int(arguments[4]) ?? 256 : 256
    let records = measurements(rows: rows)
    let rowsPerCopy = batch <= 0 ? records.count : batch * resultsPerDocument
    // Split before the clock starts: the intake hands each batch over as an array of its own.
    let batches = stride(from: 0, to: records.count, by: rowsPerCopy).map {
        Array(records[$0..<min($0 + rowsPerCopy, records.count)])
    }
    let cpuStarted = cpuSeconds()
    let started = Date()
    for batch in batches { try store.insertMeasurements(batch) }
    let seconds = Date().timeIntervalSince(started)
    print(records.count, String(format: "%.3f %.3f", seconds, cpuSeconds() - cpuStarted))
default:
    FileHandle.standardError.write(Data("copy-bench: unknown mode \(arguments[1])\n".utf8))
    exit(64)
}
