import CoA
import Foundation

/// Builds the CoA reader of a run: the canonical format plus every supplier profile in the profiles folder.
enum CoAReaders {
    static func make(_ configuration: Configuration, paths: ResourcePaths) throws -> CoAReader {
        let directory =
            configuration.profilesDirectory.isEmpty
            ? paths.profilesDirectory : URL(fileURLWithPath: configuration.profilesDirectory)
        var profiles: [CoAProfile] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = directory.appendingPathComponent(name)
            do {
                profiles.append(try CoAProfile.load(contentsOf: url))
            } catch {
                throw JobError(.usage, "profile \(url.path) cannot be used: \(error)")
            }
        }
        for (supplier, profile) in configuration.supplierProfiles
        where !profiles.contains(where: { $0.name == profile }) {
            throw JobError(
                .usage, "profile.\(supplier) names profile '\(profile)', which is not in \(directory.path)")
        }
        do {
            return try CoAReader(
                profiles: profiles,
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
