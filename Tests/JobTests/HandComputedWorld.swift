/// A small world whose figures are computed by hand in `HandComputedFiguresTests`. As of 2026-06-30 the
/// current window is 2026-04-02 … 2026-06-30 (90 days).
enum HandComputedWorld {
    static let sql = """
        INSERT INTO procurement.suppliers (supplier_id, name, country) VALUES
            ('SUP-A', 'Alpha Chemicals', 'DE'), ('SUP-B', 'Beta Silent', 'FR');
        INSERT INTO procurement.materials VALUES ('MAT-1', 'Zinc oxide', 'critical'), ('MAT-2', 'Talc', 'minor');
        INSERT INTO procurement.approved_sources VALUES
            ('SUP-A', 'MAT-1', 'ZN-200', 'approved', '2025-01-01'), ('SUP-B', 'MAT-2', NULL, 'approved', '2025-01-01');
        INSERT INTO procurement.specifications VALUES
            ('MAT-1', 'assay', '%', 99.0, 100.5, 99.75, '2025-01-01', NULL),
            ('MAT-1', 'lead', 'mg/kg', NULL, 10, NULL, '2025-01-01', NULL);
        INSERT INTO procurement.order_lines (order_line_id, supplier_id, material_id, quantity, unit, unit_price,
            ordered_at, requested_date, promised_date, confirmed_at, repromised_date, cancelled) VALUES
            -- L1: promised 05-05, received in full 05-05 23:30 UTC (05-06 in Tokyo): on time, in full
            ('L1', 'SUP-A', 'MAT-1', 100, 'kg', 5.0, '2026-04-20 08:00Z', '2026-05-01', '2026-05-05', '2026-04-21 08:00Z', NULL, false),
            -- L2: due 05-10 (no promise): 60 on 05-08, 40 on 05-15: on time, not in full
            ('L2', 'SUP-A', 'MAT-1', 100, 'kg', 5.0, '2026-04-25 08:00Z', '2026-05-10', NULL, NULL, NULL, false),
            -- L3: due 06-20, nothing received by 06-30: late (10 days), not in full
            ('L3', 'SUP-A', 'MAT-1', 50, 'kg', 5.0, '2026-05-20 08:00Z', '2026-06-20', '2026-06-20', '2026-05-20 20:00Z', NULL, false),
            -- L4: cancelled: out of every figure
            ('L4', 'SUP-A', 'MAT-1', 70, 'kg', 5.0, '2026-05-01 08:00Z', '2026-05-20', NULL, NULL, NULL, true),
            -- L5: due after the as-of date: not due yet
            ('L5', 'SUP-A', 'MAT-1', 80, 'kg', 5.0, '2026-06-20 08:00Z', '2026-07-15', NULL, NULL, NULL, false),
            -- L6: due 06-01, 197 of 200 on 05-30: on time, in full (within the 2 % tolerance)
            ('L6', 'SUP-A', 'MAT-1', 200, 'kg', 5.0, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false);
        INSERT INTO procurement.receipts VALUES
            ('R1', 'L1', '2026-05-05 23:30Z', 100, 'A1'),
            ('R2', 'L2', '2026-05-08 09:00Z', 60, 'A2'),
            ('R3', 'L2', '2026-05-15 09:00Z', 40, 'A3'),
            ('R4', 'L6', '2026-05-30 09:00Z', 197, 'A4');
        -- 6 defective of 397 received in the window; one of four receipts rejected
        INSERT INTO procurement.defects VALUES
            ('D1', 'R2', 'SUP-A', 'MAT-1', '2026-05-09 10:00Z', 'major', 6, 'reject', 'lumps');
        INSERT INTO procurement.communications VALUES
            ('C1', 'SUP-A', 'inquiry', '2026-06-01 10:00Z', '2026-06-01 16:00Z'),   -- 6 h
            ('C2', 'SUP-A', 'rfq', '2026-06-10 10:00Z', '2026-06-12 10:00Z'),       -- 48 h, exactly the SLA
            ('C3', 'SUP-A', 'complaint', '2026-06-25 09:00Z', NULL),                -- unanswered past the SLA
            ('C4', 'SUP-A', 'expedite', '2026-06-30 12:00Z', NULL),                 -- unanswered, not yet due
            ('C5', 'SUP-A', 'inquiry', '2026-06-28 09:00Z', '2026-07-02 09:00Z');   -- answered after as-of: unanswered then
        """
}
