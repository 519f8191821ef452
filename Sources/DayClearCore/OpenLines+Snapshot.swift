/// The open lines in a ledger snapshot, so that loading one does not walk, look up and sort every
/// request awaiting a decision again (`Ledger.walkOpenLines`, a tenth of opening a million events).
///
/// Each line is written in tie order as its request's place among the snapshot's requests awaiting
/// a decision, its line number, its recipient's and its kind+spec's numbers, its tier and the units proposed for it; the rest is the
/// request's.
extension OpenLines {
    /// `awaiting` numbers the requests awaiting a decision in the order the snapshot writes them.
    func write(to w: inout SnapshotWriter, awaiting: [RequestID: Int]) {
        let lines = ordered().all
        w.int(lines.count)
        for line in lines {
            // Every open line's request awaits a decision; were one missing, -1 has the snapshot
            // refused on loading (and the store replayed) rather than read wrong.
            w.int(awaiting[line.request] ?? -1)
            w.int(line.number)
            w.int(line.recipientNumber)
            w.int(line.itemNumber)
            w.byte(UInt8(line.tier.rawValue))
            w.int(line.proposed)
        }
    }

    /// Reads what `write` wrote; `awaiting` are the snapshot's requests awaiting a decision, in its order. The
    /// kinds+specs' numbers are checked against the ledger's by the caller, which reads these later.
    init(snapshot r: inout SnapshotReader, awaiting: [Request], recipientCount: Int) throws {
        let count = try r.count(minimumSize: 41)
        var lines: [Line] = []
        lines.reserveCapacity(count)
        for _ in 0..<count {
            let position = try r.int()
            guard awaiting.indices.contains(position) else { throw SnapshotError("an open line's request is unknown") }
            let request = awaiting[position]
            let number = try r.int()
            guard let requested = request.lines.first(where: { $0.number == number }) else {
                throw SnapshotError("an open line of \(request.id) is unknown")
            }
            let recipientNumber = try r.int()
            guard (0..<recipientCount).contains(recipientNumber) else {
                throw SnapshotError("an open line of \(request.id) has an unknown recipient number")
            }
            let itemNumber = try r.int()
            guard itemNumber >= 0 else { throw SnapshotError("an open line of \(request.id) has no kind+spec number") }
            guard let tier = Tier(rawValue: Int(try r.byte())) else { throw SnapshotError("unknown tier") }
            lines.append(
                Line(
                    order: Order(request: request, line: number), recipient: request.recipient,
                    recipientNumber: recipientNumber, item: requested.item,
                    itemNumber: itemNumber, tier: tier, submittedAt: request.submittedAt, asked: requested.quantity,
                    proposed: try r.int()))
        }
        // Written in tie order, so the sort only confirms it (one comparison per line).
        self.init(lines: lines)
    }

}
