import Postgres
import TestSupport
import Testing

/// COPY by a column set: the list is the set's names, and a value given for any column but the next one
/// is refused before the row is sent, naming the column.
@Suite struct CopyColumnsTests {
    enum Column: Int, PostgresColumns {
        case itemId, itemLabel, weightKg
    }

    @Test func rowsInColumnOrderArriveAndOutOfOrderValuesAreRefusedByName() throws {
        let (connection, _) = try TestCluster.shared.connect()
        defer { connection.close() }
        try connection.execute(
            "CREATE TEMP TABLE copy_columns (weight_kg float8, item_label text, item_id int)")
        let copied = try connection.copyIn(table: "copy_columns", columns: Column.self) { writer in
            try writer.appendRow { row in
                try row.append(7, Column.itemId)
                try row.append("seven", Column.itemLabel)
                try row.append(1.5, Column.weightKg)
            }
        }
        #expect(copied == 1)
        let back = try connection.query("SELECT item_id, item_label, weight_kg FROM copy_columns")
        let row = try #require(back.first { _ in true })
        #expect(try row.decode(Int.self, column: "item_id") == 7)
        #expect(try row.decode(Double.self, column: "weight_kg") == 1.5)
        let error = #expect(throws: PostgresError.self) {
            _ = try connection.copyIn(table: "copy_columns", columns: Column.self) { writer in
                try writer.appendRow { row in
                    try row.append(8, Column.itemId)
                    try row.append(2.5, Column.weightKg)
                    try row.append("eight", Column.itemLabel)
                }
            }
        }
        #expect(error?.message.contains("weight_kg") == true)
        #expect(
            try connection.query("SELECT count(*) FROM copy_columns").first { _ in true }?.decode(
                Int.self, at: 0) == 1)
    }
}
