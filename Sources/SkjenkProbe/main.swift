#if canImport(Glibc)
    import Glibc
#endif

// SkjenkProbe REPORT PROGRAM [ARGUMENT...]
//
// Runs PROGRAM with the probe's standard streams, waits for it and writes one line to REPORT:
// "<exit status> <peak resident KiB> <seconds>". The tests run hostile input through it to
// measure the program's own peak memory: a process started straight from the (large) test
// process would report the test process's memory, which Linux carries over into the child's
// peak at exec; started from this small probe it carries over only the probe's.

/// Writes a line to standard error.
func complain(_ line: String) {
    _ = (line + "\n").withCString { write(2, $0, strlen($0)) }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    complain("usage: SkjenkProbe REPORT PROGRAM [ARGUMENT...]")
    exit(2)
}
let program = Array(arguments[2...])
let argv = program.map { strdup($0) } + [nil]
var start = timespec()
clock_gettime(CLOCK_MONOTONIC, &start)
var pid: pid_t = 0
let spawned = posix_spawn(&pid, program[0], nil, nil, argv, environ)
guard spawned == 0 else {
    complain("SkjenkProbe: cannot start \(program[0])")
    exit(2)
}
var status: Int32 = 0
var usage = rusage()
while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
var end = timespec()
clock_gettime(CLOCK_MONOTONIC, &end)
let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
guard let report = fopen(arguments[1], "w") else { exit(2) }
fputs("\(exitStatus) \(usage.ru_maxrss) \(seconds)\n", report)
fclose(report)
exit(0)
