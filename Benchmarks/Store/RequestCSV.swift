import Foundation
import SeededRandom

/// Writes a request CSV of at least `bytes` bytes with the Chinese headers of SampleData/requests.csv:
/// requests of one to three lines for the generated recipients and items, all valid against the
/// import base store, so an import records every row.
enum RequestCSV {
    static func write(to url: URL, bytes: Int, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var text = "申请编号,申请单位,物资名称,规格,数量,单位,需用时间,提交时间,备注\n"
        text.reserveCapacity(bytes + 4_096)
        var request = 0
        let notes = ["", "", "ICU 扩容", "发热门诊", "\"方舱, 二期\""]
        while text.utf8.count < bytes {
            request += 1
            let id = "Q-\(String(format: "%07d", request))"
            let recipient = StoreGenerator.recipientID(Int(random.next() % UInt64(StoreGenerator.recipientCount)))
            let day = 5 + Int(random.next() % 20)
            let submitted = String(
                format: "2026-01-%02d %02d:%02d", day, 8 + Int(random.next() % 8), Int(random.next() % 60))
            let needed = String(format: "2026-01-%02d 18:00", day + 1)
            let note = notes[Int(random.next() % UInt64(notes.count))]
            var used: Set<Int> = []
            let lines = 1 + Int(random.next() % 3)
            while used.count < lines {
                let index = Int(random.next() % UInt64(StoreGenerator.itemKeys.count))
                guard used.insert(index).inserted else { continue }
                let (item, unit) = StoreGenerator.itemKeys[index]
                let quantity = 10 * (1 + Int(random.next() % 50))
                text +=
                    "\(id),\(recipient.rawValue),\(item.kind),\(item.spec),\(quantity),\(unit),\(needed),\(submitted),\(note)\n"
            }
        }
        try Data(text.utf8).write(to: url)
    }
}
