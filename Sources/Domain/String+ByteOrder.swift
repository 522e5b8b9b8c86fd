#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether this string sorts before `other` by UTF-8 bytes, as PostgreSQL's "C" collation sorts;
    /// nil when their bytes are equal. Orders the job keeps itself never depend on the server's locale.
    /// Compares the contiguous bytes with `memcmp`: the loader sorts every batch's rows with it.
    public func byteOrder(_ other: String) -> Bool? {
        var a = self
        var b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let shared = min(x.count, y.count)
                if shared > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, shared)
                    if order != 0 { return order < 0 }
                }
                return x.count == y.count ? nil : x.count < y.count
            }
        }
    }
}
