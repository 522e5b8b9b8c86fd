import Foundation

/// A small purchasing world written twice: into the tables an Odoo database of one version has (as its ORM
/// creates them, only the columns the adapter reads), and straight into `procurement.*` with the ids the
/// adapter derives (`pol-<id>`, `sml-<id>`, …). Times are UTC, as Odoo stores them.
struct OdooWorld {
    struct Receipt {
        var id: Int
        var at: String
        var quantity: Double
        var lot: String
        /// The move line's unit (1 kg, 2 g): the adapter converts to the line's kg.
        var uom = 1
    }

    struct Line {
        var id: Int
        var vendor: Int
        var product: Int
        var quantity: Double
        var orderedAt: String
        var requested: String
        var promised: String?
        var confirmedAt: String?
        var repromised: String?
        /// When the vendor moved the date (a tracked change of the order's Expected Arrival).
        var movedAt: String?
        var cancelled = false
        var receipts: [Receipt] = []
    }

    struct Message {
        var id: Int
        var order: Int
        var author: Int
        var at: String
        var isInternalNote = false
    }

    var lines: [Line]
    var messages: [Message]
    /// Returns to the vendor: (move line id, receipt id whose lot and move it returns, at, quantity).
    var returns: [(id: Int, receipt: Int, at: String, quantity: Double)]

    static let vendors: [(id: Int, ref: String, name: String, country: String)] = [
        (1, "SUP-A", "Alpha Chemicals", "DE"), (2, "SUP-B", "Beta Silent", "FR"),
    ]
    static let products: [(id: Int, code: String, name: String, category: String, criticality: String)] = [
        (1, "MAT-1", "Zinc oxide", "All / Critical", "critical"), (2, "MAT-2", "Talc", "All", "minor"),
    ]
    static let specifications = """
        INSERT INTO procurement.specifications VALUES
            ('MAT-1', 'assay', '%', 99.0, 100.5, 99.75, '2025-01-01', NULL),
            ('MAT-1', 'lead', 'mg/kg', NULL, 10, NULL, '2025-01-01', NULL);
        """

    /// The hand-computed world's delivery stories, and a vendor who moved its promised date.
    static let standard = OdooWorld(
        lines: [
            Line(
                id: 1, vendor: 1, product: 1, quantity: 100, orderedAt: "2026-04-20 08:00",
                requested: "2026-05-01",
                promised: "2026-05-05", confirmedAt: "2026-04-21 08:00",
                receipts: [Receipt(id: 1, at: "2026-05-05 23:30", quantity: 100, lot: "A1")]),
            Line(
                id: 2, vendor: 1, product: 1, quantity: 100, orderedAt: "2026-04-25 08:00",
                requested: "2026-05-10",
                promised: "2026-05-10", confirmedAt: "2026-04-25 09:00",
                receipts: [
                    Receipt(id: 2, at: "2026-05-08 09:00", quantity: 60, lot: "A2", uom: 2),
                    Receipt(id: 3, at: "2026-05-15 09:00", quantity: 40, lot: "A3"),
                ]),
            Line(
                id: 3, vendor: 1, product: 1, quantity: 50, orderedAt: "2026-05-20 08:00",
                requested: "2026-06-20",
                promised: "2026-06-20", confirmedAt: "2026-05-20 20:00"),
            Line(
                id: 4, vendor: 1, product: 1, quantity: 70, orderedAt: "2026-05-01 08:00",
                requested: "2026-05-20",
                cancelled: true),
            Line(
                id: 5, vendor: 1, product: 1, quantity: 80, orderedAt: "2026-06-20 08:00",
                requested: "2026-07-15",
                promised: "2026-07-15", confirmedAt: "2026-06-20 09:00"),
            Line(
                id: 6, vendor: 1, product: 1, quantity: 200, orderedAt: "2026-05-01 08:00",
                requested: "2026-06-01",
                promised: "2026-06-01", confirmedAt: "2026-05-01 09:00",
                receipts: [Receipt(id: 4, at: "2026-05-30 09:00", quantity: 197, lot: "A4")]),
            Line(
                id: 7, vendor: 1, product: 1, quantity: 10, orderedAt: "2026-06-01 08:00",
                requested: "2026-06-30",
                promised: "2026-06-30", confirmedAt: "2026-06-01 09:00"),
            // Promised 05-05, moved by the vendor on 05-04 to 05-20, received 05-18: Odoo's rate compares
            // with the moved date (on time); ours with the first promise (13 days late).
            Line(
                id: 8, vendor: 2, product: 2, quantity: 50, orderedAt: "2026-05-01 08:00",
                requested: "2026-05-05",
                promised: "2026-05-05", confirmedAt: "2026-05-01 09:00", repromised: "2026-05-20",
                movedAt: "2026-05-04 10:00",
                receipts: [Receipt(id: 5, at: "2026-05-18 09:00", quantity: 50, lot: "B1")]),
        ],
        messages: [
            Message(id: 1, order: 1, author: 99, at: "2026-06-01 10:00"),
            Message(id: 2, order: 1, author: 3, at: "2026-06-01 16:00"),
            Message(id: 3, order: 6, author: 99, at: "2026-06-10 10:00"),
            Message(id: 4, order: 6, author: 1, at: "2026-06-12 10:00"),
            Message(id: 5, order: 3, author: 99, at: "2026-06-25 09:00"),
            Message(id: 6, order: 3, author: 99, at: "2026-06-26 09:00", isInternalNote: true),
            Message(id: 7, order: 7, author: 99, at: "2026-05-31 10:00"),
            Message(id: 8, order: 7, author: 1, at: "2026-05-31 14:00"),
        ],
        returns: [(id: 6, receipt: 2, at: "2026-05-09 10:00", quantity: 6)])

    private static func q(_ text: String?) -> String {
        text.map { "'\($0)'" } ?? "NULL"
    }

    private static func ts(_ text: String?) -> String { text.map { "'\($0)'" } ?? "NULL" }

    // MARK: - straight into procurement.*

    var procurementSQL: String {
        var sql = "INSERT INTO procurement.suppliers (supplier_id, name, country) VALUES "
        sql +=
            Self.vendors.map { "('\($0.ref)', '\($0.name)', '\($0.country)')" }.joined(separator: ", ")
            + ";\n"
        sql += "INSERT INTO procurement.materials VALUES "
        sql += Self.products.map { "('\($0.code)', '\($0.name)', '\($0.criticality)')" }.joined(
            separator: ", ")
        sql += ";\n"
        sql += """
            INSERT INTO procurement.approved_sources VALUES
                ('SUP-A', 'MAT-1', 'ZN-200', 'approved', '2025-01-01'), ('SUP-B', 'MAT-2', NULL, 'approved', '2025-01-01');
            INSERT INTO procurement.quotations VALUES
                ('psi-1-1', 'SUP-A', 'MAT-1', '2025-01-01', 100, 5, 14, NULL),
                ('psi-2-2', 'SUP-B', 'MAT-2', '2025-01-01', 1, 2, 7, NULL);

            """
        sql += Self.specifications + "\n"
        for line in lines {
            let supplier = Self.vendors.first { $0.id == line.vendor }?.ref ?? "?"
            let material = Self.products.first { $0.id == line.product }?.code ?? "?"
            sql += """
                INSERT INTO procurement.order_lines VALUES ('pol-\(line.id)', '\(supplier)', '\(material)', \
                \(line.quantity), 'kg', 5.0, '\(line.orderedAt)Z', '\(line.requested)', \(Self.q(line.promised)), \
                \(line.confirmedAt.map { "'\($0)Z'" } ?? "NULL"), \(Self.q(line.repromised)), \(line.cancelled));

                """
            for receipt in line.receipts {
                sql += """
                    INSERT INTO procurement.receipts VALUES ('sml-\(receipt.id)', 'pol-\(line.id)', \
                    '\(receipt.at)Z', \(receipt.quantity), '\(receipt.lot)');

                    """
            }
        }
        for item in returns {
            sql += """
                INSERT INTO procurement.defects VALUES ('return-\(item.id)', 'sml-\(item.receipt)', 'SUP-A', \
                'MAT-1', '\(item.at)Z', 'major', \(item.quantity), 'return', 'returned to the vendor');

                """
        }
        for message in messages where message.author == 99 && !message.isInternalNote {
            guard let line = lines.first(where: { $0.id == message.order }),
                let vendor = Self.vendors.first(where: { $0.id == line.vendor })
            else { continue }
            let vendorAuthors: Set<Int> = line.vendor == 1 ? [1, 3] : [line.vendor]
            let answer = messages.filter { $0.order == message.order && vendorAuthors.contains($0.author) }
                .map(\.at).filter { $0 >= message.at }.min()
            let kind = line.confirmedAt.map { message.at < $0 } ?? true ? "rfq" : "inquiry"
            sql += """
                INSERT INTO procurement.communications VALUES ('msg-\(message.id)', '\(vendor.ref)', '\(kind)', \
                '\(message.at)Z', \(answer.map { "'\($0)Z'" } ?? "NULL"));

                """
        }
        return sql
    }

    // MARK: - in Odoo's shape

    /// The tables and columns the adapter reads, as Odoo `version` names them.
    static func ddl(version: Int) -> String {
        let moveLineQuantity = version >= 17 ? "quantity" : "qty_done"
        let trackingField = version >= 17 ? "field_id" : "field"
        return """
            CREATE TABLE ir_module_module (id serial PRIMARY KEY, name varchar, state varchar, latest_version varchar);
            CREATE TABLE ir_model_fields (id integer PRIMARY KEY, model varchar, name varchar);
            CREATE TABLE res_country (id integer PRIMARY KEY, code varchar(2));
            CREATE TABLE res_currency (id integer PRIMARY KEY, name varchar);
            CREATE TABLE res_partner (id integer PRIMARY KEY, name varchar, ref varchar, commercial_partner_id integer,
                supplier_rank integer, active boolean, country_id integer);
            CREATE TABLE uom_uom (id integer PRIMARY KEY, name jsonb, factor numeric);
            CREATE TABLE product_category (id integer PRIMARY KEY, name varchar, complete_name varchar);
            CREATE TABLE product_template (id integer PRIMARY KEY, name jsonb, categ_id integer, uom_id integer);
            CREATE TABLE product_product (id integer PRIMARY KEY, product_tmpl_id integer, default_code varchar,
                active boolean);
            CREATE TABLE product_supplierinfo (id integer PRIMARY KEY, partner_id integer, product_tmpl_id integer,
                product_id integer, product_code varchar, min_qty numeric, price numeric, delay integer,
                date_start date, date_end date, create_date timestamp, currency_id integer);
            CREATE TABLE purchase_order (id integer PRIMARY KEY, name varchar, partner_id integer, state varchar,
                date_order timestamp, date_approve timestamp, date_planned timestamp);
            CREATE TABLE purchase_order_line (id integer PRIMARY KEY, order_id integer, product_id integer,
                product_qty numeric, product_uom integer, price_unit numeric, date_planned timestamp,
                display_type varchar);
            CREATE TABLE stock_location (id integer PRIMARY KEY, usage varchar);
            CREATE TABLE stock_lot (id integer PRIMARY KEY, name varchar, product_id integer);
            CREATE TABLE stock_move (id integer PRIMARY KEY, purchase_line_id integer, product_id integer,
                state varchar, location_id integer, location_dest_id integer, origin_returned_move_id integer,
                date timestamp);
            CREATE TABLE stock_move_line (id integer PRIMARY KEY, move_id integer, product_uom_id integer,
                lot_id integer, lot_name varchar, date timestamp, \(moveLineQuantity) numeric);
            CREATE TABLE stock_scrap (id integer PRIMARY KEY, name varchar, product_id integer, lot_id integer,
                scrap_qty numeric, product_uom_id integer, state varchar, date_done timestamp);
            CREATE TABLE mail_message_subtype (id integer PRIMARY KEY, internal boolean);
            CREATE TABLE mail_message (id integer PRIMARY KEY, model varchar, res_id integer, message_type varchar,
                author_id integer, date timestamp, subtype_id integer);
            CREATE TABLE mail_tracking_value (id integer PRIMARY KEY, mail_message_id integer,
                \(trackingField) integer, old_value_datetime timestamp, new_value_datetime timestamp);
            INSERT INTO ir_module_module (name, state, latest_version) VALUES
                ('base', 'installed', '\(version).0.1.3'), ('purchase', 'installed', '\(version).0.1.2'),
                ('stock', 'installed', '\(version).0.1.1'), ('purchase_stock', 'installed', '\(version).0.1.0');

            """
    }

    /// The world's rows in Odoo's shape (our own company's partner is 99; partner 3 is a contact of 1).
    func odooSQL(version: Int) -> String {
        let moveLineQuantity = version >= 17 ? "quantity" : "qty_done"
        let trackingField = version >= 17 ? "field_id" : "field"
        var sql = """
            INSERT INTO ir_model_fields VALUES (50, 'purchase.order', 'date_planned'), (51, 'purchase.order', 'state');
            INSERT INTO res_country VALUES (1, 'DE'), (2, 'FR');
            INSERT INTO res_currency VALUES (1, 'EUR');
            INSERT INTO res_partner VALUES (1, 'Alpha Chemicals', 'SUP-A', 1, 3, true, 1),
                (2, 'Beta Silent', 'SUP-B', 2, 1, true, 2), (3, 'Anna at Alpha', NULL, 1, 0, true, 1),
                (99, 'Our Company', NULL, 99, 0, true, 1);
            INSERT INTO uom_uom VALUES (1, '{"en_US": "kg"}', 1), (2, '{"en_US": "g"}', 1000);
            INSERT INTO product_category VALUES (1, 'All', 'All'), (2, 'Critical', 'All / Critical');
            INSERT INTO product_template VALUES (1, '{"en_US": "Zinc oxide", "de_DE": "Zinkoxid"}', 2, 1),
                (2, '{"en_US": "Talc"}', 1, 1);
            INSERT INTO product_product VALUES (1, 1, 'MAT-1', true), (2, 2, 'MAT-2', true);
            INSERT INTO product_supplierinfo VALUES
                (1, 1, 1, NULL, 'ZN-200', 100, 5, 14, '2025-01-01', NULL, '2024-12-01 10:00', 1),
                (2, 2, 2, 2, NULL, 1, 2, 7, '2025-01-01', NULL, '2024-12-01 10:00', 1);
            INSERT INTO stock_location VALUES (1, 'supplier'), (2, 'internal');
            INSERT INTO mail_message_subtype VALUES (1, false), (2, true);

            """
        var trackingId = 1
        var messageId = 1000
        for line in lines {
            let current = "\(line.repromised ?? line.promised ?? line.requested) 10:00"
            let state = line.cancelled ? "cancel" : "purchase"
            sql += """
                INSERT INTO purchase_order VALUES (\(line.id), 'P0000\(line.id)', \(line.vendor), '\(state)', \
                '\(line.orderedAt)', \(Self.ts(line.confirmedAt)), '\(current)');
                INSERT INTO purchase_order_line VALUES (\(line.id), \(line.id), \(line.product), \(line.quantity), 1, \
                5.0, '\(current)', NULL);
                INSERT INTO purchase_order_line VALUES (\(line.id + 500), \(line.id), NULL, 0, NULL, 0, NULL, 'line_note');
                INSERT INTO stock_move VALUES (\(line.id), \(line.id), \(line.product), 'done', 1, 2, NULL, NULL);

                """
            var changes: [(at: String, old: String, new: String)] = []
            if let promised = line.promised, let confirmed = line.confirmedAt, promised != line.requested {
                changes.append(
                    ("\(confirmed.prefix(10)) 07:00", "\(line.requested) 10:00", "\(promised) 10:00"))
            }
            if let moved = line.repromised, let at = line.movedAt, let promised = line.promised {
                changes.append((at, "\(promised) 10:00", "\(moved) 10:00"))
            }
            for change in changes {
                messageId += 1
                sql += """
                    INSERT INTO mail_message VALUES (\(messageId), 'purchase.order', \(line.id), 'notification', \
                    \(line.vendor), '\(change.at)', 1);
                    INSERT INTO mail_tracking_value (id, mail_message_id, \(trackingField), old_value_datetime, \
                    new_value_datetime) VALUES (\(trackingId), \(messageId), 50, '\(change.old)', '\(change.new)');

                    """
                trackingId += 1
            }
            for receipt in line.receipts {
                let quantity = receipt.uom == 2 ? receipt.quantity * 1000 : receipt.quantity
                sql += """
                    INSERT INTO stock_lot VALUES (\(receipt.id), '\(receipt.lot)', \(line.product));
                    INSERT INTO stock_move_line (id, move_id, product_uom_id, lot_id, lot_name, date, \
                    \(moveLineQuantity)) VALUES (\(receipt.id), \(line.id), \(receipt.uom), \(receipt.id), NULL, \
                    '\(receipt.at)', \(quantity));

                    """
            }
        }
        for item in returns {
            guard let line = lines.first(where: { $0.receipts.contains { $0.id == item.receipt } }) else {
                continue
            }
            sql += """
                INSERT INTO stock_move VALUES (\(item.id + 100), NULL, \(line.product), 'done', 2, 1, \(line.id), NULL);
                INSERT INTO stock_move_line (id, move_id, product_uom_id, lot_id, lot_name, date, \
                \(moveLineQuantity)) VALUES (\(item.id), \(item.id + 100), 1, \(item.receipt), NULL, '\(item.at)', \
                \(item.quantity));

                """
        }
        for message in messages {
            sql += """
                INSERT INTO mail_message VALUES (\(message.id), 'purchase.order', \(message.order), \
                '\(message.author == 99 ? "email" : "comment")', \(message.author), '\(message.at)', \
                \(message.isInternalNote ? 2 : 1));

                """
        }
        return sql
    }
}
