import Dispatch
import HTTPTypes
import Hummingbird
import Metrics
import Synchronization

/// The outermost step: counts every request by route template, method and status, and records its time from
/// the first byte handled to the last byte of the body written.
///
/// The route is Hummingbird's matched endpoint path (`/api/v1/tenants/{tenantId}/…`), never the raw path, so
/// no tenant id or person lands in a label; a request that matched no route is `NotFound`, and a method
/// outside the standard ones is `other`. Every label value comes from a bounded set.
///
/// The counter and timer of a (route, method, status) are made once and kept here: after the first request
/// of each, a request costs one lookup under one lock and two atomic updates, not a lookup in the
/// Prometheus registry for each metric.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let cache: RequestMetricsCache

    init(factory: any MetricsFactory) {
        cache = RequestMetricsCache(factory: factory)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = DispatchTime.now().uptimeNanoseconds
        let method = Self.methodLabel(request.method)
        do {
            var response = try await next(request, context)
            let status = response.status.code
            let body = response.body
            // Recorded once the body is written (a download's time includes its bytes), or failed to be.
            response.body = ResponseBody(contentLength: body.contentLength) { [cache] writer in
                defer {
                    cache.metrics(route: context.endpointPath ?? "NotFound", method: method, status: status)
                        .record(since: started)
                }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            cache.metrics(route: context.endpointPath ?? "NotFound", method: method, status: status)
                .record(since: started)
            throw error
        }
    }

    private static func methodLabel(_ method: HTTPRequest.Method) -> String {
        switch method {
        case .get, .head, .post, .put, .patch, .delete, .options: method.rawValue
        default: "other"
        }
    }
}

/// The metrics of each (route, method, status) seen so far; at most routes × methods × statuses entries.
final class RequestMetricsCache: Sendable {
    struct Key: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    struct Entry: Sendable {
        let requests: Metrics.Counter
        let duration: Metrics.Timer

        func record(since started: UInt64) {
            requests.increment()
            duration.recordNanoseconds(Int64(clamping: DispatchTime.now().uptimeNanoseconds &- started))
        }
    }

    private let factory: any MetricsFactory
    private let entries = Mutex<[Key: Entry]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func metrics(route: String, method: String, status: Int) -> Entry {
        let key = Key(route: route, method: method, status: status)
        if let entry = entries.withLock({ $0[key] }) { return entry }
        // Made outside the lock (the factory takes the registry's own); a race makes the same metrics twice,
        // and the registry hands both the same series.
        let labels = [("route", route), ("method", method), ("status", String(status))]
        let entry = Entry(
            requests: Metrics.Counter(label: "kp_http_requests_total", dimensions: labels, factory: factory),
            duration: Metrics.Timer(
                label: "kp_http_request_duration_seconds", dimensions: labels, factory: factory))
        entries.withLock { $0[key] = entry }
        return entry
    }
}
