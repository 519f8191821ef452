import DayClearCore

/// 到货清点: an expected lot arrives; the form asks for the counted quantity.
enum ReceiveForm {
    /// A form for `lot`, offering its expected quantity as the count.
    static func make(_ lot: Lot) -> Form {
        let label = LocalizedText("实收数量（\(lot.unit)）", "Counted (\(lot.unit))")
        return Form(
            purpose: .receive(lot.id),
            fields: [FormField(.quantity, label: label, text: String(lot.quantity), row: 0, width: 12)])
    }

    /// The receipt the form describes, or nil with the error placed on the quantity.
    static func receipt(_ reader: inout FormReader, lot: LotID) -> LotReceipt? {
        guard let quantity = reader.quantity(.quantity) else { return nil }
        return LotReceipt(lot: lot, quantity: quantity)
    }
}
