import DayClearStore
import Foundation

/// 导入文件: which list a CSV file holds and where it is.
enum ImportForm {
    /// A form choosing stock by default.
    static func make() -> Form {
        let kinds = [
            FormField.Choice(ImportKind.stock.rawValue, LocalizedText("物资（到货/预到）", "stock (arrived/expected)")),
            FormField.Choice(ImportKind.requests.rawValue, LocalizedText("调拨申请", "requests")),
            FormField.Choice(ImportKind.recipients.rawValue, LocalizedText("受援单位", "recipients")),
        ]
        return Form(
            purpose: .importFile,
            fields: [
                FormField(
                    .importKind, label: LocalizedText("文件类型", "File holds"), text: ImportKind.stock.rawValue,
                    choices: kinds, row: 0),
                FormField(
                    .path, label: LocalizedText("文件路径", "Path"),
                    placeholder: LocalizedText("如 ~/到货.csv", "e.g. ~/arrivals.csv"), row: 1, width: 40),
            ])
    }

    /// The kind and the path (with `~` expanded), or nil with the errors placed on the form.
    static func request(_ reader: inout FormReader) -> (kind: ImportKind, path: String)? {
        let kind = ImportKind(rawValue: reader.form.value(.importKind))
        if kind == nil {
            reader.refuse(.importKind, "请用 ←/→ 选择", "pick one with ←/→")
        }
        guard let path = reader.required(.path), let kind else { return nil }
        return (kind, NSString(string: path).expandingTildeInPath)
    }
}
