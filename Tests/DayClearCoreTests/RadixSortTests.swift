import SeededRandom
import Testing

@testable import DayClearCore

@Suite("Radix sort")
struct RadixSortTests {
    @Test(
        "sorts like the standard library, whatever the count and the width of the keys",
        arguments: [0, 1, 2, 255, 256, 257, 1_000, 9_000])
    func sortsLikeSorted(count: Int) {
        var rng = SplitMix64(seed: UInt64(count) &+ 17)
        for width: UInt64 in [1, 8, 9, 31, 45, 64] {
            let mask = width == 64 ? UInt64.max : (1 << width) - 1
            // Random keys, with repeats when the width leaves room for few values.
            let keys = (0..<count).map { _ in rng.next() & mask }
            #expect(radixSorted(keys) == keys.sorted(), "count \(count), width \(width)")
        }
    }

    @Test("keeps keys already in order, in reverse order, or all equal")
    func orderedInputs() {
        let ascending = (0..<5_000).map { UInt64($0) * 977 }
        #expect(radixSorted(ascending) == ascending)
        #expect(radixSorted(ascending.reversed()) == ascending)
        let equal = [UInt64](repeating: 1 << 40, count: 3_000)
        #expect(radixSorted(equal) == equal)
    }
}
