import Foundation

/// Names scheduled backups after the time they were taken and picks the ones to delete, keeping the newest `keep`.
/// Pure, so it is tested without waiting.
public enum BackupRetention {
    static let prefix = "backup-"

    /// `backup-20261127T120000Z`: sorts by time as text, and is safe in every file system.
    public static func directoryName(for date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return
            "\(prefix)\(String(format: "%04d", c.year ?? 0))\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    /// The scheduled-backup directories among `names` that fall outside the newest `keep`; others are never touched.
    public static func expired(_ names: [String], keep: Int) -> [String] {
        let backups = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix("Z") }.sorted()
        return Array(backups.dropLast(max(keep, 0)))
    }
}
