extension Chart {
    /// The chart as a standalone SVG 1.1 document: title, value axis with round ticks and its
    /// caption, x labels, grid, legend, and the series as lines (with a dot at each value) or
    /// as grouped bars.
    ///
    /// `nil` and non-finite values are gaps: a line breaks there and no bar is drawn. Bars start
    /// at zero (the value axis always includes it); a line chart's axis covers just the data.
    /// When there are many x labels only every n-th is written, so that they do not overlap.
    /// A series with fewer values than there are labels is padded with gaps; extra values are
    /// ignored. A chart without labels or values shows "No data".
    ///
    /// The output is deterministic (the same chart gives the same bytes), escapes every text,
    /// and never contains NaN or infinities. Colours repeat after ten series, dashed the second time.
    /// - Parameters:
    ///   - width: the width in pixels (at least 240).
    ///   - height: the height in pixels (at least 180).
    /// - Returns: the SVG document, ending with a line feed.
    /// - Complexity: O(labels × series).
    public func svg(width: Int = 720, height: Int = 400) -> String {
        let width = Double(max(width, 240)), height = Double(max(height, 180))
        let values = series.map { series in
            labels.indices.map { index -> Double? in
                guard index < series.values.count, let value = series.values[index], value.isFinite else { return nil }
                return value
            }
        }
        let finite = values.flatMap { $0.compactMap { $0 } }
        let scale = AxisScale(covering: finite, includingZero: style == .bar)
        let ticks = scale.ticks

        let tickLabelWidth = ticks.map { SVGWriter.estimatedWidth(of: scale.label($0)) }.max() ?? 0
        let legendWidth = series.isEmpty ? 0
            : min(width * 0.4, 44 + (series.map { SVGWriter.estimatedWidth(of: $0.name) }.max() ?? 0))
        let left = 40 + tickLabelWidth, right = 20 + legendWidth, top = 50.0, bottom = 40.0
        let plotWidth = max(width - left - right, 40), plotHeight = height - top - bottom
        func y(_ value: Double) -> Double { top + plotHeight * (1 - scale.fraction(of: value)) }
        let band = plotWidth / Double(max(labels.count, 1))
        func x(_ index: Int) -> Double { left + band * (Double(index) + 0.5) }

        var svg = SVGWriter(width: width, height: height, title: title)
        svg.text(title, x: width / 2, y: 28, anchor: .middle, size: 16)
        for tick in ticks {
            svg.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: "#e0e0e0")
            svg.text(scale.label(tick), x: left - 8, y: y(tick) + 4, anchor: .end)
        }
        svg.verticalText(valueAxis, x: 16, y: top + plotHeight / 2)
        let labelWidth = (labels.map { SVGWriter.estimatedWidth(of: $0) }.max() ?? 0) + 8
        let every = max(1, Int((labelWidth / band).rounded(.up)))
        for (index, label) in labels.enumerated() where index % every == 0 {
            svg.text(label, x: x(index), y: top + plotHeight + 18, anchor: .middle)
        }
        let baseline = y(min(max(0, scale.lower), scale.upper))
        svg.line(x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: SVGWriter.textColor)
        svg.line(x1: left, y1: baseline, x2: left + plotWidth, y2: baseline, stroke: SVGWriter.textColor)

        if finite.isEmpty {
            svg.text("No data", x: left + plotWidth / 2, y: top + plotHeight / 2, anchor: .middle, size: 14, fill: "#888888")
        }
        for (offset, seriesValues) in values.enumerated() {
            let color = SVGWriter.palette[offset % SVGWriter.palette.count]
            let dash = offset / SVGWriter.palette.count % 2 == 1 ? "6 3" : nil
            switch style {
            case .line:
                var run: [(x: Double, y: Double)] = []
                for index in 0...seriesValues.count {
                    if index < seriesValues.count, let value = seriesValues[index] {
                        run.append((x(index), y(value)))
                    } else {
                        if run.count > 1 { svg.polyline(run, stroke: color, dash: dash) }
                        run.removeAll()
                    }
                }
                for (index, value) in seriesValues.enumerated() {
                    if let value { svg.circle(x: x(index), y: y(value), radius: 3, fill: color) }
                }
            case .bar:
                let group = band * 0.8
                let barWidth = group / Double(values.count)
                for (index, value) in seriesValues.enumerated() {
                    guard let value else { continue }
                    let top = min(y(value), baseline), bottom = max(y(value), baseline)
                    svg.rect(x: x(index) - group / 2 + Double(offset) * barWidth, y: top, width: barWidth, height: bottom - top,
                             fill: color)
                }
            }
            let legendX = left + plotWidth + 20, legendY = top + 10 + Double(offset) * 20
            switch style {
            case .line: svg.line(x1: legendX, y1: legendY, x2: legendX + 24, y2: legendY, stroke: color, width: 2, dash: dash)
            case .bar: svg.rect(x: legendX + 6, y: legendY - 6, width: 12, height: 12, fill: color)
            }
            svg.text(series[offset].name, x: legendX + 30, y: legendY + 4)
        }
        return svg.finished()
    }
}
