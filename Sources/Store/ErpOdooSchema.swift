/// What the Odoo adapter reads of an Odoo database: the tables and columns, per Odoo version.
///
/// Columns Odoo renamed between versions are read through one-column shims (``OdooColumnChoice``): the
/// name the version uses is preferred, the other accepted when it is the one present (a backport, a
/// customised database). docs/erp-odoo.md names the Odoo source files each entry was checked against.
public enum OdooSchema {
    /// The Odoo major versions the mapping knows.
    public static let knownVersions = [16, 17, 18]

    /// The Odoo modules that must be installed.
    public static let requiredModules = ["purchase", "stock", "purchase_stock"]

    /// Columns read under their own name, by table.
    static let columns: [String: [String]] = [
        "res_partner": [
            "id", "name", "ref", "commercial_partner_id", "supplier_rank", "active", "country_id",
        ],
        "res_country": ["id", "code"],
        "res_currency": ["id", "name"],
        "product_product": ["id", "product_tmpl_id", "default_code"],
        "product_template": ["id", "name", "categ_id"],
        "product_category": ["id", "complete_name"],
        "product_supplierinfo": [
            "id", "partner_id", "product_tmpl_id", "product_id", "product_code", "min_qty", "price", "delay",
            "date_start", "date_end", "create_date", "currency_id",
        ],
        "purchase_order": ["id", "name", "partner_id", "state", "date_order", "date_approve"],
        "purchase_order_line": [
            "id", "order_id", "product_id", "product_qty", "price_unit", "date_planned", "display_type",
        ],
        "uom_uom": ["id", "name", "factor"],
        "stock_move": [
            "id", "purchase_line_id", "product_id", "state", "location_id", "location_dest_id",
            "origin_returned_move_id",
        ],
        "stock_move_line": ["id", "move_id", "product_uom_id", "lot_id", "lot_name", "date"],
        "stock_location": ["id", "usage"],
        "stock_lot": ["id", "name"],
        "stock_scrap": [
            "id", "name", "product_id", "lot_id", "scrap_qty", "product_uom_id", "state", "date_done",
        ],
        "mail_message": ["id", "model", "res_id", "message_type", "author_id", "date", "subtype_id"],
        "mail_message_subtype": ["id", "internal"],
        "mail_tracking_value": ["id", "mail_message_id", "old_value_datetime", "new_value_datetime"],
        "ir_model_fields": ["id", "model", "name"],
        "ir_module_module": ["name", "state", "latest_version"],
    ]

    /// The tables imported into schema `odoo`.
    public static var tables: [String] { columns.keys.sorted() }

    /// The renamed columns, read through the shims of schema `odoo_map`.
    static func choices(version: Int) -> [OdooColumnChoice] {
        [
            OdooColumnChoice(
                table: "stock_move_line", shim: "move_lines", alias: "quantity",
                // Odoo 17 replaced qty_done by quantity.
                candidates: version >= 17 ? ["quantity", "qty_done"] : ["qty_done", "quantity"]),
            OdooColumnChoice(
                table: "mail_tracking_value", shim: "tracking_values", alias: "field_id",
                // Odoo 17 renamed field to field_id.
                candidates: version >= 17 ? ["field_id", "field"] : ["field", "field_id"]),
            OdooColumnChoice(
                table: "purchase_order_line", shim: "purchase_order_lines", alias: "uom_id",
                candidates: ["product_uom", "product_uom_id"]),
        ]
    }

    /// The major version of a `latest_version` of module base: `16.0.1.3` → 16, `saas~17.2.1.0` → 17.
    public static func majorVersion(_ latest: String) -> Int? {
        let trimmed = latest.hasPrefix("saas~") ? String(latest.dropFirst(5)) : latest
        guard let first = trimmed.split(separator: ".").first else { return nil }
        return Int(first)
    }
}

/// A column Odoo renamed: the shim view `odoo_map.<shim>` reads it as `alias`, with the table's other
/// columns this adapter needs.
struct OdooColumnChoice {
    var table: String
    var shim: String
    var alias: String
    /// The preferred name first.
    var candidates: [String]

    /// The shim over the first candidate present among `present`, or nil when none is.
    func shimSQL(present: Set<String>) -> String? {
        guard let column = candidates.first(where: present.contains) else { return nil }
        let others = (OdooSchema.columns[table] ?? []).map { "\"\($0)\"" }.joined(separator: ", ")
        return
            "CREATE VIEW odoo_map.\(shim) AS SELECT \(others), \"\(column)\" AS \(alias) FROM odoo.\(table);"
    }
}
