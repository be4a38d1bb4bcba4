/// Builds a standalone SVG 1.1 document element by element, escaping every text and attribute
/// value and writing numbers without NaN or infinities, so the output is always valid XML.
struct SVGWriter {
    private var text: String

    /// The default fill colour of text.
    static let textColor = "#222222"
    /// Ten distinguishable series colours (Tableau 10).
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                          "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// Starts a document of the given size with a white background and an accessible `<title>`.
    init(width: Double, height: Double, title: String) {
        let w = Self.number(width), h = Self.number(height)
        text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="\(Self.textColor)">
        <title>\(XMLText.escape(title))</title>
        <rect x="0" y="0" width="\(w)" height="\(h)" fill="white"/>

        """
    }

    /// A number for an attribute: at most two decimals, no exponent, `0` for non-finite values,
    /// clamped to ±10^7 (far outside any drawing).
    static func number(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, -10_000_000), 10_000_000) : 0
        guard var text = DecimalText.format(clamped, fractionDigits: 2) else { return "0" }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// An attribute value: a number, or text that is escaped.
    enum Value {
        case number(Double)
        case text(String)

        var rendered: String {
            switch self {
            case .number(let value): SVGWriter.number(value)
            case .text(let value): XMLText.escape(value)
            }
        }
    }

    /// Appends an element with attributes (in the given order) and optional text content.
    mutating func element(_ name: String, _ attributes: [(String, Value)], text content: String? = nil) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(value.rendered)\"" }
        if let content {
            text += ">" + XMLText.escape(content) + "</\(name)>\n"
        } else {
            text += "/>\n"
        }
    }

    /// Appends a line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        var attributes: [(String, Value)] = [("x1", .number(x1)), ("y1", .number(y1)), ("x2", .number(x2)), ("y2", .number(y2)),
                                             ("stroke", .text(stroke)), ("stroke-width", .number(width))]
        if let dash { attributes.append(("stroke-dasharray", .text(dash))) }
        element("line", attributes)
    }

    /// Appends a rectangle (negative sizes are drawn as zero).
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        var attributes: [(String, Value)] = [("x", .number(x)), ("y", .number(y)), ("width", .number(max(width, 0))),
                                             ("height", .number(max(height, 0))), ("fill", .text(fill))]
        if let stroke { attributes.append(("stroke", .text(stroke))) }
        element("rect", attributes)
    }

    /// Appends a circle.
    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        element("circle", [("cx", .number(x)), ("cy", .number(y)), ("r", .number(radius)), ("fill", .text(fill))])
    }

    /// How a text is anchored at its position.
    enum Anchor: String {
        case start, middle, end
    }

    /// Appends a text at a position (the baseline of the text).
    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double? = nil, fill: String? = nil) {
        var attributes: [(String, Value)] = [("x", .number(x)), ("y", .number(y)), ("text-anchor", .text(anchor.rawValue))]
        if let size { attributes.append(("font-size", .number(size))) }
        if let fill { attributes.append(("fill", .text(fill))) }
        element("text", attributes, text: content)
    }

    /// Appends a text turned 90° anticlockwise, centred on a position: a vertical axis caption.
    mutating func verticalText(_ content: String, x: Double, y: Double) {
        element("text", [("transform", .text("translate(\(Self.number(x)) \(Self.number(y))) rotate(-90)")),
                         ("text-anchor", .text("middle"))], text: content)
    }

    /// Appends a polyline through the points.
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, dash: String?) {
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        var attributes: [(String, Value)] = [("fill", .text("none")), ("stroke", .text(stroke)), ("stroke-width", .number(2))]
        if let dash { attributes.append(("stroke-dasharray", .text(dash))) }
        attributes.append(("points", .text(list)))
        element("polyline", attributes)
    }

    /// Closes the document and returns it.
    func finished() -> String { text + "</svg>\n" }

    /// A rough width in pixels of a text at font size 12: enough to lay out margins and legends
    /// without font metrics.
    static func estimatedWidth(of text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * fontSize * 0.6
    }
}
