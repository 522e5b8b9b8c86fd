import Domain
import ReportModel

/// A flag's evidence JSON as rows a person reads: scalars as text, arrays of objects as a small table.
struct EvidenceView {
    struct Row {
        var key: String
        var value: String?
        var table: Table?
    }

    struct Table {
        struct Line { var cells: [String] }
        var columns: [String]
        var lines: [Line]
    }

    var rows: [Row]

    init(_ evidence: JSONValue) {
        switch evidence {
        case .object(let object):
            rows = object.keys.sorted().map { key in EvidenceView.row(key: key, object[key] ?? .null) }
        case .null:
            rows = []
        default:
            rows = [EvidenceView.row(key: "evidence", evidence)]
        }
    }

    private static func row(key: String, _ value: JSONValue) -> Row {
        let label = key.replacingOccurrences(of: "_", with: " ")
        if case .array(let items) = value, !items.isEmpty, items.allSatisfy(isObject) {
            var columns: [String] = []
            for case .object(let object) in items {
                for column in object.keys.sorted() where !columns.contains(column) { columns.append(column) }
            }
            let lines = items.map { item -> Table.Line in
                guard case .object(let object) = item else { return Table.Line(cells: []) }
                return Table.Line(cells: columns.map { text(object[$0] ?? .null) })
            }
            let headers = columns.map { $0.replacingOccurrences(of: "_", with: " ") }
            return Row(key: label, value: nil, table: Table(columns: headers, lines: lines))
        }
        return Row(key: label, value: text(value), table: nil)
    }

    private static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    /// One line of text for any JSON value; nested objects read as "key: value; …".
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "none"
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let number): return ReportFormat.value(number)
        case .string(let string): return string
        case .array(let items): return items.map(text).joined(separator: ", ")
        case .object(let object):
            return object.keys.sorted().map {
                "\($0.replacingOccurrences(of: "_", with: " ")): \(text(object[$0] ?? .null))"
            }
            .joined(separator: "; ")
        }
    }
}
