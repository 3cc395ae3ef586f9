import Foundation
import SkjenkCore

/// A road's lines as both engines store them: JSON `[[[lat, lon], ...], ...]`, as zone rings are.
package enum RoadLines {
    package static func encode(_ lines: [[GeoPoint]]) throws -> String {
        String(decoding: try JSONEncoder().encode(lines.map { $0.map { [$0.latitude, $0.longitude] } }), as: UTF8.self)
    }

    package static func decode(_ text: String) throws -> [[GeoPoint]] {
        let lines = try JSONDecoder().decode([[[Double]]].self, from: Data(text.utf8))
        guard lines.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0.count == 2 } }) else {
            throw StoreError.damaged("ugyldig veglinje i databasen")
        }
        return lines.map { $0.map { GeoPoint(latitude: $0[0], longitude: $0[1]) } }
    }
}
