import Testing

@testable import DayClearApp

/// The help screen's columns: a heading stays with its first keys.
@Suite struct HelpLayoutTests {
    @Test func aHeadingOnTheLastRowMovesToTheNextColumn() {
        let places = helpPlaces(isHeading: [true, false, true, false, false], height: 3)
        #expect(places.map(\.column) == [0, 0, 1, 1, 1])
        #expect(places.map(\.row) == [0, 1, 0, 1, 2])
    }

    @Test func fullColumnsWrap() {
        let places = helpPlaces(isHeading: [true, false, false, false], height: 3)
        #expect(places.map(\.column) == [0, 0, 0, 1])
    }
}
