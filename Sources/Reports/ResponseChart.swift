import ReportModel

/// Median response time by month (bars, in hours) and the messages still unanswered (a number above each
/// month), as inline SVG. No SLA line: the run does not store the SLA it judged by, and a default drawn
/// here could disagree with the stored within-SLA shares.
enum ResponseChart {
    static func svg(_ months: [MonthlyResponse], supplierName: String) -> Markup? {
        guard months.contains(where: { $0.messages > 0 }) else { return nil }
        let width = 640.0
        let height = 230.0
        let left = 52.0
        let right = 16.0
        let top = 36.0
        let bottom = 50.0
        let medians = months.compactMap { $0.medianResponseHours }.filter(\.isFinite)
        let high = max(1, (medians.max() ?? 0) * 1.1)
        let y = ChartScale(domainLow: 0, domainHigh: high, rangeLow: height - bottom, rangeHigh: top)
        let band = (width - left - right) / Double(months.count)
        var svg = SVGBuilder(
            width: width, height: height, label: "Median response time by month for \(supplierName)")
        for tick in y.ticks(count: 4) {
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
                ], text: ReportFormat.value(tick) + " h")
        }
        svg.element(
            "rect", ["x": SVGBuilder.number(left), "y": "8", "width": "14", "height": "12", "class": "bar"])
        svg.element(
            "text", ["x": SVGBuilder.number(left + 20), "y": "18", "class": "legend"],
            text: "median response (bars); number above = still unanswered; n/d = no messages")
        for (index, month) in months.enumerated() {
            let center = left + band * (Double(index) + 0.5)
            let label = ReportFormat.month(month.month)
            if let median = month.medianResponseHours, median.isFinite {
                let barWidth = band * 0.6
                let barTop = y(min(max(median, 0), high))
                svg.begin("g")
                svg.element(
                    "title",
                    text:
                        "\(label): median response \(ReportFormat.hours(median)), \(month.messages) messages, \(month.unanswered) still unanswered"
                )
                svg.element(
                    "rect",
                    [
                        "x": SVGBuilder.number(center - barWidth / 2), "y": SVGBuilder.number(barTop),
                        "width": SVGBuilder.number(barWidth),
                        "height": SVGBuilder.number(max(0, y(0) - barTop)),
                        "class": "bar",
                    ])
                svg.end("g")
                if month.unanswered > 0 {
                    svg.element(
                        "text",
                        [
                            "x": SVGBuilder.number(center), "y": SVGBuilder.number(barTop - 4),
                            "class": "tick",
                            "text-anchor": "middle",
                        ], text: "\(month.unanswered) open")
                }
            } else {
                svg.element(
                    "text",
                    [
                        "x": SVGBuilder.number(center), "y": SVGBuilder.number(y(0) - 4), "class": "nodata",
                        "text-anchor": "middle",
                    ], text: month.unanswered > 0 ? "\(month.unanswered) open" : "n/d")
            }
            svg.element(
                "text",
                [
                    "x": SVGBuilder.number(center), "y": SVGBuilder.number(height - bottom + 14),
                    "class": "tick",
                    "text-anchor": "middle",
                ], text: label)
            svg.element(
                "text",
                [
                    "x": SVGBuilder.number(center), "y": SVGBuilder.number(height - bottom + 27),
                    "class": "tick small", "text-anchor": "middle",
                ], text: "n=\(month.messages)")
        }
        return svg.finish()
    }
}
