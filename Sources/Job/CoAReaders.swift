import CoA
import Foundation

/// Builds the CoA reader of a run: the canonical format plus the supplier profiles of the search path.
enum CoAReaders {
    /// The shipped `profiles/`, then each folder of `coa.profiles` (separated by `:`), then `files`.
    /// A profile that cannot be used does not stop the run: its documents are rejected with its reason
    /// (``CoAReader/unusableProfiles``). A folder that cannot be read, or a supplier configured with a
    /// profile that exists nowhere, is a configuration error.
    static func library(_ configuration: Configuration, paths: ResourcePaths, files: [URL] = []) throws
        -> ProfileLibrary
    {
        let extra = configuration.profilesDirectory.split(separator: ":").map {
            URL(fileURLWithPath: String($0).trimmingCharacters(in: .whitespaces))
        }
        var folders = extra
        if FileManager.default.fileExists(atPath: paths.profilesDirectory.path) {
            folders.insert(paths.profilesDirectory, at: 0)
        }
        let library: ProfileLibrary
        do {
            library = try ProfileLibrary.load(folders: folders, files: files)
        } catch {
            throw JobError(.usage, "coa.profiles: \(error)")
        }
        let names = Set(library.profiles.map(\.name) + library.unusable.map(\.name))
        for (supplier, profile) in configuration.supplierProfiles.sorted(by: { $0.key < $1.key })
        where !names.contains(profile) {
            let searched = folders.map(\.path).joined(separator: ", ")
            throw JobError(
                .usage, "profile.\(supplier) names profile '\(profile)', which is not in \(searched)")
        }
        return library
    }

    static func make(_ configuration: Configuration, paths: ResourcePaths, files: [URL] = []) throws
        -> CoAReader
    {
        let library = try library(configuration, paths: paths, files: files)
        do {
            return try CoAReader(
                profiles: library.profiles, unusableProfiles: library.unusable,
                limits: XMLLimits(
                    maxBytes: configuration.maxDocumentBytes, maxDepth: configuration.maxDocumentDepth,
                    maxAttributes: configuration.maxDocumentAttributes,
                    maxNodes: configuration.maxDocumentNodes,
                    parseSeconds: configuration.documentParseSeconds))
        } catch {
            throw JobError(.usage, "cannot set up the CoA reader: \(error)")
        }
    }
}
