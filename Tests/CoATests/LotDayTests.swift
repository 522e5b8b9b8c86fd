import CoA
import Domain
import Testing

/// The lot-day rule every reader of a certificate uses: manufacture, first receipt, issue, day read.
@Suite struct LotDayTests {
    let manufactured = Day(year: 2026, month: 3, day: 1)
    let received = Day(year: 2026, month: 3, day: 9)
    let issued = Day(year: 2026, month: 3, day: 4)
    let read = Day(year: 2026, month: 4, day: 1)

    func certificate(manufactured: Day?, issued: Day?) -> Certificate {
        Certificate(
            format: "canonical", materialId: "MAT-1", lotNumber: "L1", manufactured: manufactured,
            issued: issued,
            results: [])
    }

    @Test func eachDateIsUsedOnlyWhenTheOnesBeforeItAreMissing() {
        let full = certificate(manufactured: manufactured, issued: issued)
        #expect(
            full.lotDay(receiptDay: received, fallback: read)
                == LotDay(day: manufactured, source: .manufactured))
        let undated = certificate(manufactured: nil, issued: issued)
        #expect(
            undated.lotDay(receiptDay: received, fallback: read) == LotDay(day: received, source: .receipt))
        #expect(undated.lotDay(receiptDay: nil, fallback: read) == LotDay(day: issued, source: .issued))
        let bare = certificate(manufactured: nil, issued: nil)
        #expect(bare.lotDay(receiptDay: nil, fallback: read) == LotDay(day: read, source: .readOn))
    }
}
