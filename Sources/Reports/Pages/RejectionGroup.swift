import ReportModel

/// The rejected CoA files of one supplier, as one request to resend them.
struct RejectionGroup {
    struct File {
        var path: String
        var reason: String
    }

    var supplier: String
    var summary: String
    var files: [File]

    static func groups(_ documents: [RejectedDocument], names: [String: String]) -> [RejectionGroup] {
        var order: [String] = []
        var bySupplier: [String: [RejectedDocument]] = [:]
        for document in documents {
            let key = document.supplierId ?? ""
            if bySupplier[key] == nil { order.append(key) }
            bySupplier[key, default: []].append(document)
        }
        return order.map { key in
            let files = bySupplier[key] ?? []
            var kinds: [String: Int] = [:]
            var kindOrder: [String] = []
            for file in files {
                let kind = Wording.rejectionKind(file.reason)
                if kinds[kind] == nil { kindOrder.append(kind) }
                kinds[kind, default: 0] += 1
            }
            let breakdown = kindOrder.sorted { (kinds[$0] ?? 0) > (kinds[$1] ?? 0) }.map {
                "\(kinds[$0] ?? 0) \($0)"
            }
            .joined(separator: ", ")
            let noun = files.count == 1 ? "CoA file" : "CoA files"
            let who = key.isEmpty ? "the senders" : key
            let label = key.isEmpty ? "supplier not known" : names[key].map { "\($0) (\(key))" } ?? key
            return RejectionGroup(
                supplier: label, summary: "Ask \(who) to resend \(files.count) \(noun): \(breakdown)",
                files: files.map { File(path: $0.path, reason: $0.reason) })
        }
    }
}
