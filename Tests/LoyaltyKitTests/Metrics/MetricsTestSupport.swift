import Foundation
import LoyaltyKit

/// The business calendar of the metrics fixtures (Lisbon, as `local(...)`).
let lisbonCalendar = BusinessCalendar(timeZone: TZ.lisbon)

/// A feedback activity at a local date.
func feedback(
    _ id: Activity.ID, _ customer: Customer.ID = "ana", at date: Date, nps: Int? = nil, csat: Int? = nil, ces: Int? = nil,
    touchpoint: String? = nil, channel: Channel = .inStore
) -> Activity {
    Activity(id: id, customerID: customer, date: date, channel: channel,
             kind: .feedback(Feedback(nps: nps, csat: csat, ces: ces, touchpoint: touchpoint)))
}

/// NPS answers on one day, one customer each (`c0`, `c1`, …).
func npsAnswers(_ scores: [Int], at date: Date, prefix: String = "f") -> [Activity] {
    scores.enumerated().map { index, score in
        feedback(Activity.ID("\(prefix)\(index)"), Customer.ID("c\(index)"), at: date, nps: score)
    }
}
