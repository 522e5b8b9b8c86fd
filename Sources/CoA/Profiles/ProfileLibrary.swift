import Domain
import Foundation

/// The profiles of a run or a check: the shipped folder, then each configured folder (a search path),
/// then single files named on the command line. A file that cannot be used stops only itself.
public struct ProfileLibrary: Sendable {
    public var profiles: [CoAProfile] = []
    public var unusable: [UnusableProfile] = []

    public init(profiles: [CoAProfile] = [], unusable: [UnusableProfile] = []) {
        self.profiles = profiles
        self.unusable = unusable
    }

    /// Loads every `*.json` of `folders` in order (each sorted by file name), then `files`.
    /// - A name given in two folders makes both unusable: which one is meant is not for the job to guess.
    /// - A file of `files` replaces a folder's profile of the same name: that is how a changed copy of a
    ///   profile is checked before it is installed.
    /// - Throws when a folder cannot be listed (a configuration error, not a profile's).
    public static func load(folders: [URL], files: [URL] = []) throws -> ProfileLibrary {
        var loaded: [(file: String, outcome: Result<CoAProfile, UnusableProfile>)] = []
        var seenFolders: Set<String> = []
        for folder in folders where seenFolders.insert(folder.standardizedFileURL.path).inserted {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw CoAProfileError(file: folder.path, message: "the profile folder cannot be read")
            }
            for name in names.sorted() where name.hasSuffix(".json") {
                let url = folder.appendingPathComponent(name)
                loaded.append((url.path, loadOne(url)))
            }
        }
        let fromFiles = files.map { (file: $0.path, outcome: loadOne($0)) }
        let overriding = Set(fromFiles.compactMap { try? $0.outcome.get().name })
        loaded.removeAll { entry in (try? entry.outcome.get()).map { overriding.contains($0.name) } ?? false }
        let all = loaded + fromFiles
        var filesByName: [String: [String]] = [:]
        for entry in all {
            if case .success(let profile) = entry.outcome {
                filesByName[profile.name, default: []].append(entry.file)
            }
        }
        var library = ProfileLibrary()
        for entry in all {
            switch entry.outcome {
            case .failure(let unusable):
                library.unusable.append(unusable)
            case .success(let profile):
                let others = (filesByName[profile.name] ?? []).filter { $0 != entry.file }
                if others.isEmpty {
                    library.profiles.append(profile)
                } else {
                    let message =
                        "the name '\(profile.name)' is also used by \(others.joined(separator: ", ")); rename one"
                    library.unusable.append(
                        UnusableProfile(
                            file: entry.file, name: profile.name, matches: profile.matchRules,
                            error: CoAProfileError(file: entry.file, message: message)))
                }
            }
        }
        return library
    }

    /// One file: its profile, or why it cannot be used (with its name and match when readable).
    public static func loadOne(_ url: URL) -> Result<CoAProfile, UnusableProfile> {
        let fallbackName = url.deletingPathExtension().lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .failure(
                UnusableProfile(
                    file: url.path, name: fallbackName, matches: [],
                    error: CoAProfileError(file: url.path, message: "cannot be read")))
        }
        var tree: JSONValue?
        do {
            let parsed = try CoAProfile.tree(data, file: url.path)
            tree = parsed
            return .success(try CoAProfile.load(tree: parsed, data: data, file: url.path))
        } catch {
            let profileError =
                error as? CoAProfileError ?? CoAProfileError(file: url.path, message: "\(error)")
            return .failure(
                UnusableProfile(
                    file: url.path, name: tree.flatMap(Self.name) ?? fallbackName,
                    matches: tree.map(Self.matches) ?? [], error: profileError))
        }
    }

    private static func name(_ tree: JSONValue) -> String? {
        guard case .object(let entries) = tree, case .string(let name)? = entries["name"],
            !name.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        return name
    }

    /// The roots a broken profile was written for, as far as its `match` can be read.
    private static func matches(_ tree: JSONValue) -> [CoAProfile.Match] {
        guard case .object(let entries) = tree, let written = entries["match"] else { return [] }
        let candidates: [JSONValue]
        if case .array(let items) = written { candidates = items } else { candidates = [written] }
        return candidates.compactMap { candidate in
            guard case .object(let match) = candidate, case .string(let root)? = match["root"] else {
                return nil
            }
            var namespace: String?
            if case .string(let written)? = match["namespace"], !written.isEmpty { namespace = written }
            return CoAProfile.Match(root: root, namespace: namespace, test: nil)
        }
    }
}
