import CoA
import Foundation

extension CoADocumentRecord {
    /// The warnings as the `jsonb` column holds them: `[{"field", "written", "problem"}]`.
    var warningsJSON: String {
        guard !warnings.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(warnings) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
