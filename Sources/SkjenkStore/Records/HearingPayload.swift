import Foundation
import SkjenkCore

/// The stored form of a whole hearing: deterministic JSON, so equal hearings have equal text.
enum HearingPayload {
    static func encode(_ hearings: [Hearing]) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try hearings.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
    }

    static func decode(_ payload: String) throws -> Hearing {
        do {
            return try JSONDecoder().decode(Hearing.self, from: Data(payload.utf8))
        } catch {
            throw SQLiteStore.StoreError(description: "en lagret høring kan ikke leses (\(error)); databasen kan være skadet")
        }
    }
}

/// Timestamps as stored: ISO 8601 in UTC with milliseconds, so text order is time order.
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    static func format(_ date: Date) -> String { style.format(date) }

    static func parse(_ text: String) throws -> Date {
        do {
            return try style.parse(text)
        } catch {
            throw SQLiteStore.StoreError(description: "ugyldig tidsstempel «\(text)» i databasen")
        }
    }
}
