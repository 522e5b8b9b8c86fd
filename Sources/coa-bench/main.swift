// Benchmark helper for scripts/bench-coa-parse: generates canonical CoAs and reads them on all cores.
//   coa-bench generate DIR COUNT     writes COUNT canonical CoAs into DIR
//   coa-bench read DIR [parse]       reads every *.xml in DIR with CoAReader (or only parses, with "parse")
//                                    and prints: documents seconds bytes accepted
import CoA
import Dispatch
import Foundation
import XML

func generate(into directory: URL, count: Int) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let characteristics = [
        ("assay", "%", 99.0, 100.5), ("moisture", "%", 0.0, 0.5), ("lead", "mg/kg", 0.0, 10.0),
        ("arsenic", "mg/kg", 0.0, 3.0), ("cadmium", "mg/kg", 0.0, 1.0), ("mercury", "mg/kg", 0.0, 0.5),
        ("loss_on_ignition", "%", 0.0, 1.0), ("ph", "", 6.0, 8.0), ("bulk_density", "g/ml", 0.3, 0.6),
        ("particle_size_d50", "µm", 1.0, 5.0), ("iron", "mg/kg", 0.0, 50.0),
        ("chloride", "mg/kg", 0.0, 100.0),
    ]
    var generator = SystemRandomNumberGenerator()
    for index in 0..<count {
        var results = ""
        for (name, unit, low, high) in characteristics {
            let value = Double.random(in: low...(high * 1.05), using: &generator)
            let unitAttribute = unit.isEmpty ? "" : " unit=\"\(unit)\""
            results += """
                    <Result characteristic="\(name)"\(unitAttribute) method="Ph. Eur. 2.2.\(index % 90)">
                      <Value>\(String(format: "%.3f", value))</Value>
                      <Specification min="\(low)" max="\(high)"/>
                    </Result>\n
                """
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1">
              <Supplier id="SUP-\(String(format: "%04d", index % 200))">Supplier \(index % 200) GmbH</Supplier>
              <Material partNumber="ZN-\(index % 50)" materialId="MAT-\(String(format: "%04d", index % 50))">Zinc oxide USP</Material>
              <Lot number="L26-\(String(format: "%06d", index))" manufactured="2026-03-02" expires="2028-03-01" quantity="1200" unit="kg"/>
              <PurchaseOrder>PO-\(45000 + index)</PurchaseOrder>
              <Issued>2026-03-04</Issued>
              <Results>
            \(results)  </Results>
              <Approval by="J. Weber" date="2026-03-04"/>
            </CertificateOfAnalysis>\n
            """
        let url = directory.appendingPathComponent(String(format: "coa-%06d.xml", index))
        try Data(document.utf8).write(to: url)
    }
}

/// Counts accepted documents from many threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var accepted = 0
    private var bytes = 0
    func add(accepted: Bool, bytes: Int) {
        lock.withLock {
            self.accepted += accepted ? 1 : 0
            self.bytes += bytes
        }
    }
    var totals: (accepted: Int, bytes: Int) { lock.withLock { (accepted, bytes) } }
}

func read(_ directory: URL, parseOnly: Bool) throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".xml") }.sorted().map { directory.appendingPathComponent($0) }
    let reader = try CoAReader()
    let counter = Counter()
    let start = DispatchTime.now()
    // One file per iteration; each thread parses with its own libxml2 context.
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
        guard let data = try? Data(contentsOf: files[index]) else {
            counter.add(accepted: false, bytes: 0)
            return
        }
        let bytes = Array(data)
        let accepted: Bool
        if parseOnly {
            accepted = (try? XMLDocument.parse(bytes)) != nil
        } else if case .success = reader.read(bytes) {
            accepted = true
        } else {
            accepted = false
        }
        counter.add(accepted: accepted, bytes: bytes.count)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let totals = counter.totals
    print("\(files.count) \(String(format: "%.3f", seconds)) \(totals.bytes) \(totals.accepted)")
}

let arguments = CommandLine.arguments
do {
    switch (arguments.count, arguments.dropFirst().first) {
    case (4, "generate"):
        guard let count = Int(arguments[3]) else { throw CocoaError(.formatting) }
        try generate(into: URL(fileURLWithPath: arguments[2]), count: count)
    case (3, "read"), (4, "read"):
        try read(
            URL(fileURLWithPath: arguments[2]), parseOnly: arguments.count == 4 && arguments[3] == "parse")
    default:
        FileHandle.standardError.write(Data("usage: coa-bench generate DIR COUNT | read DIR [parse]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("coa-bench: \(error)\n".utf8))
    exit(1)
}
