import ArgumentParser
import Foundation
import SkjenkPostgres
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
            guard !store.isPostgres else {
                // PostgreSQL has its own consistent, online dump; the city's operations run it.
                throw CommandFailure(
                    message: "en PostgreSQL-database sikkerhetskopieres med pg_dump, for eksempel "
                        + "«pg_dump --format=custom --file \(destination) \(PostgresURL.redacted(store.path))» "
                        + "(se «Running for the whole city» i README)")
            }
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
