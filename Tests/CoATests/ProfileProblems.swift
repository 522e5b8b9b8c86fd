import Foundation

@testable import CoA

/// The problems a profile's JSON is refused with (empty when it loads), for the tests of each error.
func profileProblems(_ json: String, file: String = "p.json") -> [String] {
    do {
        _ = try CoAProfile.load(data: Data(json.utf8), file: file)
        return []
    } catch let error as CoAProfileError {
        return error.problems
    } catch {
        return ["unexpected \(error)"]
    }
}
