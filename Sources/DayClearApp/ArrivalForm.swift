import DayClearCore
import Foundation

/// 到货登记 and 预到登记: the form that registers a lot, arrived now or expected at an ETA.
enum ArrivalForm {
    /// A blank form suggesting the next free lot id; an expected lot also asks for its ETA.
    static func make(expected: Bool, ledger: Ledger) -> Form {
        var fields = [
            FormField(
                .lot, label: LocalizedText("批次号", "Lot id"),
                text: NextIdentifier.after(ledger.lots.keys.map(\.rawValue), prefix: "L-"), row: 0),
            FormField(
                .kind, label: LocalizedText("物资名称", "Kind"), placeholder: LocalizedText("如 口罩", "e.g. mask"),
                row: 1),
            FormField(
                .spec, label: LocalizedText("规格", "Spec"), placeholder: LocalizedText("如 医用防护N95", "e.g. N95"),
                row: 2),
            FormField(.quantity, label: LocalizedText("数量", "Quantity"), row: 3, width: 12),
            FormField(
                .unit, label: LocalizedText("单位", "Unit"), placeholder: LocalizedText("如 只、件、箱", "e.g. pcs"),
                row: 4, width: 12),
            FormField(.packSize, label: LocalizedText("每箱数量", "Pack size"), text: "1", row: 5, width: 12),
            FormField(.donor, label: LocalizedText("捐赠方", "Donor"), row: 6),
            FormField(
                .recipient, label: LocalizedText("定向单位", "Directed to"),
                placeholder: LocalizedText("可选：受援单位编号或名称", "optional: recipient id or name"), row: 7),
            FormField(
                .expiry, label: LocalizedText("有效期", "Expiry"),
                placeholder: LocalizedText("可选：如 2027-06-30", "optional: e.g. 2027-06-30"), row: 8),
        ]
        if expected {
            fields.append(
                FormField(
                    .eta, label: LocalizedText("预计到达", "ETA"),
                    placeholder: LocalizedText("如 2026-02-11 09:30", "e.g. 2026-02-11 09:30"), row: 9))
        }
        return Form(purpose: expected ? .expectedLot : .arrival, fields: fields)
    }

    /// The registration the form describes, or nil with the errors placed on the form.
    ///
    /// An arrival is registered as arrived at `reader`'s now; an expected lot at its ETA.
    static func registration(_ reader: inout FormReader, expected: Bool, now: Date) -> LotRegistration? {
        let id = reader.required(.lot)
        let kind = reader.required(.kind)
        let quantity = reader.quantity(.quantity)
        let unit = reader.required(.unit)
        let pack = reader.quantity(.packSize, fallback: 1)
        let donor = reader.required(.donor)
        let recipientText = reader.form.value(.recipient)
        let expiry = reader.form.value(.expiry).isEmpty ? nil : reader.date(.expiry, endOfDay: true)
        let eta = expected ? reader.date(.eta) : nil
        guard !reader.form.hasErrors, let id, let kind, let quantity, let unit, let pack, let donor else {
            return nil
        }
        let status: Lot.Status
        if expected {
            guard let eta else { return nil }
            status = .expected(eta: eta)
        } else {
            status = .arrived(at: now)
        }
        return LotRegistration(
            id: LotID(id), item: ItemKey(kind: kind, spec: reader.form.value(.spec)), unit: unit, quantity: quantity,
            packSize: pack, donor: donor, status: status, expiry: expiry,
            designatedRecipient: recipientText.isEmpty ? nil : reader.recipient(recipientText))
    }
}
