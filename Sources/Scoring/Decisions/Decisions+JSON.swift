import Domain

// JSON forms of the decisions' lists, for jsonb columns: the result writer stores these beside the scalar fields.

extension ReadinessCondition {
    /// `{"key", "state", "detail"}`, with `unit`, `value`, `threshold`, `bound`, `n` and `characteristic`
    /// when the condition has a figure (null where that figure has no such part).
    public var json: JSONValue {
        var fields: [String: JSONValue] = [
            "key": .string(key), "state": .string(state.rawValue), "detail": .string(detail),
        ]
        if let f = figure {
            fields["unit"] = .string(f.unit)
            fields["value"] = .number(f.value)
            fields["threshold"] = .number(f.threshold)
            fields["bound"] = .number(f.bound)
            fields["n"] = .number(f.n.map(Double.init))
            fields["characteristic"] = .string(f.characteristic)
        }
        return .object(fields)
    }
}

extension ScaleUpReadiness {
    /// `[{"key", "state", "detail"}, …]` in the fixed condition order.
    public var conditionsJSON: JSONValue { .array(conditions.map(\.json)) }
}

extension InspectionStep {
    public var json: JSONValue {
        [
            "lot": .string(lot), "received_on": .day(receivedOn), "accepted": .bool(accepted),
            "level": .string(level.rawValue), "switching_score": .number(Double(switchingScore)),
            "next_level": .string(nextLevel.rawValue), "note": .string(note),
        ]
    }
}

extension InspectionRecommendation {
    /// Every lot of the replay, oldest first: the evidence of the recommended level.
    public var stepsJSON: JSONValue { .array(steps.map(\.json)) }
}

extension OverallScore {
    /// `[{"part", "value", "weight", "effective_weight", "basis"}, …]`; value null for no data.
    public var partsJSON: JSONValue {
        .array(
            parts.map {
                [
                    "part": .string($0.part.rawValue), "value": .number($0.value),
                    "weight": .number($0.weight),
                    "effective_weight": .number($0.effectiveWeight), "basis": .string($0.basis),
                ]
            })
    }
}

extension StatusRecommendation {
    public var reasonsJSON: JSONValue { .array(reasons.map { .string($0) }) }
}
