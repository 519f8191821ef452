import DayClearCore

/// A lot as a line shows it: its id, and the spec in brackets when it is a substitute for the
/// line's own (`L-0010(KN95)`), so no one loads or signs for goods of another spec unawares.
func lotLabel(_ lot: LotID, for line: RequestLine, in ledger: Ledger) -> String {
    guard let item = ledger.lots[lot]?.item, item != line.item else { return lot.rawValue }
    return "\(lot)(\(item.spec))"
}
