import Dispatch

/// Moves a value that is not `Sendable` (a libxml2 tree pointer) into work that runs on another
/// thread. Only for values that the receiving work reads and nothing writes meanwhile.
struct UnsafeTransfer<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// Runs two pieces of work at the same time and returns both results.
enum Concurrently {
    static func run<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Results<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                results.first = first()
            } else {
                results.second = second()
            }
        }
        // concurrentPerform returns after both iterations: both are set.
        return (results.first!, results.second!)
    }

    /// Each slot is written by exactly one iteration and read after both have finished.
    private final class Results<A, B>: @unchecked Sendable {
        var first: A?
        var second: B?
    }
}
