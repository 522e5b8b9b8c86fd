/// The hostile world of ``CrashProofingTests``: supplier SUP-X, whose every ERP row and CoA value is
/// extreme (with the schema's checks dropped, as a feed might load them), beside the hand-computed world.
enum ExtremeRows {
    static let digits = CrashProofingTests.fiveThousandDigits

    static let sql = """
        ALTER TABLE procurement.specifications DROP CONSTRAINT specifications_check1;
        ALTER TABLE procurement.order_lines DROP CONSTRAINT order_lines_quantity_check;
        ALTER TABLE procurement.receipts DROP CONSTRAINT receipts_quantity_check;
        ALTER TABLE procurement.communications DROP CONSTRAINT communications_check;
        ALTER TABLE procurement.quotations DROP CONSTRAINT quotations_min_quantity_check;
        INSERT INTO procurement.suppliers VALUES ('SUP-X', 'Extreme Values', 'XX', true);
        INSERT INTO procurement.materials VALUES ('MAT-X', 'Hostile', 'critical');
        INSERT INTO procurement.approved_sources VALUES ('SUP-X', 'MAT-X', 'X-1', 'approved', '2025-01-01');
        INSERT INTO procurement.specifications VALUES
            ('MAT-X', 'assay', '%', 99.0, 100.5, NULL, '2025-01-01', NULL),
            ('MAT-X', 'moisture', '%', NULL, 0.5, NULL, '2025-01-01', NULL),
            ('MAT-X', 'tiny', 'mg/kg', NULL, 1, NULL, '2025-01-01', NULL),
            ('MAT-X', 'text', 'mg/kg', NULL, 1, NULL, '2025-01-01', NULL),
            ('MAT-X', 'infinite', 'mg/kg', NULL, 1, NULL, '2025-01-01', NULL),
            ('MAT-X', 'digits', 'mg/kg', NULL, 1, NULL, '2025-01-01', NULL),
            ('MAT-X', 'integer', 'mg/kg', NULL, 1, NULL, '2025-01-01', NULL),
            ('MAT-X', 'huge_limit', 'mg/kg', 1e400, NULL, NULL, '2025-01-01', NULL),
            ('MAT-X', 'tiny_limit', 'mg/kg', NULL, 1e-400, NULL, '2025-01-01', NULL),
            ('MAT-X', 'nan_limit', 'mg/kg', NULL, 'NaN', NULL, '2025-01-01', NULL),
            ('MAT-X', 'equal', 'mg/kg', 1.00000000000000001, 1.00000000000000002, NULL, '2025-01-01', NULL),
            ('MAT-X', 'inverted', 'mg/kg', 5, 1, NULL, '2025-01-01', NULL),
            ('MAT-X', 'forever', 'mg/kg', NULL, 1, NULL, '-infinity', 'infinity');
        INSERT INTO procurement.order_lines (order_line_id, supplier_id, material_id, quantity, unit, unit_price,
            ordered_at, requested_date, promised_date, confirmed_at, repromised_date, cancelled) VALUES
            ('X01', 'SUP-X', 'MAT-X', 1e25, 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X02', 'SUP-X', 'MAT-X', \(digits), 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X03', 'SUP-X', 'MAT-X', 'NaN', 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X04', 'SUP-X', 'MAT-X', 10, 'kg', 5, '2026-05-01 08:00Z', '1900-01-01', NULL, NULL, NULL, false),
            ('X05', 'SUP-X', 'MAT-X', 10, 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', 'infinity', NULL, NULL, false),
            ('X06', 'SUP-X', 'MAT-X', 10, 'kg', 5, '2026-05-20 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X07', 'SUP-X', 'MAT-X', 10, 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X08', 'SUP-X', 'MAT-X', 10, 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X09', 'SUP-X', 'MAT-X', 10, 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, '1999-01-01 00:00Z', NULL, false),
            ('X10', 'SUP-X', 'MAT-X', 10, 'kg', 1e300, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X11', 'SUP-X', 'MAT-X', 10, 'kg', 5, '4000-01-01 00:00Z BC', '2026-06-01', NULL, NULL, NULL, false),
            ('X12', 'SUP-X', 'MAT-X', 1, 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false),
            ('X13', 'SUP-X', 'MAT-X', 10, 'kg', 5, '2026-05-01 08:00Z', '2026-06-01', NULL, NULL, NULL, false);
        INSERT INTO procurement.receipts VALUES
            ('XR06', 'X06', '2026-04-10 09:00Z', 10, 'XL6'),        -- 40 days before its order
            ('XR07', 'X07', '2026-05-30 09:00Z', 10000, 'XL7'),     -- 1000 times the ordered quantity
            ('XR08', 'X08', '2026-05-30 09:00Z', 1e-400, 'XL8'),    -- beyond a float8
            ('XR12', 'X12', '2026-05-30 09:00Z', 1e-6, 'XL12'),     -- tiny but judged: PPM 1e24 below
            ('XR13', 'X13', '2026-05-30 09:00Z', \(digits), 'XL13');
        INSERT INTO procurement.defects VALUES
            ('XD1', 'XR12', 'SUP-X', 'MAT-X', '2026-06-01 10:00Z', 'major', 1e25, 'reject', 'huge'),
            ('XD2', 'XR12', 'SUP-X', 'MAT-X', '2026-06-01 10:00Z', 'major', \(digits), 'reject', 'digits'),
            ('XD3', 'XR12', 'SUP-X', 'MAT-X', '2026-06-01 10:00Z', 'major', 'NaN', 'reject', 'nan'),
            ('XD4', 'XR12', 'SUP-X', 'MAT-X', '2026-06-01 10:00Z', 'major', 1e12, 'reject', 'in range');
        INSERT INTO procurement.communications VALUES
            ('XC1', 'SUP-X', 'inquiry', '2026-06-01 10:00Z', '-infinity'),
            ('XC2', 'SUP-X', 'inquiry', '2026-06-01 10:00Z', '0044-03-15 12:00Z BC');
        INSERT INTO procurement.quotations VALUES
            ('XQ1', 'SUP-X', 'MAT-X', '2026-01-01', 1e25, 5, 10, NULL),
            ('XQ2', 'SUP-X', 'MAT-X', '2026-01-01', 100, 1e-400, 10, NULL),
            ('XQ3', 'SUP-X', 'MAT-X', '2026-01-01', 100, 5, 2147483647, NULL),
            ('XQ4', 'SUP-X', 'MAT-X', '-infinity', 100, 5, 10, NULL),
            ('XQ5', 'SUP-X', 'MAT-X', '2026-01-01', 100, 5, 10, 'infinity');
        INSERT INTO procurement.inspection_results VALUES
            ('XR12', 'assay', 1e400, '%', '2026-06-02 10:00Z'),
            ('XR12', 'moisture', 'NaN', '%', '2026-06-02 10:00Z'),
            ('XR12', 'lead', 1, 'mg/kg', '-infinity');
        """

    static let coa = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1">
          <Supplier id="SUP-X">Extreme Values</Supplier>
          <Material materialId="MAT-X">Hostile</Material>
          <Lot number="XL12" manufactured="2026-05-01" quantity="100" unit="kg"/>
          <Issued>2026-05-04</Issued>
          <Results>
            <Result characteristic="assay" unit="%"><Value>1e20</Value></Result>
            <Result characteristic="moisture" unit="%"><Value>-1e308</Value></Result>
            <Result characteristic="tiny" unit="mg/kg"><Value>1e-400</Value></Result>
            <Result characteristic="text" unit="mg/kg"><Value>NaN</Value></Result>
            <Result characteristic="infinite" unit="mg/kg"><Value>inf</Value></Result>
            <Result characteristic="digits" unit="mg/kg"><Value>\(digits)</Value></Result>
            <Result characteristic="integer" unit="mg/kg"><Value>99999999999999999999999</Value></Result>
            <Result characteristic="huge_limit" unit="mg/kg"><Value>1</Value></Result>
            <Result characteristic="tiny_limit" unit="mg/kg"><Value>1</Value></Result>
            <Result characteristic="nan_limit" unit="mg/kg"><Value>1</Value></Result>
            <Result characteristic="inverted" unit="mg/kg"><Value>1</Value></Result>
            <Result characteristic="forever" unit="mg/kg"><Value>0.5</Value></Result>
          </Results>
        </CertificateOfAnalysis>
        """

    /// Limits and a quantity at the edges of what the schema's `xs:decimal` takes: accepted or rejected
    /// (named), never a failed run.
    static let limitsCoA = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1">
          <Supplier id="SUP-X">Extreme Values</Supplier>
          <Material materialId="MAT-X">Hostile</Material>
          <Lot number="XL12" manufactured="2026-05-02" quantity="100000000000000000000000000" unit="kg"/>
          <Issued>2026-05-04</Issued>
          <Results>
            <Result characteristic="moisture" unit="%"><Value>0.1</Value>
              <Specification min="-100000000000000000000000000000" max="0.0000000000000000000000000000001"/>
            </Result>
          </Results>
        </CertificateOfAnalysis>
        """

    /// Dates at the edges: accepted or rejected, never a failed run.
    static let datesCoA = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CertificateOfAnalysis xmlns="urn:supplier-scorecard:coa:1">
          <Supplier id="SUP-X">Extreme Values</Supplier>
          <Material materialId="MAT-X">Hostile</Material>
          <Lot number="XL7" manufactured="0001-01-01" expires="9999-12-31" quantity="\(digits)" unit="kg"/>
          <Issued>1900-01-01</Issued>
          <Results>
            <Result characteristic="assay" unit="%"><Value>99.5</Value></Result>
          </Results>
        </CertificateOfAnalysis>
        """

    static let expectedAnomalies = [
        "procurement.order_lines X01 quantity left_out", "procurement.order_lines X02 quantity left_out",
        "procurement.order_lines X03 quantity left_out",
        "procurement.order_lines X04 requested_date left_out",
        "procurement.order_lines X05 promised_date left_out", "procurement.order_lines X09 confirmed_at used",
        "procurement.order_lines X10 unit_price left_out", "procurement.order_lines X11 ordered_at left_out",
        "procurement.receipts XR06 received_at left_out", "procurement.receipts XR07 quantity left_out",
        "procurement.receipts XR08 quantity left_out", "procurement.receipts XR13 quantity left_out",
        "procurement.defects XD1 defective_quantity left_out",
        "procurement.defects XD2 defective_quantity left_out",
        "procurement.defects XD3 defective_quantity left_out",
        "procurement.communications XC1 responded_at left_out",
        "procurement.communications XC2 responded_at left_out",
        "procurement.quotations XQ1 min_quantity left_out", "procurement.quotations XQ2 unit_price left_out",
        "procurement.quotations XQ3 lead_time_days left_out", "procurement.quotations XQ4 quoted_at left_out",
        "procurement.specifications MAT-X huge_limit from 2025-01-01 lower_limit left_out",
        "procurement.specifications MAT-X tiny_limit from 2025-01-01 upper_limit left_out",
        "procurement.specifications MAT-X nan_limit from 2025-01-01 upper_limit left_out",
        "procurement.specifications MAT-X equal from 2025-01-01 lower_limit used",
        "procurement.specifications MAT-X inverted from 2025-01-01 lower_limit left_out",
    ]

    static let expectedVerdicts = [
        "assay inconclusive", "moisture inconclusive", "tiny inconclusive", "text not_numeric",
        "infinite not_numeric", "digits inconclusive", "integer inconclusive", "huge_limit inconclusive",
        "tiny_limit inconclusive", "nan_limit inconclusive", "inverted inconclusive", "forever pass",
    ]
}
