import DayClearStore
import TerminalUI

/// Renders a table for the terminal, aligned by display width so Chinese lines up.
func renderText(_ table: ListsTable) -> String {
    let widths = table.columns.indices.map { index in
        ([table.columns[index].title] + table.rows.map { $0[index] }).map(DisplayWidth.of).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
        zip(cells, zip(widths, table.columns)).map { cell, layout in
            DisplayWidth.pad(cell, to: layout.0, alignment: layout.1.numeric ? .right : .left)
        }.joined(separator: "  ")
    }
    return ([line(table.columns.map(\.title))] + table.rows.map(line)).joined(separator: "\n")
}
