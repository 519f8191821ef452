import DayClearCore

/// 录入申请: a request for one recipient, needed by a time, of up to five lines.
enum RequestForm {
    /// How many lines the form offers.
    static let lineCount = 5

    /// A blank form suggesting the next free request id.
    static func make(ledger: Ledger) -> Form {
        var fields = [
            FormField(
                .request, label: LocalizedText("申请编号", "Request id"),
                text: NextIdentifier.after(ledger.requests.keys.map(\.rawValue), prefix: "R-"), row: 0),
            FormField(
                .recipient, label: LocalizedText("受援单位", "Recipient"),
                placeholder: LocalizedText("编号或名称", "id or name"), row: 1),
            FormField(
                .neededBy, label: LocalizedText("需用时间", "Needed by"),
                placeholder: LocalizedText("如 2026-02-10 18:00", "e.g. 2026-02-10 18:00"), row: 2),
        ]
        for line in 1...lineCount {
            let row = 2 + line
            fields += [
                FormField(
                    .lineKind(line), label: LocalizedText("第\(line)行 物资", "Line \(line) kind"), row: row,
                    width: 12),
                FormField(.lineSpec(line), label: LocalizedText("规格", "spec"), row: row, width: 14),
                FormField(.lineQuantity(line), label: LocalizedText("数量", "qty"), row: row, width: 7),
            ]
        }
        return Form(purpose: .request, fields: fields)
    }

    /// The submission the form describes and the form row of each line number, or nil with the
    /// errors placed on the form. Rows left empty are skipped.
    static func submission(_ reader: inout FormReader) -> (submission: RequestSubmission, rows: [Int: Int])? {
        let id = reader.required(.request)
        let recipient = reader.required(.recipient)
        let neededBy = reader.date(.neededBy, endOfDay: true)
        var lines: [RequestLine] = []
        var rows: [Int: Int] = [:]
        var typed = false
        for row in 1...lineCount {
            let kind = reader.form.value(.lineKind(row))
            let spec = reader.form.value(.lineSpec(row))
            let quantityText = reader.form.value(.lineQuantity(row))
            if kind.isEmpty && spec.isEmpty && quantityText.isEmpty { continue }
            typed = true
            let checkedKind = reader.required(.lineKind(row))
            guard let quantity = reader.quantity(.lineQuantity(row)), let checkedKind else { continue }
            let item = ItemKey(kind: checkedKind, spec: spec)
            rows[lines.count + 1] = row
            lines.append(
                RequestLine(
                    number: lines.count + 1, item: item, unit: reader.ledger.itemUnits[item] ?? "",
                    quantity: quantity))
        }
        if !typed {
            reader.refuse(.lineKind(1), "至少填写一行", "at least one line is needed")
        }
        guard !reader.form.hasErrors, let id, let recipient, let neededBy else { return nil }
        let submission = RequestSubmission(
            id: RequestID(id), recipient: reader.recipient(recipient), neededBy: neededBy, lines: lines)
        return (submission, rows)
    }
}
