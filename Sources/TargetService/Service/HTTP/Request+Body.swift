import Hummingbird
import NIOCore
import NIOHTTP1

extension Request {
    /// The whole body, at most `limit` bytes. Past the limit it throws `NIOTooManyBytesError` (each endpoint words
    /// its own 413). A body the client broke — the connection ended before `Content-Length` bytes or the last chunk
    /// arrived, or the chunked framing is invalid — is the client's mistake: a `ServiceError` 400, never a 500.
    func collectBody(upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch let error as HTTPParserError {
            throw ServiceError(unreadableBody: error)
        } catch let error as IOError {
            throw ServiceError(unreadableBody: error)
        } catch let error as ChannelError {
            throw ServiceError(unreadableBody: error)
        }
    }
}
