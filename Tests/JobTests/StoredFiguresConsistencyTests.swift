import Demo
import Domain
import Foundation
import Job
import Logging
import Postgres
import Testing

/// The pages print what the run stored, and only that: the demo world run with settings that differ from
/// every default the report could fall back on, then each supplier and material page read back and
/// compared, figure by figure, with the views.
@Suite(.serialized) struct StoredFiguresConsistencyTests {
    static let lambda = 0.35
    static let sigmaMultiple = 2.6
    static let edgeFraction = 0.18
    static let minimumSources = 3

    @Test func everyChartPointBandSourceCountAndMonthOnThePagesIsTheStoredOne() throws {
        let fixture = try JobFixture()
        let asOf = Day(year: 2026, month: 11, day: 23)
        let connection = try fixture.connect()
        defer { connection.close() }
        _ = try DemoLoader(connection: connection, logger: Logger(label: "test"))
            .load(DemoWorld(asOf: asOf), inbox: fixture.inbox)
        _ = try fixture.run(asOf: asOf.iso) { configuration in
            configuration.scoring.ewmaLambda = Self.lambda
            configuration.scoring.ewmaL = Self.sigmaMultiple
            configuration.edgeFraction = Self.edgeFraction
            configuration.decisions.minimumSources = Self.minimumSources
        }
        let stored = try StoredCharts(connection)
        #expect(stored.charts.count > 100, "the demo stores charts")
        try expectChartsAsStored(stored, fixture: fixture, connection: connection)
        try expectSettingsWereTheConfiguredOnes(stored)
        try expectFlaggedLotsAreNamedByFlags(stored, connection: connection)
        try expectMaterialPagesAsStored(fixture: fixture, connection: connection)
        try expectSourceFiguresAsStored(fixture: fixture, connection: connection)
        try expectTodayInTheStoredOrder(fixture: fixture, connection: connection)
        try expectResponsivenessAsStored(fixture: fixture, connection: connection)
        try expectWindowsStoredAndInTheHeader(fixture: fixture, connection: connection)
    }

    /// The run stores its windows' days; the page header states them from there.
    func expectWindowsStoredAndInTheHeader(fixture: JobFixture, connection: PostgresConnection) throws {
        let rows = try connection.query(
            """
            SELECT current_first::text AS cf, current_last::text AS cl, baseline_first::text AS bf,
                   baseline_last::text AS bl
            FROM scorecard_store.runs WHERE kind = 'nightly' ORDER BY run_id DESC LIMIT 1
            """)
        let row = try #require(rows.first(where: { _ in true }))
        let days = try ["cf", "cl", "bf", "bl"].map { try row.decodeIfPresent(String.self, column: $0) }
        #expect(days == ["2026-08-26", "2026-11-23", "2026-02-27", "2026-08-25"])
        let index = try String(
            contentsOf: fixture.reports.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(
            index.contains(
                "Figures cover the current window 2026-08-26 to 2026-11-23; trends compare it with the baseline "
                    + "2026-02-27 to 2026-08-25."))
    }

    /// Every chart on every supplier page, point by point, equals `scorecard.control_chart_points`.
    func expectChartsAsStored(_ stored: StoredCharts, fixture: JobFixture, connection: PostgresConnection)
        throws
    {
        var pagesChecked = 0
        for supplier in try suppliers(connection) {
            let page = try PageText(fixture.reports.appendingPathComponent("suppliers/\(supplier).html"))
            let drawn = page.charts()
            let expected = stored.charts.filter { $0.key.supplier == supplier }
            #expect(drawn.count == expected.count, "\(supplier): charts drawn")
            for chart in drawn {
                let key = SeriesKey(
                    supplier: supplier, material: chart.attributes["data-material"] ?? "",
                    characteristic: chart.attributes["data-characteristic"] ?? "")
                guard let want = stored.charts[key] else {
                    Issue.record("\(key): drawn but not stored")
                    continue
                }
                #expect(chart.lots.map(\.lot) == want.points.map(\.lot), "\(key): lots")
                #expect(chart.lots.map(\.value) == want.points.map(\.value), "\(key): values")
                #expect(chart.lots.map(\.ewma) == want.points.map(\.ewma), "\(key): EWMA")
                #expect(chart.lots.map(\.flagged) == want.points.map(\.flagged), "\(key): flagged lots")
                #expect(chart.number("data-edge-lower") == want.edgeLower, "\(key): lower edge band")
                #expect(chart.number("data-edge-upper") == want.edgeUpper, "\(key): upper edge band")
                #expect(chart.number("data-centre") == want.centre, "\(key): centre")
                #expect(chart.number("data-ewma-lower") == want.points.last?.ewmaLower, "\(key): EWMA LCL")
                #expect(chart.number("data-ewma-upper") == want.points.last?.ewmaUpper, "\(key): EWMA UCL")
            }
            pagesChecked += 1
        }
        #expect(pagesChecked == 40)
    }

    /// The stored figures follow the configured settings, not a default: the EWMA recursion with the
    /// configured λ, the limits with the configured L, the bands with the configured edge fraction.
    func expectSettingsWereTheConfiguredOnes(_ stored: StoredCharts) throws {
        var recursionsChecked = 0
        var bandsChecked = 0
        var limitsChecked = 0
        for chart in stored.charts.values {
            #expect(chart.lambda == Self.lambda && chart.sigmaMultiple == Self.sigmaMultiple)
            for (previous, point) in zip(chart.points, chart.points.dropFirst()) {
                let expected = Self.lambda * point.value + (1 - Self.lambda) * previous.ewma
                #expect(abs(point.ewma - expected) <= 1e-9 * max(1, abs(expected)), "\(chart.key) EWMA")
                recursionsChecked += 1
            }
            if let last = chart.points.last, chart.points.count >= 40 {
                // Settled limits: L·σ·√(λ/(2−λ) + 1/m) with the baseline mean's own uncertainty (m = 10 lots).
                let half = last.ewmaUpper - chart.centre
                let expected =
                    Self.sigmaMultiple * chart.sigma
                    * (Self.lambda / (2 - Self.lambda) + 1.0 / 10).squareRoot()
                #expect(abs(half - expected) <= 1e-9 * expected, "\(chart.key) limits")
                limitsChecked += 1
            }
            if let lower = chart.lowerLimit, let upper = chart.upperLimit, let edge = chart.edgeUpper {
                let expected = upper - Self.edgeFraction * (upper - lower)
                #expect(abs(edge - expected) <= 1e-9 * max(1, abs(expected)), "\(chart.key) band")
                bandsChecked += 1
            }
        }
        #expect(recursionsChecked > 1_000 && bandsChecked > 50 && limitsChecked > 20)
    }

    /// A lot is marked on a chart exactly when a stored flag of that series names it.
    func expectFlaggedLotsAreNamedByFlags(_ stored: StoredCharts, connection: PostgresConnection) throws {
        var named: Set<String> = []
        try connection.stream(
            """
            SELECT supplier_id, material_id, characteristic, lot
            FROM scorecard.supplier_flags, jsonb_array_elements_text(evidence -> 'flagged_lots') AS lot
            """
        ) { row in
            named.insert(
                [0, 1, 2, 3].map { (try? row.decodeIfPresent(String.self, at: $0)) ?? nil ?? "" }
                    .joined(separator: "|"))
        }
        var marked = 0
        for chart in stored.charts.values {
            for point in chart.points {
                let id = [chart.key.supplier, chart.key.material, chart.key.characteristic, point.lot]
                    .joined(separator: "|")
                #expect(point.flagged == named.contains(id), "\(id)")
                if point.flagged { marked += 1 }
            }
        }
        #expect(marked > 0, "the demo's drift and out-of-tolerance stories mark lots")
    }

    /// The badge and the sentence of every material page state the stored sourcing.
    func expectMaterialPagesAsStored(fixture: JobFixture, connection: PostgresConnection) throws {
        var singleSourced = 0
        var pages = 0
        try connection.stream(
            """
            SELECT material_id, usable_sources, required_sources, single_sourced
            FROM scorecard.material_sourcing ORDER BY material_id
            """
        ) { row in
            let material = try row.decode(String.self, at: 0)
            let usable = try row.decode(Int.self, at: 1)
            let required = try row.decodeIfPresent(Int.self, at: 2)
            let single = try row.decode(Bool.self, at: 3)
            guard
                let page = try? PageText(
                    fixture.reports.appendingPathComponent("materials/\(material).html"))
            else { return }
            pages += 1
            let badge = page.text.contains(#"<span class="badge sev-critical">single-sourced</span>"#)
            #expect(badge == single, "\(material): badge")
            let sentence = page.firstMatch(#"<span class="sourcing">([^<]*)</span>"#) ?? ""
            #expect(sentence.hasPrefix("\(usable) usable source") || sentence.contains(": \(usable) usable"))
            if let required { #expect(sentence.contains("needs \(required)"), "\(material): \(sentence)") }
            if single { singleSourced += 1 }
        }
        #expect(pages == 150)
        // Three sources required instead of two: critical materials with two usable sources join.
        #expect(singleSourced > 1)
    }

    /// Each source's row on its material page shows the stored per-material figures of the view.
    func expectSourceFiguresAsStored(fixture: JobFixture, connection: PostgresConnection) throws {
        var rows = 0
        var priced = 0
        var open = 0
        try connection.stream(
            """
            SELECT f.supplier_id, f.material_id, f.current_due_lines, f.current_otd_rate::float8,
                   f.current_lots_received, f.open_lines, f.volume_tier_unit_price::float8, f.open_value::float8
            FROM scorecard.supplier_material_figures f
            JOIN scorecard.approved_sources a USING (supplier_id, material_id)
            ORDER BY 1, 2
            """
        ) { row in
            let supplier = try row.decode(String.self, at: 0)
            let material = try row.decode(String.self, at: 1)
            let dueLines = try row.decode(Int.self, at: 2)
            let otd = try row.decodeIfPresent(Double.self, at: 3)
            let lots = try row.decode(Int.self, at: 4)
            let openLines = try row.decode(Int.self, at: 5)
            let price = try row.decodeIfPresent(Double.self, at: 6)
            let openValue = try row.decodeIfPresent(Double.self, at: 7)
            let page = try PageText(fixture.reports.appendingPathComponent("materials/\(material).html"))
            let compare = page.section("compare")
            let line =
                compare.components(separatedBy: "<tr>").first { $0.contains("(\(supplier))</td>") } ?? ""
            // Each cell's text without its tags: supplier, list status, verdict, readiness, OTD, OTIF, PPM,
            // lots, lead time, price, open orders, then the Cpks and flags.
            let cells = line.components(separatedBy: "</td>").map {
                $0.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard cells.count >= 11 else {
                Issue.record("\(supplier) \(material): no comparison row")
                return
            }
            rows += 1
            let (otdCell, lotsCell, priceCell, openCell) = (cells[4], cells[7], cells[9], cells[10])
            if dueLines == 0 {
                #expect(otdCell == "no lines due", "\(supplier) \(material)")
            } else {
                let shown = PageText.matches(#"^([0-9.]+) % of ([0-9,]+) line"#, in: otdCell).first ?? []
                #expect(shown.count == 2, "\(supplier) \(material): \(otdCell)")
                if shown.count == 2, let percent = Double(shown[0]), let otd {
                    #expect(abs(percent - otd * 100) <= 0.051, "\(supplier) \(material): \(otdCell)")
                    #expect(shown[1].replacingOccurrences(of: ",", with: "") == String(dueLines))
                }
            }
            #expect(lotsCell == String(lots), "\(supplier) \(material): lots")
            if let price {
                priced += 1
                let shown = PageText.matches(#"^([0-9.]+) per"#, in: priceCell).first?.first.flatMap(
                    Double.init)
                #expect(
                    shown.map { abs($0 - price) < 0.0051 } == true, "\(supplier) \(material): \(priceCell)")
                #expect(priceCell.contains("currency not recorded"))
            }
            if openLines == 0 {
                #expect(openCell == "none", "\(supplier) \(material): \(openCell)")
            } else {
                open += 1
                #expect(openCell.contains("\(openLines) line"), "\(supplier) \(material): \(openCell)")
                if let openValue {
                    let text = openCell.replacingOccurrences(of: ",", with: "")
                    let shown = PageText.matches(#" ([0-9]+\.[0-9]{2}) \(currency"#, in: text).first?.first
                    #expect(
                        shown.flatMap(Double.init).map { abs($0 - openValue) < 0.0051 } == true, "\(openCell)"
                    )
                }
            }
        }
        #expect(rows > 100, "the demo's approved sources have stored figures")
        #expect(priced > 0 && open > 0, "some sources have a volume tier and open orders")
    }

    /// The index's "Today" lines are the stored ones, in the stored rank.
    func expectTodayInTheStoredOrder(fixture: JobFixture, connection: PostgresConnection) throws {
        var stored: [String] = []
        try connection.stream(
            """
            SELECT t.supplier_id FROM scorecard_store.today_lines t
            WHERE t.run_id = (SELECT run_id FROM scorecard.latest_run) ORDER BY t.rank
            """
        ) { row in stored.append(try row.decode(String.self, at: 0)) }
        let index = try PageText(fixture.reports.appendingPathComponent("index.html"))
        let shown = PageText.matches(#"<strong>[^<]*</strong></a> \(([^)]+)\):"#, in: index.section("today"))
            .map { $0[0] }
        #expect(!stored.isEmpty, "the demo has suppliers to act on")
        #expect(shown == stored)
    }

    /// Each supplier page's responsiveness table lists the stored months with their message counts.
    func expectResponsivenessAsStored(fixture: JobFixture, connection: PostgresConnection) throws {
        var stored: [String: [String]] = [:]
        try connection.stream(
            "SELECT supplier_id, to_char(month, 'YYYY-MM'), messages FROM scorecard.response_months ORDER BY 1, 2"
        ) { row in
            stored[try row.decode(String.self, at: 0), default: []].append(
                "\(try row.decode(String.self, at: 1)) \(try row.decode(Int.self, at: 2))")
        }
        #expect(stored.count == 40)
        for (supplier, months) in stored {
            let page = try PageText(fixture.reports.appendingPathComponent("suppliers/\(supplier).html"))
            let section = page.section("responsiveness")
            let rows = PageText.matches(
                #"<tr><td>(\d{4}-\d{2})</td><td class="num">(\d+)</td>"#, in: section
            ).map { "\($0[0]) \($0[1])" }
            #expect(rows == months, "\(supplier): responsiveness by month")
        }
    }

    func suppliers(_ connection: PostgresConnection) throws -> [String] {
        var ids: [String] = []
        try connection.stream("SELECT supplier_id FROM scorecard.supplier_scorecards ORDER BY 1") { row in
            ids.append(try row.decode(String.self, at: 0))
        }
        return ids
    }
}

struct SeriesKey: Hashable, CustomStringConvertible {
    var supplier: String
    var material: String
    var characteristic: String
    var description: String { "\(supplier) \(material) \(characteristic)" }
}

/// `scorecard.control_chart_points` of the latest run, by series.
struct StoredCharts {
    struct Point {
        var lot: String
        var value: Double
        var ewma: Double
        var ewmaLower: Double
        var ewmaUpper: Double
        var flagged: Bool
    }

    struct Chart {
        var key: SeriesKey
        var lowerLimit: Double?
        var upperLimit: Double?
        var edgeLower: Double?
        var edgeUpper: Double?
        var centre: Double
        var sigma: Double
        var lambda: Double
        var sigmaMultiple: Double
        var points: [Point] = []
    }

    var charts: [SeriesKey: Chart] = [:]

    init(_ connection: PostgresConnection) throws {
        var charts: [SeriesKey: Chart] = [:]
        try connection.stream(
            """
            SELECT supplier_id, material_id, characteristic, lot_number, value, ewma, ewma_lower, ewma_upper, flagged,
                   lower_limit, upper_limit, edge_lower, edge_upper, centre, sigma, ewma_lambda, ewma_l
            FROM scorecard.control_chart_points ORDER BY supplier_id, material_id, characteristic, position
            """
        ) { row in
            let key = SeriesKey(
                supplier: try row.decode(String.self, at: 0), material: try row.decode(String.self, at: 1),
                characteristic: try row.decode(String.self, at: 2))
            if charts[key] == nil {
                charts[key] = Chart(
                    key: key, lowerLimit: try row.decodeIfPresent(Double.self, at: 9),
                    upperLimit: try row.decodeIfPresent(Double.self, at: 10),
                    edgeLower: try row.decodeIfPresent(Double.self, at: 11),
                    edgeUpper: try row.decodeIfPresent(Double.self, at: 12),
                    centre: try row.decode(Double.self, at: 13), sigma: try row.decode(Double.self, at: 14),
                    lambda: try row.decode(Double.self, at: 15),
                    sigmaMultiple: try row.decode(Double.self, at: 16))
            }
            charts[key]?.points.append(
                Point(
                    lot: try row.decode(String.self, at: 3), value: try row.decode(Double.self, at: 4),
                    ewma: try row.decode(Double.self, at: 5), ewmaLower: try row.decode(Double.self, at: 6),
                    ewmaUpper: try row.decode(Double.self, at: 7), flagged: try row.decode(Bool.self, at: 8)))
        }
        self.charts = charts
    }
}

/// A rendered page's text and the few structures the consistency checks read from it.
struct PageText {
    struct DrawnChart {
        struct Lot {
            var lot: String
            var value: Double?
            var ewma: Double?
            var flagged: Bool
        }
        var attributes: [String: String]
        var lots: [Lot]

        func number(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }
    }

    let text: String

    init(_ url: URL) throws {
        text = try String(contentsOf: url, encoding: .utf8)
    }

    /// Each `<svg>` chart with its stored-figure attributes and its lots in drawing order.
    func charts() -> [DrawnChart] {
        text.components(separatedBy: #"<g class="stored""#).dropFirst().map { chunk in
            let head = String(chunk.prefix { $0 != ">" })
            let body = chunk.components(separatedBy: "</svg>").first ?? ""
            let lots = body.components(separatedBy: #"<g class="lot "#).dropFirst().compactMap {
                lot -> DrawnChart.Lot? in
                let attributes = Self.attributes(String(lot.prefix { $0 != ">" }))
                guard let name = attributes["data-lot"] else { return nil }  // the legend's lots have none
                return DrawnChart.Lot(
                    lot: name, value: attributes["data-value"].flatMap(Double.init),
                    ewma: attributes["data-ewma"].flatMap(Double.init),
                    flagged: attributes["data-flagged"] == "true")
            }
            return DrawnChart(attributes: Self.attributes(head), lots: lots)
        }
    }

    /// The `<section id="…">` of the page.
    func section(_ id: String) -> String {
        let start = text.components(separatedBy: "<section id=\"\(id)\">").dropFirst().first ?? ""
        return start.components(separatedBy: "</section>").first ?? ""
    }

    func firstMatch(_ pattern: String) -> String? {
        Self.matches(pattern, in: text).first?.first
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    static func attributes(_ tag: String) -> [String: String] {
        var attributes: [String: String] = [:]
        for pair in matches(#"([a-z-]+)="([^"]*)""#, in: tag) where pair.count == 2 {
            attributes[pair[0]] = unescape(pair[1])
        }
        return attributes
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
