/// Why an allowance of a substitute spec, or its revocation, was refused.
///
/// Kept as data rather than text so the terminal can word it in the user's language.
public enum SubstitutionRefusal: Equatable, Sendable, CustomStringConvertible {
    /// The request has left the decision (approved, rejected, …).
    case notAwaitingDecision(RequestState)
    /// The spec named is the line's own.
    case ownSpec(String)
    /// There is no allowance of this spec in force to revoke.
    case noneToRevoke(String)
    /// Units of the spec are proposed for the line; revoking would strand them.
    case stillProposed(spec: String, quantity: Int)

    public var description: String {
        switch self {
        case .notAwaitingDecision(let state):
            return "it is \(state); substitutions are allowed only while it awaits a decision"
        case .ownSpec(let spec): return "\(spec) is the line's own spec"
        case .noneToRevoke(let spec): return "no substitute \(spec) is allowed for it to revoke"
        case .stillProposed(let spec, let quantity):
            return "\(quantity) of \(spec) are proposed for it; return the request before revoking"
        }
    }
}

/// Why completing a request's paperwork was refused.
public enum PaperworkRefusal: Equatable, Sendable, CustomStringConvertible {
    /// Paperwork starts at approval; the request is in this state.
    case notStarted(RequestState)
    /// Someone completed it already, at this local time.
    case alreadyCompleted(by: String, at: String)

    public var description: String {
        switch self {
        case .notStarted(let state): return "paperwork starts when the request is approved; it is \(state)"
        case .alreadyCompleted(let by, let at): return "paperwork was already completed by \(by) at \(at)"
        }
    }
}
