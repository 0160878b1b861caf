import Foundation
import Hummingbird
import NIOCore

/// JSON in and out for the control API, and the mapping of `ControlAPIError` to Toxiproxy's error responses.
extension ProxyControlAPI {
    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        let data = ControlAPIJSON.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs `handler`, answering its `ControlAPIError` as `{"error","status"}` with that status.
    static func respond(_ handler: () async throws(ControlAPIError) -> Response) async -> Response {
        do {
            return try await handler()
        } catch {
            return json(error, status: HTTPResponse.Status(code: error.status))
        }
    }

    static func body<Value: Decodable>(
        _ type: Value.Type, of request: Request, _ context: BasicRequestContext
    ) async throws(ControlAPIError) -> Value {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: 1 << 20)
        } catch {
            throw ControlAPIError(413, "request body too large or unreadable: \(error); the API takes JSON up to 1 MiB")
        }
        return try ControlAPIJSON.decode(type, from: Data(buffer.readableBytesView))
    }

    static func parameter(_ name: String, _ context: BasicRequestContext) -> String {
        context.parameters.get(name) ?? ""
    }
}
