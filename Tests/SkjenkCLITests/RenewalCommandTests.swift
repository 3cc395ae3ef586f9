import Foundation
import SkjenkTestSupport
import Testing

/// Issue 18, item 6 on the command line: the sample renewal with nothing against it is listed, and
/// `--draft --meeting` gives it a short statement and puts it on the agenda.
@Suite struct RenewalCommandTests {
    @Test func theRenewalsWithoutRemarksAreDraftedTogether() throws {
        let cli = try SampleAnswersTests.loaded()
        defer { cli.remove() }
        let policy = ["--policy", "Samples/policy.yaml", "--today", "2026-11-27"]
        let list = try cli.run(["renewals"] + policy)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("2026/05240  Restaurant Fagerborg"))
        #expect(list.stdout.contains("Én fornyelse uten merknader."))
        #expect(try cli.run(["renewals", "--meeting", "1"] + policy).status == 2, "--meeting needs --draft")
        #expect(try cli.run(["renewals", "--draft", "--meeting", "7"] + policy).stderr.contains("fant ikke møte nummer 7"))
        #expect(try cli.run("meetings", "create", "--body", "bydelsutvalget", "--date", "2026-12-10").status == 0)
        let drafted = try cli.run(["renewals", "--draft", "--meeting", "1", "--officer", "Kari Nordmann"] + policy)
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(drafted.stdout.contains("2026/05240: kort uttalelse sendt til behandling, sak 1/26 i møtet"))
        #expect(drafted.stdout.contains("Fornyelser med kort uttalelse: 1 av 1."))
        #expect(try cli.run("meetings", "show", "1").stdout.contains("Sak 1/26: 2026/05240 Restaurant Fagerborg"))
        // Nothing is left waiting.
        #expect(try cli.run(["renewals"] + policy).stdout.contains("Ingen fornyelser venter på kort uttalelse."))
    }
}
