import CCurl
import Foundation

/// Sends control-plane requests with libcurl (system CA store, proxies from the environment, client
/// certificates, HTTP/2), one easy handle per request on a dispatch thread, so a slow staging endpoint never
/// blocks the concurrency pool or the engine's event loops.
public enum CurlHTTPClient {
    /// curl_global_init is not thread-safe; a static let runs it exactly once, before the first handle.
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    public static func send(_ request: ControlRequest) async throws(ControlHTTPError) -> ControlResponse {
        let result: Result<ControlResponse, ControlHTTPError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(ControlHTTPError) in try perform(request) })
            }
        }
        return try result.get()
    }

    /// Blocking: one easy handle, one exchange.
    static func perform(_ request: ControlRequest) throws(ControlHTTPError) -> ControlResponse {
        guard initialized, let handle = curl_easy_init() else {
            throw ControlHTTPError(
                message: "\(request.label): libcurl could not be initialised", curlCode: Int(CURLE_FAILED_INIT.rawValue))
        }
        defer { curl_easy_cleanup(handle) }
        let sink = ResponseSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE))
        var headerList: UnsafeMutablePointer<curl_slist>?
        // Without it curl sends `Expect: 100-continue` for larger bodies and waits up to a second for the answer.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }
        defer { curl_slist_free_all(headerList) }

        let milliseconds = max(
            1,
            Int(request.timeout.milliseconds))
        let code: CURLcode = request.body.withUnsafeBytes { body in
            errorBuffer.withUnsafeMutableBufferPointer { errors in
                var setup = [
                    ccurl_setopt_string(handle, CURLOPT_URL, request.url),
                    ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
                    ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds),
                    ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
                    ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress),
                    ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList),
                    ccurl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, ResponseSink.bodyCallback),
                    ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
                    ccurl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, ResponseSink.headerCallback),
                    ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context),
                ]
                switch request.method.uppercased() {
                case "GET": break
                case "HEAD": setup.append(ccurl_setopt_long(handle, CURLOPT_NOBODY, 1))
                default: setup.append(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
                }
                if !request.body.isEmpty || !["GET", "HEAD"].contains(request.method.uppercased()) {
                    setup.append(ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count))
                    setup.append(
                        ccurl_setopt_pointer(
                            handle, CURLOPT_POSTFIELDS,
                            UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafeRawPointer(errors.baseAddress!))))
                }
                if let failed = setup.first(where: { $0 != CURLE_OK }) { return failed }
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let reason = String(cString: curl_easy_strerror(code))
            throw ControlHTTPError(
                message: "\(request.label): \(reason) (curl \(code.rawValue))\(detail.isEmpty ? "" : ": \(detail)")",
                curlCode: Int(code.rawValue))
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return ControlResponse(status: status, headers: sink.headers, body: sink.body)
    }
}

/// Collects what libcurl's callbacks hand over for one exchange (only ever touched by that exchange's thread).
private final class ResponseSink {
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []

    static let bodyCallback: ccurl_data_callback = { data, size, count, context in
        let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        if let data { sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length)) }
        return length
    }

    static let headerCallback: ccurl_data_callback = { data, size, count, context in
        let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard let data else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new status line (after 100 Continue): only the final response's headers count.
            sink.headers.removeAll()
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            sink.headers.append((name, value))
        }
        return length
    }
}
