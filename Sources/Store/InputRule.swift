import Domain

/// One assumption an ERP row must meet, as SQL over a row of a table: the condition under which the row
/// breaks it, the field it names, and the value to quote.
///
/// The rules of a table are checked together: ``anyBroken`` selects the rows that break one, and
/// ``firstBroken`` names the first rule broken, so each row gives one anomaly.
struct InputRule {
    /// The column named in the anomaly, as the ERP calls it.
    var field: String
    /// SQL true when the row breaks the rule; NULL counts as kept (a NULL date is no date, not a bad one).
    var broken: String
    /// What is wrong, after the value: "outside 1e-12 to 1e12".
    var problem: String
    /// SQL for the value quoted (text); the field itself by default.
    var value: String? = nil
    /// What the run does with a row that breaks this rule, when not what the check says.
    var action: InputAnomaly.Action? = nil

    /// SQL true when any rule is broken.
    static func anyBroken(_ rules: [InputRule]) -> String {
        rules.map { "coalesce(\($0.broken), false)" }.joined(separator: " OR ")
    }

    /// Two SQL columns: `broken_rule`, the index of the first rule broken (NULL: none), and `broken_value`,
    /// its value as text.
    static func firstBroken(_ rules: [InputRule]) -> String {
        "\(firstBrokenIndex(rules)) AS broken_rule, \(firstBrokenValue(rules)) AS broken_value"
    }

    /// SQL for the index of the first rule broken (NULL: none).
    static func firstBrokenIndex(_ rules: [InputRule]) -> String {
        "CASE " + rules.enumerated().map { "WHEN \($1.broken) THEN \($0)" }.joined(separator: " ") + " END"
    }

    /// SQL for the value of the first rule broken, as text (NULL: none).
    static func firstBrokenValue(_ rules: [InputRule]) -> String {
        "CASE "
            + rules.map { "WHEN \($0.broken) THEN (\($0.value ?? $0.field))::text" }.joined(separator: " ")
            + " END"
    }

    /// A magnitude outside ``InputRange`` (a float8 that is NaN here did not fit one; see ``SafeSQL``).
    /// Quantities and prices are positive (or zero, `allowZero`); a `signed` value such as a measured one
    /// may be negative: its magnitude is checked.
    static func magnitude(_ field: String, allowZero: Bool = false, signed: Bool = false) -> InputRule {
        let (small, large) = (InputRange.smallestMagnitude, InputRange.largestMagnitude)
        let inRange =
            signed
            ? "(\(field) = 0 OR abs(\(field)) BETWEEN \(small) AND \(large))"
            : allowZero
                ? "(\(field) = 0 OR \(field) BETWEEN \(small) AND \(large))"
                : "\(field) BETWEEN \(small) AND \(large)"
        let range =
            signed ? "magnitude 1e-12 to 1e12, or 0" : allowZero ? "0, or 1e-12 to 1e12" : "1e-12 to 1e12"
        return InputRule(
            field: field, broken: "NOT \(inRange)",
            problem: "is outside the range the scorecard judges (\(range); NaN: beyond a float8)")
    }

    /// A day outside the plausible range: `$earliest` and `$latest` are the parameter placeholders.
    static func day(_ field: String, _ column: String? = nil, earliest: String, latest: String? = nil)
        -> InputRule
    {
        let expression = column ?? field
        let broken =
            latest.map { "NOT (\(expression) BETWEEN \(earliest) AND \($0))" }
            ?? "\(expression) < \(earliest)"
        return InputRule(
            field: field, broken: broken,
            problem: latest == nil
                ? "is before \(InputRange.earliestDay)"
                : "is outside the plausible range (\(InputRange.earliestDay) to \(InputRange.latestDaysAfterAsOf) days after the as-of day)",
            value: expression)
    }

    /// The anomaly for a row that broke rule `index` of `rules`, quoting `value` at most 40 characters.
    static func anomaly(
        _ rules: [InputRule], index: Int, value: String?, table: String, key: String,
        action: InputAnomaly.Action
    ) -> InputAnomaly {
        let rule = rules[min(max(index, 0), rules.count - 1)]
        let quoted = value.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 } ?? "NULL"
        return InputAnomaly(
            table: table, key: key, field: rule.field, problem: "\(rule.field) \(quoted) \(rule.problem)",
            action: rule.action ?? action)
    }
}

/// Casts of ERP values that cannot fail the run.
enum SafeSQL {
    /// `numeric` → `float8`, NaN where a float8 does not hold it (PostgreSQL's cast raises an error there,
    /// which would end the run). The range rules then name the row.
    static func float8(_ expression: String) -> String {
        "CASE WHEN \(expression) = 0 OR abs(\(expression)) BETWEEN 1e-300 AND 1e300 THEN \(expression)::float8 "
            + "WHEN \(expression) IS NOT NULL THEN 'NaN'::float8 END"
    }

    /// A date clamped to the days ``Domain/Day`` reads (1970 to 9999): for specification validity, where
    /// `-infinity` and `infinity` mean "always" and "open".
    static func day(_ expression: String) -> String {
        // `greatest` skips NULLs: a NULL (open) day must stay NULL.
        "CASE WHEN \(expression) IS NOT NULL THEN "
            + "least(greatest(\(expression), DATE '\(InputRange.earliestDay)'), DATE '9999-12-31') END"
    }
}
