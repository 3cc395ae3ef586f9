import Foundation
import SkjenkCore
import SkjenkStore

/// A hearing assessed with its district's policy: the hearing as assessed (placed by its address
/// when it had no position), the assessment, the policy and the context it was assessed in.
public struct AssessedHearing: Sendable {
    public let hearing: Hearing
    public let assessment: Assessment
    public let policy: Policy
    public let context: AssessmentContext
}

/// Assessing hearings, the same way from the command line and the web.
public enum AssessmentDesk {
    /// `hearings` assessed in their order, each with the policy of its own district (alkoholloven
    /// § 1-7a): grouped by district, each group with its policy and the registers read for it. Nothing
    /// is assessed when a district has no policy.
    public static func assess(
        _ hearings: [Hearing], policies: PolicySet,
        store: some RegisterStore & AddressStore & ZoneStore & ComplaintStore, today: LocalDate
    ) async throws -> [AssessedHearing] {
        var assessed = [AssessedHearing?](repeating: nil, count: hearings.count)
        for group in try policies.groups(forDistricts: hearings.map(\.district)) {
            let (positioned, context) = try await AssessmentInputs.load(
                group.indices.map { hearings[$0] }, policy: group.policy, database: store, today: today)
            let assessments = Assessor.assessAll(positioned, context: context)
            for (index, (hearing, assessment)) in zip(group.indices, zip(positioned, assessments)) {
                assessed[index] = AssessedHearing(
                    hearing: hearing, assessment: assessment, policy: group.policy, context: context)
            }
        }
        return assessed.compactMap { $0 }
    }

    /// Assesses the cases `numbers` (just imported, say) and keeps their levels for the desk. A
    /// district without a policy leaves its cases unassessed; the case page says why.
    public static func refreshLevels(
        of numbers: [CaseNumber], policies: PolicySet, store: some CaseStore & RegisterStore & AddressStore
            & ZoneStore & ComplaintStore, today: LocalDate
    ) async throws {
        var cases: [StoredCase] = []
        for number in numbers {
            if let stored = try await store.storedCase(number) { cases.append(stored) }
        }
        for district in Set(cases.map(\.hearing.district)) {
            let group = cases.filter { $0.hearing.district == district }
            guard (try? policies.policy(forDistrict: district)) != nil else { continue }
            let assessed = try await assess(group.map(\.hearing), policies: policies, store: store, today: today)
            try await recordLevels(of: group, assessed.map(\.assessment), store: store)
        }
    }

    /// Keeps the level each of `cases` was assessed at (`assessed`, in the same order) for the desk.
    public static func recordLevels(
        of cases: [StoredCase], _ assessed: [Assessment], store: some CaseStore
    ) async throws {
        try await store.recordRiskLevels(
            zip(cases, assessed).map {
                RiskRecord(caseNumber: $0.hearing.caseNumber, hearingVersion: $0.version, level: $1.level)
            })
    }
}

extension PolicySet {
    /// The positions in `districts` grouped by the policy that applies to them, in the order each
    /// group first appears: one group per district (with the same policy for all from a single
    /// file). Throws for
    /// the first district without a policy, before anything is grouped.
    public func groups(forDistricts districts: [String?]) throws(PolicySetError) -> [(policy: Policy, indices: [Int])] {
        var groups: [(policy: Policy, indices: [Int])] = []
        var groupOfKey: [String: Int] = [:]
        for (index, district) in districts.enumerated() {
            let policy = try self.policy(forDistrict: district)
            // Each district is one group, from a single file too: a district's hearings are assessed
            // with its own complaint log (`AssessmentInputs`); no district is one more.
            let key = district.map { "d:" + Self.key($0) } ?? "-"
            if let group = groupOfKey[key] {
                groups[group].indices.append(index)
            } else {
                groupOfKey[key] = groups.count
                groups.append((policy, [index]))
            }
        }
        return groups
    }
}
