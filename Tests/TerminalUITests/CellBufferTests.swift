import TerminalUI
import Testing

@Suite("CellBuffer")
struct CellBufferTests {
    @Test("put writes ASCII and returns the columns advanced")
    func putASCII() {
        var buffer = CellBuffer(width: 10, height: 2)
        #expect(buffer.put("abc", x: 2, y: 1) == 3)
        #expect(buffer.lines() == ["", "  abc"])
        #expect(buffer[2, 1] == Cell(grapheme: "a", width: 1))
    }

    @Test("a wide glyph fills its cell and marks the next as a continuation")
    func wideGlyph() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("中文", x: 1, y: 0, style: .role(.ok)) == 4)
        #expect(buffer[1, 0] == Cell(grapheme: "中", width: 2, style: .role(.ok)))
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].grapheme == "文")
        #expect(buffer[4, 0].isContinuation)
        #expect(buffer.lines() == [" 中文"])
    }

    @Test("put clips at the right edge without half a glyph")
    func clipAtEdge() {
        var buffer = CellBuffer(width: 5, height: 1)
        #expect(buffer.put("中文字", x: 0, y: 0) == 5)
        #expect(buffer[4, 0] == .blank)
        #expect(buffer.lines() == ["中文"])
    }

    @Test("put clips at maxWidth, writing a space where a wide glyph would straddle")
    func clipAtMaxWidth() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.fill(buffer.bounds, with: "x")
        #expect(buffer.put("中文字", x: 1, y: 0, style: .role(.warning), maxWidth: 3) == 3)
        #expect(buffer.lines() == ["x中 xxxxxx"])
        #expect(buffer[3, 0] == .blank(.role(.warning)))
        #expect(buffer.put("abc", x: 9, y: 0, maxWidth: 0) == 0)
        #expect(buffer.lines() == ["x中 xxxxxx"])
    }

    @Test("put clips at the left edge and outside rows")
    func clipLeftAndRows() {
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.put("中ab", x: -1, y: 0) == 4)
        #expect(buffer.lines() == [" ab"])
        #expect(buffer.put("abc", x: 0, y: 1) == 0)
        #expect(buffer.put("abc", x: 0, y: -1) == 0)
        #expect(buffer.put("abc", x: 7, y: 0) == 0)
    }

    @Test("overwriting the right half of a wide glyph blanks its left half")
    func overwriteRightHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0, style: .role(.ok))
        buffer.put("x", x: 1, y: 0)
        #expect(buffer[0, 0] == .blank(.role(.ok)))
        #expect(buffer.lines() == [" x文"])
    }

    @Test("overwriting the left half of a wide glyph blanks its right half")
    func overwriteLeftHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0)
        buffer.put("y", x: 2, y: 0)
        #expect(buffer[3, 0] == .blank)
        #expect(buffer.lines() == ["中y"])
    }

    @Test("a wide glyph over two wide glyphs' halves blanks both other halves")
    func wideOverWide() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0)
        buffer.put("字", x: 1, y: 0)
        #expect(buffer.lines() == [" 字"])
        #expect(buffer[0, 0] == .blank)
        #expect(buffer[3, 0] == .blank)
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test("combining marks stay with their letter; controls are skipped")
    func combiningAndControls() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("e\u{301}\tx\n", x: 0, y: 0) == 2)
        #expect(buffer[0, 0].grapheme == "e\u{301}")
        #expect(buffer.lines() == ["e\u{301}x"])
    }

    @Test("lines skip continuation cells and trim trailing spaces only")
    func linesWithCJK() {
        var buffer = CellBuffer(width: 12, height: 3)
        buffer.put("口罩 N95", x: 2, y: 0)
        buffer.put("（一次性）", x: 0, y: 2)
        #expect(buffer.lines() == ["  口罩 N95", "", "（一次性）"])
    }

    @Test("fill covers a clipped rectangle, a wide filler leaving a space at an odd end")
    func fill() {
        var buffer = CellBuffer(width: 5, height: 3)
        buffer.fill(Rect(x: 3, y: 1, width: 9, height: 9), with: "#", style: .role(.dim))
        buffer.fill(Rect(x: 0, y: 0, width: 3, height: 1), with: "中")
        #expect(buffer.lines() == ["中", "   ##", "   ##"])
        #expect(buffer[4, 2].style == .role(.dim))
    }

    @Test("styleRuns groups equally styled cells of a row")
    func styleRuns() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.put("批准", x: 0, y: 0, style: Style(role: .help, bold: true))
        buffer.put("ok", x: 5, y: 0, style: .role(.ok))
        #expect(
            buffer.styleRuns(row: 0) == [
                StyleRun(columns: 0..<4, style: Style(role: .help, bold: true), text: "批准"),
                StyleRun(columns: 4..<5, style: Style(), text: " "),
                StyleRun(columns: 5..<7, style: .role(.ok), text: "ok"),
                StyleRun(columns: 7..<8, style: Style(), text: " "),
            ]
        )
        #expect(buffer.styleRuns(row: 3).isEmpty)
    }
}
