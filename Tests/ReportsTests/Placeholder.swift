import Testing

@Test func placeholderReportsTests() {}
