import HTTPTypes
import Synchronization

/// Every path template the spec declares, with the methods declared for it, filled while the generated
/// operations are registered (`APITransport`) and read by `MethodNotAllowedMiddleware`.
///
/// Hummingbird answers an undeclared method on a known path like an unknown path (404); HTTP and the spec
/// want 405 with `Allow`, which needs to know what the path does accept.
package final class RouteTable: Sendable {
    private struct Route {
        /// The template's segments, split once when it is added.
        let pattern: [Substring]
        var methods: Set<HTTPRequest.Method>
    }

    private let routes = Mutex<[String: Route]>([:])

    package init() {}

    func add(_ method: HTTPRequest.Method, _ template: String) {
        routes.withLock {
            $0[template, default: Route(pattern: Self.segments(template), methods: [])].methods.insert(method)
        }
    }

    /// The methods the most specific matching template declares (a literal segment beats a `{parameter}`,
    /// as in the router: `/trainees/me` before `/trainees/{traineeId}`), sorted; nil for an unknown path.
    func allowedMethods(for path: String) -> [HTTPRequest.Method]? {
        let segments = Self.segments(path)
        let best = routes.withLock { routes in
            routes.values.compactMap { route -> (score: [Bool], methods: Set<HTTPRequest.Method>)? in
                Self.score(route.pattern, against: segments).map { ($0, route.methods) }
            }
            .max { $0.score.lexicographicallyPrecedes($1.score) { !$0 && $1 } }
        }
        return best.map { $0.methods.sorted { $0.rawValue < $1.rawValue } }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }

    /// For each segment, whether it matched literally; nil when the template does not match.
    private static func score(_ template: [Substring], against path: [Substring]) -> [Bool]? {
        guard template.count == path.count else { return nil }
        var score: [Bool] = []
        for (pattern, segment) in zip(template, path) {
            if pattern.hasPrefix("{") && pattern.hasSuffix("}") {
                guard !segment.isEmpty else { return nil }
                score.append(false)
            } else {
                guard pattern == segment else { return nil }
                score.append(true)
            }
        }
        return score
    }
}
