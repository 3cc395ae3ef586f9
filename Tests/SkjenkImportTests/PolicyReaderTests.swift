import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

@Suite struct PolicyReaderTests {
    @Test func readsTheSamplePolicy() throws {
        let policy = try PolicyReader().read(contentsOf: Fixtures.sample("policy.yaml")).get()
        #expect(policy.defaultZone == .residential)
        #expect(policy.distances[.school] == Policy.DistanceBands(high: 100, medium: 200))
        #expect(policy.distances[.sports] == Policy.DistanceBands(high: 50, medium: 100))
        // FOR-2006-05-03-490 § 1: residential zone closed 01.00 indoors, 22.00 outdoors; serving
        // stops 30 minutes before (policy `skjenkestopp_minutter`).
        let residential = try #require(policy.zoneHours[.residential])
        #expect(residential.indoorClosing == (try TimeOfDay("01:00")))
        #expect(residential.indoorServingStop == (try TimeOfDay("00:30")))
        #expect(residential.outdoorClosing == (try TimeOfDay("22:00")))
        #expect(residential.outdoorServingStop == (try TimeOfDay("21:30")))
        #expect(residential.courtyardClosing == (try TimeOfDay("20:00")))
        #expect(residential.courtyardServingStop == (try TimeOfDay("19:30")))
        // Inner centre: closed 03.30, so serving stops at 03.00, the limit of alkoholloven § 4-4.
        #expect(policy.zoneHours[.innerCentre]?.indoorServingStop == (try TimeOfDay("03:00")))
        #expect(policy.zoneHours.count == Zone.allCases.count)
        let eight = try TimeOfDay("08:00")
        #expect(policy.servingStopMinutes == 30 && policy.earliestServingStart == eight)
        // Alkoholloven § 3-7.
        #expect(policy.saleClosingWeekdays == (try TimeOfDay("20:00")))
        #expect(policy.saleClosingEve == (try TimeOfDay("18:00")))
        #expect(policy.densityRadius == 250)
        #expect(policy.density == .relative(mediumPercentile: 75, highPercentile: 90))
        #expect(policy.siteHours[.kindergarten]?.isOpen(on: .monday, from: 8 * 60, to: 9 * 60) == true)
        #expect(policy.siteHours[.kindergarten]?.isOpen(on: .monday, from: 18 * 60, to: 23 * 60) == false)
        #expect(policy.siteHours[.treatment] == nil)
        #expect(policy.conceptWords.bar.contains(try WordPattern("klubb")))
        #expect(policy.conceptWords.bar.contains(try WordPattern("cocktail*")))
        #expect(policy.complaintMonths == 24 && policy.recentWeight == 1.5)
        #expect(policy.penaltyPoints == Policy.Thresholds(medium: 4, high: 8))
        #expect(policy.weights[.location] == 2 && policy.weights.count == 5)
        #expect(policy.goals[.location]?.contains("barn og unge") == true)
        #expect(policy.largestSiteRadius == 200)
        #expect(policy.levels == Policy.Thresholds(medium: 5, high: 12))
        let district = try #require(policy.district)
        #expect(district.name == "Bydel St. Hanshaugen" && district.directorTitle == "bydelsdirektør")
        #expect(district.organisationNumber.digits == "921345674" && !district.namesVulnerableSites)
        #expect(district.reference(for: try CaseNumber("2026/05101")) == "BSH 2026/5101")
        #expect(policy.open311ReadWithoutKey)
        let closed = sampleText().replacingOccurrences(of: "les_uten_noekkel: true", with: "les_uten_noekkel: false")
        #expect(try PolicyReader().read(data: Data(closed.utf8), fileName: "p.yaml").get().open311ReadWithoutKey == false)
    }

    func sampleText() -> String { (try? String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)) ?? "" }

    /// The `bydel` section is checked like the rest: a bad organisation number, a reference pattern
    /// without `{nr}`, an unknown choice for vulnerable sites, a missing name.
    @Test(arguments: [
        ("  organisasjonsnummer: \"921345674\"", "  organisasjonsnummer: \"921345675\"",
         "bydel.organisasjonsnummer: «921345675» er ikke et gyldig organisasjonsnummer"),
        ("  referanse: \"BSH {aar}/{nr}\"", "  referanse: \"BSH\"", "bydel.referanse: mønsteret må inneholde {nr}"),
        ("  saarbare_steder_i_brev: type", "  saarbare_steder_i_brev: kanskje",
         "bydel.saarbare_steder_i_brev: ventet «navn» eller «type», fant «kanskje»"),
        ("  navn: Bydel St. Hanshaugen\n", "", "bydel.navn mangler"),
        ("  les_uten_noekkel: true", "  les_uten_noekkel: kanskje", "open311.les_uten_noekkel skal være true eller false"),
    ])
    func refusesBadDistrictSettings(original: String, replacement: String, message: String) throws {
        let sample = try String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)
        #expect(sample.contains(original))
        let text = sample.replacingOccurrences(of: original, with: replacement)
        guard case .failure(let errors) = PolicyReader().read(data: Data(text.utf8), fileName: "p.yaml") else {
            Issue.record("accepted: \(replacement)")
            return
        }
        #expect(errors.diagnostics.count == 1 && errors.diagnostics[0].message.hasPrefix(message), "\(errors)")
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        var text = try String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "skole:             { hoy: 100, middels: 200 }",
            with: "skole:             { hoy: 100, middels: tre hundre }")
        text = text.replacingOccurrences(of: "  radius: 250\n", with: "  radius: 250\n  radijs: 300\n")
        text = text.replacingOccurrences(
            of: "boligomraade:         { stengt_inne: \"01:00\"",
            with: "boligomraade:         { stengt_inne: \"25:00\"")
        text = text.replacingOccurrences(of: "standardsone: boligomraade", with: "standardsone: forstad")
        let result = PolicyReader().read(data: Data(text.utf8), fileName: "policy.yaml")
        guard case .failure(let errors) = result else {
            Issue.record("the broken policy was accepted")
            return
        }
        #expect(
            errors.diagnostics.map(\.description) == [
                "policy.yaml:9:15: standardsone: ukjent sone «forstad»; bruk indre-sentrum, sentrum, boligomraade, "
                    + "utenfor-boligomraade",
                "policy.yaml:14:43: avstander.skole.middels: ventet et tall fra 0 til 100000, fant «tre hundre»",
                "policy.yaml:43:40: soner.boligomraade.stengt_inne: ventet et klokkeslett som \"01:00\", fant «25:00»",
                "policy.yaml:68:3: tetthet: ukjent nøkkel «radijs»; tillatte nøkler: radius, maate, middels, hoy, "
                    + "middels_persentil, hoy_persentil",
            ])
    }

    /// Bad values the issue names: a serving stop after closing, an unknown zone, a word list
    /// that is not a list; and limits of the law (§ 4-4: never after 03.00; § 3-7: sale to 20.00).
    @Test(arguments: [
        (
            "boligomraade:         { stengt_inne: \"01:00\",",
            "boligomraade:         { skjenkestopp_inne: \"01:30\", stengt_inne: \"01:00\",",
            "policy.yaml:43:46: soner.boligomraade.skjenkestopp_inne: skjenkestoppen (01:30) kan ikke være etter "
                + "stengetiden (01:00)"
        ),
        (
            "  sentrum:              {", "  byen:                 {",
            "policy.yaml:42:3: soner: ukjent sone «byen»; bruk indre-sentrum, sentrum, boligomraade, utenfor-boligomraade"
        ),
        (
            "    ung: [\"student*\", \"ungdom*\", ung, unge]", "    ung: student",
            "policy.yaml:108:10: konsept.ord.ung: ventet en liste av ord, som [bar, pub, \"cocktail*\"]"
        ),
        (
            "    ung: [\"student*\", \"ungdom*\", ung, unge]", "    ung: [\"stu*dent\"]",
            "policy.yaml:108:11: konsept.ord.ung: «stu*dent» er ikke et ord (bokstaver, med * først eller sist for "
                + "deler av ord)"
        ),
        (
            "indre-sentrum:        { stengt_inne: \"03:30\"", "indre-sentrum:        { stengt_inne: \"04:30\"",
            "policy.yaml:41:25: soner.indre-sentrum: skjenkestoppen inne (04:00) er etter kl. 03.00, som "
                + "alkoholloven § 4-4 ikke tillater; sett stengetiden til 03:30 eller tidligere"
        ),
        (
            "  hverdager: \"20:00\"", "  hverdager: \"21:00\"",
            "policy.yaml:60:14: salg.hverdager: alkoholloven § 3-7 tillater salg til kl. 20.00; fant «21:00»"
        ),
        (
            "tidligste_skjenkestart: \"08:00\"", "tidligste_skjenkestart: \"05:00\"",
            "policy.yaml:48:25: tidligste_skjenkestart: alkoholloven § 4-4 tillater skjenking fra kl. 06.00 "
                + "tidligst; fant «05:00»"
        ),
        (
            "aapningstider_steder:\n  skole: \"man-fre 08:00-16:00\"",
            "aapningstider_steder:\n  skole: \"hver dag\"",
            "policy.yaml:25:10: aapningstider_steder.skole: «hver» er ikke en dag"
        ),
    ])
    func refusesBadValues(original: String, replacement: String, expected: String) throws {
        let sample = try String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)
        #expect(sample.contains(original), "the sample no longer has «\(original)»")
        let text = sample.replacingOccurrences(of: original, with: replacement)
        guard case .failure(let errors) = PolicyReader().read(data: Data(text.utf8), fileName: "policy.yaml") else {
            Issue.record("accepted: \(replacement)")
            return
        }
        #expect(errors.diagnostics.count == 1, "\(errors)")
        #expect(errors.diagnostics.first?.description.hasPrefix(expected) == true, "\(errors)")
    }

    /// `vurdering`: the district's cut-offs within the factors, each optional with the value the
    /// assessor has used as its default.
    @Test func readsTheDistrictsJudgement() throws {
        let sample = sampleText()
        #expect(try PolicyReader().read(data: Data(sample.utf8), fileName: "p.yaml").get().judgement == .init())

        let start = try #require(sample.range(of: "\nvurdering:\n"))
        let without = String(sample[..<start.lowerBound]) + "\n"
        #expect(try PolicyReader().read(data: Data(without.utf8), fileName: "p.yaml").get().judgement == .init())

        let changed =
            sample
            .replacingOccurrences(of: "  konsept_tegn_middels: 2", with: "  konsept_tegn_middels: 3")
            .replacingOccurrences(of: "  konsept_tegn_hoy: 4", with: "  konsept_tegn_hoy: 5")
            .replacingOccurrences(
                of: "  overskridelse_skjenkestopp_minutter: 60", with: "  overskridelse_skjenkestopp_minutter: 30")
            .replacingOccurrences(of: "  stengt_sted_trekk: 2", with: "  stengt_sted_trekk: 1")
            .replacingOccurrences(of: "  gjentatte_episoder: 2", with: "  gjentatte_episoder: 3")
        let judgement = try PolicyReader().read(data: Data(changed.utf8), fileName: "p.yaml").get().judgement
        #expect(judgement.conceptSignsMedium == 3)
        #expect(judgement.conceptSignsHigh == 5)
        #expect(judgement.servingStopExcessMinutes == 30)
        #expect(judgement.closedSiteReduction == 1)
        #expect(judgement.repeatedEpisodes == 3)

        // One key alone: the others keep their defaults.
        let one = without + "vurdering:\n  stengt_sted_trekk: 0\n"
        #expect(
            try PolicyReader().read(data: Data(one.utf8), fileName: "p.yaml").get().judgement
                == Policy.Judgement(closedSiteReduction: 0))
    }

    @Test(arguments: [
        (
            "  stengt_sted_trekk: 2", "  stengt_sted_trekk: 5",
            "policy.yaml:171:22: vurdering.stengt_sted_trekk: ventet et helt tall fra 0 til 3, fant «5»"
        ),
        (
            "  gjentatte_episoder: 2", "  gjentatte_episoder: 0",
            "policy.yaml:172:23: vurdering.gjentatte_episoder: ventet et helt tall fra 1 til 100, fant «0»"
        ),
        (
            "  overskridelse_skjenkestopp_minutter: 60", "  overskridelse_skjenkestopp_minutter: en time",
            "policy.yaml:170:40: vurdering.overskridelse_skjenkestopp_minutter: ventet et helt tall fra 0 til 240, "
                + "fant «en time»"
        ),
        (
            "  konsept_tegn_hoy: 4", "  konsept_tegn_hoy: 1",
            "policy.yaml:169:21: vurdering: konsept_tegn_hoy (1) kan ikke være mindre enn konsept_tegn_middels (2)"
        ),
        (
            "  gjentatte_episoder: 2", "  gjentatte_episodar: 2",
            "policy.yaml:172:3: vurdering: ukjent nøkkel «gjentatte_episodar»; tillatte nøkler: konsept_tegn_middels, "
                + "konsept_tegn_hoy, overskridelse_skjenkestopp_minutter, stengt_sted_trekk, gjentatte_episoder"
        ),
    ])
    func refusesAJudgementOutOfRange(original: String, replacement: String, expected: String) throws {
        let sample = sampleText()
        #expect(sample.contains(original), "the sample no longer has «\(original)»")
        let text = sample.replacingOccurrences(of: original, with: replacement)
        guard case .failure(let errors) = PolicyReader().read(data: Data(text.utf8), fileName: "policy.yaml") else {
            Issue.record("accepted: \(replacement)")
            return
        }
        #expect(errors.diagnostics.map(\.description) == [expected])
    }

    @Test func readsTheOlderZoneNameAndRefusesVersionOne() throws {
        let sample = try String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)
        let older = sample.replacingOccurrences(of: "  utenfor-boligomraade: {", with: "  utenfor-sentrum:      {")
        let policy = try PolicyReader().read(data: Data(older.utf8), fileName: "p.yaml").get()
        #expect(policy.zoneHours[.outsideCentre]?.indoorClosing == (try TimeOfDay("03:30")))
        let first = sample.replacingOccurrences(of: "versjon: 2", with: "versjon: 1")
        guard case .failure(let errors) = PolicyReader().read(data: Data(first.utf8), fileName: "p.yaml") else {
            Issue.record("a version 1 file was accepted")
            return
        }
        #expect(errors.diagnostics.first?.message.hasPrefix("versjon: skjenk leser policyfiler av versjon 2") == true)
    }

    @Test func refusesBrokenYAMLAndMissingKeys() {
        guard case .failure(let broken) = PolicyReader().read(data: Data("avstander: [1, 2\n".utf8), fileName: "p.yaml")
        else {
            Issue.record("accepted")
            return
        }
        #expect(broken.diagnostics.first?.description.hasPrefix("p.yaml:2:1: ugyldig YAML") == true, "\(broken)")
        guard
            case .failure(let missing) = PolicyReader().read(
                data: Data("versjon: 2\nstandardsone: sentrum\n".utf8),
                fileName: "p.yaml")
        else {
            Issue.record("accepted")
            return
        }
        #expect(missing.diagnostics.contains { $0.message == "avstander mangler" })
        #expect(missing.diagnostics.contains { $0.message == "maal mangler" })
    }

    /// Issue 18: `delegasjon` — what the council has delegated to the director.
    @Test func readsTheDelegation() throws {
        let sample = sampleText()
        let section = """

            delegasjon:
              organ: bydelsutvalget
              soknadstyper: [eierskifte, enkeltanledning, fornyelse]
              ingen_merknader: true
              sommer: { fra: "06-20", til: "08-10" }
              vedtak: "BU-sak 12/24"
            """
        let policy = try PolicyReader().read(data: Data((sample + section).utf8), fileName: "p.yaml").get()
        let delegation = try #require(policy.delegation)
        #expect(delegation.body == "bydelsutvalget")
        #expect(delegation.applicationTypes == [.changeOfOwner, .singleOccasion, .renewal])
        #expect(delegation.withoutRemarks)
        #expect(delegation.summer?.from == DayOfYear("06-20") && delegation.summer?.to == DayOfYear("08-10"))
        #expect(delegation.decision == "BU-sak 12/24")
        for (bad, expected) in [
            ("ingen_merknader: true", "delegasjon.ingen_merknader skal være true eller false (fant «kanskje»)"),
            ("sommer: { fra: \"06-20\", til: \"08-10\" }", "delegasjon.sommer.til: ventet måned og dag"),
            ("soknadstyper: [eierskifte, enkeltanledning, fornyelse]", "delegasjon.soknadstyper: ukjent søknadstype «salg»"),
        ] {
            let replacement =
                bad.hasPrefix("ingen") ? "ingen_merknader: kanskje"
                : bad.hasPrefix("sommer") ? "sommer: { fra: \"06-20\", til: \"08-32\" }" : "soknadstyper: [salg]"
            let text = sample + section.replacingOccurrences(of: bad, with: replacement)
            guard case .failure(let errors) = PolicyReader().read(data: Data(text.utf8), fileName: "p.yaml") else {
                Issue.record("accepted: \(replacement)")
                continue
            }
            #expect(errors.diagnostics.contains { $0.description.contains(expected) }, "\(errors)")
        }
    }
}
