import Foundation

extension HoldoutEvaluation {
    /// A self-contained SVG 1.1 line chart of actual vs predicted mean holdout
    /// purchases by calibration frequency (no scripts, no external resources).
    /// - Parameter title: chart title (XML-escaped).
    public func svgChart(title: String = "Actual vs predicted repeat purchases in the holdout period") -> String {
        let width = 720.0, height = 440.0
        let left = 70.0, right = 180.0, top = 50.0, bottom = 60.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = max(groups.map { max($0.actualMean, $0.predictedMean) }.max() ?? 1, 1e-9)
        let step = AxisScale.niceStep(maximum / 5)
        let yMax = (maximum / step).rounded(.up) * step
        let n = max(groups.count - 1, 1)
        func xPosition(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(n) }
        func yPosition(_ value: Double) -> Double { top + plotHeight * (1 - value / yMax) }
        func number(_ value: Double) -> String { String(format: "%.2f", value) }
        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <title>\(XMLText.escape(title))</title>
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="white"/>
        <text x="\(number(width / 2))" y="28" text-anchor="middle" font-size="15">\(XMLText.escape(title))</text>

        """
        var tick = 0.0
        while tick <= yMax + step / 2 {
            let y = yPosition(tick)
            svg += "<line x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y))\" stroke=\"#dddddd\"/>\n"
            svg += "<text x=\"\(number(left - 8))\" y=\"\(number(y + 4))\" text-anchor=\"end\">\(String(format: "%g", tick))</text>\n"
            tick += step
        }
        for (index, group) in groups.enumerated() {
            let label = group.isOpenEnded ? "\(group.calibrationFrequency)+" : "\(group.calibrationFrequency)"
            svg += "<text x=\"\(number(xPosition(index)))\" y=\"\(number(top + plotHeight + 20))\" text-anchor=\"middle\">\(label)</text>\n"
        }
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(top + plotHeight))\" stroke=\"black\"/>\n"
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(top + plotHeight))\" stroke=\"black\"/>\n"
        svg += "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 18))\" text-anchor=\"middle\">Purchases in calibration period (repeat purchase days)</text>\n"
        svg += "<text transform=\"translate(20 \(number(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">Mean purchases in holdout (\(XMLText.escape(String(format: "%.1f", holdoutDuration))) \(timeUnit.rawValue))</text>\n"
        let series: [(String, String, String, (Group) -> Double)] = [
            ("Actual", "#1f77b4", "", { $0.actualMean }),
            ("Model prediction", "#d62728", " stroke-dasharray=\"6 4\"", { $0.predictedMean }),
        ]
        for (offset, (name, color, dash, value)) in series.enumerated() {
            let points = groups.enumerated().map { "\(number(xPosition($0.offset))),\(number(yPosition(value($0.element))))" }
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash) points=\"\(points.joined(separator: " "))\"/>\n"
            for (index, group) in groups.enumerated() {
                svg += "<circle cx=\"\(number(xPosition(index)))\" cy=\"\(number(yPosition(value(group))))\" r=\"3\" fill=\"\(color)\"/>\n"
            }
            let legendY = top + 20 + Double(offset) * 22
            svg += "<line x1=\"\(number(left + plotWidth + 15))\" y1=\"\(number(legendY))\" x2=\"\(number(left + plotWidth + 45))\" y2=\"\(number(legendY))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
            svg += "<text x=\"\(number(left + plotWidth + 52))\" y=\"\(number(legendY + 4))\">\(XMLText.escape(name))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
