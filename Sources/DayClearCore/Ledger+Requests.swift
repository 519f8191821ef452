import Foundation

// MARK: - Submission

extension Ledger {
    mutating func submit(_ submission: RequestSubmission, _ context: EventContext) throws {
        try requireText(submission.id.rawValue, "request id")
        guard requests[submission.id] == nil else { throw DomainError.duplicate("request \(submission.id)") }
        try validateLines(of: submission)
        let request = Request(
            id: submission.id, recipient: submission.recipient, neededBy: submission.neededBy,
            submittedAt: submission.submittedAt ?? context.time, lines: submission.lines,
            note: submission.note)
        requests[submission.id] = request
        keepOpen(request)
    }

    mutating func resubmit(_ submission: RequestSubmission, _ context: EventContext) throws {
        var request = try existingRequest(submission.id)
        try requireMove(request, to: .submitted)
        guard submission.recipient == request.recipient else {
            throw DomainError.invalid("\(request.id): a resubmission cannot change the recipient")
        }
        try validateLines(of: submission)
        for allocation in allocations(of: request.id) {
            let item = request.line(allocation.line)?.item
            guard let line = submission.lines.first(where: { $0.number == allocation.line }), line.item == item else {
                throw DomainError.invalid(
                    "\(request.id) line \(allocation.line) has allocations of \(item.map(\.description) ?? "?"); a resubmission keeps that line and its item (add new lines after it)"
                )
            }
        }
        keepSubstitutions(of: request.id, oldLines: request.lines, newLines: submission.lines)
        request.lines = submission.lines
        request.note = submission.note
        request.neededBy = submission.neededBy
        request.submittedAt = submission.submittedAt ?? context.time
        request.state = .submitted
        request.decidedAt = nil
        request.decidedBy = nil
        requests[request.id] = request
        keepOpen(request)
    }

    private func validateLines(of submission: RequestSubmission) throws {
        // `index(forKey:)`: comparing `recipients[…]` with nil would copy the recipient, strings and all.
        guard recipients.index(forKey: submission.recipient) != nil else {
            throw DomainError.unknownRecipient(submission.recipient)
        }
        guard !submission.lines.isEmpty else { throw DomainError.invalid("\(submission.id) has no lines") }
        // Only a long request hashes its items to find a repeat: hashing a key normalises both of its
        // strings (they are seldom ASCII), which costs more than comparing a few earlier lines.
        let hashesItems = submission.lines.count > 8
        var seen: [ItemKey: Int] = [:]
        for (index, line) in submission.lines.enumerated() {
            guard line.number == index + 1 else {
                throw DomainError.invalid("\(submission.id): lines must be numbered 1, 2, 3…")
            }
            try requirePositive(line.quantity, "\(submission.id) line \(line.number) quantity")
            guard let unit = itemUnits[line.item] else {
                throw DomainError.unknownItem(line.item, knownSpecs: knownSpecs(of: line.item.kind))
            }
            guard unit == line.unit || line.unit.isEmpty else {
                throw DomainError.unitMismatch(line.item, expected: unit, got: line.unit)
            }
            let earlier =
                hashesItems
                ? seen.updateValue(line.number, forKey: line.item)
                : submission.lines[..<index].first { $0.item == line.item }?.number
            if let earlier {
                throw DomainError.repeatedItem(submission.id, line: line.number, line.item, firstLine: earlier)
            }
        }
    }

    func requireMove(_ request: Request, to next: RequestState) throws {
        guard request.state.canMove(to: next) else {
            throw DomainError.illegalTransition(request.id, from: request.state, to: next)
        }
    }
}

// MARK: - Allocation and decision

extension Ledger {
    mutating func propose(_ proposal: AllocationProposal, _ context: EventContext) throws {
        var request = try existingRequest(proposal.request)
        try requireMove(request, to: .proposed)
        guard let line = request.line(proposal.line) else {
            throw DomainError.unknownLine(request.id, proposal.line)
        }
        var lot = try existingLot(proposal.lot)
        try requirePositive(proposal.quantity, "\(request.id) line \(line.number) allocation")
        guard mayFill(line, of: request.id, with: lot.item) else {
            throw DomainError.kindMismatch(lot: lot.id, lotItem: lot.item, line: line.number, lineItem: line.item)
        }
        if let owner = lot.designatedRecipient, owner != request.recipient {
            throw DomainError.earmarked(lot: lot.id, for: owner, request: request.id, recipient: request.recipient)
        }
        if let eta = lot.eta, eta > request.neededBy {
            throw DomainError.expectedTooLate(lot: lot.id, request: request.id)
        }
        if let expiry = lot.expiry, expiry <= context.time { throw DomainError.expired(lot: lot.id) }
        guard proposal.quantity <= lot.free else {
            throw DomainError.insufficientStock(lot: lot.id, free: lot.free, wanted: proposal.quantity)
        }
        let already = proposedQuantity(request.id, line: line.number)
        guard proposal.quantity <= line.quantity - already else {
            let (wouldBe, overflow) = already.addingReportingOverflow(proposal.quantity)
            throw DomainError.exceedsAsked(
                request.id, line: line.number, asked: line.quantity, wouldBe: overflow ? Int.max : wouldBe)
        }
        lot.proposed += proposal.quantity
        lots[lot.id] = lot
        request.state = .proposed
        requests[request.id] = request
        let index = allocations.count
        allocations.append(
            Allocation(
                id: index + 1, lot: lot.id, request: request.id, line: line.number,
                proposedQuantity: proposal.quantity, proposedAt: context.time, proposedBy: context.actor))
        allocationIndicesByRequest[request.id, default: []].append(index)
        allocationIndicesByLot[lot.id, default: []].append(index)
        keepProposed(proposal.quantity, request: request, line: line.number)
    }

    mutating func approve(_ decision: LineQuantities, _ context: EventContext) throws {
        var request = try existingRequest(decision.request)
        try requireMove(request, to: .approved)
        for number in decision.quantities.keys where request.line(number) == nil {
            throw DomainError.unknownLine(request.id, number)
        }
        var approvesSomething = false
        var proposesSomething = false
        var grants: [Int: Int] = [:]
        for line in request.lines {
            let proposed = proposedQuantity(request.id, line: line.number)
            let wanted = decision.quantities[line.number] ?? proposed
            guard wanted >= 0 else {
                throw DomainError.invalidQuantity("\(request.id) line \(line.number): approved quantity is negative")
            }
            guard wanted <= proposed else {
                throw DomainError.exceedsProposed(request.id, line: line.number, proposed: proposed, wanted: wanted)
            }
            grants[line.number] = wanted
            approvesSomething = approvesSomething || wanted > 0
            proposesSomething = proposesSomething || proposed > 0
        }
        guard proposesSomething else { throw DomainError.nothingProposed(request.id) }
        guard approvesSomething else {
            throw DomainError.invalid("\(request.id): approving nothing; return or reject it instead")
        }
        for index in allocationIndicesByRequest[request.id] ?? [] where allocations[index].status == .proposed {
            var allocation = allocations[index]
            let granted = min(grants[allocation.line] ?? 0, allocation.proposedQuantity)
            grants[allocation.line, default: 0] -= granted
            allocation.approvedQuantity = granted
            allocation.status = granted > 0 ? .approved : .released
            lots[allocation.lot]?.proposed -= allocation.proposedQuantity
            lots[allocation.lot]?.approved += granted
            if granted > 0 { noteTaker(request.recipient, of: allocation.lot) }
            allocations[index] = allocation
        }
        request.state = .approved
        request.decidedAt = context.time
        request.decidedBy = context.actor
        request.paperwork = Paperwork()
        requests[request.id] = request
        keepClosed(request)
    }

    /// Returns, rejects or cancels, releasing whatever was proposed.
    mutating func close(_ id: RequestID, as next: RequestState, _ context: EventContext) throws {
        var request = try existingRequest(id)
        try requireMove(request, to: next)
        let reason = context.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if next != .cancelled, reason.isEmpty { throw DomainError.reasonRequired(id, next) }
        for index in allocationIndicesByRequest[id] ?? [] where allocations[index].status == .proposed {
            lots[allocations[index].lot]?.proposed -= allocations[index].proposedQuantity
            allocations[index].status = .released
        }
        request.state = next
        request.reason = reason.isEmpty ? nil : reason
        if next != .cancelled {
            request.decidedAt = context.time
            request.decidedBy = context.actor
        }
        requests[id] = request
        keepClosed(request)
    }
}

// MARK: - Dispatch, delivery and paperwork

extension Ledger {
    mutating func dispatch(_ id: RequestID, _ context: EventContext) throws {
        var request = try existingRequest(id)
        try requireMove(request, to: .dispatched)
        let indices = (allocationIndicesByRequest[id] ?? []).filter { allocations[$0].status == .approved }
        for index in indices where lots[allocations[index].lot]?.isArrived != true {
            throw DomainError.notArrived(lot: allocations[index].lot, request: id)
        }
        for index in indices {
            let quantity = allocations[index].approvedQuantity ?? 0
            allocations[index].status = .dispatched
            allocations[index].dispatchedAt = context.time
            lots[allocations[index].lot]?.approved -= quantity
            lots[allocations[index].lot]?.dispatched += quantity
        }
        request.state = .dispatched
        request.dispatchedAt = context.time
        requests[id] = request
    }

    mutating func deliver(_ receipt: LineQuantities, _ context: EventContext) throws {
        var request = try existingRequest(receipt.request)
        try requireMove(request, to: .delivered)
        for number in receipt.quantities.keys where request.line(number) == nil {
            throw DomainError.unknownLine(request.id, number)
        }
        var lines = request.lines
        for position in lines.indices {
            let number = lines[position].number
            let dispatched = dispatchedQuantity(request.id, line: number)
            let received = receipt.quantities[number] ?? dispatched
            guard received >= 0 else {
                throw DomainError.invalidQuantity("\(request.id) line \(number): received quantity is negative")
            }
            guard received <= dispatched else {
                throw DomainError.receivedTooMuch(request.id, line: number, dispatched: dispatched, received: received)
            }
            lines[position].received = received
        }
        request.lines = lines
        request.state = .delivered
        request.deliveredAt = context.time
        requests[request.id] = request
    }

    mutating func completePaperwork(_ id: RequestID, _ context: EventContext) throws {
        var request = try existingRequest(id)
        guard var paperwork = request.paperwork else {
            throw DomainError.paperwork(id, .notStarted(request.state))
        }
        if let done = paperwork.completedAt, let by = paperwork.completedBy {
            throw DomainError.paperwork(id, .alreadyCompleted(by: by, at: calendar.localText(done)))
        }
        paperwork.completedAt = context.time
        paperwork.completedBy = context.actor
        request.paperwork = paperwork
        requests[id] = request
    }
}
