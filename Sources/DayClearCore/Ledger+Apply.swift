import Foundation

extension Ledger {
    /// Folds one recorded event in, or throws and changes nothing.
    public mutating func apply(_ recorded: RecordedEvent) throws {
        guard recorded.sequence == lastSequence + 1 else {
            throw DomainError.invalid(
                "event \(recorded.sequence) out of order: expected \(lastSequence + 1)")
        }
        let context = EventContext(time: recorded.time, actor: recorded.actor, reason: recorded.reason)
        switch recorded.event {
        case .calendarConfigured(let settings): try configureCalendar(settings)
        case .recipientRegistered(let recipient): try register(recipient)
        case .lotRegistered(let registration): try register(registration)
        case .lotReceived(let receipt): try receive(receipt, context)
        case .lotValued(let valuation): try value(valuation)
        case .requestSubmitted(let submission): try submit(submission, context)
        case .requestResubmitted(let submission): try resubmit(submission, context)
        case .allocationProposed(let proposal): try propose(proposal, context)
        case .substitutionAllowed(let allowance): try allow(allowance, context)
        case .substitutionRevoked(let allowance): try revoke(allowance, context)
        case .requestApproved(let decision): try approve(decision, context)
        case .requestReturned(let ref): try close(ref.request, as: .returned, context)
        case .requestRejected(let ref): try close(ref.request, as: .rejected, context)
        case .requestCancelled(let ref): try close(ref.request, as: .cancelled, context)
        case .requestDispatched(let ref): try dispatch(ref.request, context)
        case .requestDelivered(let receipt): try deliver(receipt, context)
        case .paperworkCompleted(let ref): try completePaperwork(ref.request, context)
        case .shuttleRunsPlanned(let plan): try adopt(plan)
        case .roleGranted(let change): try grant(change)
        case .roleRevoked(let change): try revoke(change)
        case .serverGroupNamed(let group): try nameServerGroup(group)
        }
        lastSequence = recorded.sequence
        history.record(recorded.event)
    }

    /// Folds in several events as one unit: all of them, or none.
    public mutating func apply<S: Sequence>(all events: S) throws where S.Element == RecordedEvent {
        var copy = self
        for event in events { try copy.apply(event) }
        self = copy
    }
}

/// The when, who and why of the event being applied.
struct EventContext {
    var time: Date
    var actor: String
    var reason: String?
}

// MARK: - Set-up, recipients and lots

extension Ledger {
    mutating func configureCalendar(_ settings: CalendarSettings) throws {
        guard let zone = TimeZone(identifier: settings.timeZoneIdentifier) else {
            throw DomainError.invalid("unknown time zone \(settings.timeZoneIdentifier)")
        }
        guard (0..<(24 * 60)).contains(settings.cutoffMinutes) else {
            throw DomainError.invalid("cutoff must be between 00:00 and 23:59")
        }
        calendar = OperationalCalendar(timeZone: zone, cutoffMinutes: settings.cutoffMinutes)
    }

    mutating func register(_ recipient: Recipient) throws {
        try requireText(recipient.id.rawValue, "recipient id")
        try requireText(recipient.name, "recipient \(recipient.id) name")
        guard recipients[recipient.id] == nil else { throw DomainError.duplicate("recipient \(recipient.id)") }
        guard (-90...90).contains(recipient.latitude), (-180...180).contains(recipient.longitude) else {
            throw DomainError.invalid("recipient \(recipient.id): latitude/longitude out of range")
        }
        recipients[recipient.id] = recipient
        recipientNumbers[recipient.id] = recipientNumbers.count
    }

    mutating func register(_ registration: LotRegistration) throws {
        let id = registration.id
        try requireText(id.rawValue, "lot id")
        guard lots[id] == nil else { throw DomainError.duplicate("lot \(id)") }
        try requireText(registration.item.kind, "lot \(id) item kind")
        try requireText(registration.unit, "lot \(id) unit")
        try requireText(registration.donor, "lot \(id) donor")
        try requirePositive(registration.quantity, "lot \(id) quantity")
        try requirePositive(registration.packSize, "lot \(id) pack size")
        if let known = itemUnits[registration.item], known != registration.unit {
            throw DomainError.unitMismatch(registration.item, expected: known, got: registration.unit)
        }
        if let designated = registration.designatedRecipient, recipients[designated] == nil {
            throw DomainError.unknownRecipient(designated)
        }
        try validate(registration.valuation, of: id)
        let itemTotal = try unitsByItem[registration.item, default: 0].checkedAdding(
            registration.quantity, "registered \(registration.item) in total")
        if itemUnits.updateValue(registration.unit, forKey: registration.item) == nil {
            itemNumbers[registration.item] = itemNumbers.count
        }
        unitsByItem[registration.item] = itemTotal
        lots[id] = Lot(
            id: id, item: registration.item, unit: registration.unit, quantity: registration.quantity,
            packSize: registration.packSize, donor: registration.donor, status: registration.status,
            expiry: registration.expiry, designatedRecipient: registration.designatedRecipient,
            valuation: registration.valuation)
    }

    mutating func receive(_ receipt: LotReceipt, _ context: EventContext) throws {
        var lot = try existingLot(receipt.lot)
        guard !lot.isArrived else { throw DomainError.alreadyArrived(lot.id) }
        try requirePositive(receipt.quantity, "lot \(lot.id) received quantity")
        let committed = lot.proposed + lot.approved
        guard receipt.quantity >= committed else {
            throw DomainError.shortArrival(lot: lot.id, committed: committed, received: receipt.quantity)
        }
        let itemTotal = try (unitsByItem[lot.item, default: 0] - lot.quantity).checkedAdding(
            receipt.quantity, "registered \(lot.item) in total")
        unitsByItem[lot.item] = itemTotal
        lot.quantity = receipt.quantity
        lot.status = .arrived(at: context.time)
        lots[lot.id] = lot
    }

    mutating func value(_ valuation: LotValuation) throws {
        var lot = try existingLot(valuation.lot)
        guard lot.valuation.isPending else { throw DomainError.alreadyValued(lot.id, lot.valuation) }
        guard !valuation.valuation.isPending else {
            throw DomainError.invalid("lot \(lot.id): a valuation must be invoiced, appraised or unvaluable")
        }
        try validate(valuation.valuation, of: lot.id)
        lot.valuation = valuation.valuation
        lots[lot.id] = lot
    }

    private func validate(_ valuation: Valuation, of lot: LotID) throws {
        if let fen = valuation.fen, fen < 0 {
            throw DomainError.invalidQuantity("lot \(lot): value must not be negative")
        }
        if case .appraised(_, let by) = valuation {
            try requireText(by, "lot \(lot) appraiser")
        }
    }

    // MARK: - Shared checks

    func existingLot(_ id: LotID) throws -> Lot {
        guard let lot = lots[id] else { throw DomainError.unknownLot(id) }
        return lot
    }

    func existingRequest(_ id: RequestID) throws -> Request {
        guard let request = requests[id] else { throw DomainError.unknownRequest(id) }
        return request
    }

    /// `what` is built only for the message: most checks pass, and building it costs more than the check.
    func requireText(_ text: String, _ what: @autoclosure () -> String) throws {
        // Most texts start with a visible ASCII character; only the others need Foundation's trim.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DomainError.invalid("\(what()) is empty")
        }
    }

    func requirePositive(_ value: Int, _ what: @autoclosure () -> String) throws {
        guard value > 0 else { throw DomainError.invalidQuantity("\(what()) must be positive, got \(value)") }
    }
}
