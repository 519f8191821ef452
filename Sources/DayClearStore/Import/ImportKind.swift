/// The three files a centre imports.
public enum ImportKind: String, CaseIterable, Sendable {
    case recipients
    case stock
    case requests

    var columns: [ImportColumn] {
        switch self {
        case .recipients:
            return [
                ImportColumn("id", ["单位编号", "id", "recipient_id", "编号"], required: true),
                ImportColumn("name", ["单位名称", "name", "名称"], required: true),
                ImportColumn("tier", ["优先级", "tier", "priority", "类别"], required: true),
                ImportColumn("latitude", ["纬度", "latitude", "lat"], required: true),
                ImportColumn("longitude", ["经度", "longitude", "lon", "lng"], required: true),
                ImportColumn("contact", ["联系人", "contact", "联系方式"]),
            ]
        case .stock:
            return [
                ImportColumn("lot", ["批次号", "lot", "lot_id", "批次"], required: true),
                ImportColumn("kind", ["物资名称", "kind", "item", "物资"], required: true),
                ImportColumn("spec", ["规格", "spec", "specification"]),
                ImportColumn("quantity", ["数量", "quantity", "qty"], required: true),
                ImportColumn("unit", ["单位", "unit"], required: true),
                ImportColumn("pack", ["每箱数量", "pack_size", "pack", "装箱数"]),
                ImportColumn("donor", ["捐赠方", "donor", "捐赠单位", "捐赠人"], required: true),
                ImportColumn("designated", ["定向单位", "designated", "directed_to", "定向"]),
                ImportColumn("arrived", ["到货时间", "arrived_at", "arrived", "到达时间"]),
                ImportColumn("eta", ["预计到达", "eta", "expected_at", "预计到货"]),
                ImportColumn("expiry", ["有效期", "expiry", "expires", "失效日期"]),
                ImportColumn("value", ["价值(元)", "价值", "value", "value_yuan"]),
                ImportColumn("valuation", ["估值", "valuation"]),
                ImportColumn("appraiser", ["评估方", "appraiser"]),
            ]
        case .requests:
            return [
                ImportColumn("request", ["申请编号", "request", "request_id"], required: true),
                ImportColumn("recipient", ["申请单位", "recipient", "受援单位"], required: true),
                ImportColumn("kind", ["物资名称", "kind", "item", "物资"], required: true),
                ImportColumn("spec", ["规格", "spec", "specification"]),
                ImportColumn("quantity", ["数量", "quantity", "qty"], required: true),
                ImportColumn("unit", ["单位", "unit"]),
                ImportColumn("neededBy", ["需用时间", "needed_by", "需要时间", "needed"], required: true),
                ImportColumn("submittedAt", ["提交时间", "submitted_at", "submitted"]),
                ImportColumn("note", ["备注", "note", "remark"]),
            ]
        }
    }
}
