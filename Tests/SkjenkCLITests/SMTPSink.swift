import Foundation
import SkjenkTestSupport
import Testing

/// A local SMTP server for the reminder tests: `Tests/Tools/smtp_sink.py` on Python's aiosmtpd,
/// writing what it receives to a folder. aiosmtpd comes from PyPI: `$SKJENK_PYTHON` (the venv
/// `.ci/run` makes) when it has it, else `.build/smtp-venv`, which is made when missing.
final class SMTPSink {
    /// One received message, as the sink's Python decoded it.
    struct Received {
        let envelopeTo: [String]
        let authenticated: Bool
        let subject: String
        let body: String
        let headerTo: String
        let contentType: String
        let charset: String
        let date: String
        let messageId: String
        /// The message as it came over the wire.
        let raw: String
    }

    let folder: URL
    let port: Int
    private let process: Process

    /// The SKJENK_REQUIRE_TOOLS=1 of `.ci/run`: a missing aiosmtpd fails the test rather than skipping it.
    static let required = ProcessInfo.processInfo.environment["SKJENK_REQUIRE_TOOLS"] == "1"

    /// A Python that imports aiosmtpd, installing it into `.build/smtp-venv` when none does; nil when
    /// it cannot be installed (no network, no venv module).
    static let python: String? = {
        let venv = Fixtures.packageRoot.appendingPathComponent(".build/smtp-venv")
        let venvPython = venv.appendingPathComponent("bin/python").path
        let candidates = [ProcessInfo.processInfo.environment["SKJENK_PYTHON"], venvPython].compactMap { $0 }
        func hasAiosmtpd(_ python: String) -> Bool {
            guard FileManager.default.isExecutableFile(atPath: python) else { return false }
            return (try? ChildProcess(executable: URL(fileURLWithPath: python)).run(["-c", "import aiosmtpd"]))?
                .status == 0
        }
        if let found = candidates.first(where: hasAiosmtpd) { return found }
        let system = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"))
        _ = try? system.run(["python3", "-m", "venv", venv.path])
        _ = try? ChildProcess(executable: venv.appendingPathComponent("bin/pip")).run(["install", "-q", "aiosmtpd"])
        return hasAiosmtpd(venvPython) ? venvPython : nil
    }()

    /// Starts the sink; with `credentials` it requires AUTH (PLAIN or LOGIN) before mail.
    init(credentials: (user: String, password: String)? = nil) throws {
        guard let python = Self.python else {
            throw SinkError(description: "aiosmtpd kunne ikke installeres (pip install aiosmtpd; SKJENK_PYTHON)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("sink.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments =
            [Fixtures.packageRoot.appendingPathComponent("Tests/Tools/smtp_sink.py").path, folder.path]
            + (credentials.map { [$0.user, $0.password] } ?? [])
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let portFile = folder.appendingPathComponent("port")
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: portFile.path) {
            guard process.isRunning, Date() < deadline else {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                process.terminate()
                throw SinkError(description: "the SMTP sink did not start: \(output)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let port = Int(try String(contentsOf: portFile, encoding: .utf8)) else {
            throw SinkError(description: "the SMTP sink wrote no port")
        }
        self.port = port
    }

    struct SinkError: Error, CustomStringConvertible {
        let description: String
    }

    /// What has been received, in order.
    func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let raw = try String(
                contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml")),
                encoding: .utf8)
            return Received(
                envelopeTo: object["to"] as? [String] ?? [], authenticated: object["authenticated"] as? Bool ?? false,
                subject: object["subject"] as? String ?? "", body: object["body"] as? String ?? "",
                headerTo: object["headerTo"] as? String ?? "", contentType: object["contentType"] as? String ?? "",
                charset: object["charset"] as? String ?? "", date: object["date"] as? String ?? "",
                messageId: object["messageId"] as? String ?? "", raw: raw)
        }
    }

    func stop() {
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
