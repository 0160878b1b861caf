import Foundation
import Testing
@testable import TargetService

@Suite("JPEG decoding")
struct JPEGDecoderTests {
    static let valid = (try? Fixtures.bytes("images/grace_hopper.jpg")) ?? []

    @Test("a baseline JPEG decodes to its luma plane")
    func baseline() throws {
        let image = try JPEGDecoder().decodeGray(Self.valid)
        #expect(image.width == 512)
        #expect(image.height == 600)
        #expect(image.pixels.count == 512 * 600)
        // Not a flat grey: a real photo has a wide range of levels.
        #expect(Set(image.pixels).count > 200)
    }

    @Test("a progressive JPEG decodes to the same pixels as its baseline twin")
    func progressive() throws {
        let progressive = try Fixtures.bytes("images/astronaut_progressive.jpg")
        // SOF2 marks a progressive frame; make sure the fixture really is one.
        #expect(progressive.indices.dropLast().contains { progressive[$0] == 0xFF && progressive[$0 + 1] == 0xC2 })
        let a = try JPEGDecoder().decodeGray(progressive)
        let b = try JPEGDecoder().decodeGray(try Fixtures.bytes("images/astronaut.jpg"))
        #expect(a == b)
    }

    @Test("a single-component grayscale JPEG decodes")
    func grayscaleSource() throws {
        let image = try JPEGDecoder().decodeGray(try Fixtures.bytes("images/camera.jpg"))
        #expect(image.width > 0 && image.height > 0)
    }

    /// Inputs that must each produce an error, never a crash, never a "successful" grey image.
    static var corruptVariants: [(String, [UInt8], ImageDecodeError.Code)] {
        let v = valid
        var variants: [(String, [UInt8], ImageDecodeError.Code)] = []
        variants.append(("empty", [], .empty))
        variants.append(("one byte", [0xFF], .unsupported))
        variants.append(("SOI only", [0xFF, 0xD8], .corrupt))
        for fraction in [0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99] {
            variants.append(("truncated at \(Int(fraction * 100))%", Array(v.prefix(Int(Double(v.count) * fraction))), .corrupt))
        }
        variants.append(("missing EOI", Array(v.dropLast(2)) + Array(repeating: 0, count: 0), .corrupt))
        variants.append(
            ("PNG signature", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64), .unsupported))
        variants.append(("GIF signature", Array("GIF89a".utf8) + Array(repeating: 0, count: 64), .unsupported))
        var generator = SeededGenerator(seed: 42)
        variants.append(("random bytes", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, .unsupported))
        variants.append(
            (
                "random bytes after SOI", [0xFF, 0xD8] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) },
                .corrupt
            ))
        variants.append(("zero width", patchDimensions(v, width: 0, height: 600), .corrupt))
        variants.append(("zero height", patchDimensions(v, width: 512, height: 0), .corrupt))
        variants.append(("huge declared size", patchDimensions(v, width: 65_000, height: 65_000), .tooLarge))
        // libjpeg refuses a side over 65500 pixels itself, before the pixel budget is checked.
        variants.append(("a side over libjpeg's limit", patchDimensions(v, width: 1000, height: 65_535), .tooLarge))
        variants.append(("a thin image over libjpeg's side limit", patchDimensions(v, width: 65_535, height: 16), .tooLarge))
        // Bit flips inside the entropy-coded data and in the Huffman tables.
        let scanStart = startOfScan(v)
        for (name, offset) in [
            ("flipped bits in the scan", scanStart + 200), ("flipped bits in the Huffman table", huffmanTable(v) + 20),
        ] {
            var flipped = v
            for k in 0..<16 { flipped[offset + k * 7] ^= 0xA5 }
            variants.append((name, flipped, .corrupt))
        }
        return variants
    }

    @Test("corrupt and foreign inputs are rejected with a reason", arguments: corruptVariants.map { $0.0 })
    func corrupt(_ name: String) throws {
        let (_, bytes, expectedCode) = try #require(Self.corruptVariants.first { $0.0 == name })
        let error = try #require(throws: ImageDecodeError.self) { try JPEGDecoder().decodeGray(bytes) }
        #expect(error.code == expectedCode, "\(name): \(error)")
        #expect(!error.message.isEmpty)
    }

    @Test("the pixel limit is enforced from the header, before decoding")
    func pixelLimit() throws {
        let error = try #require(throws: ImageDecodeError.self) {
            try JPEGDecoder(maxPixels: 512 * 600 - 1).decodeGray(Self.valid)
        }
        #expect(error.code == .tooLarge)
        #expect(error.message.contains("512x600"))
        #expect(try JPEGDecoder(maxPixels: 512 * 600).decodeGray(Self.valid).width == 512)
    }

    @Test("a side over libjpeg's 65500-pixel limit is too large, not corrupt, and the message names the size")
    func sideLimit() throws {
        let error = try #require(throws: ImageDecodeError.self) {
            try JPEGDecoder().decodeGray(Self.patchDimensions(Self.valid, width: 1000, height: 65_535))
        }
        #expect(error.code == .tooLarge)
        #expect(error.message == "image is 1000x65535, over the limit of 65500 pixels per side")
    }

    @Test("a PNG is named as such in the error")
    func pngHint() throws {
        let error = try #require(throws: ImageDecodeError.self) {
            try JPEGDecoder().decodeGray([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        }
        #expect(error.message.contains("PNG"))
    }

    // MARK: - Byte surgery on the fixture

    static func marker(_ bytes: [UInt8], _ code: UInt8) -> Int {
        var i = 2
        while i + 3 < bytes.count {
            guard bytes[i] == 0xFF else { return -1 }
            if bytes[i + 1] == code { return i }
            i += 2 + Int(bytes[i + 2]) << 8 + Int(bytes[i + 3])
        }
        return -1
    }

    static func startOfScan(_ bytes: [UInt8]) -> Int {
        let sos = marker(bytes, 0xDA)
        return sos + 2 + Int(bytes[sos + 2]) << 8 + Int(bytes[sos + 3])
    }

    static func huffmanTable(_ bytes: [UInt8]) -> Int { marker(bytes, 0xC4) }

    static func patchDimensions(_ bytes: [UInt8], width: Int, height: Int) -> [UInt8] {
        var patched = bytes
        let sof = marker(bytes, 0xC0)
        patched[sof + 5] = UInt8(height >> 8)
        patched[sof + 6] = UInt8(height & 0xFF)
        patched[sof + 7] = UInt8(width >> 8)
        patched[sof + 8] = UInt8(width & 0xFF)
        return patched
    }
}

/// SplitMix64: a tiny deterministic generator so "random" test inputs are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
