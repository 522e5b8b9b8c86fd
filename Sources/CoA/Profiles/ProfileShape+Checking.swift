import Domain

extension ProfileShape {
    /// Every way `value` departs from this shape, each as `path: problem`, in document order of the
    /// shape (keys of an object sorted, so the list is the same on every load).
    func problems(in value: JSONValue, at path: String = "") -> [String] {
        var found: [String] = []
        check(value, at: path, into: &found)
        return found
    }

    private func check(_ value: JSONValue, at path: String, into found: inout [String]) {
        func wrongType() {
            found.append("\(Self.name(path)): expected \(expected), found \(value.typeName)")
        }
        switch (self, value) {
        case (.text, .string), (.optionalText, .string), (.optionalText, .null), (.flag, .bool):
            return
        case (.expression, .string):
            return
        case (.wholeNumber, .number(let number)):
            guard number.rounded() == number, Double(Self.wholeNumberRange.lowerBound) <= number,
                number <= Double(Self.wholeNumberRange.upperBound)
            else {
                found.append("\(Self.name(path)): expected \(expected), found \(number)")
                return
            }
        case (.expression, .array(let items)):
            if items.isEmpty { found.append("\(Self.name(path)): an expression needs at least one XPath") }
            for (index, item) in items.enumerated() {
                ProfileShape.text.check(item, at: "\(path)[\(index)]", into: &found)
            }
        case (.datePatterns, .string(let pattern)):
            do throws(DatePatternError) {
                _ = try DatePattern(pattern)
            } catch {
                found.append("\(Self.name(path)): \(error)")
            }
        case (.datePatterns, .array(let items)):
            if items.isEmpty { found.append("\(Self.name(path)): needs at least one date pattern") }
            for (index, item) in items.enumerated() {
                ProfileShape.datePatterns.check(item, at: "\(path)[\(index)]", into: &found)
            }
        case (.dateField, .object):
            ProfileShape.dateFieldRecord.check(value, at: path, into: &found)
        case (.dateField, _):
            ProfileShape.expression.check(value, at: path, into: &found)
        case (.textMap, .object(let entries)):
            for (key, item) in entries.sorted(by: { $0.key < $1.key }) {
                ProfileShape.text.check(item, at: Self.join(path, key), into: &found)
            }
        case (.choice(let values), .string(let written)):
            guard !values.contains(written) else { return }
            let hint = Suggestion.closest(to: written, among: values).map { "; did you mean '\($0)'?" }
            found.append(
                "\(Self.name(path)): unknown value '\(written)'"
                    + (hint ?? "; expected \(expected)"))
        case (.oneOrMore(let element), .array(let items)):
            if items.isEmpty { found.append("\(Self.name(path)): needs at least one") }
            for (index, item) in items.enumerated() {
                element.check(item, at: "\(path)[\(index)]", into: &found)
            }
        case (.oneOrMore(let element), _):
            element.check(value, at: path, into: &found)
        case (.list(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                element.check(item, at: "\(path)[\(index)]", into: &found)
            }
        case (.record(let keys, let required), .object(let entries)):
            let known = keys.map(\.key)
            for key in known where required.contains(key) && entries[key] == nil {
                found.append(path.isEmpty ? "missing '\(key)'" : "\(path): missing '\(key)'")
            }
            for (key, item) in entries.sorted(by: { $0.key < $1.key }) {
                let place = Self.join(path, key)
                guard let shape = keys.first(where: { $0.key == key })?.shape else {
                    let hint =
                        Suggestion.closest(to: key, among: known).map { "did you mean '\($0)'?" }
                        ?? "expected one of " + known.joined(separator: ", ")
                    found.append("\(place): unknown key; \(hint)")
                    continue
                }
                shape.check(item, at: place, into: &found)
            }
        default:
            wrongType()
        }
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private static func name(_ path: String) -> String {
        path.isEmpty ? "the profile" : path
    }
}

extension JSONValue {
    /// How a profile's author would name this value's type in an error.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
