import DayClearCore

extension DomainError {
    /// The refusal in the labels' language; English is the ledger's own wording.
    ///
    /// Every case is worded here, so a new refusal cannot reach a Chinese screen in English unnoticed.
    /// Free text given by the ledger (`invalid`, `duplicate`'s record) is passed through. A quantity
    /// refusal says only what is wrong: the form shows it beside the field it marks.
    func message(_ language: Language) -> String {
        guard language == .zh else { return description }
        switch self {
        case .overflow: return "数字太大"
        case .invalidQuantity: return "数量必须大于 0"
        case .duplicate(let what): return "已存在：\(what.split(separator: " ").last.map(String.init) ?? what)"
        case .unknownRecipient(let id): return "没有这个受援单位：\(id)"
        case .unknownLot(let lot): return "没有批次 \(lot)"
        case .unknownRequest(let id): return "没有申请 \(id)"
        case .unknownLine(let id, let line): return "\(id) 没有第 \(line) 行"
        case .unknownItem(let item, let specs):
            let hint = specs.isEmpty ? "" : "（已有规格：\(specs.joined(separator: "、"))）"
            return "还没有登记过 \(item) 的批次\(hint)"
        case .unitMismatch(let item, let expected, let got): return "\(item) 的单位是“\(expected)”，不是“\(got)”"
        case .repeatedItem(let id, let line, let item, let first): return "\(id) 第 \(line) 行与第 \(first) 行重复：\(item)"
        case .illegalTransition(let id, let from, let to):
            return "\(id) 现为“\(from.chineseName)”，不能改为“\(to.chineseName)”"
        case .kindMismatch(let lot, let lotItem, let line, let lineItem):
            let hint = lotItem.kind == lineItem.kind ? "（换用其他规格须由主管允许替代）" : ""
            return "批次 \(lot) 是 \(lotItem)，第 \(line) 行要的是 \(lineItem)\(hint)"
        case .substitutionRefused(let id, let line, let why):
            return "\(id) 第 \(line) 行不能替代：\(why.message)"
        case .earmarked(let lot, let owner, let request, let recipient):
            return "批次 \(lot) 定向捐给 \(owner)；\(request) 的受援单位是 \(recipient)"
        case .insufficientStock(let lot, let free, let wanted): return "批次 \(lot) 可分 \(free)，要 \(wanted)"
        case .exceedsAsked(let id, let line, let asked, let wouldBe):
            return "\(id) 第 \(line) 行申请 \(asked)，再分配就成了 \(wouldBe)"
        case .exceedsProposed(let id, let line, let proposed, let wanted):
            return "\(id) 第 \(line) 行建议了 \(proposed)，不能批准 \(wanted)"
        case .expectedTooLate(let lot, let request): return "批次 \(lot) 预计到货晚于 \(request) 的需用时间"
        case .expired(let lot): return "批次 \(lot) 已过期"
        case .notArrived(let lot, let request): return "批次 \(lot) 尚未到货，不能为 \(request) 发出"
        case .alreadyArrived(let lot): return "\(lot) 已经到货"
        case .alreadyValued(let lot, let valuation): return "批次 \(lot) 已经估值（\(valuation.label)）"
        case .paperwork(let id, .notStarted(let state)):
            return "\(id) 现为“\(state.chineseName)”，批准后才开始补办手续"
        case .paperwork(let id, .alreadyCompleted(let by, let at)): return "\(id) 的手续已由 \(by) 于 \(at) 办结"
        case .reasonRequired(let id, let to): return "\(id) 改为“\(to.chineseName)”须写明理由"
        case .nothingProposed(let id): return "\(id) 没有待批准的建议分配"
        case .receivedTooMuch(let id, let line, let dispatched, let received):
            return "\(id) 第 \(line) 行收到 \(received)，但只发出 \(dispatched)"
        case .shortArrival(let lot, let committed, let received):
            return "批次 \(lot) 已承诺或发出 \(committed)，清点数 \(received) 不够（请先退回或削减）"
        case .invalid(let what): return what
        }
    }
}

extension SubstitutionRefusal {
    /// The reason in Chinese, after "不能替代：".
    fileprivate var message: String {
        switch self {
        case .notAwaitingDecision(let state): return "申请现为“\(state.chineseName)”，只有待决定的申请才能允许替代"
        case .ownSpec(let spec): return "\(spec) 就是这一行自己的规格"
        case .noneToRevoke(let spec): return "没有允许过 \(spec)，无从撤销"
        case .stillProposed(let spec, let quantity): return "已为它建议了 \(quantity) 的 \(spec)，请先退回申请再撤销"
        }
    }
}
