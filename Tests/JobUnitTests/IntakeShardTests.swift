import Job
import Testing

/// `--shard K/N` parsing and the supplier → shard function, without a database.
@Suite struct IntakeShardTests {
    @Test func parsesKOfN() throws {
        let shard = try IntakeShard.parse("1/3").get()
        #expect(shard.index == 1)
        #expect(shard.count == 3)
        #expect(shard.description == "1/3")
        #expect(try IntakeShard.parse("0/1").get().count == 1)
    }

    @Test(arguments: [
        ("2/2", "K must be between 0 and N-1 (1)"), ("-1/2", "K must be between 0 and N-1 (1)"),
        ("0/0", "N must be between 1 and 1024"), ("0/1025", "N must be between 1 and 1024"),
        ("1", "two whole numbers"), ("a/b", "two whole numbers"), ("1/2/3", "two whole numbers"),
        ("", "two whole numbers"), ("0/", "two whole numbers"),
    ])
    func refusesBadValuesSayingWhy(text: String, message: String) {
        guard case .failure(let error) = IntakeShard.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.description.contains(message), "\(error)")
    }

    /// FNV-1a 64 reference values (the algorithm's published test vectors): stable across processes.
    @Test func supplierShardIsFNV1a64ModuloN() {
        // FNV-1a 64("") = 0xcbf29ce484222325, ("a") = 0xaf63dc4c8601ec8c, ("foobar") = 0x85944171f73967e8.
        #expect(IntakeShard.number(of: "", count: 1000) == Int(0xcbf2_9ce4_8422_2325 % UInt64(1000)))
        #expect(IntakeShard.number(of: "a", count: 7) == Int(0xaf63_dc4c_8601_ec8c % UInt64(7)))
        #expect(IntakeShard.number(of: "foobar", count: 1024) == 0x3e8)  // the low 10 bits
        #expect(IntakeShard.number(of: "foobar", count: 2) == 0)
        #expect(IntakeShard.number(of: "a", count: 2) == 0)
        #expect(IntakeShard.number(of: "SUP-A", count: 1) == 0)
        let shard = try? IntakeShard.parse("0/2").get()
        #expect(shard?.owns("foobar") == true)
        #expect(shard?.owns("a") == true)
    }

    @Test func everySupplierHasExactlyOneShard() throws {
        let shards = try (0..<3).map { try IntakeShard.parse("\($0)/3").get() }
        for number in 1...50 {
            let supplier = "SUP-\(number)"
            #expect(shards.filter { $0.owns(supplier) }.count == 1, "\(supplier)")
        }
    }
}
