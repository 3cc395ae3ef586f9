import Foundation
import SkjenkCore

/// The checks every engine makes before it writes, written once: an engine calls these and stores
/// the result, so SQLite and PostgreSQL refuse the same input with the same words.
public enum StoreRules {
    /// A profile validated (full name, title, phone, e-mail), or the refusal.
    public static func checkedProfile(_ profile: OfficerContact) throws -> OfficerContact {
        do {
            return try profile.validated()
        } catch {
            throw UserStoreError.invalidProfile(error)
        }
    }

    /// A user name (2–64 letters, digits, `.`, `-`, `_`) and the profile validated, or the refusal.
    public static func checkedUser(name: String, profile: OfficerContact?) throws -> OfficerContact? {
        let checked = try profile.map(checkedProfile)
        guard (2...64).contains(name.count),
            name.unicodeScalars.allSatisfy({
                CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)
            })
        else { throw UserStoreError.invalidName }
        return checked
    }

    /// A district's name as hearings give it ("St. Hanshaugen"; a leading "Bydel" is dropped),
    /// trimmed, 2–64 letters, spaces, `.` or `-`; nil for none.
    public static func checkedDistrict(_ district: String?) throws -> String? {
        guard let district else { return nil }
        var name = district.trimmingCharacters(in: .whitespaces)
        if name.lowercased().hasPrefix("bydel ") { name = String(name.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
        guard (2...64).contains(name.count), name.allSatisfy({ $0.isLetter || " .-".contains($0) }) else {
            throw StoreError.invalid("bydelen skal være et navn på 2–64 tegn (bokstaver, mellomrom, punktum, bindestrek)")
        }
        return name
    }

    /// An API key's name, trimmed, or the refusal.
    public static func checkedKeyName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard (2...64).contains(trimmed.count),
            trimmed.allSatisfy({ $0.isLetter || $0.isNumber || "-_. ".contains($0) })
        else {
            throw StoreError.invalid("navnet på nøkkelen skal være 2–64 tegn: bokstaver, tall, mellomrom, - _ .")
        }
        return trimmed
    }

    /// A hearing the store refuses (the format's cross-field rules), whoever calls it.
    public static func checkHearing(_ hearing: Hearing, violations: [RuleViolation]) throws {
        guard violations.isEmpty else {
            throw StoreError.invalid(
                "høringen \(hearing.caseNumber.text) lagres ikke: " + violations.map(\.message).joined(separator: "; "))
        }
    }

    /// A new complaint as it is stored: validated, and its steps replayed through the status flow
    /// from `received` (a `registered` step due `entry.nextDue` when it has none). No id, episode
    /// or stored steps yet: the engine adds them.
    public static func newComplaint(_ entry: ComplaintLogEntry, actor: Actor, now: Date) throws -> ComplaintLogEntry {
        let problems = ComplaintRules.problems(entry, now: now)
        guard problems.isEmpty else { throw ComplaintLogError.invalid(problems) }
        var state = entry
        state.district = try checkedDistrict(entry.district)
        state.id = nil
        state.status = .received
        state.closingReason = nil
        state.nextDue = nil
        state.steps = []
        state.episodeId = nil
        let steps =
            entry.steps.isEmpty
            ? [FollowUpStep(action: .registered, by: actor.name, at: max(now, entry.receivedAt), nextDue: entry.nextDue)]
            : entry.steps
        do throws(ComplaintFlow.Problem) {
            for step in steps { state = try ComplaintFlow.apply(step, to: state) }
        } catch {
            throw ComplaintLogError.flow(error)
        }
        return state
    }
}

extension StoreRules {
    /// Refuses to make `entries` one episode when they lie in different districts' logs, or (with
    /// `sameVenueOnly`) concern different venues.
    public static func checkLinkable(_ entries: [ComplaintLogEntry], sameVenueOnly: Bool) throws {
        guard let first = entries.first else { return }
        for entry in entries.dropFirst() {
            if entry.district != first.district {
                throw ComplaintLogError.differentDistricts(first.id ?? 0, entry.id ?? 0)
            }
            if sameVenueOnly && !entry.venue.isSameVenue(as: first.venue) {
                throw ComplaintLogError.differentVenues(first.id ?? 0, entry.id ?? 0)
            }
        }
    }
}

extension StoreRules {
    /// The review after `action` on `before`, with four eyes for an approval (`approver`: the actor's
    /// role, and who submitted the draft, as the engine read them in its transaction).
    public static func reviewStep(
        _ action: ReviewAction, to before: ReviewStatus, draft current: StatementDraft?, actor: Actor,
        approver: (role: Role?, submitter: String?)?, now: Date
    ) throws -> ReviewStatus {
        do throws(ReviewFlow.Problem) {
            if case .approve(let route) = action, let current, let approver {
                try ReviewFlow.checkApprover(
                    name: actor.name, role: approver.role, route: route, author: current.author,
                    submitter: approver.submitter)
            }
            return try ReviewFlow.apply(action, to: before, draft: current, now: now)
        } catch {
            throw StatementStoreError.review(error)
        }
    }
}

/// A `DecisionRoute` as the columns both engines store it in.
public struct RouteColumns: Sendable {
    public let kind: String
    public let signatory: String?
    public let body: String?
    /// `YYYY-MM-DD`.
    public let meetingDate: String?
    public let itemNumber: String?

    public init(_ route: DecisionRoute) {
        switch route {
        case .delegated(let signatory):
            (kind, self.signatory, body, meetingDate, itemNumber) = ("delegated", signatory, nil, nil, nil)
        case .council(let body, let date, let item):
            (kind, signatory, self.body, meetingDate, itemNumber) = ("council", nil, body, date.iso, item)
        }
    }

    /// The route from its columns, or `damaged` when a council's is incomplete.
    public static func route(
        _ kind: String, _ signatory: String?, _ body: String?, _ meeting: String?, _ item: String?
    ) throws -> DecisionRoute {
        if kind == "delegated" { return .delegated(signatory: signatory) }
        guard let body, let meeting, let item, let date = try? LocalDate(iso: meeting) else {
            throw StoreError.damaged("ufullstendig vedtaksvei i databasen")
        }
        return .council(body: body, meetingDate: date, itemNumber: item)
    }
}
