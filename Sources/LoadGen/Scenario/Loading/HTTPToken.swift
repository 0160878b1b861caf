/// RFC 9110 token characters, the only ones allowed in header names.
enum HTTPToken {
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0)
            }
    }
}
