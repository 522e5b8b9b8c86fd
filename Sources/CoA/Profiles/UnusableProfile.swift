/// A profile file that could not be used. It is kept, not dropped: the documents it was meant for
/// (its configured suppliers', those with its root element) are rejected with its reason, and
/// everything else is read as usual.
public struct UnusableProfile: Error, Sendable, Hashable {
    /// The file's path.
    public var file: String
    /// The name in the file when it can be read, else the file name without `.json`.
    public var name: String
    /// Its `match` when that part can be read, so documents it was written for are recognised.
    public var matches: [CoAProfile.Match]
    /// Every problem found, with the file.
    public var error: CoAProfileError

    public var reason: String { "profile '\(name)' cannot be used: \(error)" }
}
