/// How a lot's value is established for the donation receipt.
///
/// Goods without a fair price are appraised by a third party; goods that cannot
/// be valued are registered only and get no donation receipt.
public enum Valuation: Equatable, Codable, Sendable {
    case pending
    /// Valued from the donor's invoice.
    case invoiced(fen: Fen)
    /// Valued by a named third-party appraiser.
    case appraised(fen: Fen, by: String)
    /// 无法评估: registered only, no receipt.
    case unvaluable

    public var fen: Fen? {
        switch self {
        case .invoiced(let fen), .appraised(let fen, _): return fen
        case .pending, .unvaluable: return nil
        }
    }

    public var isPending: Bool { self == .pending }

    public var label: String {
        switch self {
        case .pending: return "待评估"
        case .invoiced: return "发票"
        case .appraised(_, let by): return "评估(\(by))"
        case .unvaluable: return "无法评估"
        }
    }
}
