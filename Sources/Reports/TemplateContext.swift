import ReportModel

/// Turns a page model into dictionaries and arrays once, before rendering.
///
/// Mustache looks names up with `Mirror` on every tag and every level of its context stack; a page
/// with a few hundred tags paid for thousands of reflections. A `[String: Any]` is looked up by key
/// (`MustacheParent`), so each struct is reflected exactly once here. Optionals that are nil are left
/// out, which Mustache treats as it treats a nil field.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let markup as Markup: return markup
        case let listed as any TemplateFields: return listed.templateFields
        default: break
        }
        return reflect(value)
    }

    /// The fields of `value` found by reflection, each made a template value in turn.
    static func reflect(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { make($0.value) } ?? Optional<Any>.none as Any
        case .collection:
            return mirror.children.map { make($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label else { continue }
                let inner = Mirror(reflecting: child.value)
                if inner.displayStyle == .optional {
                    guard let wrapped = inner.children.first else { continue }
                    fields[label] = make(wrapped.value)
                } else {
                    fields[label] = make(child.value)
                }
            }
            return fields
        default:
            return value
        }
    }
}
