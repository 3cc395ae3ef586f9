import Foundation

/// The status flow of a complaint: which step may follow which, and what each does to the
/// complaint. Received → under follow-up / forwarded → closed; a closed complaint takes no step
/// until it is reopened, and reopening says why.
public enum ComplaintFlow {
    /// Why a step cannot be taken. The messages name the complaint by id, never the complainant.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case closed(id: Int64?)
        case notClosed(id: Int64?)
        case registeredTwice
        case missingClosingReason
        case missingReason
        case missingDueDate
        case dueBeforeStep(due: LocalDate, step: LocalDate)
        case stepBeforeReceived

        public var description: String {
            switch self {
            case .closed(let id):
                "klage \(Self.name(id)) er avsluttet: gjenåpne den (skjenk complaints reopen \(Self.name(id))) før nye steg"
            case .notClosed(let id): "klage \(Self.name(id)) er ikke avsluttet og kan ikke gjenåpnes"
            case .registeredTwice: "klagen er allerede registrert"
            case .missingClosingReason: "oppgi hvorfor klagen avsluttes (--reason)"
            case .missingReason: "oppgi hvorfor klagen gjenåpnes (--note)"
            case .missingDueDate: "oppgi fristen for neste steg"
            case .dueBeforeStep(let due, let step):
                "fristen for neste steg (\(NorwegianFormat.date(due))) er før steget (\(NorwegianFormat.date(step)))"
            case .stepBeforeReceived: "steget kan ikke være før klagen ble mottatt"
            }
        }

        private static func name(_ id: Int64?) -> String { id.map(String.init) ?? "" }
    }

    /// `entry` after `step`, or why the step cannot be taken.
    public static func apply(_ step: FollowUpStep, to entry: ComplaintLogEntry) throws(Problem) -> ComplaintLogEntry {
        var entry = entry
        switch step.action {
        case .registered:
            guard entry.steps.isEmpty else { throw .registeredTwice }
        case .closed:
            guard entry.status.isOpen else { throw .closed(id: entry.id) }
            guard step.closingReason != nil else { throw .missingClosingReason }
        case .reopened:
            guard !entry.status.isOpen else { throw .notClosed(id: entry.id) }
            guard let note = step.note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missingReason
            }
        default:
            guard entry.status.isOpen else { throw .closed(id: entry.id) }
        }
        guard step.at >= entry.receivedAt else { throw .stepBeforeReceived }
        var step = step
        if step.action == .closed {
            step.nextDue = nil
        } else {
            guard let due = step.nextDue else { throw .missingDueDate }
            let stepDate = OsloTime.today(at: step.at)
            // A registered complaint may carry an old due date (imported from the spreadsheet).
            if step.action != .registered, due < stepDate { throw .dueBeforeStep(due: due, step: stepDate) }
            step.closingReason = nil
        }
        entry.status = step.action.resultingStatus
        entry.nextDue = step.nextDue
        switch step.action {
        case .closed: entry.closingReason = step.closingReason
        case .reopened: entry.closingReason = nil
        default: break
        }
        entry.steps.append(step)
        return entry
    }
}

/// A step that moved a complaint to another status, and when.
public struct StatusChange: Sendable, Hashable {
    public let status: ComplaintStatus
    public let at: Date

    public init(status: ComplaintStatus, at: Date) {
        self.status = status
        self.at = at
    }
}

extension ComplaintFlow {
    /// The complaint's status changes, oldest first, read from its steps (a step that leaves the
    /// status as it was is not a change). The complaint is received when it came in, even when it
    /// was registered later (from the spreadsheet).
    public static func statusChanges(of entry: ComplaintLogEntry) -> [StatusChange] {
        var changes: [StatusChange] = []
        for step in entry.steps where step.action.resultingStatus != changes.last?.status {
            let at = step.action == .registered ? entry.receivedAt : step.at
            changes.append(StatusChange(status: step.action.resultingStatus, at: at))
        }
        return changes
    }
}
