/// XML text and attribute escaping shared by the SVG writers.
enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe inside element content and inside
    /// single- or double-quoted attributes. Characters XML 1.0 forbids even when escaped
    /// (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD.
    static func escape(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where needsEscaping(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": true
        default: !isAllowed(scalar)
        }
    }

    /// Whether XML 1.0 allows the character at all (the `Char` production).
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
