import SeededRandom
import Testing

@testable import DayClearCore

@Suite("Counting groups")
struct CountingGroupsTests {
    @Test("groups indices by key, keeping their given order within each group", arguments: [0, 1, 7, 500])
    func stableGroups(count: Int) {
        var rng = SplitMix64(seed: UInt64(count) &+ 3)
        let keys = (0..<count).map { _ in Int(rng.next() % 5) }
        let given = Array((0..<count).reversed())
        let groups = CountingGroups(given, keyCount: 6) { keys[$0] }
        for k in 0..<6 {
            #expect(Array(groups[k]) == given.filter { keys[$0] == k })
            #expect(groups.isEmpty(k) == !keys.contains(k))
        }
    }
}
