import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// An SVG document parsed back with Foundation's `XMLParser`: every element in document order
/// with its attributes and text.
struct ParsedSVG {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    var elements: [Element]

    /// The elements with this name.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The text of every `<text>` element.
    var texts: [String] { all("text").map(\.text) }

    /// Parses `svg`; records an issue and returns `nil` when it is not well-formed XML.
    init?(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            Issue.record("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")", sourceLocation: sourceLocation)
            return nil
        }
        elements = collector.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = open.popLast()
        }
    }
}

/// Checks what every SVG the renderers write must satisfy: an XML declaration, a root `svg`
/// element in the SVG namespace with version 1.1 and numeric sizes, a title, and no NaN or
/// infinity anywhere. Returns the parsed document.
func checkStandaloneSVG(_ svg: String, title: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedSVG? {
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), sourceLocation: sourceLocation)
    for bad in ["nan", "NaN", "inf", "Inf"] {
        #expect(!svg.contains(bad), "output contains \(bad)", sourceLocation: sourceLocation)
    }
    guard let document = ParsedSVG(svg, sourceLocation: sourceLocation) else { return nil }
    let root = document.elements.first
    #expect(root?.name == "svg", sourceLocation: sourceLocation)
    #expect(root?.attributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)
    #expect(root?.attributes["version"] == "1.1", sourceLocation: sourceLocation)
    #expect(Double(root?.attributes["width"] ?? "") != nil, sourceLocation: sourceLocation)
    #expect(Double(root?.attributes["height"] ?? "") != nil, sourceLocation: sourceLocation)
    #expect(document.all("title").first?.text == title, sourceLocation: sourceLocation)
    for element in document.elements {
        for key in ["x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "r"] {
            if let value = element.attributes[key] {
                #expect(Double(value)?.isFinite == true, "\(element.name) \(key)=\(value)", sourceLocation: sourceLocation)
            }
        }
    }
    return document
}
