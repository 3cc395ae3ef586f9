import Foundation

/// An axis-aligned box on the map, in the SVG's pixels (y down).
public struct MapBox: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The box of `width` × `height` centred on (`x`, `y`).
    static func centred(_ x: Double, _ y: Double, width: Double, height: Double) -> MapBox {
        MapBox(x: x - width / 2, y: y - height / 2, width: width, height: height)
    }

    /// True when the boxes overlap with some area (touching edges do not).
    public func intersects(_ other: MapBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// True when the whole box lies within `frame`.
    public func isInside(_ frame: MapBox) -> Bool {
        x >= frame.x && y >= frame.y && x + width <= frame.x + frame.width && y + height <= frame.y + frame.height
    }
}

/// A text label placed on the map: where its baseline starts and the box it covers.
struct MapLabel: Sendable {
    let text: String
    /// The baseline's left end (text-anchor start).
    let x: Double
    let y: Double
    let box: MapBox
    /// From the marker to the label, when the label had to stand off.
    let leader: (x1: Double, y1: Double, x2: Double, y2: Double)?
}

/// Places labels without overlap, deterministically: each label tries the right of its marker,
/// then the left, above and below, then the same four and the diagonals further out with a leader
/// line; a label that fits nowhere inside the frame without covering a marker or another label is
/// dropped. Earlier labels win, so callers place the most important first.
///
/// Text widths are estimated (the rasteriser's fonts are not at hand): `fontSize` × 0.6 per
/// character, a little wider than Arial's average, so estimates err towards space between labels.
struct MapLabelPlacer {
    let frame: MapBox
    /// Markers and fixed drawings (scale bar, north arrow) no label may cover.
    private(set) var obstacles: [MapBox]
    /// Labels placed so far.
    private(set) var placed: [MapBox] = []

    init(frame: MapBox, obstacles: [MapBox]) {
        self.frame = frame
        self.obstacles = obstacles
    }

    static let widthPerCharacter = 0.6

    static func width(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * widthPerCharacter
    }

    static func height(fontSize: Double) -> Double { fontSize * 1.25 }

    /// True when `box` is inside the frame and clear of every obstacle and label.
    func isFree(_ box: MapBox) -> Bool {
        box.isInside(frame) && !obstacles.contains(where: box.intersects) && !placed.contains(where: box.intersects)
    }

    /// Marks `box` as taken (a label placed by other means, such as a road name along its line).
    mutating func claim(_ box: MapBox) { placed.append(box) }

    /// Places `text` beside the marker at (`x`, `y`) whose half-size is `clearance`; nil when it fits nowhere.
    mutating func place(_ text: String, fontSize: Double, at x: Double, _ y: Double, clearance: Double) -> MapLabel? {
        let width = Self.width(text, fontSize: fontSize)
        let height = Self.height(fontSize: fontSize)
        let gap = 3.0
        // Close candidates: the box's nearest edge `gap` off the marker's edge.
        func candidates(_ offset: Double, diagonals: Bool) -> [MapBox] {
            var boxes = [
                MapBox(x: x + offset, y: y - height / 2, width: width, height: height),  // right
                MapBox(x: x - offset - width, y: y - height / 2, width: width, height: height),  // left
                MapBox(x: x - width / 2, y: y - offset - height, width: width, height: height),  // above
                MapBox(x: x - width / 2, y: y + offset, width: width, height: height),  // below
            ]
            if diagonals {
                boxes += [
                    MapBox(x: x + offset * 0.7, y: y - offset * 0.7 - height, width: width, height: height),
                    MapBox(x: x - offset * 0.7 - width, y: y - offset * 0.7 - height, width: width, height: height),
                    MapBox(x: x + offset * 0.7, y: y + offset * 0.7, width: width, height: height),
                    MapBox(x: x - offset * 0.7 - width, y: y + offset * 0.7, width: width, height: height),
                ]
            }
            return boxes
        }
        let near = clearance + gap
        for box in candidates(near, diagonals: false) where isFree(box) {
            return accept(text, box, fontSize: fontSize, leaderFrom: nil)
        }
        for step in [2.5, 4.0] {
            for box in candidates(near + fontSize * step, diagonals: true) where isFree(box) {
                return accept(text, box, fontSize: fontSize, leaderFrom: (x, y, clearance))
            }
        }
        return nil
    }

    private mutating func accept(
        _ text: String, _ box: MapBox, fontSize: Double, leaderFrom marker: (x: Double, y: Double, r: Double)?
    ) -> MapLabel {
        placed.append(box)
        var leader: (Double, Double, Double, Double)?
        if let marker {
            // From the marker's edge to the nearest point of the label's box.
            let tx = min(max(marker.x, box.x), box.x + box.width)
            let ty = min(max(marker.y, box.y), box.y + box.height)
            let dx = tx - marker.x
            let dy = ty - marker.y
            let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
            leader = (marker.x + dx / length * marker.r, marker.y + dy / length * marker.r, tx, ty)
        }
        // The baseline sits about a fifth of the font size above the box's bottom (room for descenders).
        return MapLabel(
            text: text, x: box.x, y: box.y + box.height - fontSize * 0.3, box: box, leader: leader)
    }
}
