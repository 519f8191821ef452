/// A rectangle of cells: its top-left corner and its size.
public struct Rect: Sendable, Hashable {
    /// The leftmost column.
    public var x: Int
    /// The top row.
    public var y: Int
    /// The number of columns; never negative.
    public var width: Int
    /// The number of rows; never negative.
    public var height: Int

    /// Creates a rectangle; a negative width or height becomes zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    // MARK: - Edges

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// Whether the rectangle has no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The rows the rectangle covers, top to bottom.
    public var rows: Range<Int> { y..<maxY }
    /// The columns the rectangle covers, left to right.
    public var columns: Range<Int> { x..<maxX }

    /// Whether the cell at (`x`, `y`) lies inside the rectangle.
    public func contains(x: Int, y: Int) -> Bool {
        columns.contains(x) && rows.contains(y)
    }

    /// The part of this rectangle that lies inside `other`, empty if they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The one-row rectangle at `offset` rows from the top, empty if there is no such row.
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0 && offset < height else {
            return Rect(x: x, y: maxY, width: width, height: 0)
        }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }

    // MARK: - Insetting

    /// This rectangle shrunk by the given number of cells on each side, never below empty.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let width = max(0, self.width - left - right)
        let height = max(0, self.height - top - bottom)
        return Rect(
            x: x + min(left, self.width),
            y: y + min(top, self.height),
            width: width,
            height: height
        )
    }

    /// This rectangle shrunk by `amount` cells on every side.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    // MARK: - Splitting

    /// Splits the width into side-by-side rectangles of the given lengths, left to right.
    ///
    /// `spacing` columns are left between neighbours. See `LayoutLength.resolve` for how the
    /// lengths share the width.
    public func splitHorizontally(_ lengths: [LayoutLength], spacing: Int = 0) -> [Rect] {
        var left = x
        return LayoutLength.resolve(lengths, total: width, spacing: spacing).map { size in
            defer { left += size + max(0, spacing) }
            return Rect(x: left, y: y, width: size, height: height)
        }
    }

    /// Splits the height into stacked rectangles of the given lengths, top to bottom.
    ///
    /// `spacing` rows are left between neighbours. See `LayoutLength.resolve` for how the
    /// lengths share the height.
    public func splitVertically(_ lengths: [LayoutLength], spacing: Int = 0) -> [Rect] {
        var top = y
        return LayoutLength.resolve(lengths, total: height, spacing: spacing).map { size in
            defer { top += size + max(0, spacing) }
            return Rect(x: x, y: top, width: width, height: size)
        }
    }
}
