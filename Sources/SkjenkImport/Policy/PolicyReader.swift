import Foundation
import SkjenkCore
import Yams

/// Reads the district's policy file (YAML, see `Samples/policy.yaml`) strictly: every key known,
/// every value checked, every problem reported with its line and column. Unknown keys are errors,
/// so a misspelt threshold never silently falls back to something else.
public struct PolicyReader: Sendable {
    public init() {}

    /// The policy in `url`, or every problem found in it.
    public func read(contentsOf url: URL, displayName: String? = nil) -> Result<Policy, PolicyErrors> {
        let name = displayName ?? url.path
        guard let data = try? Data(contentsOf: url) else {
            return .failure(
                PolicyErrors([
                    Diagnostic(
                        at: SourceLocation(file: name, line: 0, column: 0),
                        message: "policyfilen finnes ikke eller kan ikke leses")
                ]))
        }
        return read(data: data, fileName: name)
    }

    public func read(data: Data, fileName: String) -> Result<Policy, PolicyErrors> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(
                PolicyErrors([
                    Diagnostic(
                        at: SourceLocation(file: fileName, line: 1, column: 1),
                        message: "policyfilen er ikke UTF-8")
                ]))
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(
                    PolicyErrors([
                        Diagnostic(
                            at: SourceLocation(file: fileName, line: 1, column: 1),
                            message: "policyfilen er tom")
                    ]))
            }
            root = node
        } catch let error as YamlError {
            return .failure(PolicyErrors([Self.diagnostic(error, fileName: fileName)]))
        } catch {
            return .failure(
                PolicyErrors([
                    Diagnostic(
                        at: SourceLocation(file: fileName, line: 1, column: 1),
                        message: "policyfilen kan ikke leses som YAML")
                ]))
        }
        var reader = PolicyNodeReader(fileName: fileName)
        let policy = reader.policy(root)
        guard reader.problems.isEmpty, let policy else { return .failure(PolicyErrors(reader.problems)) }
        return .success(policy)
    }

    private static func diagnostic(_ error: YamlError, fileName: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Diagnostic(
                at: SourceLocation(file: fileName, line: mark.line, column: mark.column),
                message: "ugyldig YAML (\(problem))")
        case .duplicatedKeysInMapping(let duplicates, _):
            return Diagnostic(
                at: SourceLocation(file: fileName, line: 1, column: 1),
                message: "samme nøkkel står to ganger: \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(at: SourceLocation(file: fileName, line: 1, column: 1), message: "ugyldig YAML")
        }
    }
}

/// Every problem in a policy file.
public struct PolicyErrors: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Walks the YAML tree, collecting problems with their positions.
struct PolicyNodeReader {
    let fileName: String
    var problems: [Diagnostic] = []

    mutating func policy(_ root: Node) -> Policy? {
        guard
            let top = mapping(
                root, "policyfilen",
                keys: [
                    "versjon", "bydel", "kort_uttalelse", "standardsone", "avstander", "aapningstider_steder", "skjenkestopp_minutter", "soner",
                    "tidligste_skjenkestart", "naboer", "salg", "tetthet", "klager", "prikker", "konsept", "vekter",
                    "nivaa", "maal", "open311",
                ])
        else { return nil }
        if let version = top["versjon"], let text = scalar(version, "versjon"), text != "2" {
            report(
                version,
                "versjon: skjenk leser policyfiler av versjon 2 (fant «\(text)»); sonene har nå stengetider og "
                    + "skjenkestopp, se Samples/policy.yaml")
            return nil
        }
        let defaultZone = top["standardsone"].flatMap { zone($0, "standardsone") }
        let district = top["bydel"].flatMap { districtSettings($0) }
        let distances = distanceBands(top, root)
        let siteHours = top["aapningstider_steder"].map { siteOpeningHours($0) } ?? [:]
        let stopMinutes =
            top["skjenkestopp_minutter"].map { integer($0, "skjenkestopp_minutter", in: 0...180) } ?? 30
        let zoneHours = stopMinutes.map { zoneTable(top, root, servingStopMinutes: $0) } ?? [:]
        let earliest = required(top, "tidligste_skjenkestart", in: root).flatMap {
            time($0, "tidligste_skjenkestart")
        }
        if let earliest, let node = top["tidligste_skjenkestart"],
            earliest < ServingHours.earliestLegalStart || earliest >= ServingHours.group3Start
        {
            report(
                node,
                "tidligste_skjenkestart: alkoholloven § 4-4 tillater skjenking fra kl. 06.00 tidligst; fant "
                    + "«\(earliest)»")
        }
        var lateIndoor: TimeOfDay?
        if let node = required(top, "naboer", in: root),
            let fields = mapping(node, "naboer", keys: ["sen_skjenking_inne_etter"])
        {
            lateIndoor = required(fields, "sen_skjenking_inne_etter", in: node, path: "naboer").flatMap {
                time($0, "naboer.sen_skjenking_inne_etter")
            }
        }
        let sale = saleHours(top, root)

        var densityRadius: Double?
        var density: Policy.DensityRule?
        if let node = required(top, "tetthet", in: root),
            let fields = mapping(
                node, "tetthet", keys: ["radius", "maate", "middels", "hoy", "middels_persentil", "hoy_persentil"])
        {
            densityRadius = required(fields, "radius", in: node, path: "tetthet").flatMap {
                metres($0, "tetthet.radius")
            }
            density = densityRule(fields, node)
        }

        var complaintMonths: Int?
        var complaintRadius: Double?
        var complaints: Policy.Thresholds?
        var recentMonths: Int?
        var recentWeight: Double?
        var firstResponseDays: Int?
        var followUpDays: Int?
        var duplicateDistance: Double?
        var duplicateDays: Int?
        var venueLinkDistance: Double?
        if let node = required(top, "klager", in: root),
            let fields = mapping(
                node, "klager",
                keys: [
                    "maaneder", "radius", "middels", "hoy", "siste_maaneder", "vekt_siste", "forste_svar_dager",
                    "oppfoelging_dager", "duplikat_avstand", "duplikat_dager", "kobling_avstand",
                ])
        {
            complaintMonths = required(fields, "maaneder", in: node, path: "klager").flatMap {
                integer($0, "klager.maaneder", in: 1...120)
            }
            complaintRadius = required(fields, "radius", in: node, path: "klager").flatMap {
                metres($0, "klager.radius")
            }
            complaints = thresholds(fields, node, "klager")
            recentMonths = required(fields, "siste_maaneder", in: node, path: "klager").flatMap {
                integer($0, "klager.siste_maaneder", in: 0...120)
            }
            recentWeight = required(fields, "vekt_siste", in: node, path: "klager").flatMap {
                number($0, "klager.vekt_siste", in: 0...10)
            }
            firstResponseDays = required(fields, "forste_svar_dager", in: node, path: "klager").flatMap {
                integer($0, "klager.forste_svar_dager", in: 0...365)
            }
            followUpDays = required(fields, "oppfoelging_dager", in: node, path: "klager").flatMap {
                integer($0, "klager.oppfoelging_dager", in: 0...365)
            }
            // Optional, with defaults: files written before duplicate detection still read.
            duplicateDistance = fields["duplikat_avstand"].flatMap { metres($0, "klager.duplikat_avstand") }
            duplicateDays = fields["duplikat_dager"].flatMap { integer($0, "klager.duplikat_dager", in: 0...365) }
            venueLinkDistance = fields["kobling_avstand"].flatMap { metres($0, "klager.kobling_avstand") }
        }

        var points: Policy.Thresholds?
        if let node = required(top, "prikker", in: root),
            let fields = mapping(node, "prikker", keys: ["middels", "hoy"])
        {
            points = thresholds(fields, node, "prikker")
        }

        var youngAgeLimit: Int?
        var largeCapacity: Int?
        var conceptWords: Policy.ConceptWords?
        if let node = required(top, "konsept", in: root),
            let fields = mapping(node, "konsept", keys: ["ung_aldersgrense_under", "stor_kapasitet", "ord"])
        {
            youngAgeLimit = required(fields, "ung_aldersgrense_under", in: node, path: "konsept").flatMap {
                integer($0, "konsept.ung_aldersgrense_under", in: 18...99)
            }
            largeCapacity = required(fields, "stor_kapasitet", in: node, path: "konsept").flatMap {
                integer($0, "konsept.stor_kapasitet", in: 1...100_000)
            }
            if let words = required(fields, "ord", in: node, path: "konsept"),
                let lists = mapping(words, "konsept.ord", keys: ["utested", "spisested", "ung"])
            {
                let read = { (key: String, reader: inout PolicyNodeReader) -> [WordPattern]? in
                    reader.required(lists, key, in: words, path: "konsept.ord").flatMap {
                        reader.wordList($0, "konsept.ord.\(key)")
                    }
                }
                if let bar = read("utested", &self), let restaurant = read("spisested", &self),
                    let young = read("ung", &self)
                {
                    conceptWords = Policy.ConceptWords(bar: bar, restaurant: restaurant, young: young)
                }
            }
        }

        var weights: [Criterion: Double] = [:]
        if let node = required(top, "vekter", in: root),
            let fields = mapping(node, "vekter", keys: Criterion.allCases.map(\.code))
        {
            for criterion in Criterion.allCases {
                if let value = required(fields, criterion.code, in: node, path: "vekter")
                    .flatMap({ number($0, "vekter.\(criterion.code)", in: 0...100) })
                {
                    weights[criterion] = value
                }
            }
        }

        var levels: Policy.Thresholds?
        if let node = required(top, "nivaa", in: root), let fields = mapping(node, "nivaa", keys: ["middels", "hoy"]) {
            levels = thresholds(fields, node, "nivaa")
        }

        var goals: [Criterion: String] = [:]
        if let node = required(top, "maal", in: root),
            let fields = mapping(node, "maal", keys: Criterion.allCases.map(\.code))
        {
            for criterion in Criterion.allCases {
                if let value = required(fields, criterion.code, in: node, path: "maal").flatMap({
                    text($0, "maal.\(criterion.code)")
                }) {
                    goals[criterion] = value
                }
            }
        }

        guard problems.isEmpty, let defaultZone, let stopMinutes, let earliest, let lateIndoor, let sale,
            let densityRadius, let density, let complaintMonths, let complaintRadius, let complaints, let recentMonths,
            let recentWeight, let firstResponseDays, let followUpDays, let points, let youngAgeLimit, let largeCapacity,
            let conceptWords, let levels
        else {
            if problems.isEmpty, top["standardsone"] == nil { report(root, "standardsone mangler") }
            return nil
        }
        var policy = Policy(
            distances: distances, siteHours: siteHours, defaultZone: defaultZone, zoneHours: zoneHours,
            servingStopMinutes: stopMinutes, earliestServingStart: earliest, saleOpening: sale.opening,
            saleClosingWeekdays: sale.weekdays, saleClosingEve: sale.eve, densityRadius: densityRadius,
            density: density, complaintMonths: complaintMonths, complaintRadius: complaintRadius,
            complaints: complaints, recentMonths: recentMonths, recentWeight: recentWeight, penaltyPoints: points,
            youngAgeLimit: youngAgeLimit, largeCapacity: largeCapacity, conceptWords: conceptWords,
            lateIndoorServing: lateIndoor, weights: weights, levels: levels, goals: goals,
            firstResponseDays: firstResponseDays, followUpDays: followUpDays)
        policy.district = district
        if let node = top["kort_uttalelse"] { policy.shortStatementKinds = applicationKinds(node, "kort_uttalelse") }
        if let duplicateDistance { policy.duplicates.distance = duplicateDistance }
        if let duplicateDays { policy.duplicates.windowDays = duplicateDays }
        if let venueLinkDistance { policy.venueLinkDistance = venueLinkDistance }
        if let node = top["open311"], let fields = mapping(node, "open311", keys: ["les_uten_noekkel"]),
            let flag = fields["les_uten_noekkel"], let text = scalar(flag, "open311.les_uten_noekkel")
        {
            switch text {
            case "true", "ja": policy.open311ReadWithoutKey = true
            case "false", "nei": policy.open311ReadWithoutKey = false
            default: report(flag, "open311.les_uten_noekkel skal være true eller false (fant «\(text)»)")
            }
        }
        return policy
    }

    // MARK: Sections

    private mutating func distanceBands(_ top: [String: Node], _ root: Node) -> [SiteCategory: Policy.DistanceBands] {
        var distances: [SiteCategory: Policy.DistanceBands] = [:]
        guard let node = required(top, "avstander", in: root),
            let table = mapping(node, "avstander", keys: SiteCategory.allCases.map(\.code))
        else { return distances }
        for category in SiteCategory.allCases {
            guard let bands = required(table, category.code, in: node, path: "avstander"),
                let fields = mapping(bands, "avstander.\(category.code)", keys: ["hoy", "middels"]),
                let high = fields["hoy"].flatMap({ metres($0, "avstander.\(category.code).hoy") }),
                let medium = fields["middels"].flatMap({ metres($0, "avstander.\(category.code).middels") })
            else { continue }
            if medium < high {
                report(
                    bands,
                    "avstander.\(category.code): middels (\(Int(medium)) m) kan ikke være mindre enn hoy (\(Int(high)) m)"
                )
            }
            distances[category] = Policy.DistanceBands(high: high, medium: medium)
        }
        return distances
    }

    /// `bydel`: how the district's letters present it. Name, postal address, organisation number and
    /// the director are required; the rest optional.
    private mutating func districtSettings(_ node: Node) -> Policy.District? {
        let keys = [
            "navn", "postadresse", "besoeksadresse", "organisasjonsnummer", "telefon", "epost", "nettside",
            "direktoer", "direktoer_tittel", "referanse", "saarbare_steder_i_brev",
        ]
        guard let fields = mapping(node, "bydel", keys: keys) else { return nil }
        func line(_ key: String, required: Bool) -> String? {
            guard let value = fields[key] else {
                if required { report(node, "bydel.\(key) mangler") }
                return nil
            }
            guard let text = self.text(value, "bydel.\(key)") else { return nil }
            if text.count > 200 || text.contains(where: \.isNewline) {
                report(value, "bydel.\(key): ventet én linje på høyst 200 tegn")
                return nil
            }
            return text
        }
        let name = line("navn", required: true)
        let postal = line("postadresse", required: true)
        let director = line("direktoer", required: true)
        var number: OrganisationNumber?
        if let text = line("organisasjonsnummer", required: true), let value = fields["organisasjonsnummer"] {
            number = try? OrganisationNumber(text)
            if number == nil {
                report(value, "bydel.organisasjonsnummer: «\(text)» er ikke et gyldig organisasjonsnummer (ni sifre, MOD11)")
            }
        }
        var email = line("epost", required: false)
        if let address = email, let value = fields["epost"], !address.contains("@") || address.contains(" ") {
            report(value, "bydel.epost: «\(address)» er ikke en e-postadresse")
            email = nil
        }
        var pattern = line("referanse", required: false)
        if let text = pattern, let value = fields["referanse"], !text.contains("{nr}") {
            report(value, "bydel.referanse: mønsteret må inneholde {nr} (og gjerne {aar}), som «BSH {aar}/{nr}»")
            pattern = nil
        }
        var names = false
        if let value = fields["saarbare_steder_i_brev"], let text = scalar(value, "bydel.saarbare_steder_i_brev") {
            switch text {
            case "navn": names = true
            case "type": names = false
            default: report(value, "bydel.saarbare_steder_i_brev: ventet «navn» eller «type», fant «\(text)»")
            }
        }
        guard let name, let postal, let director, let number else { return nil }
        return Policy.District(
            name: name, postalAddress: postal, visitingAddress: line("besoeksadresse", required: false),
            organisationNumber: number, phone: line("telefon", required: false), email: email,
            web: line("nettside", required: false), directorName: director,
            directorTitle: line("direktoer_tittel", required: false) ?? "bydelsdirektør", referencePattern: pattern,
            namesVulnerableSites: names)
    }

    /// `aapningstider_steder`: a site kind's ordinary hours, e.g. `skole: "man-fre 08:00-16:00"`.
    private mutating func siteOpeningHours(_ node: Node) -> [SiteCategory: WeeklyHours] {
        var result: [SiteCategory: WeeklyHours] = [:]
        guard let table = mapping(node, "aapningstider_steder", keys: SiteCategory.allCases.map(\.code)) else {
            return result
        }
        for category in SiteCategory.allCases {
            guard let entry = table[category.code], let text = scalar(entry, "aapningstider_steder.\(category.code)")
            else { continue }
            do {
                result[category] = try WeeklyHours(parsing: text)
            } catch {
                report(entry, "aapningstider_steder.\(category.code): \(error.message)")
            }
        }
        return result
    }

    /// `soner`: each zone's closing times indoors, outdoors and in a courtyard facing homes, and
    /// its serving stops (given, or `servingStopMinutes` before closing). A serving stop after
    /// closing, or after 03.00 (alkoholloven § 4-4), is refused.
    private mutating func zoneTable(
        _ top: [String: Node], _ root: Node, servingStopMinutes: Int
    ) -> [Zone: Policy
        .ZoneHours]
    {
        var result: [Zone: Policy.ZoneHours] = [:]
        guard let node = required(top, "soner", in: root), case .mapping(let entries) = node else {
            if let node = top["soner"] { report(node, "soner: ventet en tabell av nøkler og verdier") }
            return result
        }
        let keys = ["stengt_inne", "stengt_ute", "bakgaard_med_boliger", "skjenkestopp_inne", "skjenkestopp_ute"]
        for (key, entry) in entries {
            let name = key.string ?? ""
            guard let zone = Zone(code: name) else {
                report(key, "soner: ukjent sone «\(name)»; bruk \(Zone.codes.joined(separator: ", "))")
                continue
            }
            let path = "soner.\(name)"
            guard let fields = mapping(entry, path, keys: keys),
                let indoor = required(fields, "stengt_inne", in: entry, path: path).flatMap({
                    time($0, "\(path).stengt_inne")
                }),
                let outdoor = required(fields, "stengt_ute", in: entry, path: path).flatMap({
                    time($0, "\(path).stengt_ute")
                })
            else { continue }
            let courtyard = fields["bakgaard_med_boliger"].flatMap { time($0, "\(path).bakgaard_med_boliger") }
            func stop(_ key: String, closing: TimeOfDay) -> TimeOfDay {
                let derived = ServingHours.before(closing, minutes: servingStopMinutes)
                guard let node = fields[key], let given = time(node, "\(path).\(key)") else { return derived }
                if ServingHours.lateness(given) > ServingHours.lateness(closing) {
                    report(
                        node,
                        "\(path).\(key): skjenkestoppen (\(given)) kan ikke være etter stengetiden (\(closing))")
                }
                return given
            }
            let hours = Policy.ZoneHours(
                indoorClosing: indoor, outdoorClosing: outdoor,
                indoorServingStop: stop("skjenkestopp_inne", closing: indoor),
                outdoorServingStop: stop("skjenkestopp_ute", closing: outdoor), courtyardClosing: courtyard,
                courtyardServingStop: courtyard.map { ServingHours.before($0, minutes: servingStopMinutes) })
            for (area, value) in [("inne", hours.indoorServingStop), ("ute", hours.outdoorServingStop)]
            where ServingHours.lateness(value) > ServingHours.lateness(ServingHours.latestLegalEnd) {
                report(
                    entry,
                    "\(path): skjenkestoppen \(area) (\(value)) er etter kl. 03.00, som alkoholloven § 4-4 ikke "
                        + "tillater; sett stengetiden til 03:30 eller tidligere")
            }
            result[zone] = hours
        }
        for zone in Zone.allCases where result[zone] == nil && problems.isEmpty {
            report(node, "soner.\(zone.code) mangler")
        }
        return result
    }

    /// `salg`: opening and closing of retail sale; never later than alkoholloven § 3-7 allows.
    private mutating func saleHours(
        _ top: [String: Node], _ root: Node
    ) -> (
        opening: TimeOfDay, weekdays: TimeOfDay, eve: TimeOfDay
    )? {
        guard let node = required(top, "salg", in: root),
            let fields = mapping(node, "salg", keys: ["aapner", "hverdager", "dager_foer_helligdag"]),
            let opening = required(fields, "aapner", in: node, path: "salg").flatMap({ time($0, "salg.aapner") }),
            let weekdays = required(fields, "hverdager", in: node, path: "salg").flatMap({
                time($0, "salg.hverdager")
            }),
            let eve = required(fields, "dager_foer_helligdag", in: node, path: "salg").flatMap({
                time($0, "salg.dager_foer_helligdag")
            })
        else { return nil }
        if weekdays > RetailSaleCalendar.lawWeekdayClosing {
            report(
                fields["hverdager"]!,
                "salg.hverdager: alkoholloven § 3-7 tillater salg til kl. 20.00; fant «\(weekdays)»")
        }
        if eve > RetailSaleCalendar.lawEveClosing {
            report(
                fields["dager_foer_helligdag"]!,
                "salg.dager_foer_helligdag: alkoholloven § 3-7 tillater salg til kl. 18.00; fant «\(eve)»")
        }
        if opening >= weekdays {
            report(fields["aapner"]!, "salg.aapner: salget må åpne før det stenger (\(weekdays)); fant «\(opening)»")
        }
        return (opening, weekdays, eve)
    }

    /// `tetthet`: `maate: relativ` with percentiles of the district's own venues, or `absolutt`
    /// with counts.
    private mutating func densityRule(_ fields: [String: Node], _ node: Node) -> Policy.DensityRule? {
        let mode = fields["maate"].flatMap { scalar($0, "tetthet.maate") } ?? "absolutt"
        switch mode {
        case "absolutt":
            return thresholds(fields, node, "tetthet").map { .absolute($0) }
        case "relativ":
            guard
                let medium = required(fields, "middels_persentil", in: node, path: "tetthet").flatMap({
                    number($0, "tetthet.middels_persentil", in: 1...100)
                }),
                let high = required(fields, "hoy_persentil", in: node, path: "tetthet").flatMap({
                    number($0, "tetthet.hoy_persentil", in: 1...100)
                })
            else { return nil }
            if high < medium {
                report(node, "tetthet: hoy_persentil (\(Int(high))) kan ikke være mindre enn middels_persentil")
            }
            return .relative(mediumPercentile: medium, highPercentile: high)
        default:
            report(fields["maate"]!, "tetthet.maate: ventet «relativ» eller «absolutt», fant «\(mode)»")
            return nil
        }
    }

    /// A list of application kinds by their codes (`[enkeltanledning, fornyelse]`).
    private mutating func applicationKinds(_ node: Node, _ path: String) -> Set<ApplicationType> {
        guard case .sequence(let sequence) = node else {
            report(node, "\(path): ventet en liste av søknadstyper, som [enkeltanledning, fornyelse, eierskifte]")
            return []
        }
        var kinds: Set<ApplicationType> = []
        for item in sequence {
            guard let code = scalar(item, path) else { continue }
            guard let kind = ApplicationType(code: code) else {
                report(item, "\(path): ukjent søknadstype «\(code)»; bruk \(ApplicationType.codes.joined(separator: ", "))")
                continue
            }
            kinds.insert(kind)
        }
        return kinds
    }

    /// A list of words (`[bar, "cocktail*"]`).
    mutating func wordList(_ node: Node, _ path: String) -> [WordPattern]? {
        guard case .sequence(let sequence) = node else {
            report(node, "\(path): ventet en liste av ord, som [bar, pub, \"cocktail*\"]")
            return nil
        }
        var patterns: [WordPattern] = []
        for item in sequence {
            guard let text = scalar(item, path) else { continue }
            do {
                patterns.append(try WordPattern(text))
            } catch {
                report(item, "\(path): «\(text)» er ikke et ord (bokstaver, med * først eller sist for deler av ord)")
            }
        }
        return patterns
    }

    // MARK: Values

    private mutating func thresholds(_ fields: [String: Node], _ node: Node, _ path: String) -> Policy.Thresholds? {
        guard
            let medium = required(fields, "middels", in: node, path: path).flatMap({
                number($0, "\(path).middels", in: 0...1_000_000)
            }),
            let high = required(fields, "hoy", in: node, path: path).flatMap({
                number($0, "\(path).hoy", in: 0...1_000_000)
            })
        else { return nil }
        if high < medium { report(node, "\(path): hoy (\(high)) kan ikke være mindre enn middels (\(medium))") }
        return Policy.Thresholds(medium: medium, high: high)
    }

    /// The mapping's entries by key; unknown keys are reported.
    private mutating func mapping(_ node: Node, _ path: String, keys: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(path): ventet en tabell av nøkler og verdier")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                report(key, "\(path): ukjent nøkkel «\(name)»; tillatte nøkler: \(keys.joined(separator: ", "))")
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func required(
        _ fields: [String: Node], _ key: String, in parent: Node, path: String? = nil
    ) -> Node? {
        if let node = fields[key] { return node }
        report(parent, "\(path.map { "\($0)." } ?? "")\(key) mangler")
        return nil
    }

    private mutating func scalar(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, "\(path): ventet én verdi")
            return nil
        }
        return scalar.string
    }

    private mutating func number(_ node: Node, _ path: String, in range: ClosedRange<Double>) -> Double? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), range.contains(value) else {
            report(
                node,
                "\(path): ventet et tall fra \(Self.format(range.lowerBound)) til \(Self.format(range.upperBound)), fant «\(text)»"
            )
            return nil
        }
        return value
    }

    private mutating func metres(_ node: Node, _ path: String) -> Double? {
        number(node, path, in: 0...100_000)
    }

    private mutating func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(node, "\(path): ventet et helt tall fra \(range.lowerBound) til \(range.upperBound), fant «\(text)»")
            return nil
        }
        return value
    }

    private mutating func time(_ node: Node, _ path: String) -> TimeOfDay? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = try? TimeOfDay(text.replacingOccurrences(of: ".", with: ":")) else {
            report(node, "\(path): ventet et klokkeslett som \"01:00\", fant «\(text)»")
            return nil
        }
        return value
    }

    private mutating func zone(_ node: Node, _ path: String) -> Zone? {
        guard let text = scalar(node, path) else { return nil }
        guard let value = Zone(code: text) else {
            report(node, "\(path): ukjent sone «\(text)»; bruk \(Zone.codes.joined(separator: ", "))")
            return nil
        }
        return value
    }

    private mutating func text(_ node: Node, _ path: String) -> String? {
        guard let text = scalar(node, path)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            report(node, "\(path): ventet en tekst")
            return nil
        }
        return text
    }

    private mutating func report(_ node: Node, _ message: String) {
        let mark = node.mark
        problems.append(
            Diagnostic(
                at: SourceLocation(file: fileName, line: mark?.line ?? 1, column: mark?.column ?? 1),
                message: message))
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
