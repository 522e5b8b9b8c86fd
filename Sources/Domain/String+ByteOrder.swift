extension String {
    /// Whether this string sorts before `other` by UTF-8 bytes, as PostgreSQL's "C" collation sorts;
    /// nil when their bytes are equal. Orders the job keeps itself never depend on the server's locale.
    public func byteOrder(_ other: String) -> Bool? {
        utf8.elementsEqual(other.utf8) ? nil : utf8.lexicographicallyPrecedes(other.utf8)
    }
}
