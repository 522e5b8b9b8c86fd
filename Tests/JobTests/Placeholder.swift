import Testing

@Test func placeholderJobTests() {}
