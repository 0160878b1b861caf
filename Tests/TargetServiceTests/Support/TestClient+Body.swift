import Foundation
import HummingbirdTesting
import NIOCore

extension TestClient.Response {
    /// The body as bytes (empty when there was none).
    var data: Data { body.map { Data(buffer: $0) } ?? Data() }
    /// The body as UTF-8 text.
    var text: String { body.map { String(buffer: $0) } ?? "" }
}
