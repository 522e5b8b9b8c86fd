import Testing

@Test func placeholderScoringTests() {}
