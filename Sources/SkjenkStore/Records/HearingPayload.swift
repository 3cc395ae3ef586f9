import Foundation
import SkjenkCore

/// The stored form of a whole hearing: JSON in the shape of `Hearing`'s `Codable` conformance,
/// written by hand because it is on the import's hot path (Foundation's encoder is an order of
/// magnitude slower), and read back with `JSONDecoder`, so decoding keeps every validation of
/// the Core types. The output is deterministic: equal hearings give equal text.
package enum HearingPayload {
    package static func encode(_ h: Hearing) -> String {
        var w = JSONObjectWriter()
        w.string("caseNumber", h.caseNumber.text)
        w.string("sent", h.sent.iso)
        w.string("deadline", h.deadline.iso)
        if let officer = h.agencyOfficer {
            w.object("agencyOfficer") { o in
                o.string("name", officer.name)
                o.string("email", officer.email)
            }
        }
        w.string("district", h.district)
        w.string("applicationType", h.applicationType.rawValue)
        w.string("change", h.change)
        w.string("permitType", h.permitType.rawValue)
        w.object("applicant") { o in
            o.string("name", h.applicant.name)
            o.string("organisationNumber", h.applicant.organisationNumber.digits)
        }
        w.object("venue") { v in
            let venue = h.venue
            v.string("name", venue.name)
            v.object("address") { a in
                a.string("street", venue.address.street)
                a.string("postalCode", venue.address.postalCode)
                a.string("postTown", venue.address.postTown)
            }
            if let p = venue.position {
                v.object("position") { o in
                    o.number("srid", p.srid.rawValue)
                    o.number("x", p.x)
                    o.number("y", p.y)
                }
            }
            v.string("concept", venue.concept)
            v.string("targetGroup", venue.targetGroup)
            v.number("ageLimit", venue.ageLimit)
            if let c = venue.capacity {
                v.object("capacity") { o in
                    o.number("indoor", c.indoor)
                    o.number("outdoor", c.outdoor)
                }
            }
            if let area = venue.outdoorArea {
                v.object("outdoorArea") { o in
                    o.string("placement", area.placement.rawValue)
                    o.number("squareMetres", area.squareMetres)
                    o.bool("facesHomes", area.facesHomes)
                }
            }
        }
        w.string("zone", h.zone?.rawValue)
        if let manager = h.manager { w.object("manager") { person(&$0, manager) } }
        if let deputy = h.deputy { w.object("deputy") { person(&$0, deputy) } }
        w.numbers("alcoholGroups", h.alcoholGroups.sorted().map(\.rawValue))
        w.array("servingPeriods", h.servingPeriods) { o, period in
            o.string("area", period.area.rawValue)
            o.numbers("groups", period.groups.sorted().map(\.rawValue))
            o.numbers("days", period.days.sorted().map(\.rawValue))
            o.string("from", period.from.description)
            o.string("to", period.to.description)
        }
        w.bool("earlierPermit", h.earlierPermit)
        w.array("attachments", h.attachments) { o, attachment in
            o.string("title", attachment.title)
            o.string("fileName", attachment.fileName)
        }
        w.string("remark", h.remark)
        return w.finish()
    }

    private static func person(_ o: inout JSONObjectWriter, _ person: Person) {
        o.string("name", person.name)
        o.number("birthYear", person.birthYear)
    }

    package static func decode(_ payload: String) throws -> Hearing {
        do {
            return try JSONDecoder().decode(Hearing.self, from: Data(payload.utf8))
        } catch {
            throw StoreError.damaged("en lagret høring kan ikke leses (\(error)); databasen kan være skadet")
        }
    }
}

/// The payloads and rule violations of a batch, worked out on a background thread in chunks so
/// that the inserts can start on the first chunk while the rest is still being encoded.
package final class PreparedHearings: @unchecked Sendable {
    package typealias Item = (payload: String, violations: [RuleViolation])

    private static let chunkSize = 256
    private let items: UnsafeMutableBufferPointer<Item>
    private let ready: [DispatchSemaphore]
    private let done = DispatchSemaphore(value: 0)

    package init(_ hearings: [Hearing]) {
        items = .allocate(capacity: hearings.count)
        let chunks = (hearings.count + Self.chunkSize - 1) / Self.chunkSize
        ready = (0..<chunks).map { _ in DispatchSemaphore(value: 0) }
        let items = UnsafeTransferredBuffer(items)
        let ready = ready
        let done = done
        DispatchQueue.global(qos: .userInitiated).async {
            for chunk in 0..<chunks {
                let range = (chunk * Self.chunkSize)..<min(hearings.count, (chunk + 1) * Self.chunkSize)
                for index in range {
                    let hearing = hearings[index]
                    (items.buffer.baseAddress! + index).initialize(
                        to: (HearingPayload.encode(hearing), HearingRules.check(HearingFacts(hearing))))
                }
                ready[chunk].signal()
            }
            done.signal()
        }
    }

    /// The item for hearing `index`, waiting for its chunk when it is not ready yet. Items must
    /// be asked for in order.
    package subscript(index: Int) -> Item {
        if index % Self.chunkSize == 0 { ready[index / Self.chunkSize].wait() }
        return items[index]
    }

    deinit {
        // Wait for the encoder before freeing what it writes into (it may still be running when
        // the inserts stopped early on an error).
        done.wait()
        items.deinitialize()
        items.deallocate()
    }
}

/// A buffer handed to the encoder thread; each element is written once, before its chunk is
/// signalled, and read only after.
private struct UnsafeTransferredBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }
}

/// Writes one JSON object member by member into a byte buffer; nil values are left out, as
/// `Codable` does. Nested objects and arrays write into the same buffer.
struct JSONObjectWriter {
    private var out: [UInt8]
    private var first = true

    init() {
        out = []
        out.reserveCapacity(2_048)
        out.append(UInt8(ascii: "{"))
    }

    private init(continuing buffer: [UInt8]) {
        out = buffer
        out.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ key: StaticString) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        appendQuoted(value)
    }

    mutating func number(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        out.append(contentsOf: String(value).utf8)
    }

    mutating func number(_ key: StaticString, _ value: Double?) {
        guard let value else { return }
        self.key(key)
        // Swift prints the shortest text that reads back as the same Double.
        out.append(contentsOf: value.description.utf8)
    }

    mutating func bool(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func numbers(_ key: StaticString, _ values: [Int]) {
        self.key(key)
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: String(value).utf8)
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func object(_ key: StaticString, _ body: (inout JSONObjectWriter) -> Void) {
        self.key(key)
        nested(body)
    }

    mutating func array<T>(_ key: StaticString, _ items: [T], _ body: (inout JSONObjectWriter, T) -> Void) {
        self.key(key)
        out.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            nested { body(&$0, item) }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Writes a nested object into this writer's buffer.
    private mutating func nested(_ body: (inout JSONObjectWriter) -> Void) {
        var inner = JSONObjectWriter(continuing: out)
        out = []
        body(&inner)
        inner.out.append(UInt8(ascii: "}"))
        out = inner.out
    }

    func finish() -> String {
        var result = out
        result.append(UInt8(ascii: "}"))
        return String(decoding: result, as: UTF8.self)
    }

    private mutating func appendQuoted(_ text: String) {
        JSONString.append(text, to: &out)
    }
}

/// Timestamps as stored: ISO 8601 in UTC with milliseconds, so text order is time order.
package enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    package static func format(_ date: Date) -> String { style.format(date) }

    package static func parse(_ text: String) throws -> Date {
        do {
            return try style.parse(text)
        } catch {
            throw StoreError.damaged("ugyldig tidsstempel «\(text)» i databasen")
        }
    }
}
