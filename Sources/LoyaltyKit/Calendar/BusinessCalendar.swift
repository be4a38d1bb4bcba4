import Foundation

/// Calendar arithmetic in the business's time zone, fast enough for the hot path.
///
/// Month buckets, birthday months, weekdays, "end of the month" expiry and rolling windows
/// all depend on the local calendar of the business, not on UTC and not on the device.
/// `BusinessCalendar` converts instants to civil dates with a precomputed table of the time
/// zone's UTC offsets (1900–2200) indexed by 24-day buckets, so a conversion is a table
/// lookup and integer arithmetic instead of a call into the time zone database.
public struct BusinessCalendar: Sendable, Hashable {
    /// The business's time zone.
    public let timeZone: TimeZone
    /// Instants (seconds since 1970) at which the UTC offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[i]` is the offset (seconds east of UTC) from `transitions[i - 1]` until `transitions[i]`;
    /// `offsets[0]` applies before the first transition.
    private let offsets: [Int64]
    /// `buckets[k]` is the number of transitions at or before the start of bucket `k`, where
    /// bucket `k` starts `k << bucketShift` seconds after ``tableStart``.
    private let buckets: [Int32]

    private static let tableStart: Int64 = -2_208_988_800  // 1900-01-01T00:00:00Z
    private static let tableEnd: Int64 = 7_258_118_400  // 2200-01-01T00:00:00Z
    private static let bucketShift: Int64 = 21  // 2,097,152 s ≈ 24 days: at most one transition apart

    /// Creates a calendar for a time zone.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        let start = Date(timeIntervalSince1970: Double(Self.tableStart))
        let end = Double(Self.tableEnd)
        var transitions: [Int64] = []
        var offsets: [Int64] = [Int64(timeZone.secondsFromGMT(for: start))]
        var cursor = start
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
              next.timeIntervalSince1970 < end, next > cursor
        {
            transitions.append(Int64(next.timeIntervalSince1970.rounded(.down)))
            offsets.append(Int64(timeZone.secondsFromGMT(for: next)))
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        let count = Int((Self.tableEnd - Self.tableStart) >> Self.bucketShift) + 1
        var buckets = [Int32](repeating: 0, count: count)
        var passed = 0
        for bucket in 0..<count {
            let bucketStart = Self.tableStart + (Int64(bucket) << Self.bucketShift)
            while passed < transitions.count, transitions[passed] <= bucketStart { passed += 1 }
            buckets[bucket] = Int32(passed)
        }
        self.buckets = buckets
    }

    /// UTC.
    public static let utc = BusinessCalendar(timeZone: TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current)

    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZone.identifier == rhs.timeZone.identifier
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(timeZone.identifier) }

    /// The UTC offset in seconds at an instant (seconds since 1970).
    @inline(__always)
    func offset(atUTC seconds: Int64) -> Int64 {
        let bucket = (seconds - Self.tableStart) >> Self.bucketShift
        if bucket >= 0, bucket < Int64(buckets.count) {
            var index = Int(buckets[Int(bucket)])
            while index < transitions.count, transitions[index] <= seconds { index += 1 }
            return offsets[index]
        }
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= seconds { low = mid + 1 } else { high = mid }
        }
        return offsets[low]
    }

    /// Seconds since 1970, rounded down, of a date.
    @inline(__always)
    static func seconds(_ date: Date) -> Int64 {
        let value = date.timeIntervalSince1970.rounded(.down)
        return value.isFinite && abs(value) < 1e15 ? Int64(value) : 0
    }

    /// The local day number (days since 1970-01-01 in the business's zone) of an instant.
    @inline(__always)
    public func dayNumber(of date: Date) -> Int {
        let utc = Self.seconds(date)
        let local = utc + offset(atUTC: utc)
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The local civil date of an instant.
    public func civilDate(of date: Date) -> CivilDate { CivilDate(dayNumber: dayNumber(of: date)) }

    /// The local month index (`year * 12 + month - 1`) of an instant.
    public func monthIndex(of date: Date) -> Int { civilDate(of: date).monthIndex }

    /// The instant at which a local day starts (local midnight; the first existing instant
    /// of the day when midnight falls in a DST gap).
    public func startOfDay(_ day: CivilDate) -> Date { instant(dayNumber: day.dayNumber, secondOfDay: 0) }

    /// The instant at which a local month starts.
    public func startOfMonth(index: Int) -> Date { startOfDay(CivilDate.firstDay(ofMonthIndex: index)) }

    /// The instant of a local wall-clock time on a day. A time that does not exist (inside a
    /// spring-forward gap) moves forward by the gap.
    public func date(_ day: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
        instant(dayNumber: day.dayNumber, secondOfDay: Int64(hour * 3600 + minute * 60 + second))
    }

    /// The instant of a local wall-clock time.
    ///
    /// The offsets in force a day before and a day after the wall-clock time give at most two
    /// candidate instants. A valid one (whose offset maps it back to the wall-clock time) wins,
    /// the earlier when both are (a fall-back overlap); when neither is (a spring-forward gap),
    /// the time is read with the offset before the gap, which moves it forward by the gap.
    func instant(dayNumber: Int, secondOfDay: Int64) -> Date {
        let local = Int64(dayNumber) * 86_400 + secondOfDay
        let before = offset(atUTC: local - 86_400 - 14 * 3600)
        let after = offset(atUTC: local + 86_400 + 14 * 3600)
        let early = local - before
        let late = local - after
        let earlyValid = offset(atUTC: early) == before
        let lateValid = offset(atUTC: late) == after
        let utc: Int64
        switch (earlyValid, lateValid) {
        case (true, true): utc = min(early, late)
        case (true, false): utc = early
        case (false, true): utc = late
        case (false, false): utc = early
        }
        return Date(timeIntervalSince1970: Double(utc))
    }

    /// The same local wall-clock time `days` days later (or earlier).
    public func adding(days: Int, to date: Date) -> Date {
        let utc = Self.seconds(date)
        let fraction = date.timeIntervalSince1970 - Double(utc)
        let local = utc + offset(atUTC: utc)
        let day = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = local - Int64(day) * 86_400
        return instant(dayNumber: day + days, secondOfDay: secondOfDay).addingTimeInterval(fraction)
    }

    /// The same local wall-clock time `months` calendar months later, with the day clamped
    /// to the length of the target month (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int, to date: Date) -> Date {
        let utc = Self.seconds(date)
        let fraction = date.timeIntervalSince1970 - Double(utc)
        let local = utc + offset(atUTC: utc)
        let day = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        let secondOfDay = local - Int64(day) * 86_400
        let target = CivilDate(dayNumber: day).addingMonths(months)
        return instant(dayNumber: target.dayNumber, secondOfDay: secondOfDay).addingTimeInterval(fraction)
    }
}
