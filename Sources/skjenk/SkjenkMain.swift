import ArgumentParser
import Foundation
import SkjenkApp

/// Entry point: runs the command and maps outcomes to the documented exit statuses
/// (0 success, 1 input rejected or failed, 2 usage error).
@main
enum SkjenkMain {
    static func main() async {
        do {
            var command = try Skjenk.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { Terminal.error("skjenk: \(failure.message)") }
            exit(ExitStatus.failure)
        } catch let noMeeting as NoMeetingPlanned {
            // The delegation sends the case to the council, and no meeting of it is planned.
            Terminal.error("skjenk: \(noMeeting.description)")
            exit(ExitStatus.failure)
        } catch let missing as PolicySetError {
            // A district without a policy in the folder, or none given where the folder has several.
            Terminal.error("skjenk: \(missing.description)")
            exit(ExitStatus.failure)
        } catch {
            let code = Skjenk.exitCode(for: error)
            let message = Skjenk.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            Terminal.error(UsageMessages.norwegian(message))
            exit(code == .validationFailure ? ExitStatus.usage : ExitStatus.failure)
        }
    }
}

/// The documented exit statuses.
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}

/// The root command.
struct Skjenk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skjenk",
        abstract: "Bydelens høringsuttalelser om skjenke- og salgsbevillinger.",
        discussion: "Databasen er skjenk.sqlite i arbeidsmappen, eller $SKJENK_DB, eller --db.",
        subcommands: [
            Import.self, Cases.self, Assess.self, Sites.self, Venues.self, Points.self, Addresses.self, Zones.self,
            Roads.self, Draft.self, Review.self, Renewals.self, Meetings.self, Decisions.self, AnnualStats.self,
            Complaints.self,
            Followup.self, Remind.self, Serve.self,
            Users.self, Backup.self,
            APIKeys.self,
        ]
    )
}
