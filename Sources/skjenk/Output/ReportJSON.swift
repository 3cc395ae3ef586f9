import Foundation
import SkjenkCore

/// `skjenk stats --json`: the figures of the period asked for and, for a whole year, each quarter's.
/// Kinds, outcomes and categories by their exchange codes; a percentage or median without a basis
/// (nothing answered, no decision to compare) is left out.
struct ReportJSON: Encodable {
    struct Received: Encodable {
        let total: Int
        let byKind: [String: Int]
    }

    struct Decisions: Encodable {
        let recorded: Int
        let compared: Int
        let agreeing: Int
        let agreementPercent: Double?
    }

    struct CategoryCount: Encodable {
        let category: String
        let label: String
        let count: Int
    }

    struct VenueCount: Encodable {
        let venue: String
        let count: Int
    }

    struct Complaints: Encodable {
        let total: Int
        let byCategory: [CategoryCount]
        let topVenues: [VenueCount]
    }

    struct Figures: Encodable {
        let period: String
        let from: String
        let to: String
        let received: Received
        let answered: Int
        let unanswered: Int
        let answeredOnTime: Int
        let onTimePercent: Double?
        let medianDaysUsed: Double?
        let outcomes: [String: Int]
        let decisions: Decisions
        let complaints: Complaints

        init(_ figures: ReportFigures) {
            period = figures.period.code
            from = figures.period.first.iso
            to = figures.period.last.iso
            received = Received(
                total: figures.receivedTotal,
                byKind: Dictionary(uniqueKeysWithValues: figures.received.map { ($0.key.code, $0.count) }))
            answered = figures.answered
            unanswered = figures.unanswered
            answeredOnTime = figures.answeredOnTime
            onTimePercent = figures.onTimePercent
            medianDaysUsed = figures.medianDaysUsed
            outcomes = Dictionary(uniqueKeysWithValues: figures.outcomes.map { ($0.key.code, $0.count) })
            decisions = Decisions(
                recorded: figures.decisions, compared: figures.decisionsCompared, agreeing: figures.decisionsAgreeing,
                agreementPercent: figures.agreementPercent)
            complaints = Complaints(
                total: figures.complaints,
                byCategory: figures.complaintsByCategory.map {
                    CategoryCount(category: $0.key.code, label: $0.key.label, count: $0.count)
                },
                topVenues: figures.complaintsByVenue.map { VenueCount(venue: $0.key, count: $0.count) })
        }
    }

    let district: String?
    let year: Int
    let quarter: Int?
    let figures: Figures
    /// The four quarters of a whole year; empty when one quarter was asked for.
    let quarters: [Figures]

    init(_ report: AnnualReport, period: ReportPeriod, district: String?) {
        self.district = district
        year = period.year
        quarter = period.quarter
        figures = Figures(report.figures(period))
        quarters = period.quarter == nil ? report.quarters.map(Figures.init) : []
    }
}
