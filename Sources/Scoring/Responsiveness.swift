import Domain
import Foundation

/// Responsiveness figures of one window. Definitions in docs/metrics.md.
public struct ResponsivenessFigures: Sendable, Hashable {
    /// Messages sent in the window.
    public var messages = 0
    public var answered = 0
    /// Unanswered at the as-of instant and older than the SLA: breaches, in the median with their age.
    public var unansweredOverdue = 0
    /// Unanswered but younger than the SLA: not judged yet.
    public var pending = 0
    public var medianResponseHours: Double?
    /// Share of judged messages (answered + overdue) answered within the SLA.
    public var withinSLARate: Double?
    /// Share of judged messages still unanswered past the SLA.
    public var unansweredShare: Double?
    /// Ids of the overdue unanswered messages, oldest first.
    public var overdueIds: [String] = []

    public var judged: Int { answered + unansweredOverdue }
}

struct ResponsivenessCalculator {
    var config: ScoringConfig

    func figures(_ messages: [Communication], window: DayWindow, at instant: Date) -> ResponsivenessFigures {
        var f = ResponsivenessFigures()
        var hours: [Double] = []
        var within = 0
        var overdue: [(Date, String)] = []
        for m in messages where window.contains(m.sentOn) && m.sentAt <= instant {
            f.messages += 1
            if let r = m.respondedAt, r <= instant {
                let h = r.timeIntervalSince(m.sentAt) / 3600
                f.answered += 1
                hours.append(h)
                if h <= config.responseSLAHours { within += 1 }
            } else {
                let age = instant.timeIntervalSince(m.sentAt) / 3600
                if age > config.responseSLAHours {
                    f.unansweredOverdue += 1
                    hours.append(age)
                    overdue.append((m.sentAt, m.communicationId))
                } else {
                    f.pending += 1
                }
            }
        }
        f.medianResponseHours = Stats.median(hours)
        f.withinSLARate = Stats.ratio(within, f.judged)
        f.unansweredShare = Stats.ratio(f.unansweredOverdue, f.judged)
        f.overdueIds = overdue.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
        return f
    }
}
