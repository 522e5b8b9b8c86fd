import Testing

@Test func placeholderDemoTests() {}
