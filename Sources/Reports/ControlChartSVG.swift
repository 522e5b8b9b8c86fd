import Domain
import ReportModel

/// A control chart of lot values as inline SVG: specification limits, edge bands, baseline mean, EWMA
/// with its limits, and each lot drawn with a shape for its verdict (circle pass, triangle edge,
/// cross fail, hollow circle unjudged); flagged lots get a square frame.
enum ControlChartSVG {
    static let width = 680.0
    static let height = 300.0

    static func svg(_ chart: ControlChart, supplierName: String) -> Markup? {
        guard !chart.points.isEmpty else { return nil }
        let left = 64.0
        let right = 110.0
        let top = 16.0
        let bottom = 70.0
        let plotWidth = width - left - right
        let y = scale(for: chart, low: height - bottom, high: top)
        let step = plotWidth / Double(chart.points.count)
        func x(_ index: Int) -> Double { left + step * (Double(index) + 0.5) }
        let n = SVGBuilder.number
        let plotRight = width - right
        var svg = SVGBuilder(
            width: width, height: height,
            label: "Control chart of \(chart.characteristic) (\(chart.unit)) of \(chart.materialId) "
                + "from \(supplierName), \(chart.points.count) lots")

        // The stored figures drawn, exactly (shortest round-trip text), for anyone checking the page
        // against the views.
        svg.element(
            "g",
            [
                "class": "stored", "data-material": chart.materialId,
                "data-characteristic": chart.characteristic,
                "data-spec-lower": exact(chart.specLower),
                "data-spec-upper": exact(chart.specUpper), "data-edge-lower": exact(chart.edgeLower),
                "data-edge-upper": exact(chart.edgeUpper), "data-centre": exact(chart.baselineMean),
                "data-ewma-lower": exact(chart.ewmaLowerLimit),
                "data-ewma-upper": exact(chart.ewmaUpperLimit),
            ])

        // Edge bands under everything else.
        if let lower = chart.specLower, let edge = chart.edgeLower, edge > lower {
            svg.element(
                "rect",
                [
                    "x": n(left), "y": n(y(edge)), "width": n(plotWidth), "height": n(y(lower) - y(edge)),
                    "class": "band",
                ])
        }
        if let upper = chart.specUpper, let edge = chart.edgeUpper, upper > edge {
            svg.element(
                "rect",
                [
                    "x": n(left), "y": n(y(upper)), "width": n(plotWidth), "height": n(y(edge) - y(upper)),
                    "class": "band",
                ])
        }
        // Named inside the plot, at the left, so the words never collide with the limit labels.
        for (limit, edge) in [(chart.specUpper, chart.edgeUpper), (chart.specLower, chart.edgeLower)] {
            guard let limit, let edge, limit != edge else { continue }
            svg.element(
                "text", ["x": n(left + 4), "y": n((y(limit) + y(edge)) / 2 + 3.5), "class": "band-label"],
                text: "edge band")
        }

        // Value axis.
        for tick in y.ticks(count: 5) {
            svg.element(
                "line",
                ["x1": n(left), "x2": n(plotRight), "y1": n(y(tick)), "y2": n(y(tick)), "class": "grid"])
            svg.element(
                "text",
                [
                    "x": n(left - 6), "y": n(y(tick)), "class": "tick", "text-anchor": "end",
                    "dominant-baseline": "middle",
                ], text: ReportFormat.value(tick))
        }
        svg.element(
            "line", ["x1": n(left), "x2": n(left), "y1": n(top), "y2": n(height - bottom), "class": "axis"])
        svg.element(
            "line",
            [
                "x1": n(left), "x2": n(plotRight), "y1": n(height - bottom), "y2": n(height - bottom),
                "class": "axis",
            ])
        let middle = (top + height - bottom) / 2
        svg.element(
            "text",
            [
                "x": "14", "y": n(middle), "class": "axis-title", "text-anchor": "middle",
                "transform": "rotate(-90 14 \(n(middle)))",
            ], text: "\(chart.characteristic) (\(chart.unit))")

        // Reference lines, each labelled in words at the right.
        func reference(_ value: Double?, _ name: String, _ cssClass: String) {
            guard let value, value.isFinite else { return }
            svg.element(
                "line",
                ["x1": n(left), "x2": n(plotRight), "y1": n(y(value)), "y2": n(y(value)), "class": cssClass])
            svg.element(
                "text", ["x": n(plotRight + 4), "y": n(y(value) + 4), "class": "line-label"],
                text: "\(name) \(ReportFormat.value(value))")
        }
        reference(chart.specUpper, "USL", "spec")
        reference(chart.specLower, "LSL", "spec")
        reference(chart.baselineMean, "mean", "mean")
        reference(chart.ewmaUpperLimit, "EWMA UCL", "ewma-limit")
        reference(chart.ewmaLowerLimit, "EWMA LCL", "ewma-limit")

        // EWMA path, broken where it is missing.
        var segment: [String] = []
        func flushEWMA() {
            if segment.count > 1 {
                svg.element("polyline", ["points": segment.joined(separator: " "), "class": "ewma"])
            }
            segment = []
        }
        for (index, point) in chart.points.enumerated() {
            if let ewma = point.ewma, ewma.isFinite {
                segment.append("\(n(x(index))),\(n(y(ewma)))")
            } else {
                flushEWMA()
            }
        }
        flushEWMA()

        // Lots.
        for (index, point) in chart.points.enumerated() {
            let px = x(index)
            let py = y(point.value)
            svg.begin(
                "g",
                [
                    "class": "lot " + point.verdict.rawValue, "data-lot": point.lotNumber,
                    "data-value": exact(point.value), "data-ewma": exact(point.ewma),
                    "data-flagged": point.flagged ? "true" : "false",
                ])
            svg.element(
                "title",
                text:
                    "lot \(point.lotNumber), \(ReportFormat.date(point.lotDay)): \(ReportFormat.value(point.value)) \(chart.unit), "
                    + "\(point.verdict.rawValue)\(point.flagged ? ", flagged" : "")")
            switch point.verdict {
            case .pass:
                svg.element("circle", ["cx": n(px), "cy": n(py), "r": "3.5"])
            case .edge:
                svg.element(
                    "path",
                    [
                        "d":
                            "M\(n(px)) \(n(py - 5))L\(n(px + 4.5)) \(n(py + 3.5))L\(n(px - 4.5)) \(n(py + 3.5))Z"
                    ])
            case .fail:
                svg.element(
                    "path",
                    [
                        "d":
                            "M\(n(px - 4)) \(n(py - 4))L\(n(px + 4)) \(n(py + 4))M\(n(px - 4)) \(n(py + 4))L\(n(px + 4)) \(n(py - 4))",
                        "class": "cross",
                    ])
            default:
                svg.element("circle", ["cx": n(px), "cy": n(py), "r": "3.5", "class": "hollow"])
            }
            if point.flagged {
                svg.element(
                    "rect",
                    ["x": n(px - 7), "y": n(py - 7), "width": "14", "height": "14", "class": "flag-frame"])
            }
            svg.end("g")
        }

        // Lot axis: a few dated ticks.
        let tickEvery = max(1, (chart.points.count + 5) / 6)
        for index in stride(from: 0, to: chart.points.count, by: tickEvery) {
            svg.element(
                "text",
                ["x": n(x(index)), "y": n(height - bottom + 14), "class": "tick", "text-anchor": "middle"],
                text: ReportFormat.date(chart.points[index].lotDay))
        }
        svg.element(
            "text",
            [
                "x": n(left + plotWidth / 2), "y": n(height - bottom + 30), "class": "axis-title",
                "text-anchor": "middle",
            ], text: "lots in manufacture order (lot date)")

        legend(&svg, y: height - 16, left: left)
        return svg.finish()
    }

    /// A stored figure as text that reads back to the same double; empty when absent.
    static func exact(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    private static func legend(_ svg: inout SVGBuilder, y: Double, left: Double) {
        let n = SVGBuilder.number
        var x = left
        svg.begin("g", ["class": "lot pass"])
        svg.element("circle", ["cx": n(x), "cy": n(y - 4), "r": "3.5"])
        svg.end("g")
        svg.element("text", ["x": n(x + 8), "y": n(y), "class": "legend"], text: "pass")
        x += 50
        svg.begin("g", ["class": "lot edge"])
        svg.element(
            "path", ["d": "M\(n(x)) \(n(y - 9))L\(n(x + 4.5)) \(n(y - 0.5))L\(n(x - 4.5)) \(n(y - 0.5))Z"])
        svg.end("g")
        svg.element("text", ["x": n(x + 8), "y": n(y), "class": "legend"], text: "edge")
        x += 50
        svg.begin("g", ["class": "lot fail"])
        svg.element(
            "path",
            [
                "d":
                    "M\(n(x - 4)) \(n(y - 8))L\(n(x + 4)) \(n(y))M\(n(x - 4)) \(n(y))L\(n(x + 4)) \(n(y - 8))",
                "class": "cross",
            ])
        svg.end("g")
        svg.element("text", ["x": n(x + 8), "y": n(y), "class": "legend"], text: "fail")
        x += 44
        svg.element(
            "rect", ["x": n(x - 7), "y": n(y - 11), "width": "14", "height": "14", "class": "flag-frame"])
        svg.element("text", ["x": n(x + 10), "y": n(y), "class": "legend"], text: "flagged lot")
        x += 90
        svg.element("line", ["x1": n(x), "x2": n(x + 24), "y1": n(y - 4), "y2": n(y - 4), "class": "ewma"])
        svg.element("text", ["x": n(x + 28), "y": n(y), "class": "legend"], text: "EWMA")
        x += 70
        svg.element("line", ["x1": n(x), "x2": n(x + 24), "y1": n(y - 4), "y2": n(y - 4), "class": "mean"])
        svg.element("text", ["x": n(x + 28), "y": n(y), "class": "legend"], text: "baseline mean")
        x += 120
        svg.element("line", ["x1": n(x), "x2": n(x + 24), "y1": n(y - 4), "y2": n(y - 4), "class": "spec"])
        svg.element("text", ["x": n(x + 28), "y": n(y), "class": "legend"], text: "spec limit")
    }

    /// The value range covers every value and line drawn, padded 8 % each side.
    private static func scale(for chart: ControlChart, low: Double, high: Double) -> ChartScale {
        var values = chart.points.map(\.value)
        values += chart.points.compactMap(\.ewma)
        values += [
            chart.specLower, chart.specUpper, chart.edgeLower, chart.edgeUpper, chart.baselineMean,
            chart.ewmaLowerLimit, chart.ewmaUpperLimit,
        ].compactMap { $0 }
        values = values.filter(\.isFinite)
        var minimum = values.min() ?? 0
        var maximum = values.max() ?? 1
        if maximum - minimum < 1e-12 {
            let pad = abs(minimum) * 0.1 + 1
            minimum -= pad
            maximum += pad
        }
        let pad = (maximum - minimum) * 0.08
        return ChartScale(domainLow: minimum - pad, domainHigh: maximum + pad, rangeLow: low, rangeHigh: high)
    }
}
