import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

/// `--policy` naming a folder: one policy file per district, each naming its district in `bydel.navn`.
@Suite struct PolicySetTests {
    /// The diagnostics of reading `path`, as the command line prints them.
    func diagnostics(_ path: String) -> [String] {
        guard case .failure(let errors) = PolicySet.read(at: path) else { return [] }
        return errors.diagnostics.map(\.description)
    }

    @Test func aFolderHoldsOnePolicyPerDistrict() throws {
        // Given St. Hanshaugen's policy and Sagene's, which closes residential areas later, and a
        // hidden file and a note that are no policies
        let folder = try Fixtures.twoDistrictPolicyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("ikke yaml".utf8).write(to: folder.appendingPathComponent("LESMEG.txt"))
        try Data("versjon: [".utf8).write(to: folder.appendingPathComponent(".sagene.yaml.swp.yaml"))

        // When
        let policies = try PolicySet.read(at: folder.path).get()

        // Then each district has its own
        #expect(policies.folder == folder.path)
        #expect(policies.districts == ["Sagene", "St. Hanshaugen"])
        let sagene = try policies.policy(forDistrict: "Sagene")
        let hanshaugen = try policies.policy(forDistrict: "St. Hanshaugen")
        #expect(sagene.district?.name == "Bydel Sagene")
        #expect(hanshaugen.district?.name == "Bydel St. Hanshaugen")
        #expect(sagene.zoneHours[.residential]?.indoorClosing == (try TimeOfDay("03:30")))
        #expect(hanshaugen.zoneHours[.residential]?.indoorClosing == (try TimeOfDay("01:00")))
        // The district as a user's or a letter's name gives it, with «Bydel» or in other case
        #expect(try policies.policy(forDistrict: "Bydel Sagene") == sagene)
        #expect(try policies.policy(forDistrict: "st. hanshaugen") == hanshaugen)
    }

    @Test func aDistrictWithoutAFileOrNoDistrictIsRefusedWithTheReason() throws {
        let folder = try Fixtures.twoDistrictPolicyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let policies = try PolicySet.read(at: folder.path).get()

        let frogner = PolicySetError.noPolicy(
            district: "Frogner", folder: folder.path, districts: ["Sagene", "St. Hanshaugen"])
        #expect(throws: frogner) { try policies.policy(forDistrict: "Bydel Frogner") }
        #expect(
            frogner.description
                == "bydel Frogner har ingen policyfil i mappen \(folder.path) (mappen har policy for Sagene og "
                + "St. Hanshaugen); legg en fil med «bydel: navn: Bydel Frogner» i mappen")
        // A user without a district, with two districts' policies: which one is not ours to guess
        #expect(throws: PolicySetError.noDistrict(folder: folder.path, districts: ["Sagene", "St. Hanshaugen"])) {
            try policies.policy(forDistrict: nil)
        }
    }

    @Test func withoutADistrictTheOnlyPolicyOfAFolderOrTheFileApplies() throws {
        let folder = try Fixtures.policyFolder([
            "sagene.yml": try Fixtures.samplePolicyText(district: "Sagene", edits: [Fixtures.lateResidentialClosing])
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try PolicySet.read(at: folder.path).get()
        #expect(try one.policy(forDistrict: nil).district?.name == "Bydel Sagene")
        #expect(throws: PolicySetError.self) { try one.policy(forDistrict: "St. Hanshaugen") }

        // A single file applies to every district and to none, as before folders
        let file = try PolicySet.read(at: Fixtures.sample("policy.yaml").path).get()
        let sample = try Fixtures.policy()
        #expect(file.folder == nil && file.districts.isEmpty)
        for district in [nil, "St. Hanshaugen", "Sagene"] { #expect(try file.policy(forDistrict: district) == sample) }
    }

    @Test func twoFilesForOneDistrictAreRefusedNamingBoth() throws {
        let folder = try Fixtures.policyFolder([
            "a-sagene.yaml": try Fixtures.samplePolicyText(district: "Sagene"),
            "b-sagene.yaml": try Fixtures.samplePolicyText(district: "sagene"),
            "st-hanshaugen.yaml": try Fixtures.samplePolicyText(district: "St. Hanshaugen"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            diagnostics(folder.path) == [
                "\(folder.path)/b-sagene.yaml: bydel sagene har allerede en policy i \(folder.path)/a-sagene.yaml; "
                    + "hver bydel skal ha én fil"
            ])
    }

    @Test func aFileWithoutItsDistrictIsRefused() throws {
        let folder = try Fixtures.policyFolder([
            "sagene.yaml": try Fixtures.samplePolicyText(district: "Sagene"),
            "uten-bydel.yaml": try Fixtures.samplePolicyText(district: nil),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            diagnostics(folder.path) == [
                "\(folder.path)/uten-bydel.yaml: bydel.navn mangler; i en mappe med policyer må hver fil si hvilken "
                    + "bydel den gjelder"
            ])
    }

    @Test func anEmptyFolderIsRefused() throws {
        let folder = try Fixtures.policyFolder(["LESMEG.txt": "Policyene kommer."])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            diagnostics(folder.path) == [
                "\(folder.path): mappen har ingen policyfiler (*.yaml eller *.yml), én per bydel"
            ])
    }

    @Test func anErrorInOneFileIsReportedWithItsFileAndLineAndNothingIsRead() throws {
        let folder = try Fixtures.policyFolder([
            "sagene.yaml": try Fixtures.samplePolicyText(
                district: "Sagene", edits: [("standardsone: boligomraade", "standardsone: forstad")]),
            "st-hanshaugen.yaml": try Fixtures.samplePolicyText(district: "St. Hanshaugen"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            diagnostics(folder.path) == [
                "\(folder.path)/sagene.yaml:9:15: standardsone: ukjent sone «forstad»; "
                    + "bruk indre-sentrum, sentrum, boligomraade, utenfor-boligomraade"
            ])
    }

    /// The server's cache reads the folder again when a file changes, or one is added or removed.
    @Test func theServersFolderIsReadAgainWhenAFileChangesOrComesOrGoes() throws {
        let folder = try Fixtures.policyFolder([
            "st-hanshaugen.yaml": try Fixtures.samplePolicyText(district: "St. Hanshaugen")
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = PolicyFile(path: folder.path)
        #expect(try file.current().get().districts == ["St. Hanshaugen"])

        let sagene = folder.appendingPathComponent("sagene.yaml")
        try Fixtures.samplePolicyText(district: "Sagene").write(to: sagene, atomically: true, encoding: .utf8)
        #expect(try file.current().get().districts == ["Sagene", "St. Hanshaugen"])

        let edited = try Fixtures.samplePolicyText(
            district: "Sagene", edits: [("  forste_svar_dager: 14", "  forste_svar_dager: 10")])
        try edited.write(to: sagene, atomically: true, encoding: .utf8)
        #expect(try file.current().get().policy(forDistrict: "Sagene").firstResponseDays == 10)

        try FileManager.default.removeItem(at: sagene)
        #expect(try file.current().get().districts == ["St. Hanshaugen"])
    }
}

/// Every hearing is assessed with the policy of its own district.
@Suite struct DistrictPolicyAssessmentTests {
    @Test func eachDistrictsHearingsAreAssessedWithItsOwnPolicy() async throws {
        // Given two districts' policies (Sagene closes residential areas at 03.30 inside, St.
        // Hanshaugen at 01.00) and hearings from both, serving inside to 03.00 in a residential area
        let folder = try Fixtures.twoDistrictPolicyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let policies = try PolicySet.read(at: folder.path).get()
        var sagene = Fixtures.hearing(2)
        sagene.district = "Sagene"
        let hearings = [Fixtures.hearing(1), sagene, Fixtures.hearing(3)]
        let store = try Fixtures.store()

        // When
        let assessed = try await AssessmentDesk.assess(
            hearings, policies: policies, store: store, today: Fixtures.day("2026-11-22"))

        // Then in their order, St. Hanshaugen's refused serving inside after 00.30, Sagene's not,
        // and each quoting its own district's goal
        #expect(assessed.map(\.hearing.caseNumber) == hearings.map(\.caseNumber))
        #expect(
            assessed.map { $0.policy.district?.name }
                == ["Bydel St. Hanshaugen", "Bydel Sagene", "Bydel St. Hanshaugen"])
        let refusesInside = assessed.map { $0.assessment.refusals.contains { $0.part.contains("skjenking inne") } }
        #expect(refusesInside == [true, false, true])
        let goals = assessed.map { $0.assessment.factors.first { $0.criterion == .location }?.goal }
        #expect(goals[1] == Fixtures.sageneGoal)
        #expect(goals[0] != Fixtures.sageneGoal && goals[0] == goals[2] && goals[0] != nil)

        // And a hearing from a district without a policy stops the whole batch, naming it
        var frogner = Fixtures.hearing(4)
        frogner.district = "Frogner"
        let missing = PolicySetError.noPolicy(
            district: "Frogner", folder: folder.path, districts: ["Sagene", "St. Hanshaugen"])
        await #expect(throws: missing) {
            _ = try await AssessmentDesk.assess(
                hearings + [frogner], policies: policies, store: store, today: Fixtures.day("2026-11-22"))
        }
    }

    /// Statements are prepared with the district's policy, so the letter presents that district.
    @Test func aStatementIsPreparedWithItsDistrictsPolicy() async throws {
        let folder = try Fixtures.twoDistrictPolicyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let policies = try PolicySet.read(at: folder.path).get()
        let store = try Fixtures.store()
        var sagene = Fixtures.hearing(2)
        sagene.district = "Sagene"
        _ = try await store.storeHearings(
            [Fixtures.hearing(1), sagene], source: "a.xml", actor: Fixtures.actor, progress: nil)
        let cases = [
            try #require(try await store.storedCase(sagene.caseNumber)),
            try #require(try await store.storedCase(Fixtures.hearing(1).caseNumber)),
        ]
        let prepared = try await StatementDesk.prepare(
            cases, policies: policies, store: store, today: Fixtures.day("2026-11-22"))
        #expect(prepared.map { $0.policy.district?.name } == ["Bydel Sagene", "Bydel St. Hanshaugen"])
        #expect(prepared.map(\.stored.hearing.caseNumber) == cases.map(\.hearing.caseNumber))
    }
}
