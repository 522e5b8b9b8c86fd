import Domain
import ReportModel

/// On-time delivery (bars) and OTIF (line with square markers) by month, 0–100 %, as inline SVG.
enum DeliveryChart {
    /// `asOf` and `firstDay` (the first day the run's windows cover, when stored) mark the months the
    /// run saw only part of: their bars are drawn as a dashed outline and labelled "partial", not like full months.
    static func svg(
        _ months: [MonthlyDelivery], supplierName: String, asOf: Day? = nil, firstDay: Day? = nil
    ) -> Markup? {
        guard !months.isEmpty else { return nil }
        func partial(_ month: Day) -> Bool {
            let start = month.startOfMonth
            let c = start.components
            let end = start.advanced(by: Day.daysInMonth(year: c.year, month: c.month) - 1)
            if let asOf, start <= asOf, asOf < end { return true }
            if let firstDay, start < firstDay, firstDay <= end { return true }
            return false
        }
        let width = 640.0
        let height = 270.0
        let left = 52.0
        let right = 16.0
        let top = 36.0
        let bottom = 62.0
        let plotWidth = width - left - right
        let y = ChartScale(domainLow: 0, domainHigh: 100, rangeLow: height - bottom, rangeHigh: top)
        let band = plotWidth / Double(months.count)
        var svg = SVGBuilder(
            width: width, height: height,
            label: "On-time delivery and OTIF by month for \(supplierName)")

        // Axes and grid.
        for tick in stride(from: 0.0, through: 100, by: 25) {
            let ty = SVGBuilder.number(y(tick))
            svg.element(
                "line",
                [
                    "x1": SVGBuilder.number(left), "x2": SVGBuilder.number(width - right), "y1": ty, "y2": ty,
                    "class": tick == 0 ? "axis" : "grid",
                ])
            svg.element(
                "text",
                [
                    "x": SVGBuilder.number(left - 6), "y": ty, "class": "tick", "text-anchor": "end",
                    "dominant-baseline": "middle",
                ], text: "\(Int(tick)) %")
        }
        svg.element(
            "text",
            [
                "x": "12", "y": SVGBuilder.number((top + height - bottom) / 2), "class": "axis-title",
                "text-anchor": "middle",
                "transform": "rotate(-90 12 \(SVGBuilder.number((top + height - bottom) / 2)))",
            ],
            text: "share of due lines (%)")

        // Legend: shape and words, not colour alone.
        svg.element(
            "rect", ["x": SVGBuilder.number(left), "y": "8", "width": "14", "height": "12", "class": "bar"])
        svg.element(
            "text", ["x": SVGBuilder.number(left + 20), "y": "18", "class": "legend"], text: "OTD (bars)")
        svg.element(
            "line",
            [
                "x1": SVGBuilder.number(left + 130), "x2": SVGBuilder.number(left + 160), "y1": "14",
                "y2": "14",
                "class": "otif-line",
            ])
        svg.element(
            "rect",
            [
                "x": SVGBuilder.number(left + 141), "y": "10", "width": "8", "height": "8",
                "class": "otif-mark",
            ])
        svg.element(
            "text", ["x": SVGBuilder.number(left + 166), "y": "18", "class": "legend"],
            text: "OTIF (line, squares)")
        svg.element(
            "text", ["x": SVGBuilder.number(left + 330), "y": "18", "class": "legend"],
            text: "n = due lines; n/d = no data; dashed outline = partial month")

        let labelEvery = max(1, (months.count + 11) / 12)
        var otifSegments: [[(Double, Double)]] = [[]]
        for (index, month) in months.enumerated() {
            let center = left + band * (Double(index) + 0.5)
            let label = ReportFormat.month(month.month)
            let isPartial = partial(month.month)
            if let otd = month.otdRate, otd.isFinite {
                let barWidth = band * 0.6
                let barTop = y(min(max(otd, 0), 1) * 100)
                svg.begin("g")
                svg.element(
                    "title",
                    text:
                        "\(label): OTD \(ReportFormat.percent(otd)), OTIF \(ReportFormat.percent(month.otifRate)), \(month.lines) due lines"
                        + (isPartial ? " (partial month)" : "")
                )
                svg.element(
                    "rect",
                    [
                        "x": SVGBuilder.number(center - barWidth / 2), "y": SVGBuilder.number(barTop),
                        "width": SVGBuilder.number(barWidth),
                        "height": SVGBuilder.number(max(0, y(0) - barTop)),
                        "class": isPartial ? "bar partial" : "bar",
                    ])
                svg.end("g")
            } else {
                svg.element(
                    "text",
                    [
                        "x": SVGBuilder.number(center), "y": SVGBuilder.number(y(0) - 4), "class": "nodata",
                        "text-anchor": "middle",
                    ], text: "n/d")
            }
            if let otif = month.otifRate, otif.isFinite {
                otifSegments[otifSegments.count - 1].append((center, y(min(max(otif, 0), 1) * 100)))
            } else if !(otifSegments.last?.isEmpty ?? true) {
                otifSegments.append([])
            }
            if index % labelEvery == 0 {
                let ly = height - bottom + 14
                svg.element(
                    "text",
                    [
                        "x": SVGBuilder.number(center), "y": SVGBuilder.number(ly), "class": "tick",
                        "text-anchor": "middle",
                    ], text: label)
                svg.element(
                    "text",
                    [
                        "x": SVGBuilder.number(center), "y": SVGBuilder.number(ly + 13),
                        "class": "tick small",
                        "text-anchor": "middle",
                    ], text: "n=\(month.lines)" + (isPartial ? ", partial" : ""))
            }
        }
        for segment in otifSegments where !segment.isEmpty {
            let points = segment.map { "\(SVGBuilder.number($0.0)),\(SVGBuilder.number($0.1))" }.joined(
                separator: " ")
            svg.element("polyline", ["points": points, "class": "otif-line"])
            for (px, py) in segment {
                svg.element(
                    "rect",
                    [
                        "x": SVGBuilder.number(px - 4), "y": SVGBuilder.number(py - 4), "width": "8",
                        "height": "8",
                        "class": "otif-mark",
                    ])
            }
        }
        svg.element(
            "text",
            [
                "x": SVGBuilder.number(left + plotWidth / 2), "y": SVGBuilder.number(height - 6),
                "class": "axis-title", "text-anchor": "middle",
            ], text: "month of due date")
        return svg.finish()
    }
}
