import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program as a child process and reports what it printed, its exit status, its wall
/// time and its peak memory (from `wait4`'s resource usage of that one child).
public struct ChildProcess: Sendable {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Peak resident memory of the child, in KiB.
        public let maxResidentKiB: Int
        public let seconds: Double

        /// Everything the program printed.
        public var output: String { stdout + stderr }
    }

    /// Why the program could not be started.
    public struct LaunchError: Error, CustomStringConvertible {
        public let description: String
    }

    public let executable: URL
    public var environment: [String: String]
    public var workingDirectory: URL?

    public init(
        executable: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: URL? = nil
    ) {
        self.executable = executable
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// Runs the program through `SkjenkProbe`, so `maxResidentKiB` is the program's own peak and not
    /// the memory of the test process it was started from.
    public func runMeasured(_ arguments: [String]) throws -> Result {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let probe = executable.deletingLastPathComponent().appendingPathComponent("SkjenkProbe")
        let measured = ChildProcess(executable: probe, environment: environment, workingDirectory: workingDirectory)
        let outer = try measured.run([report.path, executable.path] + arguments)
        let fields = ((try? String(contentsOf: report, encoding: .utf8)) ?? "").split(separator: " ")
        guard fields.count == 3, let status = Int32(fields[0]), let kib = Int(fields[1]),
            let seconds = Double(fields[2].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw LaunchError(description: "SkjenkProbe gave no report: \(outer.stderr)")
        }
        return Result(status: status, stdout: outer.stdout, stderr: outer.stderr, maxResidentKiB: kib, seconds: seconds)
    }

    /// Runs the child on a thread of its own and waits without holding one of Swift's cooperative
    /// threads: for tests whose child needs something the test process itself must go on doing (a
    /// PostgreSQL lock an in-process store holds), which a blocked cooperative pool would never finish.
    public func runOffPool(_ arguments: [String], stdin: String? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result<ChildProcess.Result, any Error> { try self.run(arguments, stdin: stdin) })
            }
        }
    }

    public func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path
        let errPath = folder.appendingPathComponent("err").path
        let inPath = folder.appendingPathComponent("in").path
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Change directory through a shell that then execs the program, so the child keeps one
        // pid (and `wait4` measures the program itself).
        let launcher = workingDirectory == nil ? executable.path : "/bin/sh"
        let prefix =
            workingDirectory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0.path, executable.path] }
            ?? [executable.path]
        let argv = (prefix + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, launcher, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw LaunchError(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(
            status: exitStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            maxResidentKiB: Int(usage.ru_maxrss),
            seconds: seconds)
    }
}

extension Fixtures {
    /// The `skjenk` executable that `swift build` / `swift test` built next to the test bundle.
    public static var skjenkExecutable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            beside, beside.deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("skjenk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/skjenk")
    }
}
