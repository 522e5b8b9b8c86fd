import Domain

/// Everything one set of HTML scorecards shows: the stored results of one run, loaded by the caller.
///
/// The renderer never touches a database; the job fills this from what the run committed, so the
/// pages and the buyers' views read the same numbers.
public struct ScorecardReport: Sendable, Hashable {
    public var run: RunInfo
    public var suppliers: [SupplierReport]
    public var materials: [MaterialReport]
    /// The CoA documents this run rejected, with their reasons.
    public var rejectedDocuments: [RejectedDocument]

    public init(
        run: RunInfo, suppliers: [SupplierReport] = [], materials: [MaterialReport] = [],
        rejectedDocuments: [RejectedDocument] = []
    ) {
        self.run = run
        self.suppliers = suppliers
        self.materials = materials
        self.rejectedDocuments = rejectedDocuments
    }
}

/// A CoA file the run refused, and why (`scorecard.coa_documents` with status `rejected`).
public struct RejectedDocument: Sendable, Hashable {
    /// The file's path as recorded, relative to the inbox where possible.
    public var path: String
    public var supplierId: String?
    public var reason: String

    public init(path: String, supplierId: String?, reason: String) {
        self.path = path
        self.supplierId = supplierId
        self.reason = reason
    }
}
