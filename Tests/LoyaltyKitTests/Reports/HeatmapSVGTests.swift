import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Heatmap SVG")
struct HeatmapSVGTests {
    static let retention = Heatmap(
        title: "Cohort retention", rowLabels: ["2025-01", "2025-02", "2025-03"], columnLabels: ["+0", "+1", "+2"],
        values: [[1, 0.45, 0.3], [1, 0.5, nil], [1, nil, nil]], format: .percent(fractionDigits: 0))

    @Test("one coloured cell with its value per defined value, labels on both axes, and a legend")
    func cohortMatrix() throws {
        let svg = try #require(checkStandaloneSVG(Self.retention.svg(), title: "Cohort retention"))
        let cells = svg.all("rect").filter { $0.attributes["stroke"] == "white" }
        #expect(cells.count == 6)
        #expect(svg.texts.filter { $0 == "100%" }.count >= 3)
        #expect(["45%", "30%", "50%"].allSatisfy(svg.texts.contains))
        #expect(["2025-01", "2025-02", "2025-03", "+0", "+1", "+2"].allSatisfy(svg.texts.contains))
        // The largest value is darkest, the smallest palest.
        let fills = Dictionary(zip(cells.map { $0.attributes["fill"] ?? "" }, cells.map { $0 }), uniquingKeysWith: { a, _ in a })
        #expect(fills["#08306b"] != nil)
        #expect(fills["#deebf7"] != nil)
        // The legend runs from the largest to the smallest value.
        let legend = svg.all("rect").filter { $0.attributes["width"] == "16" }
        #expect(legend.count == 6)
        #expect(legend.first?.attributes["fill"] == "#08306b")
        #expect(legend.last?.attributes["fill"] == "#deebf7")
    }

    @Test("decimal formats print the cell's digits")
    func decimalFormat() throws {
        let map = Heatmap(title: "Spend", rowLabels: ["a"], columnLabels: ["x", "y"], values: [[2.675, 10]],
                          format: .decimal(fractionDigits: 2))
        let svg = try #require(checkStandaloneSVG(map.svg(), title: "Spend"))
        #expect(svg.texts.contains("2.68") && svg.texts.contains("10.00"))
    }

    @Test("empty, all-nil, one-cell, constant and ragged heatmaps are valid SVG without NaN")
    func degenerate() throws {
        let cases: [(String, [String], [String], [[Double?]])] = [
            ("no rows", [], ["+0"], []),
            ("no columns", ["a"], [], [[]]),
            ("all nil", ["a", "b"], ["x", "y"], [[nil, nil], [nil, nil]]),
            ("one cell", ["a"], ["x"], [[0.5]]),
            ("constant", ["a", "b"], ["x", "y"], [[1, 1], [1, 1]]),
            ("ragged", ["a", "b", "c"], ["x", "y"], [[1, 2, 3], [4]]),
            ("non-finite", ["a"], ["x", "y", "z"], [[.nan, .infinity, 2]]),
            ("huge", ["a"], ["x", "y"], [[-1e308, 1e308]]),
        ]
        for (name, rows, columns, values) in cases {
            let map = Heatmap(title: name, rowLabels: rows, columnLabels: columns, values: values, format: .percent(fractionDigits: 1))
            let svg = map.svg()
            let parsed = try #require(checkStandaloneSVG(svg, title: name))
            let hasValue = values.prefix(rows.count).contains { $0.prefix(columns.count).contains { $0?.isFinite == true } }
            #expect(parsed.texts.contains("No data") == !hasValue, "\(name)")
            #expect(svg == map.svg(), "deterministic: \(name)")
        }
    }

    @Test("labels and title with XML specials are escaped and read back unchanged")
    func escaping() throws {
        let map = Heatmap(title: "<Cohorts> & \"friends\"", rowLabels: ["a&b"], columnLabels: ["<+0>"], values: [[1]],
                          format: .percent(fractionDigits: 0))
        let svg = try #require(checkStandaloneSVG(map.svg(), title: "<Cohorts> & \"friends\""))
        #expect(svg.texts.contains("a&b") && svg.texts.contains("<+0>"))
    }
}

@Suite("Heatmap as a table")
struct HeatmapTableTests {
    @Test("the cohort matrix becomes a table with a label column and percentages")
    func retentionTable() {
        #expect(HeatmapSVGTests.retention.table(rowHeading: "Cohort").plainText() == """
            Cohort retention
            Cohort   +0 (%)  +1 (%)  +2 (%)
            -------  ------  ------  ------
            2025-01     100      45      30
            2025-02     100      50
            2025-03     100

            """)
    }
}
