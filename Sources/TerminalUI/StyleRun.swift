/// A stretch of one row of a `CellBuffer` whose cells share a style.
public struct StyleRun: Sendable, Hashable {
    /// The columns the run covers, continuation cells included.
    public var columns: Range<Int>
    /// The style every cell of the run has.
    public var style: Style
    /// The run's text, continuation cells left out.
    public var text: String

    /// Creates a run.
    public init(columns: Range<Int>, style: Style, text: String) {
        self.columns = columns
        self.style = style
        self.text = text
    }
}
