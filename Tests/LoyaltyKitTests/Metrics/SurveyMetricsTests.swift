import Foundation
import LoyaltyKit
import Testing

@Suite("Survey KPIs: NPS, CSAT, CES")
struct SurveyMetricsTests {
    @Test("NPS counts 9–10 as promoters and 0–6 as detractors, passives only in the denominator")
    func npsCounts() throws {
        var nps = NPSAccumulator(calendar: lisbonCalendar)
        try nps.add(contentsOf: npsAnswers([10, 9, 9, 10, 9, 7, 8, 6, 0, 5], at: local(2025, 3, 1)))
        let result = nps.result()
        #expect(result.promoters == 5)
        #expect(result.passives == 2)
        #expect(result.detractors == 3)
        #expect(result.responses == 10)
        #expect(result.net == 2)
        #expect(result.score == 20)
    }

    @Test("the NPS margin of error follows the multinomial variance (p₊ + p₋ − (p₊ − p₋)²) / n")
    func npsMarginOfError() throws {
        var nps = NPSAccumulator(calendar: lisbonCalendar)
        try nps.add(contentsOf: npsAnswers([10, 9, 9, 10, 9, 7, 8, 6, 0, 5], at: local(2025, 3, 1)))
        let result = nps.result()
        // p₊ = 0.5, p₋ = 0.3: variance (0.8 − 0.04) / 10 = 0.076.
        let expected = 1.959963984540054 * 100 * 0.076.squareRoot()
        #expect(abs((result.marginOfError() ?? 0) - expected) < 1e-9)
        #expect(abs((result.marginOfError(z: 1) ?? 0) - 100 * 0.076.squareRoot()) < 1e-9)
        let interval = try #require(result.confidenceInterval95)
        #expect(abs(interval.lowerBound - (20 - expected)) < 1e-9)
        #expect(abs(interval.upperBound - (20 + expected)) < 1e-9)
    }

    @Test("an NPS without answers has no score and no margin; unanimous answers have a zero margin")
    func npsEdgeCases() throws {
        var empty = NPSAccumulator(calendar: lisbonCalendar)
        try empty.add(.visit(id: "v", customer: "ana", date: local(2025, 1, 1)))
        #expect(empty.result().score == nil && empty.result().marginOfError() == nil)
        var unanimous = NPSAccumulator(calendar: lisbonCalendar)
        try unanimous.add(contentsOf: npsAnswers([10, 9, 10], at: local(2025, 1, 1)))
        #expect(unanimous.result().score == 100)
        #expect(unanimous.result().marginOfError() == 0)
    }

    @Test("an answer outside the scale is an error that counts nothing")
    func npsOutOfScale() throws {
        var nps = NPSAccumulator(calendar: lisbonCalendar)
        try nps.add(feedback("ok", at: local(2025, 1, 1), nps: 9))
        let error = expectError(.invalidData) { try nps.add(feedback("bad", at: local(2025, 1, 2), nps: 11)) }
        #expect(error?.activityID == "bad")
        #expect(nps.result().responses == 1)
        #expect(nps.trend().months.count == 1)
    }

    @Test("filters keep only the period, channels, touchpoints and segment asked for")
    func filters() throws {
        let activities = [
            feedback("a", "ana", at: local(2025, 1, 10), nps: 10, touchpoint: "check-out", channel: .app),
            feedback("b", "ben", at: local(2025, 2, 10), nps: 0, touchpoint: "check-out", channel: .email),
            feedback("c", "cai", at: local(2025, 2, 11), nps: 9, touchpoint: "restaurant", channel: .app),
            feedback("d", "dee", at: local(2025, 3, 10), nps: 3, channel: .app),
        ]
        func score(_ filter: ActivityFilter) throws -> NetPromoterScore {
            var nps = NPSAccumulator(filter: filter, calendar: lisbonCalendar)
            try nps.add(contentsOf: activities)
            return nps.result()
        }
        #expect(try score(.all).responses == 4)
        #expect(try score(ActivityFilter(period: local(2025, 2, 1)..<local(2025, 3, 1))).responses == 2)
        #expect(try score(ActivityFilter(channels: [.app])).score == 100 * (2 - 1) / 3.0)
        #expect(try score(ActivityFilter(touchpoints: ["check-out"])).score == 0)
        let vip = CustomerSegment(name: "VIP", customers: ["ana", "cai"])
        #expect(try score(ActivityFilter(segment: vip)).score == 100)
        let labels = CustomerSegment(name: "late") { $0 == "dee" ? "late" : nil }
        #expect(try score(ActivityFilter(segment: labels)).detractors == 1)
    }

    @Test("the monthly trend covers every month from the first answer to the last, in the business's time zone")
    func monthlyTrend() throws {
        var nps = NPSAccumulator(calendar: lisbonCalendar)
        // 31 January 23:30 UTC is already 1 February in Tokyo but still January in Lisbon.
        try nps.add(feedback("a", at: utc("2025-01-31T23:30:00Z"), nps: 10))
        try nps.add(feedback("b", at: local(2025, 3, 5), nps: 2))
        try nps.add(feedback("c", at: local(2025, 3, 6), nps: 9))
        let trend = nps.trend()
        #expect(trend.labels == ["2025-01", "2025-02", "2025-03"])
        #expect(trend.values.map(\.score) == [100, nil, 0])
        var tokyo = NPSAccumulator(calendar: BusinessCalendar(timeZone: TZ.tokyo))
        try tokyo.add(feedback("a", at: utc("2025-01-31T23:30:00Z"), nps: 10))
        #expect(tokyo.trend().labels == ["2025-02"])
        let chart = trend.chart()
        #expect(chart.style == .line && chart.series[0].values == [100, nil, 0])
        #expect(trend.table.rows.count == 3)
        #expect(trend.table.rows[1][5] == .empty)
    }

    @Test("the NPS table has the counts, the score and its margin with units")
    func npsTable() throws {
        var nps = NPSAccumulator(calendar: lisbonCalendar)
        try nps.add(contentsOf: npsAnswers([10, 0], at: local(2025, 1, 1)))
        let table = nps.result().table
        #expect(table.columns.map(\.unit) == [nil, nil, nil, nil, "points", "points"])
        #expect(table.rows == [[.integer(2), .integer(1), .integer(0), .integer(1), .decimal(0, fractionDigits: 1),
                               .decimal(1.959963984540054 * 100 * 0.5.squareRoot(), fractionDigits: 1)]])
    }

    @Test("CSAT is the share of answers at or above the threshold; the mean is separate")
    func csatDefault() throws {
        var csat = CSATAccumulator(calendar: lisbonCalendar)
        for (index, score) in [5, 4, 3, 2, 5, 1, 4, 4].enumerated() {
            try csat.add(feedback(Activity.ID("s\(index)"), at: local(2025, 1, 1), csat: score))
        }
        let result = csat.result()
        #expect(result.responses == 8)
        #expect(result.satisfied == 5)
        #expect(result.share == 5.0 / 8)
        #expect(result.mean == 28.0 / 8)
        #expect(result.table.rows[0][2] == .percent(0.625, fractionDigits: 1))
    }

    @Test("CSAT takes its scale and threshold as parameters")
    func csatCustomScale() throws {
        let tenPoint = try CSATScale(range: 1...10, satisfiedFrom: 9)
        var csat = CSATAccumulator(scale: tenPoint, calendar: lisbonCalendar)
        for (index, score) in [10, 9, 8, 7].enumerated() {
            try csat.add(feedback(Activity.ID("s\(index)"), at: local(2025, 1, 1), csat: score))
        }
        #expect(csat.result().share == 0.5)
        expectError(.invalidInput) { _ = try CSATScale(range: 1...5, satisfiedFrom: 6) }
        expectError(.invalidInput) { _ = try CSATScale(range: 3...3, satisfiedFrom: 3) }
        var five = CSATAccumulator(calendar: lisbonCalendar)
        expectError(.invalidData) { try five.add(feedback("x", at: local(2025, 1, 1), csat: 9)) }
    }

    @Test("CES 2.0 is the mean of 1–7 agreement; easy is 5–7, difficult 1–3, 4 neutral")
    func cesDefault() throws {
        var ces = CESAccumulator(calendar: lisbonCalendar)
        for (index, score) in [7, 6, 5, 4, 3, 1, 7, 7].enumerated() {
            try ces.add(feedback(Activity.ID("e\(index)"), at: local(2025, 1, 1), ces: score))
        }
        let result = ces.result()
        #expect(result.mean == 40.0 / 8)
        #expect(result.easy == 5 && result.difficult == 2)
        #expect(result.shareEasy == 5.0 / 8)
        #expect(result.netEasy == 3.0 / 8)
        #expect(result.value(.mean) == result.mean)
    }

    @Test("CES direction decides which end is easy", arguments: [
        (1...7, CESScale.Direction.higherIsEasier, 5...7, 1...3),
        (1...5, .lowerIsEasier, 1...2, 4...5),
        (1...10, .higherIsEasier, 6...10, 1...5),
        (-4...(-1), .higherIsEasier, -2...(-1), -4...(-3)),
    ])
    func cesDirection(range: ClosedRange<Int>, direction: CESScale.Direction, easy: ClosedRange<Int>, difficult: ClosedRange<Int>) throws {
        let scale = try CESScale(range: range, direction: direction)
        // Answers only on the expected easy side count as easy; only those on the difficult side as difficult.
        var ces = CESAccumulator(scale: scale, calendar: lisbonCalendar)
        for score in range { try ces.add(feedback(Activity.ID("e\(score)"), at: local(2025, 1, 1), ces: score)) }
        #expect(ces.result().easy == easy.count)
        #expect(ces.result().difficult == difficult.count)
        var easyOnly = CESAccumulator(scale: scale, calendar: lisbonCalendar)
        for score in easy { try easyOnly.add(feedback(Activity.ID("e\(score)"), at: local(2025, 1, 1), ces: score)) }
        #expect(easyOnly.result().shareEasy == 1 && easyOnly.result().difficult == 0)
        var difficultOnly = CESAccumulator(scale: scale, calendar: lisbonCalendar)
        for score in difficult { try difficultOnly.add(feedback(Activity.ID("d\(score)"), at: local(2025, 1, 1), ces: score)) }
        #expect(difficultOnly.result().netEasy == -1)
    }

    @Test("the original CES is 1–5 with lower meaning less effort")
    func cesOriginal() throws {
        var ces = CESAccumulator(scale: .original, calendar: lisbonCalendar)
        for (index, score) in [1, 2, 2, 5].enumerated() {
            try ces.add(feedback(Activity.ID("e\(index)"), at: local(2025, 1, 1), ces: score))
        }
        #expect(ces.result().mean == 2.5)
        #expect(ces.result().shareEasy == 0.75)
        #expect(ces.result().netEasy == 0.5)
        #expect(ces.trend().chart(.shareEasy).series[0].values == [75])
    }
}
