import Testing

@Test func placeholderXMLTests() {}
