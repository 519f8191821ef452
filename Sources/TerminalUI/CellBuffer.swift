/// A frame of terminal cells in memory: what widgets draw into and what a backend shows.
///
/// Rendering is immediate-mode: each frame, the app draws everything into a fresh buffer and
/// hands it to a `TerminalBackend`. Every write goes through `put`, which keeps wide glyphs whole:
/// a wide glyph's second column is a continuation cell, a glyph never hangs over an edge, and
/// overwriting one half of a wide glyph blanks the other half.
public struct CellBuffer: Sendable, Hashable {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// The cells, row by row.
    private var cells: [Cell]

    /// Creates a buffer of blank cells; a negative size becomes zero.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at (0, 0).
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x` of row `y`; both must lie inside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) is outside the buffer")
        return cells[y * width + x]
    }

    // MARK: - Writing

    /// Writes text into row `y` from column `x`, one grapheme cluster at a time, and returns the
    /// number of columns it advanced.
    ///
    /// Writing stops at the right edge of the buffer and after `maxWidth` columns. A wide glyph
    /// that would cross that limit (or the left edge) is replaced by spaces in the columns it
    /// would have covered, so no half glyph is ever shown. Zero-width clusters (controls, a
    /// combining mark with nothing before it) are skipped. A row outside the buffer writes nothing.
    @discardableResult
    public mutating func put(
        _ text: String,
        x: Int,
        y: Int,
        style: Style = Style(),
        maxWidth: Int? = nil
    ) -> Int {
        guard y >= 0 && y < height else {
            return 0
        }
        let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
        var column = x
        /// Writes one cluster; false once the limit is reached.
        func write(_ grapheme: Character, width graphemeWidth: Int) -> Bool {
            if column >= limit {
                return false
            }
            if column + graphemeWidth > limit {
                // A wide glyph crossing the limit: blank the part that would have shown.
                blank(columns: column..<limit, row: y, style: style)
                column = limit
                return false
            }
            if column < 0 {
                // A glyph crossing the left edge: blank the part inside the buffer.
                blank(columns: column..<(column + graphemeWidth), row: y, style: style)
            } else {
                place(Cell(grapheme: String(grapheme), width: graphemeWidth, style: style), at: column, row: y)
            }
            column += graphemeWidth
            return true
        }
        if DisplayWidth.isSimple(text) {
            // Each scalar is a cluster of its own: no grapheme breaking.
            for scalar in text.unicodeScalars {
                guard write(Character(scalar), width: DisplayWidth.simpleWidth(scalar.value) ?? 1) else { break }
            }
        } else {
            for grapheme in text {
                let graphemeWidth = DisplayWidth.of(grapheme)
                if graphemeWidth == 0 {
                    continue
                }
                guard write(grapheme, width: graphemeWidth) else { break }
            }
        }
        return max(0, column - x)
    }

    /// Fills a rectangle (clipped to the buffer) with a character in a style.
    ///
    /// A wide fill character that does not fit the last column of a row leaves a space there.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = Style()) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else {
            return
        }
        let characterWidth = DisplayWidth.of(character)
        let filler = characterWidth == 0 ? " " : character
        let fillerWidth = max(characterWidth, 1)
        let line = String(repeating: filler, count: (area.width + fillerWidth - 1) / fillerWidth)
        for row in area.rows {
            put(line, x: area.x, y: row, style: style, maxWidth: area.width)
        }
    }

    /// Writes spaces in a style into the columns of a row that lie inside the buffer.
    private mutating func blank(columns: Range<Int>, row: Int, style: Style) {
        for column in columns.clamped(to: 0..<width) {
            place(.blank(style), at: column, row: row)
        }
    }

    /// Puts a cell at a column, first blanking the other half of any wide glyph it cuts through.
    private mutating func place(_ cell: Cell, at column: Int, row: Int) {
        let span = column..<(column + cell.width)
        for covered in span {
            let existing = cells[row * width + covered]
            if existing.isContinuation && covered > 0 && !span.contains(covered - 1) {
                let head = row * width + covered - 1
                cells[head] = .blank(cells[head].style)
            }
            if existing.width == 2 && covered + 1 < width && !span.contains(covered + 1) {
                cells[row * width + covered + 1] = .blank(existing.style)
            }
        }
        cells[row * width + column] = cell
        if cell.width == 2 {
            cells[row * width + column + 1] = .continuation(cell.style)
        }
    }

    // MARK: - Reading

    /// Each row's text, continuation cells left out and trailing spaces trimmed.
    ///
    /// This is what snapshot tests compare.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation {
                    line += cell.grapheme
                }
            }
            while line.last == " " {
                line.removeLast()
            }
            return line
        }
    }

    /// The runs of equally styled cells that make up one row, left to right.
    public func styleRuns(row: Int) -> [StyleRun] {
        guard row >= 0 && row < height else {
            return []
        }
        var runs: [StyleRun] = []
        for column in 0..<width {
            let cell = cells[row * width + column]
            if var last = runs.last, last.style == cell.style {
                last.columns = last.columns.lowerBound..<(column + 1)
                last.text += cell.grapheme
                runs[runs.count - 1] = last
            } else {
                runs.append(StyleRun(columns: column..<(column + 1), style: cell.style, text: cell.grapheme))
            }
        }
        return runs
    }
}
