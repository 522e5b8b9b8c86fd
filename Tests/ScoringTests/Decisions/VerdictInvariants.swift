import Domain

@testable import Scoring

/// The invariants every verdict must hold (docs/decisions.md, "One verdict"), as messages naming what
/// broke; empty when all hold.
enum VerdictInvariants {
    static func violations(_ d: SupplierDecision, flags extra: [Flag] = []) -> [String] {
        var out: [String] = []
        let id = d.supplierId
        if d.status.status == .probation {
            if let g = d.overall.grade, g.rawValue < "C" {
                out.append("\(id) on probation with grade \(g.rawValue)")
            }
            if !d.readyMaterials.isEmpty {
                out.append("\(id) on probation but ready for \(d.readyMaterials)")
            }
        }
        if d.status.status != .qualified && d.status.action == nil {
            out.append("\(id) \(d.status.status) without action")
        }
        for (status, readiness) in zip(d.materialStatuses, d.readiness) {
            let m = readiness.materialId
            let i = d.inspection.first { $0.materialId == m }
            if status.status != .qualified && status.action == nil {
                out.append("\(id) × \(m) without action")
            }
            if readiness.ready && status.status != .qualified {
                out.append("\(id) × \(m) ready but \(status.status)")
            }
            if status.reasons.contains(where: { $0.hasPrefix("no open flags") }),
                let open = status.findings.first
            {
                out.append("\(id) × \(m) says no open flags beside \(open.text)")
            }
            let mine = (extra + d.flags).filter { $0.materialId == m || $0.materialId == nil }
            let open = mine.filter { $0.kind != .singleSource && $0.severity >= .warning }
            if mine.contains(where: {
                $0.materialId == m && $0.severity == .critical && $0.kind != .singleSource
            }) {
                if status.status == .qualified { out.append("\(id) × \(m) qualified with a critical flag") }
                if i?.level == .reduced || i?.skipLotCandidate == true {
                    out.append("\(id) × \(m) reduced or skip-lot with a critical flag")
                }
            }
            if readiness.ready && !open.isEmpty { out.append("\(id) × \(m) ready with open \(open[0].kind)") }
        }
        return out
    }
}
