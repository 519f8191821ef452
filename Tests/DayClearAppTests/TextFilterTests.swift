import Testing

@testable import DayClearApp

@Suite struct TextFilterTests {
    @Test func anEmptyOrBlankFilterKeepsEveryRow() {
        #expect(TextFilter("") == nil)
        #expect(TextFilter("   ") == nil)
    }

    @Test(arguments: [
        ("r-0001", "R-0001", true),
        (" KN95 ", "口罩 / kn95", true),
        ("kn95", "口罩 / KN95", true),
        ("医用", "口罩 / 医用外科", true),
        ("äpfel", "ÄPFEL", true),
        ("Ä", "käse", true),
        ("01", "R-0001", true),
        ("R-00011", "R-0001", false),
        ("L-0003", "L-0030", false),
        ("外科口罩", "口罩 / 医用外科", false),
        ("café", "Cafe\u{301} au lait", true),
        ("cafe\u{301}", "CAFÉ", true),
        ("cafe", "cafe\u{301}", false),
        ("\u{F9DC}", "隆", true),
    ])
    func matchesIgnoringCase(filter: String, text: String, expected: Bool) throws {
        let textFilter = try #require(TextFilter(filter))
        #expect(textFilter.matches([text]) == expected)
        #expect(textFilter.matches(["", text]) == expected)
        #expect(!textFilter.matches([]))
    }
}
