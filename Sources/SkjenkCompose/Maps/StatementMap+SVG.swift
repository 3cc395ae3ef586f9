import Foundation
import SkjenkCore

extension StatementMap {
    static let colours: [SiteCategory: String] = [
        .school: "#0072B2", .kindergarten: "#009E73", .youth: "#CC79A7", .treatment: "#D55E00", .sports: "#E69F00",
        .other: "#666666",
    ]

    /// The width the map is printed at: 15 cm in the .docx and the archive's PDF/A
    /// (`DocxWriter.drawing`), in CSS pixels (96 an inch); the HTML letter prints it about as wide.
    public static let printedWidth = 15 / 2.54 * 96
    /// The smallest text on the printed map, in CSS pixels.
    public static let smallestPrintedFontSize = 11.0

    /// The map's font size in its own pixels: at least `smallestPrintedFontSize` once the map is
    /// scaled to `printedWidth` (13 for the 640-pixel map).
    public var fontSize: Double { (Self.smallestPrintedFontSize * size / Self.printedWidth).rounded(.up) }

    /// Road labels at most, longest roads first.
    static let roadLabels = 8

    /// The map as SVG.
    public func svg() -> String {
        let font = fontSize
        let half = size / 2
        let scale = (half - 24) / extent  // pixels per metre
        let metresPerDegreeNorth =
            LocalDistance.metres(center, GeoPoint(latitude: center.latitude + 0.01, longitude: center.longitude)) / 0.01
        let metresPerDegreeEast =
            LocalDistance.metres(center, GeoPoint(latitude: center.latitude, longitude: center.longitude + 0.01)) / 0.01
        func xy(_ point: GeoPoint) -> MapPoint {
            let east = (point.longitude - center.longitude) * metresPerDegreeEast
            let north = (point.latitude - center.latitude) * metresPerDegreeNorth
            return MapPoint(x: half + east * scale, y: half - north * scale)
        }
        let frameBox = MapBox(x: 0, y: 0, width: size, height: size)
        let roadRuns = roads.map { road in road.lines.flatMap { MapLines.clip($0.map(xy), to: frameBox) } }
        let legend = legendLayout(font: font, hasRoads: roadRuns.contains { !$0.isEmpty })
        let height = size + legend.height
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(size))" height="\(n(height))" \
            viewBox="0 0 \(n(size)) \(n(height))" role="img" aria-labelledby="map-title" \
            font-family="Arial, Helvetica, sans-serif" font-size="\(n(font))">
            <title id="map-title">\(escape("Kart over \(venueName) med steder innenfor \(metres(radii.last ?? 0))"))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>
            <rect x="0.5" y="0.5" width="\(n(size - 1))" height="\(n(size - 1))" fill="#f7f7f2" stroke="#999999"/>

            """
        // Roads first, so everything else is drawn over them.
        if roadRuns.contains(where: { !$0.isEmpty }) {
            out += """
                <g class="veger" fill="none" stroke="#d6d6d6" stroke-width="5" stroke-linecap="round" \
                stroke-linejoin="round">

                """
            for runs in roadRuns {
                for run in runs {
                    let d = run.enumerated().map {
                        "\($0.offset == 0 ? "M" : "L") \(n($0.element.x)) \(n($0.element.y))"
                    }
                    out += "<path d=\"\(d.joined(separator: " "))\"/>\n"
                }
            }
            out += "</g>\n"
        }
        // What no label may cover: the markers, the scale bar and the north arrow.
        let barMetres = Self.roundLength(extent / 2.5)
        let barPixels = barMetres * scale
        var obstacles = [
            MapBox(x: 12, y: size - 28 - font * 1.2, width: max(barPixels, 60) + 8, height: font * 1.2 + 14),
            MapBox(x: size - 34, y: 16, width: 28, height: 48),
            MapBox.centred(half, half, width: 18, height: 18),
        ]
        let sitePoints = sites.map { xy($0.point) }
        let venuePoints = venues.map { xy($0.point) }
        obstacles += sitePoints.map { MapBox.centred($0.x, $0.y, width: 24, height: 24) }
        obstacles += venuePoints.map { MapBox.centred($0.x, $0.y, width: 10, height: 10) }
        var placer = MapLabelPlacer(frame: frameBox.inset(4), obstacles: obstacles)

        // Labels in order of importance: the venue applied for, the rings, the licensed venues.
        var labels = ""
        if let label = placer.place(venueName, fontSize: font, at: half, half, clearance: 9) {
            labels += text(label, attributes: "font-weight=\"bold\" fill=\"#C00000\"")
        }
        for radius in radii {
            let r = radius * scale
            out += """
                <circle cx="\(n(half))" cy="\(n(half))" r="\(n(r))" fill="none" stroke="#888888" stroke-dasharray="6 4"/>

                """
            // On the ring, north-east first, then the other diagonals.
            for (dx, dy) in [(1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
                let x = half + dx * r * 0.7071
                let y = half + dy * r * 0.7071
                let ringText = metres(radius)
                let width = MapLabelPlacer.width(ringText, fontSize: font)
                let boxHeight = MapLabelPlacer.height(fontSize: font)
                let box = MapBox(
                    x: dx > 0 ? x + 3 : x - 3 - width, y: dy < 0 ? y - 3 - boxHeight : y + 3, width: width,
                    height: boxHeight)
                if placer.isFree(box) {
                    placer.claim(box)
                    labels += text(
                        MapLabel(text: ringText, x: box.x, y: box.y + boxHeight - font * 0.3, box: box, leader: nil),
                        attributes: "fill=\"#555555\"")
                    break
                }
            }
        }
        for (venue, point) in zip(venues, venuePoints) {
            out += """
                <rect x="\(n(point.x - 4))" y="\(n(point.y - 4))" width="8" height="8" fill="#ffffff" stroke="#444444"><title>\(
                    escape("\(venue.name), \(metres(venue.distance))"))</title></rect>

                """
            if let label = placer.place(venue.name, fontSize: font, at: point.x, point.y, clearance: 5) {
                labels += text(label, attributes: "fill=\"#333333\"")
            }
        }
        labels += roadNames(roadRuns, font: font, placer: &placer)
        for ((index, site), point) in zip(sites.enumerated(), sitePoints) {
            let colour = Self.colours[site.category ?? .other] ?? "#666666"
            // A service shown by its kind is titled by its kind alone.
            let title =
                site.name == site.category?.label
                ? "\(index + 1). \(site.name), \(metres(site.distance))"
                : "\(index + 1). \(site.name) (\(site.category?.label ?? "")), \(metres(site.distance))"
            out += """
                <circle cx="\(n(point.x))" cy="\(n(point.y))" r="11" fill="\(colour)" stroke="#ffffff"><title>\(
                    escape(title))</title></circle>
                <text x="\(n(point.x))" y="\(n(point.y + font * 0.35))" text-anchor="middle" font-weight="bold" \
                fill="#ffffff">\(index + 1)</text>

                """
        }
        out += """
            <circle cx="\(n(half))" cy="\(n(half))" r="7" fill="#C00000" stroke="#ffffff" stroke-width="2"/>

            """
        out += labels
        out += """
            <line x1="16" y1="\(n(size - 20))" x2="\(n(16 + barPixels))" y2="\(n(size - 20))" stroke="#222222" stroke-width="3"/>
            <text x="16" y="\(n(size - 28))" fill="#222222">\(metres(barMetres))</text>
            <path d="M \(n(size - 28)) 44 L \(n(size - 20)) 20 L \(n(size - 12)) 44 L \(n(size - 20)) 38 Z" fill="#222222"/>
            <text x="\(n(size - 20))" y="60" text-anchor="middle" font-weight="bold" fill="#222222">N</text>

            """
        for item in legend.items {
            out += item.swatch
            out +=
                "<text x=\"\(n(item.x + 22))\" y=\"\(n(item.y + font * 0.95))\" fill=\"#222222\">\(escape(item.text))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// A placed label as SVG: its leader line, if any, and its text with a white halo.
    private func text(_ label: MapLabel, attributes: String) -> String {
        var out = ""
        if let leader = label.leader {
            out += """
                <line x1="\(n(leader.x1))" y1="\(n(leader.y1))" x2="\(n(leader.x2))" y2="\(n(leader.y2))" \
                stroke="#777777" stroke-width="1"/>

                """
        }
        return out + """
            <text x="\(n(label.x))" y="\(n(label.y))" \(attributes) stroke="#ffffff" stroke-width="3" \
            paint-order="stroke" class="etikett">\(escape(label.text))</text>

            """
    }

    /// The names of the longest roads in the frame, along their lines where nothing else is.
    private func roadNames(_ runs: [[[MapPoint]]], font: Double, placer: inout MapLabelPlacer) -> String {
        // One label per name: roads often come as many pieces with the same name.
        var longest: [String: (length: Double, run: [MapPoint])] = [:]
        var total: [String: Double] = [:]
        for (road, roadRuns) in zip(roads, runs) {
            guard let name = road.name else { continue }
            for run in roadRuns {
                let length = MapLines.length(run)
                total[name, default: 0] += length
                if length > (longest[name]?.length ?? 0) { longest[name] = (length, run) }
            }
        }
        let order = total.keys.sorted { total[$0]! != total[$1]! ? total[$0]! > total[$1]! : $0 < $1 }
        var out = ""
        var count = 0
        for name in order where count < Self.roadLabels {
            guard let (length, run) = longest[name] else { continue }
            let width = MapLabelPlacer.width(name, fontSize: font)
            // Only along a stretch long enough to carry the name.
            guard length >= width + 16 else { continue }
            for fraction in [0.5, 0.35, 0.65, 0.2, 0.8] {
                guard let (point, angle) = MapLines.point(along: run, fraction: fraction) else { continue }
                let box = MapLines.turnedBox(
                    point, width: width, height: MapLabelPlacer.height(fontSize: font), angle: angle)
                guard placer.isFree(box) else { continue }
                placer.claim(box)
                count += 1
                out += """
                    <text x="\(n(point.x))" y="\(n(point.y + font * 0.35))" text-anchor="middle" \
                    transform="rotate(\(n(angle)) \(n(point.x)) \(n(point.y)))" font-style="italic" fill="#666666" \
                    stroke="#ffffff" stroke-width="3" paint-order="stroke" class="vegnavn">\(escape(name))</text>

                    """
                break
            }
        }
        return out
    }

    /// The legend under the map, wrapped to the map's width.
    private func legendLayout(font: Double, hasRoads: Bool) -> (height: Double, items: [LegendItem]) {
        var entries: [(swatch: (Double, Double) -> String, text: String)] = [
            ({ x, y in self.swatchDot(x, y, "#C00000") }, "stedet søknaden gjelder"),
            (
                { x, y in
                    "<rect x=\"\(self.n(x + 2))\" y=\"\(self.n(y + 1))\" width=\"12\" height=\"12\" fill=\"#ffffff\" "
                        + "stroke=\"#444444\"/>\n"
                }, "sted med bevilling"
            ),
        ]
        for category in SiteCategory.allCases where sites.contains(where: { $0.category == category }) {
            entries.append(({ x, y in self.swatchDot(x, y, Self.colours[category] ?? "#666666") }, category.label))
        }
        if hasRoads {
            entries.append(
                (
                    { x, y in
                        "<line x1=\"\(self.n(x))\" y1=\"\(self.n(y + 7))\" x2=\"\(self.n(x + 16))\" y2=\"\(self.n(y + 7))\" "
                            + "stroke=\"#d6d6d6\" stroke-width=\"5\"/>\n"
                    }, "veg"
                ))
        }
        var items: [LegendItem] = []
        let rowHeight = font * 1.6
        var x = 16.0
        var y = size + 12
        for entry in entries {
            let width = 22 + MapLabelPlacer.width(entry.text, fontSize: font) + 18
            if x + width > size - 8, x > 16 {
                x = 16
                y += rowHeight
            }
            items.append(LegendItem(x: x, y: y, text: entry.text, swatch: entry.swatch(x, y)))
            x += width
        }
        return (y + rowHeight + 8 - size, items)
    }

    private func swatchDot(_ x: Double, _ y: Double, _ colour: String) -> String {
        "<circle cx=\"\(n(x + 8))\" cy=\"\(n(y + 7))\" r=\"7\" fill=\"\(colour)\" stroke=\"#444444\"/>\n"
    }

    private struct LegendItem {
        let x: Double
        let y: Double
        let text: String
        let swatch: String
    }
}

extension MapBox {
    /// The box shrunk by `margin` on every side.
    func inset(_ margin: Double) -> MapBox {
        MapBox(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }
}
