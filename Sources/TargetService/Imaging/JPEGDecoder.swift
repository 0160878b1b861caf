import CJPEG

/// Decodes JPEG bytes to libjpeg's luma plane with a pixel budget checked before any pixel buffer is allocated.
public struct JPEGDecoder: Sendable {
    /// Default budget: 40 megapixels.
    public static let defaultMaxPixels = 40_000_000

    public var maxPixels: Int

    public init(maxPixels: Int = JPEGDecoder.defaultMaxPixels) {
        self.maxPixels = maxPixels
    }

    /// Decodes `bytes` to gray. Throws `ImageDecodeError` for empty, non-JPEG, corrupt, truncated or oversized input.
    public func decodeGray(_ bytes: some Collection<UInt8>) throws(ImageDecodeError) -> GrayImage {
        if bytes.isEmpty { throw ImageDecodeError(.empty, "the request body is empty; send JPEG bytes") }
        let result: Result<GrayImage, ImageDecodeError>
        if let direct = bytes.withContiguousStorageIfAvailable({ decode(UnsafeRawBufferPointer($0)) }) {
            result = direct
        } else {
            result = Array(bytes).withUnsafeBytes { decode($0) }
        }
        return try result.get()
    }

    private func decode(_ data: UnsafeRawBufferPointer) -> Result<GrayImage, ImageDecodeError> {
        if data.count < 2 || data[0] != 0xFF || data[1] != 0xD8 {
            return .failure(
                ImageDecodeError(.unsupported, "not a JPEG image (no SOI marker 0xFFD8 at the start)\(Self.formatHint(data))"))
        }
        guard let decoder = cjpeg_open(data.baseAddress!.assumingMemoryBound(to: UInt8.self), data.count, UInt64(maxPixels))
        else {
            return .failure(ImageDecodeError(.corrupt, "out of memory creating a JPEG decoder"))
        }
        defer { cjpeg_close(decoder) }
        if let failure = Self.failure(of: decoder) { return .failure(failure) }
        let width = Int(cjpeg_width(decoder))
        let height = Int(cjpeg_height(decoder))
        var status = CJPEG_OK
        let pixels = [UInt8](unsafeUninitializedCapacity: width * height) { buffer, count in
            status = cjpeg_decode_gray(decoder, buffer.baseAddress!)
            // On failure the rows may be partly written; they are never read.
            count = status == CJPEG_OK ? width * height : 0
        }
        if let failure = Self.failure(of: decoder) { return .failure(failure) }
        return .success(GrayImage(width: width, height: height, pixels: pixels))
    }

    private static func failure(of decoder: OpaquePointer) -> ImageDecodeError? {
        let message = String(cString: cjpeg_message(decoder))
        switch cjpeg_status_of(decoder) {
        case CJPEG_OK:
            return nil
        case CJPEG_TOO_LARGE:
            return ImageDecodeError(.tooLarge, message)
        default:
            if message.contains("Unsupported color conversion") || message.contains("Unsupported JPEG process") {
                return ImageDecodeError(.unsupported, message)
            }
            return ImageDecodeError(.corrupt, message.isEmpty ? "corrupt JPEG data" : message)
        }
    }

    /// Names common non-JPEG formats so the caller learns what they actually sent.
    private static func formatHint(_ data: UnsafeRawBufferPointer) -> String {
        let prefix = Array(data.prefix(8))
        if prefix.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "; this looks like a PNG, convert it to JPEG" }
        if prefix.starts(with: [0x47, 0x49, 0x46]) { return "; this looks like a GIF, convert it to JPEG" }
        if prefix.starts(with: [0x42, 0x4D]) { return "; this looks like a BMP, convert it to JPEG" }
        if prefix.starts(with: [0x52, 0x49, 0x46, 0x46]) { return "; this looks like a RIFF/WebP file, convert it to JPEG" }
        return ""
    }
}
