/// `keys` in ascending order, sorted a byte at a time from the least significant (LSD radix sort): one stable
/// counting pass per byte of the largest key, so the cost grows linearly with the count, where a comparison sort's
/// grows as n log n. The planner sorts tens of thousands of packed integers per plan this way.
func radixSorted(_ keys: [UInt64]) -> [UInt64] {
    guard keys.count > 256, let largest = keys.max() else { return keys.sorted() }
    var keys = keys
    var buffer = keys
    var shift: UInt64 = 0
    while shift < 64, largest >> shift != 0 {
        var start = [Int](repeating: 0, count: 257)
        for key in keys { start[Int((key >> shift) & 0xff) + 1] += 1 }
        for byte in 1...256 { start[byte] += start[byte - 1] }
        for key in keys {
            let byte = Int((key >> shift) & 0xff)
            buffer[start[byte]] = key
            start[byte] += 1
        }
        swap(&keys, &buffer)
        shift += 8
    }
    return keys
}
