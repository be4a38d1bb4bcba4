import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Chart SVG")
struct ChartSVGTests {
    static let months = ["2025-01", "2025-02", "2025-03", "2025-04"]

    static func chart(_ style: Chart.Style, title: String = "Revenue", series: [Chart.Series]? = nil) -> Chart {
        Chart(title: title, style: style, labels: months, valueAxis: "Revenue (EUR)", series: series ?? [
            .init(name: "Lisbon", values: [120.5, nil, 300, 280]),
            .init(name: "Porto", values: [80, 95, nil, 110]),
        ])
    }

    @Test("a line chart has a polyline per unbroken run, a dot per value, axis caption, ticks and legend")
    func lineChart() throws {
        let svg = try #require(checkStandaloneSVG(Self.chart(.line).svg(), title: "Revenue"))
        // Lisbon: 120.5 | gap | 300–280 → one polyline (the lone point is a dot only); Porto: 80–95 | gap | 110 → one.
        #expect(svg.all("polyline").count == 2)
        #expect(svg.all("polyline").map { $0.attributes["points"]?.split(separator: " ").count } == [2, 2])
        #expect(svg.all("circle").count == 6)
        #expect(svg.texts.contains("Revenue (EUR)"))
        #expect(Self.months.allSatisfy(svg.texts.contains))
        #expect(svg.texts.contains("Lisbon") && svg.texts.contains("Porto"))
        // Round ticks covering 80…300 in steps of 50.
        #expect(["50", "100", "150", "200", "250", "300"].allSatisfy(svg.texts.contains))
        #expect(svg.all("text").first?.text == "Revenue")
    }

    @Test("a bar chart draws one bar per defined value from zero, and the axis starts at zero")
    func barChart() throws {
        let svg = try #require(checkStandaloneSVG(Self.chart(.bar).svg(), title: "Revenue"))
        let bars = svg.all("rect").dropFirst().filter { Double($0.attributes["width"] ?? "") ?? 0 > 12 }
        #expect(bars.count == 6)
        #expect(svg.texts.contains("0"))
        // All bars stand on the same baseline: the bottom of the plot.
        let bottoms = Set(bars.map { (Double($0.attributes["y"] ?? "") ?? 0) + (Double($0.attributes["height"] ?? "") ?? 0) })
        #expect(bottoms.count == 1)
        // The tallest bar (300) reaches the top tick, whose label sits 4 px below its line.
        let topTick = try #require(svg.all("text").first { $0.text == "300" })
        let tallest = try #require(bars.min { (Double($0.attributes["y"] ?? "") ?? 0) < (Double($1.attributes["y"] ?? "") ?? 0) })
        #expect(Double(tallest.attributes["y"] ?? "") == (Double(topTick.attributes["y"] ?? "") ?? 0) - 4)
    }

    @Test("negative bars hang below the zero line")
    func negativeBars() throws {
        let chart = Chart(title: "Net", style: .bar, labels: ["a", "b"], valueAxis: "Net (EUR)",
                          series: [.init(name: "Net", values: [-50, 100])])
        let svg = try #require(checkStandaloneSVG(chart.svg(), title: "Net"))
        let bars = svg.all("rect").filter { $0.attributes["fill"] == SVGWriter.palette[0] && Double($0.attributes["width"] ?? "") ?? 0 > 12 }
        #expect(bars.count == 2)
        let negativeTop = Double(bars[0].attributes["y"] ?? "") ?? 0
        let positiveBottom = (Double(bars[1].attributes["y"] ?? "") ?? 0) + (Double(bars[1].attributes["height"] ?? "") ?? 0)
        #expect(abs(negativeTop - positiveBottom) < 0.01)
        #expect(svg.texts.contains("-50"))
    }

    @Test("text with XML specials is escaped and reads back unchanged")
    func escaping() throws {
        let title = "Tom's <b>&\"bold\"</b>"
        let chart = Chart(title: title, style: .line, labels: ["<jan>", "&feb"], valueAxis: "A \"unit\" <x>",
                          series: [.init(name: "R&D <team>", values: [1, 2])])
        let svg = try #require(checkStandaloneSVG(chart.svg(), title: title))
        #expect(svg.texts.contains(title))
        #expect(svg.texts.contains("<jan>") && svg.texts.contains("&feb"))
        #expect(svg.texts.contains("A \"unit\" <x>"))
        #expect(svg.texts.contains("R&D <team>"))
    }

    @Test("empty, all-nil, one-point and constant charts are valid SVG without NaN", arguments: Chart.Style.allCases)
    func degenerateCharts(style: Chart.Style) throws {
        let cases: [(String, [String], [Chart.Series])] = [
            ("no labels", [], [.init(name: "A", values: [])]),
            ("no series", Self.months, []),
            ("all nil", Self.months, [.init(name: "A", values: [nil, nil, nil, nil])]),
            ("one point", ["2025-01"], [.init(name: "A", values: [42])]),
            ("constant", Self.months, [.init(name: "A", values: [7, 7, 7, 7])]),
            ("all zero", Self.months, [.init(name: "A", values: [0, 0, 0, 0])]),
            ("non-finite", Self.months, [.init(name: "A", values: [.nan, .infinity, -.infinity, 1])]),
            ("huge", Self.months, [.init(name: "A", values: [-1e308, 1e308, .greatestFiniteMagnitude, 0])]),
            ("tiny", Self.months, [.init(name: "A", values: [.leastNonzeroMagnitude * 2_000, .leastNonzeroMagnitude * 4_000, 0, .leastNonzeroMagnitude])]),
            ("short series", Self.months, [.init(name: "A", values: [1])]),
        ]
        for (name, labels, series) in cases {
            let chart = Chart(title: name, style: style, labels: labels, valueAxis: "Value", series: series)
            let svg = chart.svg()
            let parsed = try #require(checkStandaloneSVG(svg, title: name))
            if series.allSatisfy({ $0.values.allSatisfy { $0 == nil || !$0!.isFinite } }) || labels.isEmpty {
                #expect(parsed.texts.contains("No data"), "\(name)")
            }
            #expect(svg == chart.svg(), "deterministic: \(name)")
        }
        let one = try #require(ParsedSVG(Chart(title: "one", style: style, labels: ["x"], valueAxis: "v",
                                               series: [.init(name: "A", values: [42])]).svg()))
        #expect(style == .line ? one.all("circle").count == 1 : one.all("rect").count == 3)
    }

    @Test("many labels are thinned so that they do not overlap")
    func labelThinning() throws {
        let labels = (0..<48).map { "2025-\($0)" }
        let chart = Chart(title: "Long", style: .line, labels: labels, valueAxis: "v",
                          series: [.init(name: "A", values: labels.indices.map(Double.init))])
        let svg = try #require(checkStandaloneSVG(chart.svg(), title: "Long"))
        let shown = svg.texts.filter { $0.hasPrefix("2025-") }
        #expect(shown.count < 48 && shown.count >= 6)
        #expect(shown.first == "2025-0")
    }

    @Test("the chart is as large as asked, within the minimum")
    func size() throws {
        let big = try #require(ParsedSVG(Self.chart(.bar).svg(width: 1000, height: 500)))
        #expect(big.elements.first?.attributes["width"] == "1000")
        #expect(big.elements.first?.attributes["height"] == "500")
        let tiny = try #require(checkStandaloneSVG(Self.chart(.line).svg(width: 1, height: -5), title: "Revenue"))
        #expect(tiny.elements.first?.attributes["width"] == "240")
    }
}
