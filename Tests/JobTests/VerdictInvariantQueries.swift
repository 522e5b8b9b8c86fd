/// The verdict invariants (docs/decisions.md, "One verdict") as queries over the latest run's stored
/// results: each returns the rows that break it, as text; every one must return none.
enum VerdictInvariantQueries {
    static let all: [(name: String, sql: String)] = [
        (
            "probation ⇒ grade C or D and ready for nothing",
            """
            SELECT supplier_id || ' grade ' || coalesce(grade, '-') || ' ready ' || ready_materials::text
            FROM scorecard.supplier_scorecards
            WHERE recommended_status = 'probation' AND (grade IN ('A', 'B') OR ready_materials <> '[]' OR scale_up_ready)
            """
        ),
        (
            "an open critical flag on a material ⇒ not qualified, not ready, not reduced or skip-lot",
            """
            SELECT d.supplier_id || ' × ' || d.material_id || ' ' || coalesce(d.recommended_status, '-') || ' '
                   || coalesce(d.inspection_level, '-')
            FROM scorecard.material_decisions d
            WHERE EXISTS (SELECT 1 FROM scorecard.supplier_flags f WHERE f.supplier_id = d.supplier_id
                          AND f.material_id = d.material_id AND f.severity = 'critical' AND f.kind <> 'single_source')
              AND (d.recommended_status = 'qualified' OR d.scale_up_ready OR d.inspection_level = 'reduced'
                   OR d.skip_lot_candidate)
            """
        ),
        (
            "ready ⇒ qualified, supplier not on probation, no open warning or critical flag but single_source",
            """
            SELECT d.supplier_id || ' × ' || d.material_id
            FROM scorecard.material_decisions d JOIN scorecard.supplier_scorecards s USING (supplier_id)
            WHERE d.scale_up_ready
              AND (d.recommended_status <> 'qualified' OR s.recommended_status = 'probation'
                   OR EXISTS (SELECT 1 FROM scorecard.supplier_flags f WHERE f.supplier_id = d.supplier_id
                              AND (f.material_id = d.material_id OR f.material_id IS NULL)
                              AND f.severity IN ('warning', 'critical') AND f.kind <> 'single_source'))
            """
        ),
        (
            "supplier readiness is the list of its ready materials",
            """
            SELECT s.supplier_id FROM scorecard.supplier_scorecards s
            WHERE s.ready_materials <> coalesce(
                (SELECT jsonb_agg(d.material_id ORDER BY d.material_id) FROM scorecard.material_decisions d
                 WHERE d.supplier_id = s.supplier_id AND d.scale_up_ready), '[]')
               OR s.scale_up_ready <> (s.ready_materials <> '[]')
            """
        ),
        (
            "no \"no open flags\" while flags are open",
            """
            SELECT s.supplier_id FROM scorecard.supplier_scorecards s
            WHERE s.status_reasons ? 'no open flags'
              AND EXISTS (SELECT 1 FROM scorecard.supplier_flags f WHERE f.supplier_id = s.supplier_id)
            UNION ALL
            SELECT d.supplier_id || ' × ' || d.material_id FROM scorecard.material_decisions d
            WHERE d.status_reasons ? ('no open flags on ' || d.material_id)
              AND EXISTS (SELECT 1 FROM scorecard.supplier_flags f WHERE f.supplier_id = d.supplier_id
                          AND f.material_id = d.material_id)
            """
        ),
        (
            "every verdict but qualified says what to do",
            """
            SELECT supplier_id FROM scorecard.supplier_scorecards
            WHERE recommended_status <> 'qualified' AND action IS NULL
            UNION ALL
            SELECT supplier_id || ' × ' || material_id FROM scorecard.material_decisions
            WHERE recommended_status <> 'qualified' AND action IS NULL
            """
        ),
    ]

    /// The broken rows of every invariant, "invariant: row"; empty when all hold.
    static func violations(_ fixture: JobFixture) throws -> [String] {
        var out: [String] = []
        for (name, sql) in all {
            let rows = try fixture.scalar(
                "SELECT string_agg(x, '; ') FROM (\(sql)) AS broken(x)", as: String.self)
            if let rows { out.append("\(name): \(rows)") }
        }
        return out
    }
}
