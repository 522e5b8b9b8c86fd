/// The columns of one SELECT, declared once beside its statement: the select list is built from the cases
/// in order and rows are decoded by case, so no position is written by hand and a column added to the
/// list cannot shift the others.
///
///     enum Column: Int, PostgresColumns {
///         case supplierId, receivedAt
///         var expression: String {
///             switch self {
///             case .receivedAt: "date_part('epoch', received_at)"
///             default: name
///             }
///         }
///     }
///     let sql = "SELECT \(Column.selectList) FROM procurement.receipts"
///     let supplier = try row.columns(Column.self).decode(String.self, .supplierId)
///
/// Decoding by case costs what decoding by position costs: the case is the position.
public protocol PostgresColumns: RawRepresentable<Int>, CaseIterable, Sendable {
    /// The select-list expression; by default the column ``name``.
    var expression: String { get }
}

extension PostgresColumns {
    /// The case's name in snake case (`orderLineId` → `order_line_id`): the column's name in the result.
    public var name: String {
        var snake = ""
        for character in String(describing: self) {
            if character.isUppercase {
                snake.append("_")
                snake.append(contentsOf: character.lowercased())
            } else {
                snake.append(character)
            }
        }
        return snake
    }

    public var expression: String { name }

    /// Every case's expression in position order, each named as its case (`expr AS name`) when it is not
    /// the bare column, so that errors and results name the column.
    public static var selectList: String {
        allCases.sorted { $0.rawValue < $1.rawValue }
            .map { $0.expression == $0.name ? $0.name : "\($0.expression) AS \($0.name)" }
            .joined(separator: ", ")
    }

    /// Whether the cases' positions are 0, 1, 2… in declaration order, as the select list writes them
    /// (true for a plain `enum …: Int`); a test checks every column set of the project.
    public static var positionsFollowDeclaration: Bool {
        allCases.enumerated().allSatisfy { $0.offset == $0.element.rawValue }
    }
}

/// A row read through its statement's column set, so that columns are named by case: `.supplierId`.
public struct PostgresTypedRow<Column: PostgresColumns> {
    @usableFromInline let row: PostgresRow

    @usableFromInline init(row: PostgresRow) { self.row = row }

    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type, _ column: Column) throws -> T {
        try row.decode(type, at: column.rawValue)
    }

    @inlinable
    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type, _ column: Column) throws -> T? {
        try row.decodeIfPresent(type, at: column.rawValue)
    }
}

extension PostgresRow {
    /// This row, its columns named by `columns`' cases.
    @inlinable
    public func columns<C: PostgresColumns>(_ columns: C.Type) -> PostgresTypedRow<C> {
        PostgresTypedRow(row: self)
    }
}
