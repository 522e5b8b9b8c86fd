import Testing

@Test func placeholderCoATests() {}
