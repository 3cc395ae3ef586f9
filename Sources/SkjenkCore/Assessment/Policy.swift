import Foundation

/// The district's policy for assessments: every threshold, norm and weight the assessor uses,
/// read from a file the district edits (`Samples/policy.yaml`). Defaults are never law.
public struct Policy: Sendable, Hashable {
    /// Distance bands for one site category, in metres: under `high` weighs high, under `medium`
    /// weighs medium (DOMAIN.md: high under 100 m, medium 100–300 m).
    public struct DistanceBands: Sendable, Hashable {
        public var high: Double
        public var medium: Double

        public init(high: Double, medium: Double) {
            self.high = high
            self.medium = medium
        }
    }

    /// Normal closing times in a zone of Oslo's opening-hours regulation, for serving.
    public struct ZoneNorm: Sendable, Hashable {
        public var indoor: TimeOfDay
        public var outdoor: TimeOfDay

        public init(indoor: TimeOfDay, outdoor: TimeOfDay) {
            self.indoor = indoor
            self.outdoor = outdoor
        }
    }

    /// Counts that make a factor medium or high.
    public struct Thresholds: Sendable, Hashable {
        public var medium: Double
        public var high: Double

        public init(medium: Double, high: Double) {
            self.medium = medium
            self.high = high
        }
    }

    /// Distance bands per site category.
    public var distances: [SiteCategory: DistanceBands]
    /// The zone assumed when neither the hearing nor a zone register gives one.
    public var defaultZone: Zone
    /// Normal closing times per zone.
    public var zoneNorms: [Zone: ZoneNorm]
    /// Latest outdoor closing in a courtyard facing homes.
    public var courtyardClosing: TimeOfDay
    /// Retail sale closing times (alkoholloven § 3-7 allows up to 20.00 on weekdays, 18.00 on Saturdays).
    public var saleClosingWeekdays: TimeOfDay
    public var saleClosingSaturday: TimeOfDay
    /// Radius in metres within which licensed venues are counted, and the counts that weigh.
    public var densityRadius: Double
    public var density: Thresholds
    /// Complaints: how far back (months), within what radius of the venue (metres), and the
    /// counts of episodes that weigh; episodes in the last `recentMonths` count `recentWeight` times.
    public var complaintMonths: Int
    public var complaintRadius: Double
    public var complaints: Thresholds
    public var recentMonths: Int
    public var recentWeight: Double
    /// Penalty points within two years that weigh (alkoholforskriften kapittel 10).
    public var penaltyPoints: Thresholds
    /// Age limits under which a bar concept weighs.
    public var youngAgeLimit: Int
    /// Indoor capacity from which a venue counts as large.
    public var largeCapacity: Int
    /// Weight per criterion in the overall score.
    public var weights: [Criterion: Double]
    /// The overall score from which the level is medium and high.
    public var levels: Thresholds
    /// The district's action-plan goal each criterion serves, quoted in explanations.
    public var goals: [Criterion: String]
    /// Complaint follow-up: days from receipt to the first response is due, and the default days
    /// to the next step after each step (`klager.forste_svar_dager`, `klager.oppfoelging_dager`).
    public var firstResponseDays: Int
    public var followUpDays: Int
    /// When a new complaint is flagged as a likely duplicate (`klager.duplikat_avstand`,
    /// `klager.duplikat_dager`).
    public var duplicates = DuplicateRule()
    /// A complaint given by position is linked to the nearest licensed venue within this many
    /// metres (`klager.kobling_avstand`).
    public var venueLinkDistance: Double = 50

    public init(
        distances: [SiteCategory: DistanceBands], defaultZone: Zone, zoneNorms: [Zone: ZoneNorm],
        courtyardClosing: TimeOfDay, saleClosingWeekdays: TimeOfDay, saleClosingSaturday: TimeOfDay,
        densityRadius: Double, density: Thresholds, complaintMonths: Int, complaintRadius: Double,
        complaints: Thresholds, recentMonths: Int, recentWeight: Double, penaltyPoints: Thresholds,
        youngAgeLimit: Int, largeCapacity: Int, weights: [Criterion: Double], levels: Thresholds,
        goals: [Criterion: String], firstResponseDays: Int = 14, followUpDays: Int = 14
    ) {
        self.firstResponseDays = firstResponseDays
        self.followUpDays = followUpDays
        self.distances = distances
        self.defaultZone = defaultZone
        self.zoneNorms = zoneNorms
        self.courtyardClosing = courtyardClosing
        self.saleClosingWeekdays = saleClosingWeekdays
        self.saleClosingSaturday = saleClosingSaturday
        self.densityRadius = densityRadius
        self.density = density
        self.complaintMonths = complaintMonths
        self.complaintRadius = complaintRadius
        self.complaints = complaints
        self.recentMonths = recentMonths
        self.recentWeight = recentWeight
        self.penaltyPoints = penaltyPoints
        self.youngAgeLimit = youngAgeLimit
        self.largeCapacity = largeCapacity
        self.weights = weights
        self.levels = levels
        self.goals = goals
    }

    /// The widest distance band: how far the assessment looks for sites.
    public var largestSiteRadius: Double { distances.values.map(\.medium).max() ?? 0 }
}
