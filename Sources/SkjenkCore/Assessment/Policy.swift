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

    /// Opening hours in a zone of Oslo's regulation (FOR-2006-05-03-490 § 1): when a place must be
    /// closed (lukket) indoors and outdoors, and when serving stops (skjenkestopp), by default
    /// 30 minutes before closing. Closing and serving stop are different things, and every
    /// sentence the assessor writes says which one it means.
    public struct ZoneHours: Sendable, Hashable {
        /// Closed from (indoors).
        public var indoorClosing: TimeOfDay
        /// Closed from (the outdoor area).
        public var outdoorClosing: TimeOfDay
        /// Serving stops (indoors), at or before `indoorClosing`.
        public var indoorServingStop: TimeOfDay
        /// Serving stops (outdoors), at or before `outdoorClosing`.
        public var outdoorServingStop: TimeOfDay
        /// Closed from, for an outdoor area in a courtyard that homes face (bakgård med boliger mot
        /// arealet); nil when the zone has no rule of its own (the outdoor closing applies).
        public var courtyardClosing: TimeOfDay?
        /// Serving stop in such a courtyard.
        public var courtyardServingStop: TimeOfDay?

        public init(
            indoorClosing: TimeOfDay, outdoorClosing: TimeOfDay, indoorServingStop: TimeOfDay,
            outdoorServingStop: TimeOfDay, courtyardClosing: TimeOfDay? = nil, courtyardServingStop: TimeOfDay? = nil
        ) {
            self.indoorClosing = indoorClosing
            self.outdoorClosing = outdoorClosing
            self.indoorServingStop = indoorServingStop
            self.outdoorServingStop = outdoorServingStop
            self.courtyardClosing = courtyardClosing
            self.courtyardServingStop = courtyardServingStop
        }

        /// Closing and serving stop for an area.
        public func limits(_ area: ServingArea) -> (closing: TimeOfDay, servingStop: TimeOfDay) {
            area == .indoor ? (indoorClosing, indoorServingStop) : (outdoorClosing, outdoorServingStop)
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

    /// How the density of licensed venues is judged (`tetthet`).
    public enum DensityRule: Sendable, Hashable {
        /// Fixed counts within the radius.
        case absolute(Thresholds)
        /// Against the district's own venues: a count at or above the given percentile of the
        /// counts around every registered venue weighs (75: the district's top quartile).
        case relative(mediumPercentile: Double, highPercentile: Double)
    }

    /// Word lists that classify a concept and a target group (`konsept.ord`). A pattern is a
    /// whole word (`bar`), a stem (`cocktail*`: words that begin so) or an ending (`*klubb`).
    public struct ConceptWords: Sendable, Hashable {
        /// Bar, pub, nightclub: the places where late serving and groups weigh.
        public var bar: [WordPattern]
        /// Restaurant, café, brasserie: meals first.
        public var restaurant: [WordPattern]
        /// A young target group (students, young adults).
        public var young: [WordPattern]

        public init(bar: [WordPattern], restaurant: [WordPattern], young: [WordPattern]) {
            self.bar = bar
            self.restaurant = restaurant
            self.young = young
        }
    }

    /// The district as its letters present it (`bydel`).
    public struct District: Sendable, Hashable {
        /// "Bydel St. Hanshaugen".
        public var name: String
        public var postalAddress: String
        public var visitingAddress: String?
        public var organisationNumber: OrganisationNumber
        public var phone: String?
        public var email: String?
        public var web: String?
        /// Who signs delegated statements, and as what ("bydelsdirektør").
        public var directorName: String
        public var directorTitle: String
        /// "Vår referanse" from the agency's case number: `{aar}` and `{nr}` are replaced
        /// ("BSH {aar}/{nr}" gives "BSH 2026/5110"); nil when the district gives it by hand.
        public var referencePattern: String?
        /// Whether treatment, low-threshold and housing services are named in letters, or only
        /// described by their kind and distance (so the letter does not point at who lives there).
        public var namesVulnerableSites: Bool

        public init(
            name: String, postalAddress: String, visitingAddress: String? = nil,
            organisationNumber: OrganisationNumber, phone: String? = nil, email: String? = nil, web: String? = nil,
            directorName: String, directorTitle: String = "bydelsdirektør", referencePattern: String? = nil,
            namesVulnerableSites: Bool = false
        ) {
            self.name = name
            self.postalAddress = postalAddress
            self.visitingAddress = visitingAddress
            self.organisationNumber = organisationNumber
            self.phone = phone
            self.email = email
            self.web = web
            self.directorName = directorName
            self.directorTitle = directorTitle
            self.referencePattern = referencePattern
            self.namesVulnerableSites = namesVulnerableSites
        }

        /// "Vår referanse" for `caseNumber`, by the pattern.
        public func reference(for caseNumber: CaseNumber) -> String? {
            guard let referencePattern else { return nil }
            let parts = caseNumber.key.split(separator: "/")
            return referencePattern.replacingOccurrences(of: "{aar}", with: parts.first.map(String.init) ?? "")
                .replacingOccurrences(of: "{nr}", with: parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// The district's name, addresses, director and letter choices; nil in a policy without them.
    public var district: District?
    /// The kinds of application that get the short standard statement by default
    /// (`kort_uttalelse`): a single occasion always, the others when nothing weighs against.
    public var shortStatementKinds: Set<ApplicationType> = [.singleOccasion, .renewal, .changeOfOwner]
    /// Distance bands per site category.
    public var distances: [SiteCategory: DistanceBands]
    /// The ordinary opening hours per site category when the register gives none (kindergarten
    /// weekdays 07–17, school 08–16 …); a category without an entry is taken as always open.
    public var siteHours: [SiteCategory: WeeklyHours]
    /// The zone assumed when neither the hearing nor a zone register gives one.
    public var defaultZone: Zone
    /// Opening hours and serving stops per zone.
    public var zoneHours: [Zone: ZoneHours]
    /// Minutes from serving stop to closing, where a zone does not set its own serving stop.
    public var servingStopMinutes: Int
    /// The earliest start of serving groups 1 and 2 the district accepts (alkoholloven § 4-4:
    /// normally 08.00; the municipality may allow from 06.00).
    public var earliestServingStart: TimeOfDay
    /// Retail sale (alkoholloven § 3-7): opening, closing on weekdays and on days before Sundays
    /// and public holidays; never later than the law's 20.00 and 18.00.
    public var saleOpening: TimeOfDay
    public var saleClosingWeekdays: TimeOfDay
    public var saleClosingEve: TimeOfDay
    /// Radius in metres within which licensed venues are counted, and how the count is judged.
    public var densityRadius: Double
    public var density: DensityRule
    /// Complaints: how far back (months), within what radius of the venue (metres, for the
    /// area's situation), and the counts of the venue's own episodes that weigh; episodes in the
    /// last `recentMonths` count `recentWeight` times.
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
    /// Words that classify concepts and target groups.
    public var conceptWords: ConceptWords
    /// In a residential zone, indoor serving after this time at a bar or a large place weighs for
    /// the neighbours (guests leaving at night).
    public var lateIndoorServing: TimeOfDay
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
    /// Whether Open311's `GET requests` answers without an api_key (`open311.les_uten_noekkel`;
    /// GeoReport v2 asks for none there). Such reads never carry personal data or descriptions.
    public var open311ReadWithoutKey = true
    /// The district's cut-offs within the factors (`vurdering`), by default the values skjenk has used.
    public var judgement = Judgement()
    /// What the council has delegated to the director (`delegasjon`); nil: the director decides
    /// every statement (no council route is suggested).
    public var delegation: Delegation?

    public init(
        distances: [SiteCategory: DistanceBands], siteHours: [SiteCategory: WeeklyHours] = [:], defaultZone: Zone,
        zoneHours: [Zone: ZoneHours], servingStopMinutes: Int = 30, earliestServingStart: TimeOfDay,
        saleOpening: TimeOfDay, saleClosingWeekdays: TimeOfDay, saleClosingEve: TimeOfDay,
        densityRadius: Double, density: DensityRule, complaintMonths: Int, complaintRadius: Double,
        complaints: Thresholds, recentMonths: Int, recentWeight: Double, penaltyPoints: Thresholds,
        youngAgeLimit: Int, largeCapacity: Int, conceptWords: ConceptWords, lateIndoorServing: TimeOfDay,
        weights: [Criterion: Double], levels: Thresholds, goals: [Criterion: String], firstResponseDays: Int = 14,
        followUpDays: Int = 14
    ) {
        self.distances = distances
        self.siteHours = siteHours
        self.defaultZone = defaultZone
        self.zoneHours = zoneHours
        self.servingStopMinutes = servingStopMinutes
        self.earliestServingStart = earliestServingStart
        self.saleOpening = saleOpening
        self.saleClosingWeekdays = saleClosingWeekdays
        self.saleClosingEve = saleClosingEve
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
        self.conceptWords = conceptWords
        self.lateIndoorServing = lateIndoorServing
        self.weights = weights
        self.levels = levels
        self.goals = goals
        self.firstResponseDays = firstResponseDays
        self.followUpDays = followUpDays
    }

    /// The widest distance band: how far the assessment looks for sites.
    public var largestSiteRadius: Double { distances.values.map(\.medium).max() ?? 0 }
}
