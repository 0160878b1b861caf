/// One point per run second for the charts: the rows of every phase active in that second combined.
struct SecondTotals: Equatable {
    var second: Int
    var sent = 0
    var completed = 0
    var errors = 0
    var dropped = 0
    var p50Us: Int64 = 0
    var p90Us: Int64 = 0
    var p99Us: Int64 = 0
    var maxUs: Int64 = 0
    var uncorrectedP99Us: Int64 = 0
    var connections = 0
    var users = 0

    /// Errors over attempted requests (sent + dropped) in this second, as a percentage; 0 when nothing was due.
    var errorPercent: Double {
        let attempted = sent + dropped
        return attempted == 0 ? 0 : Double(errors) / Double(attempted) * 100
    }

    /// Counts add up. Percentiles of different phases cannot be merged from their summaries, so a second shared
    /// by two phases (only at a boundary) shows the worse of the two — the chart never hides a spike.
    static func byRunSecond(_ rows: [SecondRecord]) -> [SecondTotals] {
        var totals: [Int: SecondTotals] = [:]
        for row in rows {
            var total = totals[row.second] ?? SecondTotals(second: row.second)
            total.sent += row.sent
            total.completed += row.completed
            total.errors += row.errors
            total.dropped += row.dropped
            total.p50Us = max(total.p50Us, row.p50Us)
            total.p90Us = max(total.p90Us, row.p90Us)
            total.p99Us = max(total.p99Us, row.p99Us)
            total.maxUs = max(total.maxUs, row.maxUs)
            total.uncorrectedP99Us = max(total.uncorrectedP99Us, row.uncorrectedP99Us)
            total.connections += row.connections
            total.users += row.users
            totals[row.second] = total
        }
        return totals.values.sorted { $0.second < $1.second }
    }
}
