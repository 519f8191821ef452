import DayClearCore

/// Warehouse storage (仓库存储): arrived stock that nothing has claimed yet, by kind+spec.
struct WarehouseRow: Sendable, Equatable {
    /// The kind+spec.
    var item: ItemKey
    /// Its unit.
    var unit: String
    /// Units neither proposed, approved nor dispatched, summed over the arrived lots.
    var free: Int

    /// The kinds+specs with free units on hand, in kind+spec order.
    static func rows(in ledger: Ledger) -> [WarehouseRow] {
        var rows: [ItemKey: WarehouseRow] = [:]
        for lot in ledger.lots.values where lot.isArrived && lot.free > 0 {
            var row = rows[lot.item] ?? WarehouseRow(item: lot.item, unit: lot.unit, free: 0)
            row.free += lot.free
            rows[lot.item] = row
        }
        return rows.values.sorted { $0.item < $1.item }
    }
}
