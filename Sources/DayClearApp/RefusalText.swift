import DayClearCore
import DayClearStore

/// Why a command was refused or not saved, in words for the person at the terminal.
///
/// A command that lost a race to another process is told what changed under it,
/// read from the up-to-date ledger: "R-0012 was approved by wang at 2026-02-10 10:41".
public enum RefusalText {
    /// The message for `error`, with `ledger` the store's model after the refusal.
    public static func describe(_ error: Error, ledger: Ledger, language: Language) -> String {
        switch error {
        case let error as DomainError:
            if case .illegalTransition(let id, let from, let to) = error,
                let change = change(of: id, in: ledger, language: language), ledger.requests[id]?.state == from
            {
                return language.pick(
                    "\(change)，不能再改为“\(to.chineseName)”", "\(change); it cannot now be \(to)")
            }
            return error.message(language)
        case let error as StoreError:
            return storeMessage(error, language)
        case let error as WireError:
            return wireMessage(error, language)
        default:
            return String(describing: error)
        }
    }

    /// Who moved the request to its present state, and when, where the ledger knows.
    static func change(of id: RequestID, in ledger: Ledger, language: Language) -> String? {
        guard let request = ledger.requests[id] else { return nil }
        let time = { ledger.calendar.localText($0) }
        switch request.state {
        case .approved, .rejected, .returned:
            guard let by = request.decidedBy, let at = request.decidedAt else { return nil }
            return language.pick(
                "\(id) 已由 \(by) 于 \(time(at)) 改为“\(request.state.chineseName)”",
                "\(id) was \(request.state) by \(by) at \(time(at))")
        case .dispatched, .delivered:
            guard let at = request.state == .dispatched ? request.dispatchedAt : request.deliveredAt else { return nil }
            return language.pick(
                "\(id) 已于 \(time(at)) 改为“\(request.state.chineseName)”", "\(id) was \(request.state) at \(time(at))")
        case .cancelled:
            return language.pick("\(id) 已撤销", "\(id) was cancelled")
        case .submitted, .proposed:
            return nil
        }
    }

    private static func wireMessage(_ error: WireError, _ language: Language) -> String {
        guard language == .zh else { return error.description }
        switch error {
        case .notConfirmed(let why):
            return "操作未确认（\(why)）：可能已记录，也可能没有。请在重新连接后查看日志屏，再决定是否重做"
        case .notConnected:
            return "未连接服务器：操作没有发出，没有记录任何改动。请等待重新连接"
        default: return error.description
        }
    }

    private static func storeMessage(_ error: StoreError, _ language: Language) -> String {
        guard language == .zh else { return error.description }
        switch error {
        case .notSaved(let why): return "未保存：\(why)。没有记录任何改动，请排除问题后再操作"
        case .busy(let why): return "未保存：数据被另一个程序锁住（\(why)）。没有记录任何改动，请稍后再试"
        case .newerFormat(let found, let supported):
            return "此数据目录由更新版本的 DayClear 写入（格式 \(found)），本版本最多读取格式 \(supported)；未做任何改动"
        case .readOnly(let path): return "未保存：数据目录 \(path) 只读。没有记录任何改动"
        default: return error.description
        }
    }
}
