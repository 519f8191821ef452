import TerminalUI
import Testing

@testable import DayClearApp

/// The help screen's columns: a heading stays with its first keys.
@Suite struct HelpLayoutTests {
    @Test func aHeadingOnTheLastRowMovesToTheNextColumn() {
        let places = helpPlaces(isHeading: [true, false, true, false, false], height: 3)
        #expect(places.map(\.column) == [0, 0, 1, 1, 1])
        #expect(places.map(\.row) == [0, 1, 0, 1, 2])
    }

    @Test func whatDoesNotFitEndsWithTheNoteAndNeverWithAHeading() {
        let heading = Style(role: .header, bold: true)
        let lines: [(text: String, style: Style)] = [
            ("A", heading), ("a1", Style()), ("a2", Style()), ("B", heading), ("b1", Style()),
        ]
        let note = (text: "more", style: Style(role: .dim))
        // Two columns of two rows: A a1 | a2 B — B would end the column, so it goes with b1.
        #expect(helpFitting(lines, note: note, columns: 2, height: 2).map(\.text) == ["A", "a1", "a2", "more"])
        #expect(helpFitting(lines, note: note, columns: 3, height: 2).map(\.text) == lines.map(\.text))
    }

    @Test func theCurrentScreenComesFirstThenTheGlobalKeys() {
        let lines = helpLines(for: .routes, language: .en).map(\.text)
        #expect(lines.first == Screen.routes.title(.en))
        let everywhere = lines.firstIndex(of: "Everywhere") ?? -1
        #expect(everywhere == 1 + KeyTable.bindings.filter { $0.scope == .screen(.routes) }.count)
        #expect(lines.contains { $0.contains("record runs") })
    }

    @Test func fullColumnsWrap() {
        let places = helpPlaces(isHeading: [true, false, false, false], height: 3)
        #expect(places.map(\.column) == [0, 0, 0, 1])
    }
}
