import Foundation
import Logging
import PostgresNIO
import SkjenkCore
import SkjenkStore

/// The store on PostgreSQL (vapor's postgres-nio), for a city-wide deployment: the same interface
/// and the same contract tests as `SQLiteStore`, without GRDB. One `PostgresClient` pools the
/// connections and runs for the life of the store; migrations run when it opens. Every write is one
/// transaction; writes that race (two imports of one case, two drafts of one statement) are kept
/// apart by row locks and unique constraints, and a transaction the server aborts for a
/// serialisation failure or a deadlock is run again.
public final class PostgresStore: Sendable {
    let client: PostgresClient
    let now: @Sendable () -> Date
    let logger: Logger
    private let runner: Task<Void, Never>
    /// Resumed by the runner just before it calls `client.run()` (which marks the client running at
    /// once): connections are leased only after that.
    private let startSignal: AsyncStream<Void>

    /// Opens the database at `url` (`postgres://user:password@host:port/database`), runs the
    /// migrations and returns the store. `schema` (or `?schema=` in the URL) keeps everything in a
    /// schema of its own, created when missing: for tests, or several deployments in one database.
    public static func open(
        url: String, schema: String? = nil, now: @escaping @Sendable () -> Date = Date.init,
        logger: Logger = Logger(label: "skjenk.postgres")
    ) async throws -> PostgresStore {
        var configuration = try PostgresURL.configuration(url)
        let schema = schema ?? PostgresURL.schema(url)
        if let schema {
            // Lower-case ASCII, not starting with a digit: the same name quoted and unquoted.
            guard let first = schema.first, first.isLowercase || first == "_", schema.count <= 63,
                schema.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
            else {
                throw StoreError.invalid(
                    "skjemanavnet «\(schema)» kan bare ha små bokstaver a–z, tall og _, og ikke begynne med et tall")
            }
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        let store = PostgresStore(
            client: PostgresClient(configuration: configuration, backgroundLogger: logger), now: now, logger: logger)
        await store.started
        do {
            try await PostgresMigrations.migrate(store.client, schema: schema, logger: logger)
        } catch {
            throw StoreError.unavailable("databasen kan ikke åpnes eller oppgraderes: \(Self.describe(error))")
        }
        return store
    }

    private init(client: PostgresClient, now: @escaping @Sendable () -> Date, logger: Logger) {
        self.client = client
        self.now = now
        self.logger = logger
        let (signal, continuation) = AsyncStream<Void>.makeStream()
        startSignal = signal
        runner = Task {
            continuation.finish()
            await client.run()
        }
    }

    /// Waits until the client's run loop has begun.
    private var started: Void {
        get async {
            for await _ in startSignal {}
        }
    }

    deinit {
        runner.cancel()
    }

    /// Closes the connections (the store cannot be used afterwards).
    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    /// Runs `body` on one pooled connection, outside a transaction (reads that need one snapshot
    /// use `write`).
    func read<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw Self.mapped(error)
        }
    }

    /// Runs `body` in one transaction (postgres-nio's: BEGIN, COMMIT, ROLLBACK when `body` throws),
    /// again (up to five times) when the server aborts it for a serialisation failure or a deadlock;
    /// errors `body` throws itself pass on as they are.
    func write<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
            } catch let failure as PostgresTransactionError {
                let cause = failure.closureError ?? failure.commitError ?? failure.beginError ?? failure
                let code = (cause as? PSQLError)?.serverInfo?[.sqlState]
                if attempt < 5, code == "40001" || code == "40P01" { continue }
                throw Self.mapped(cause)
            } catch {
                throw Self.mapped(error)
            }
        }
    }

    /// The client's errors as the store's; the store's own refusals (and a caller's) as they are.
    static func mapped(_ error: any Error) -> any Error {
        if let error = error as? PSQLError { return storeError(error) }
        if let error = error as? PostgresDecodingError {
            return StoreError.damaged("en verdi i databasen kan ikke leses (kolonne \(error.columnName))")
        }
        if isClientFailure(error) { return StoreError.unavailable("databasen svarer ikke: \(describe(error))") }
        return error
    }

    /// Whether `error` is the connection pool's (it timed out waiting for a connection, or was shut
    /// down). Its type lives in postgres-nio's underscored pool module, which skjenk does not import,
    /// so it is known by name; every other error (the store's refusals, a renderer's) passes on as it is.
    static func isClientFailure(_ error: any Error) -> Bool {
        String(describing: type(of: error)) == "ConnectionPoolError"
    }

    /// The server's error as the store's: the SQL state and message for the log, never the query.
    static func storeError(_ error: PSQLError) -> StoreError {
        if error.serverInfo?[.sqlState] == "23505" {
            return .conflict("det som skulle lagres, finnes allerede; prøv igjen")
        }
        return .unavailable("PostgreSQL-feil: \(describe(error))")
    }

    static func describe(_ error: any Error) -> String {
        if let failure = error as? PostgresTransactionError,
            let cause = failure.closureError ?? failure.commitError ?? failure.beginError
        {
            return describe(cause)
        }
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                return "\(info[.sqlState] ?? "?") \(info[.message] ?? "ukjent")"
            }
            return "\(error.code)"
        }
        if let error = error as? StoreError { return error.description }
        return String(describing: error)
    }
}

/// Reading a `postgres://` or `postgresql://` URL: user, password (from the URL, else
/// `PGPASSWORD`, else the password file `PGPASSFILE` or `~/.pgpass`), host, port and database;
/// `sslmode=disable|prefer|require` as libpq's (default prefer); `schema=NAME` for a schema of its own.
public enum PostgresURL {
    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    public static func configuration(
        _ url: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresClient.Configuration {
        guard isPostgres(url), let components = URLComponents(string: url), let host = components.host,
            !host.isEmpty
        else {
            throw StoreError.invalid("«\(redacted(url))» er ikke en PostgreSQL-adresse (postgres://bruker@vert/database)")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        let port = components.port ?? 5432
        var database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = database.removingPercentEncoding ?? database
        if database.isEmpty { database = user }
        let password =
            components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
            ?? passwordFromFile(
                host: host, port: port, database: database, user: user, environment: environment)
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw StoreError.invalid("ukjent sslmode «\(mode)» (disable, prefer eller require)")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = 10
        return configuration
    }

    /// The schema named by `?schema=` in the URL, if any.
    public static func schema(_ url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == "schema" }?.value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The URL with its password replaced, for messages.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "****"
        return components.string ?? url
    }

    /// The first matching line `host:port:database:user:password` of libpq's password file.
    static func passwordFromFile(
        host: String, port: Int, database: String, user: String, environment: [String: String]
    ) -> String? {
        let path =
            environment["PGPASSFILE"]
            ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
