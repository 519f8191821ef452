import DayClearStore
import TerminalUI

/// Aligns rows of cells (the header first, if any) into columns by display width, so Chinese lines
/// up; numeric columns to the right. A left-aligned last column is not padded, so no line ends in
/// spaces.
func alignedColumns(_ rows: [[String]], numeric: [Bool]) -> String {
    guard let first = rows.first else { return "" }
    let widths = first.indices.map { index in rows.map { DisplayWidth.of($0[index]) }.max() ?? 0 }
    return rows.map { row in
        row.indices.map { index in
            index == row.count - 1 && !numeric[index]
                ? row[index]
                : DisplayWidth.pad(row[index], to: widths[index], alignment: numeric[index] ? .right : .left)
        }.joined(separator: "  ")
    }.joined(separator: "\n")
}

/// Renders a table for the terminal.
func renderText(_ table: ListsTable) -> String {
    alignedColumns([table.columns.map(\.title)] + table.rows, numeric: table.columns.map(\.numeric))
}
