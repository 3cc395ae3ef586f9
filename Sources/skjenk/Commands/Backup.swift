import ArgumentParser
import Foundation
import SkjenkStore

extension Skjenk {
    /// `skjenk backup PATH`: a consistent copy of the database, also while it is in use.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skriv en sikkerhetskopi av databasen (også mens den er i bruk).")

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("Ny fil for kopien.", valueName: "PATH"))
        var destination: String

        func run() async throws {
            let database = try store.openSQLite()
            do {
                try await database.backup(to: destination)
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            print("Sikkerhetskopi skrevet til \(destination).")
        }
    }
}
