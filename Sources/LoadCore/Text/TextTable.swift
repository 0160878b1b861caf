/// The one text-table renderer of the terminal outputs (run summary, gate, runs, compare, chaos): each column padded
/// to its widest cell, columns two spaces apart, no trailing spaces, one line per row.
public enum TextTable {
    /// `rows[0]` is usually the header. With `rightAlignNumbers`, a cell starting with a digit is right-aligned in
    /// its column so magnitudes line up; other cells are left-aligned.
    public static func render(_ rows: [[String]], rightAlignNumbers: Bool = false) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var text = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                if index > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                let numeric = rightAlignNumbers && (cell.first?.isNumber ?? false)
                line += numeric ? padding + cell : cell + padding
            }
            while line.last == " " { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
