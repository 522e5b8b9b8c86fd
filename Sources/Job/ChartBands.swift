import CoA
import Domain
import Scoring

/// Fills each stored chart's edge bands with the configured tolerance rules: the bands the verdicts
/// of the series were judged with, drawn from the same definition.
struct ChartBands: Sendable {
    let evaluator: ToleranceEvaluator

    func filled(_ charts: [ControlChartRecord]) -> [ControlChartRecord] {
        charts.map { chart in
            var filled = chart
            guard chart.lowerLimit != nil || chart.upperLimit != nil else { return filled }
            let bands = evaluator.edgeBands(
                for: Specification(
                    materialId: chart.materialId, characteristic: chart.characteristic,
                    unit: chart.unit ?? "",
                    lowerLimit: chart.lowerLimit, upperLimit: chart.upperLimit, target: chart.target,
                    validFrom: chart.points.first?.lotDay ?? Day(daysSinceEpoch: 0)))
            filled.edgeLower = bands.lower
            filled.edgeUpper = bands.upper
            return filled
        }
    }
}
