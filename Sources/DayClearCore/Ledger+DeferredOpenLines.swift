extension Ledger {
    /// Stops keeping the planner's open lines event by event, for folding in a great many events at
    /// once: an import of 600,000 requests spent most of its fold merging each batch of newly opened
    /// lines into the sorted ones. `resumeOpenLines()` rebuilds them once, from the requests.
    ///
    /// Until then the open lines are stale, so nothing may plan from this ledger; every other part
    /// of it, and what `apply` accepts or refuses, is as without the deferral.
    public mutating func deferOpenLines() { defersOpenLines = true }

    /// Brings the open lines up to date (a walk of the requests awaiting a decision) and keeps them
    /// event by event again.
    public mutating func resumeOpenLines() {
        guard defersOpenLines else { return }
        defersOpenLines = false
        openLines = walkOpenLines()
    }

    // The fold's only changes to the open lines, each skipped while they are deferred.

    /// Adds the lines of a request that now awaits a decision (submitted or resubmitted) to the open lines.
    mutating func keepOpen(_ request: Request) {
        guard !defersOpenLines else { return }
        openLines.open(
            request, tier: recipients[request.recipient]?.tier ?? .community,
            recipientNumber: recipientNumbers[request.recipient] ?? -1, itemNumbers: itemNumbers)
    }

    /// Counts units newly proposed for a line of `request`.
    mutating func keepProposed(_ units: Int, request: Request, line: Int) {
        guard !defersOpenLines else { return }
        openLines.propose(units, request: request, line: line)
    }

    /// Drops the lines of a request that no longer awaits a decision.
    mutating func keepClosed(_ request: Request) {
        guard !defersOpenLines else { return }
        openLines.close(request)
    }
}
