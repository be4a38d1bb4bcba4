extension Heatmap {
    /// The heatmap as a standalone SVG 1.1 document: one coloured cell per defined value with
    /// the value written in it (per ``format``), row labels on the left, column labels on top,
    /// the title, and a legend of the colour scale from the smallest to the largest value.
    ///
    /// Colours run linearly from pale to dark blue over the range of the values; when all
    /// values are equal, every cell gets the middle colour. `nil` and non-finite values leave
    /// their cell blank (the future of a cohort). Rows shorter than ``columnLabels`` are padded
    /// with blanks; extra values are ignored. A heatmap without rows, columns or values shows
    /// "No data". The size follows from the labels and the number of cells.
    ///
    /// The output is deterministic, escapes every text and never contains NaN or infinities.
    /// - Parameters:
    ///   - cellWidth: the width of a cell in pixels (at least 16).
    ///   - cellHeight: the height of a cell in pixels (at least 12).
    /// - Returns: the SVG document, ending with a line feed.
    /// - Complexity: O(rows × columns).
    public func svg(cellWidth: Int = 56, cellHeight: Int = 26) -> String {
        let cellWidth = Double(max(cellWidth, 16)), cellHeight = Double(max(cellHeight, 12))
        let cells = rowLabels.indices.map { row in
            columnLabels.indices.map { column -> Double? in
                guard row < values.count, column < values[row].count, let value = values[row][column], value.isFinite else {
                    return nil
                }
                return value
            }
        }
        let finite = cells.flatMap { $0.compactMap { $0 } }
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        func shade(_ value: Double) -> Double {
            let t = (value - low) / (high - low)
            return t.isFinite ? min(max(t, 0), 1) : 0.5
        }
        let legendSteps = low == high ? 1 : 6
        let legendValues = (0..<legendSteps).map { step in
            legendSteps == 1 ? high : high - (high - low) * Double(step) / Double(legendSteps - 1)
        }

        let rowLabelWidth = rowLabels.map { SVGWriter.estimatedWidth(of: $0) }.max() ?? 0
        let legendLabelWidth = legendValues.map { SVGWriter.estimatedWidth(of: format.text($0)) }.max() ?? 0
        let left = 20 + rowLabelWidth, top = 70.0
        let gridWidth = cellWidth * Double(columnLabels.count), gridHeight = cellHeight * Double(rowLabels.count)
        let legendX = left + max(gridWidth, 80) + 24
        let width = max(legendX + 20 + legendLabelWidth + 20, SVGWriter.estimatedWidth(of: title, fontSize: 16) + 40)
        let height = top + max(gridHeight, 18 * Double(legendSteps), 40) + 30

        var svg = SVGWriter(width: width, height: height, title: title)
        svg.text(title, x: width / 2, y: 28, anchor: .middle, size: 16)
        for (column, label) in columnLabels.enumerated() {
            svg.text(label, x: left + cellWidth * (Double(column) + 0.5), y: top - 8, anchor: .middle)
        }
        for (row, label) in rowLabels.enumerated() {
            let y = top + cellHeight * Double(row)
            svg.text(label, x: left - 8, y: y + cellHeight / 2 + 4, anchor: .end)
            for (column, value) in cells[row].enumerated() {
                guard let value else { continue }
                let t = shade(value)
                let x = left + cellWidth * Double(column)
                svg.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: Self.color(t), stroke: "white")
                svg.text(format.text(value), x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: .middle, size: 11,
                         fill: t > 0.5 ? "white" : SVGWriter.textColor)
            }
        }
        if finite.isEmpty {
            svg.text("No data", x: left + max(gridWidth, 80) / 2, y: top + max(gridHeight, 40) / 2 + 4, anchor: .middle,
                     size: 14, fill: "#888888")
        } else {
            for (step, value) in legendValues.enumerated() {
                let y = top + 18 * Double(step)
                svg.rect(x: legendX, y: y, width: 16, height: 18, fill: Self.color(shade(value)))
                svg.text(format.text(value), x: legendX + 22, y: y + 13)
            }
        }
        return svg.finished()
    }

    /// The colour of a shade in 0...1: from `#deebf7` (pale blue) to `#08306b` (dark blue).
    static func color(_ t: Double) -> String {
        let from: [Double] = [222, 235, 247], to: [Double] = [8, 48, 107]
        let hex = Array("0123456789abcdef")
        var text = "#"
        for channel in 0..<3 {
            let value = Int((from[channel] + (to[channel] - from[channel]) * t).rounded())
            let clamped = min(max(value, 0), 255)
            text.append(hex[clamped / 16])
            text.append(hex[clamped % 16])
        }
        return text
    }
}
