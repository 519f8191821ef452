import DayClearCore

/// What a few events changed, as the screens' rows see it: the requests whose rows may differ, the
/// lots whose figures or route class may differ, or everything (a new calendar or recipient).
struct LedgerChanges {
    /// The requests the events concern.
    var requests: Set<RequestID> = []
    /// The lots the events concern, and every lot allocated to one of `requests`: their proposed,
    /// approved and dispatched units moved, and who takes from them (their route class) with them.
    var lots: Set<LotID> = []
    /// Whether any row may have changed: the day's window and every recipient's name are in them.
    var everything = false

    /// The changes `events` made, read against `ledger`, the ledger after them.
    init(_ events: some Sequence<DomainEvent>, in ledger: Ledger) {
        for event in events {
            switch event {
            case .calendarConfigured, .recipientRegistered:
                everything = true
            case .roleGranted, .roleRevoked, .serverGroupNamed, .shuttleRunsPlanned:
                break  // in no row
            case .lotRegistered, .lotReceived, .lotValued:
                if let lot = event.lotID { lots.insert(lot) }
            case .requestSubmitted, .requestResubmitted, .allocationProposed, .substitutionAllowed,
                .substitutionRevoked, .requestApproved, .requestReturned, .requestRejected, .requestCancelled,
                .requestDispatched, .requestDelivered, .paperworkCompleted:
                if let request = event.requestID { requests.insert(request) }
            }
        }
        for request in requests {
            for allocation in ledger.allocations(of: request) { lots.insert(allocation.lot) }
        }
    }

    /// The requests whose routes rows may differ: those the events concern, and those with approved
    /// units of a changed lot, whose route class follows who else takes from the lot.
    func routeRequests(in ledger: Ledger) -> Set<RequestID> {
        var affected = requests
        for lot in lots {
            for allocation in ledger.allocations(of: lot)
            where allocation.status == .approved || allocation.status == .dispatched {
                affected.insert(allocation.request)
            }
        }
        return affected
    }
}
