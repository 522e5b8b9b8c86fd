import Foundation

/// Establishes the supplier, our material and the lot of a certificate, or says why they cannot be
/// established. The inbox folder names the supplier; the document may confirm it but never override it.
public struct CoAResolver: Sendable {
    public let reference: CoAReferenceData

    public init(reference: CoAReferenceData) {
        self.reference = reference
    }

    public struct Resolved: Sendable {
        public var supplierId: String
        public var materialId: String
        public var lotNumber: String
    }

    public enum Resolution: Sendable {
        case resolved(Resolved)
        case unresolved(String)
    }

    /// Establishes supplier, material and lot, or says why they cannot be established.
    public func resolve(_ certificate: Certificate, folder: String?) -> Resolution {
        guard let folder else {
            return .unresolved("file is not in a supplier folder (<inbox>/<supplier_id>/...)")
        }
        guard reference.supplierIds.contains(folder) else {
            return .unresolved("folder '\(quoted(folder))' is not a supplier in procurement.suppliers")
        }
        if let stated = certificate.supplierId, !stated.isEmpty, stated != folder {
            return .unresolved(
                "document names supplier \(quoted(stated)) but sits in the folder of \(quoted(folder))")
        }
        let materialId: String
        if let id = certificate.materialId, !id.isEmpty {
            guard reference.materialIds.contains(id) else {
                return .unresolved("material \(quoted(id)) is not in procurement.materials")
            }
            materialId = id
        } else if let part = certificate.partNumber, !part.isEmpty {
            guard let id = reference.partNumbers[folder]?[part] else {
                return .unresolved(
                    "part number \(quoted(part)) is not an approved source of \(quoted(folder)) (procurement.approved_sources)"
                )
            }
            materialId = id
        } else {
            return .unresolved("material cannot be established: no materialId or partNumber")
        }
        guard let lot = certificate.lotNumber.map(Self.trimmed), !lot.isEmpty else {
            return .unresolved("lot cannot be established: no lot number")
        }
        return .resolved(Resolved(supplierId: folder, materialId: materialId, lotNumber: lot))
    }

    /// What the document (or the folder's name) says, as a reason may quote it: escaped and bounded.
    private func quoted(_ text: String) -> String { CoARejection.excerpt(text) }

    /// Without spaces at either end; a lot that starts and ends with a visible ASCII character (nearly
    /// all) is taken as it is, without Foundation's character-set trimming.
    public static func trimmed(_ text: String) -> String {
        let visible = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
        if let first = text.utf8.first, let last = text.utf8.last, visible(first), visible(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
