import Testing

@testable import Job

@Suite struct BackgroundWorkTests {
    struct Failure: Error {}

    @Test func joinReturnsTheValueOrRethrows() throws {
        let work = BackgroundWork<Int>()
        work.start { 42 }
        #expect(try work.join() == 42)
        let failing = BackgroundWork<Int>()
        failing.start { throw Failure() }
        #expect(throws: Failure.self) { try failing.join() }
    }

    @Test func joinWithoutStartIsNil() throws {
        #expect(try BackgroundWork<Int>().join() == nil)
    }
}
