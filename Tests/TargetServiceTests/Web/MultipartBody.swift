import Foundation

/// Builds `multipart/form-data` bodies the way browsers do, for the page tests.
struct MultipartBody {
    var boundary = "----formboundary7MA4YWxkTrZu0gW"
    private(set) var bytes: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func addField(_ name: String, _ value: String) {
        append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n")
        bytes += Array(value.utf8)
        append("\r\n")
    }

    mutating func addFile(_ name: String, filename: String, contentType: String = "image/jpeg", _ data: [UInt8]) {
        append(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n"
        )
        bytes += data
        append("\r\n")
    }

    /// The body with its closing delimiter.
    func finished() -> [UInt8] {
        bytes + Array("--\(boundary)--\r\n".utf8)
    }

    private mutating func append(_ text: String) {
        bytes += Array(text.utf8)
    }
}
