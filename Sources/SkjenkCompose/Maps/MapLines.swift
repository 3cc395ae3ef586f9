import Foundation

/// A point on the map, in the SVG's pixels (y down).
struct MapPoint: Sendable, Hashable {
    var x: Double
    var y: Double
}

/// Lines on the map: clipping to the frame and finding a place along a line for its name.
enum MapLines {
    /// The parts of the polyline `points` inside `frame` (Liang–Barsky per segment): a line that
    /// leaves the frame and comes back gives two runs.
    static func clip(_ points: [MapPoint], to frame: MapBox) -> [[MapPoint]] {
        var runs: [[MapPoint]] = []
        var current: [MapPoint] = []
        for (a, b) in zip(points, points.dropFirst()) {
            guard let (p, q) = clip(a, b, to: frame) else {
                if current.count >= 2 { runs.append(current) }
                current = []
                continue
            }
            if let last = current.last, last == p {
                current.append(q)
            } else {
                if current.count >= 2 { runs.append(current) }
                current = [p, q]
            }
            // The segment left the frame: the run ends here.
            if q != b {
                runs.append(current)
                current = []
            }
        }
        if current.count >= 2 { runs.append(current) }
        return runs
    }

    /// The part of the segment a–b inside `frame`, or nil when none is.
    static func clip(_ a: MapPoint, _ b: MapPoint, to frame: MapBox) -> (MapPoint, MapPoint)? {
        let dx = b.x - a.x
        let dy = b.y - a.y
        var t0 = 0.0
        var t1 = 1.0
        let edges = [
            (-dx, a.x - frame.x), (dx, frame.x + frame.width - a.x), (-dy, a.y - frame.y),
            (dy, frame.y + frame.height - a.y),
        ]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return nil }
            }
        }
        let start = t0 == 0 ? a : MapPoint(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : MapPoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return start == end ? nil : (start, end)
    }

    static func length(_ run: [MapPoint]) -> Double {
        zip(run, run.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) }
    }

    /// The point `fraction` of the way along `run` and the direction of the line there, in degrees
    /// turned so text along it reads left to right (-90 < angle ≤ 90).
    static func point(along run: [MapPoint], fraction: Double) -> (point: MapPoint, angle: Double)? {
        var remaining = length(run) * fraction
        for (a, b) in zip(run, run.dropFirst()) {
            let segment = hypot(b.x - a.x, b.y - a.y)
            if segment > 0, remaining <= segment {
                let t = remaining / segment
                var angle = atan2(b.y - a.y, b.x - a.x) * 180 / .pi
                if angle > 90 { angle -= 180 } else if angle <= -90 { angle += 180 }
                return (MapPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)), angle)
            }
            remaining -= segment
        }
        return nil
    }

    /// The axis-aligned box around a `width` × `height` box centred on `point` and turned `angle` degrees.
    static func turnedBox(_ point: MapPoint, width: Double, height: Double, angle: Double) -> MapBox {
        let radians = angle * .pi / 180
        let (c, s) = (abs(cos(radians)), abs(sin(radians)))
        return MapBox.centred(point.x, point.y, width: width * c + height * s, height: width * s + height * c)
    }
}
