import TerminalUI
import Testing

@Suite("Rect and LayoutLength")
struct RectTests {
    @Test("edges, rows and columns")
    func edges() {
        let rect = Rect(x: 2, y: 3, width: 4, height: 2)
        #expect(rect.maxX == 6 && rect.maxY == 5)
        #expect(rect.rows == 3..<5 && rect.columns == 2..<6)
        #expect(rect.contains(x: 5, y: 4) && !rect.contains(x: 6, y: 4))
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).isEmpty)
        #expect(rect.row(1) == Rect(x: 2, y: 4, width: 4, height: 1))
        #expect(rect.row(2).isEmpty)
    }

    @Test("inset never goes below empty")
    func inset() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(rect.inset(top: 1, left: 2) == Rect(x: 2, y: 1, width: 8, height: 3))
        #expect(rect.inset(by: 3).height == 0)
        #expect(rect.intersection(Rect(x: 8, y: 2, width: 5, height: 5)) == Rect(x: 8, y: 2, width: 2, height: 2))
        #expect(rect.intersection(Rect(x: 20, y: 0, width: 5, height: 5)).isEmpty)
    }

    @Test("horizontal split by fixed sizes, fractions and fill")
    func splitHorizontally() {
        let parts = Rect(x: 0, y: 1, width: 80, height: 20).splitHorizontally([.fixed(10), .fill, .fraction(0.25)])
        #expect(parts.map(\.width) == [10, 50, 20])
        #expect(parts.map(\.x) == [0, 10, 60])
        #expect(parts.allSatisfy { $0.y == 1 && $0.height == 20 })
    }

    @Test("vertical split with spacing")
    func splitVertically() {
        let parts = Rect(x: 0, y: 0, width: 40, height: 12).splitVertically(
            [.fixed(1), .fill, .fill, .fixed(1)], spacing: 1)
        #expect(parts.map(\.height) == [1, 4, 3, 1])
        #expect(parts.map(\.y) == [0, 2, 7, 11])
    }

    @Test("an overcommitted split gives out what there is, in order")
    func overcommitted() {
        #expect(LayoutLength.resolve([.fixed(8), .fixed(8), .fill], total: 10) == [8, 2, 0])
        #expect(LayoutLength.resolve([.fraction(0.5), .fraction(0.8)], total: 10) == [5, 5])
        #expect(LayoutLength.resolve([.fixed(3)], total: 10) == [3])
        #expect(LayoutLength.resolve([], total: 10) == [])
    }
}
