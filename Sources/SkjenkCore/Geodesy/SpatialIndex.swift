import Foundation

/// A grid index over points in WGS84, for "what lies within r metres" and "what is nearest"
/// without looking at every point. Cells are square in degrees of latitude and proportionally
/// wider in longitude; a query looks only at the cells its circle can reach, then measures each
/// candidate with `LocalDistance`.
public struct SpatialIndex<Element: Sendable>: Sendable {
    /// One indexed point and what it stands for.
    public struct Hit: Sendable {
        public let element: Element
        public let point: GeoPoint
        /// Metres from the query point.
        public let distance: Double
    }

    private struct Cell: Hashable {
        let row: Int32
        let column: Int32
    }

    private let points: [GeoPoint]
    private let elements: [Element]
    /// Point indices by cell, each cell's indices contiguous in `order`.
    private let cells: [Cell: Range<Int>]
    private let order: [Int32]
    private let cellLatitude: Double
    private let cellLongitude: Double
    private let rows: ClosedRange<Int32>
    private let columns: ClosedRange<Int32>

    /// Metres per degree of latitude, at least (the meridian degree is shortest at the equator).
    private static var metresPerDegreeLatitude: Double { 110_500 }
    /// Metres per degree of longitude at the equator, at most.
    private static var metresPerDegreeLongitude: Double { 111_400 }

    /// Indexes `items`; `cellSize` in metres (a few hundred suits the policy's radii).
    public init(_ items: [(point: GeoPoint, element: Element)], cellSize: Double = 250) {
        points = items.map(\.point)
        elements = items.map(\.element)
        let meanLatitude = points.isEmpty ? 60 : points.map(\.latitude).reduce(0, +) / Double(points.count)
        let height = cellSize / Self.metresPerDegreeLatitude
        let width = cellSize / (Self.metresPerDegreeLongitude * max(0.05, cos(meanLatitude * .pi / 180)))
        cellLatitude = height
        cellLongitude = width
        let keyed = items.enumerated().map { index, item in
            (
                Cell(
                    row: Int32((item.point.latitude / height).rounded(.down)),
                    column: Int32((item.point.longitude / width).rounded(.down))), Int32(index)
            )
        }
        .sorted { ($0.0.row, $0.0.column, $0.1) < ($1.0.row, $1.0.column, $1.1) }
        var table: [Cell: Range<Int>] = [:]
        var start = 0
        for i in keyed.indices {
            let last = i == keyed.count - 1
            if last || keyed[i + 1].0 != keyed[i].0 {
                table[keyed[i].0] = start..<(i + 1)
                start = i + 1
            }
        }
        cells = table
        order = keyed.map(\.1)
        rows = (keyed.map(\.0.row).min() ?? 0)...(keyed.map(\.0.row).max() ?? 0)
        columns = (keyed.map(\.0.column).min() ?? 0)...(keyed.map(\.0.column).max() ?? 0)
    }

    public var count: Int { points.count }

    /// Everything within `radius` metres of `center`, nearest first.
    public func within(_ radius: Double, of center: GeoPoint) -> [Hit] {
        var hits: [Hit] = []
        forEachCandidate(within: radius, of: center) { index in
            let distance = LocalDistance.metres(center, points[index])
            if distance <= radius {
                hits.append(Hit(element: elements[index], point: points[index], distance: distance))
            }
        }
        return hits.sorted { $0.distance < $1.distance }
    }

    /// How many points lie within `radius` metres of `center`.
    public func count(within radius: Double, of center: GeoPoint) -> Int {
        var count = 0
        forEachCandidate(within: radius, of: center) { index in
            if LocalDistance.metres(center, points[index]) <= radius { count += 1 }
        }
        return count
    }

    /// The nearest point to `center`, if any lies within `limit` metres.
    public func nearest(to center: GeoPoint, limit: Double = .infinity) -> Hit? {
        guard !points.isEmpty else { return nil }
        // Widen the search ring by ring until the best hit is nearer than anything the next ring
        // could hold.
        var radius = cellLatitude * Self.metresPerDegreeLatitude
        while true {
            let searched = min(radius, limit)
            var best: Hit?
            forEachCandidate(within: searched, of: center) { index in
                let distance = LocalDistance.metres(center, points[index])
                if distance <= searched, distance < (best?.distance ?? .infinity) {
                    best = Hit(element: elements[index], point: points[index], distance: distance)
                }
            }
            if best != nil || searched >= limit || coversEverything(radius, center) { return best }
            radius *= 2
        }
    }

    private func coversEverything(_ radius: Double, _ center: GeoPoint) -> Bool {
        let (rowRange, columnRange) = cellRanges(radius, center)
        return rowRange.lowerBound <= rows.lowerBound && rowRange.upperBound >= rows.upperBound
            && columnRange.lowerBound <= columns.lowerBound && columnRange.upperBound >= columns.upperBound
    }

    private func cellRanges(_ radius: Double, _ center: GeoPoint) -> (ClosedRange<Int32>, ClosedRange<Int32>) {
        let latitudeSpan = radius / Self.metresPerDegreeLatitude
        let widest = min(89.9, abs(center.latitude) + latitudeSpan)
        let longitudeSpan = radius / (Self.metresPerDegreeLongitude * cos(widest * .pi / 180) * 0.995)
        func index(_ value: Double, _ size: Double) -> Int32 {
            Int32(clamping: Int((value / size).rounded(.down)))
        }
        let rowRange =
            index(center.latitude - latitudeSpan, cellLatitude)...index(center.latitude + latitudeSpan, cellLatitude)
        let columnRange =
            index(
                center.longitude - longitudeSpan, cellLongitude)...index(
                center.longitude + longitudeSpan, cellLongitude)
        return (rowRange, columnRange)
    }

    private func forEachCandidate(within radius: Double, of center: GeoPoint, _ body: (Int) -> Void) {
        let (rowRange, columnRange) = cellRanges(radius, center)
        guard rowRange.upperBound >= rows.lowerBound, rowRange.lowerBound <= rows.upperBound,
            columnRange.upperBound >= columns.lowerBound, columnRange.lowerBound <= columns.upperBound
        else { return }
        let firstColumn = max(columnRange.lowerBound, columns.lowerBound)
        let lastColumn = min(columnRange.upperBound, columns.upperBound)
        for row in max(rowRange.lowerBound, rows.lowerBound)...min(rowRange.upperBound, rows.upperBound) {
            for column in firstColumn...lastColumn {
                guard let range = cells[Cell(row: row, column: column)] else { continue }
                for position in range { body(Int(order[position])) }
            }
        }
    }
}
