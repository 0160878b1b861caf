/// Why a submitted form body (multipart or URL-encoded) was refused; the message is shown to the person who sent the form.
struct FormError: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
