import Foundation

/// Where a statement stands: utkast → til behandling → vedtatt → sendt; returned goes back to utkast.
public enum ReviewState: String, ExchangeCoded {
    case draft, submitted, approved, sent

    public var code: String {
        switch self {
        case .draft: "utkast"
        case .submitted: "til-behandling"
        case .approved: "vedtatt"
        case .sent: "sendt"
        }
    }

    public var label: String {
        switch self {
        case .draft: "utkast"
        case .submitted: "til behandling"
        case .approved: "vedtatt"
        case .sent: "sendt"
        }
    }
}

/// A statement's review: its state, who decided it, when it was sent, and the last comment.
public struct ReviewStatus: Sendable, Hashable {
    public var state: ReviewState
    public var decision: DecisionRoute?
    public var approvedAt: Date?
    public var sentDate: LocalDate?
    /// Why it was last returned.
    public var comment: String?

    public init(
        state: ReviewState = .draft, decision: DecisionRoute? = nil, approvedAt: Date? = nil,
        sentDate: LocalDate? = nil, comment: String? = nil
    ) {
        self.state = state
        self.decision = decision
        self.approvedAt = approvedAt
        self.sentDate = sentDate
        self.comment = comment
    }
}

/// A step in the review.
public enum ReviewAction: Sendable, Hashable {
    case submit
    case approve(DecisionRoute)
    case returnToDraft(comment: String)
    case markSent(LocalDate)

    public var code: String {
        switch self {
        case .submit: "submit"
        case .approve: "approve"
        case .returnToDraft: "return"
        case .markSent: "sent"
        }
    }
}

/// The review's rules, as a pure function of the status, the action and the current draft.
public enum ReviewFlow {
    /// Who may approve a statement on `route` (issue 15, four eyes): a leader for the director's
    /// route, the council (its secretary records the decision) for a council's; never the one who
    /// wrote the draft or sent it for review.
    public static func checkApprover(
        name: String, role: Role?, route: DecisionRoute, author: String, submitter: String?
    ) throws(Problem) {
        let needed: Role = route.isDelegated ? .manager : .councilMember
        guard role == needed else {
            throw .approverLacksAuthority(
                route: route.isDelegated ? "bydelsdirektøren" : "et politisk organ", needed: needed.code)
        }
        guard name != author else { throw .approverIsAuthor }
        guard name != submitter else { throw .approverSubmitted }
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case noDraft
        case wrongState(action: String, state: ReviewState)
        case missingComment
        case decisionDiffersFromDraft(draft: String)
        case sentInTheFuture
        case alreadySent
        /// Four eyes: the approver wrote the draft or sent it for review.
        case approverIsAuthor
        case approverSubmitted
        /// The approver lacks the route's authority (a leader for the director's route, the council
        /// for a council's).
        case approverLacksAuthority(route: String, needed: String)

        public var description: String {
            switch self {
            case .noDraft: "saken har ikke noe utkast ennå; lag et først"
            case .wrongState(let action, let state):
                "uttalelsen er \(state.label) og kan ikke \(action)"
            case .missingComment: "oppgi hvorfor utkastet sendes tilbake"
            case .decisionDiffersFromDraft(let draft):
                "utkastet er skrevet for \(draft); lag nytt utkast med riktig vedtaksvei før det vedtas"
            case .sentInTheFuture: "sendt-datoen kan ikke være frem i tid"
            case .alreadySent: "uttalelsen er sendt; et nytt utkast kan ikke lages"
            case .approverIsAuthor: "den som skrev utkastet, kan ikke vedta det selv (to personer skal se uttalelsen)"
            case .approverSubmitted:
                "den som sendte utkastet til behandling, kan ikke vedta det selv (to personer skal se uttalelsen)"
            case .approverLacksAuthority(let route, let needed):
                "utkastet er til \(route) og vedtas av en bruker med rollen \(needed)"
            }
        }
    }

    /// The status after `action`, or why not. `draft` is the current version; `today` is Oslo's date.
    public static func apply(
        _ action: ReviewAction, to status: ReviewStatus, draft: StatementDraft?, now: Date
    ) throws(Problem) -> ReviewStatus {
        guard let draft else { throw .noDraft }
        var status = status
        switch action {
        case .submit:
            guard status.state == .draft else {
                throw .wrongState(action: "sendes til behandling", state: status.state)
            }
            status.state = .submitted
            status.comment = nil
        case .returnToDraft(let comment):
            guard status.state == .submitted else { throw .wrongState(action: "sendes tilbake", state: status.state) }
            guard !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .missingComment }
            status.state = .draft
            status.comment = comment
        case .approve(let decision):
            guard status.state == .submitted else { throw .wrongState(action: "vedtas", state: status.state) }
            guard decision.isSameDecisionMaker(as: draft.route) else {
                throw .decisionDiffersFromDraft(draft: draft.route.label)
            }
            status.state = .approved
            status.decision = decision
            status.approvedAt = now
        case .markSent(let date):
            guard status.state == .approved else { throw .wrongState(action: "merkes som sendt", state: status.state) }
            guard date <= OsloTime.today(at: now) else { throw .sentInTheFuture }
            status.state = .sent
            status.sentDate = date
        }
        return status
    }
}

/// Where a case's statement stands, as the desk shows it: no draft yet, a draft (or one returned
/// with a comment), under review, approved, sent.
public enum StatementStage: String, ExchangeCoded {
    case none, draft, returned, submitted, approved, sent

    public var code: String {
        switch self {
        case .none: "ingen"
        case .draft: "utkast"
        case .returned: "returnert"
        case .submitted: "til-behandling"
        case .approved: "vedtatt"
        case .sent: "sendt"
        }
    }

    public var label: String {
        switch self {
        case .none: "ikke påbegynt"
        case .draft: "utkast"
        case .returned: "returnert"
        case .submitted: "til behandling"
        case .approved: "vedtatt"
        case .sent: "sendt"
        }
    }

    /// The stage of a statement with or without drafts, reviewed as `review`.
    public init(hasDraft: Bool, review: ReviewStatus) {
        guard hasDraft else {
            self = .none
            return
        }
        switch review.state {
        case .draft: self = review.comment == nil ? .draft : .returned
        case .submitted: self = .submitted
        case .approved: self = .approved
        case .sent: self = .sent
        }
    }
}
