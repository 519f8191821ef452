import Foundation

/// Why the ledger refused a change. Every message names the record involved,
/// so that the person at the keyboard knows what to fix.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    case overflow(String)
    case invalidQuantity(String)
    case duplicate(String)
    case unknownRecipient(RecipientID)
    case unknownLot(LotID)
    case unknownRequest(RequestID)
    case unknownLine(RequestID, Int)
    case unknownItem(ItemKey, knownSpecs: [String])
    case unitMismatch(ItemKey, expected: String, got: String)
    /// A request asks for the same kind+spec on two lines.
    case repeatedItem(RequestID, line: Int, ItemKey, firstLine: Int)
    case illegalTransition(RequestID, from: RequestState, to: RequestState)
    case kindMismatch(lot: LotID, lotItem: ItemKey, line: Int, lineItem: ItemKey)
    case substitutionRefused(RequestID, line: Int, SubstitutionRefusal)
    case earmarked(lot: LotID, for: RecipientID, request: RequestID, recipient: RecipientID)
    case insufficientStock(lot: LotID, free: Int, wanted: Int)
    case exceedsAsked(RequestID, line: Int, asked: Int, wouldBe: Int)
    case exceedsProposed(RequestID, line: Int, proposed: Int, wanted: Int)
    case expectedTooLate(lot: LotID, request: RequestID)
    case expired(lot: LotID)
    case notArrived(lot: LotID, request: RequestID)
    case alreadyArrived(LotID)
    case alreadyValued(LotID, Valuation)
    case paperwork(RequestID, PaperworkRefusal)
    case reasonRequired(RequestID, RequestState)
    case nothingProposed(RequestID)
    case receivedTooMuch(RequestID, line: Int, dispatched: Int, received: Int)
    case shortArrival(lot: LotID, committed: Int, received: Int)
    case invalid(String)

    public var description: String {
        switch self {
        case .overflow(let what): return "quantity overflow: \(what)"
        case .invalidQuantity(let what): return what
        case .duplicate(let what): return "duplicate: \(what) already exists"
        case .unknownRecipient(let id): return "unknown recipient \(id)"
        case .unknownLot(let id): return "unknown lot \(id)"
        case .unknownRequest(let id): return "unknown request \(id)"
        case .unknownLine(let id, let line): return "\(id) has no line \(line)"
        case .unknownItem(let item, let specs):
            let hint = specs.isEmpty ? "" : " (known specs of \(item.kind): \(specs.joined(separator: ", ")))"
            return "unknown item \(item): no lot of it has been registered\(hint)"
        case .unitMismatch(let item, let expected, let got):
            return "\(item) is counted in \(expected), not \(got)"
        case .repeatedItem(let id, let line, let item, let first):
            return "\(id) line \(line) repeats \(item) from line \(first)"
        case .illegalTransition(let id, let from, let to):
            return "\(id) cannot go from \(from) to \(to)"
        case .kindMismatch(let lot, let lotItem, let line, let lineItem):
            let hint = lotItem.kind == lineItem.kind ? " (another spec needs a supervisor's allow-substitute)" : ""
            return "lot \(lot) holds \(lotItem) but line \(line) asks for \(lineItem)\(hint)"
        case .substitutionRefused(let id, let line, let why):
            return "\(id) line \(line): substitute refused: \(why)"
        case .earmarked(let lot, let owner, let request, let recipient):
            return "lot \(lot) is directed to \(owner); \(request) is for \(recipient)"
        case .insufficientStock(let lot, let free, let wanted):
            return "lot \(lot) has \(free) free, \(wanted) wanted"
        case .exceedsAsked(let id, let line, let asked, let wouldBe):
            return "\(id) line \(line) asks for \(asked); allocating would make it \(wouldBe)"
        case .exceedsProposed(let id, let line, let proposed, let wanted):
            return "\(id) line \(line) has \(proposed) proposed; cannot approve \(wanted)"
        case .expectedTooLate(let lot, let request):
            return "lot \(lot) is expected after \(request) is needed"
        case .expired(let lot): return "lot \(lot) has expired"
        case .notArrived(let lot, let request):
            return "lot \(lot) for \(request) has not arrived yet"
        case .alreadyArrived(let id): return "lot \(id) has already arrived"
        case .alreadyValued(let id, let valuation): return "lot \(id) is already valued (\(valuation.label))"
        case .paperwork(let id, let why): return "\(id): \(why)"
        case .reasonRequired(let id, let to): return "\(id): a reason is required to mark it \(to)"
        case .nothingProposed(let id): return "\(id) has no proposed allocation to approve"
        case .receivedTooMuch(let id, let line, let dispatched, let received):
            return "\(id) line \(line): received \(received) but only \(dispatched) was dispatched"
        case .shortArrival(let lot, let committed, let received):
            return
                "lot \(lot) has \(committed) promised or sent; a count of \(received) cannot cover it (return or trim first)"
        case .invalid(let what): return what
        }
    }
}
