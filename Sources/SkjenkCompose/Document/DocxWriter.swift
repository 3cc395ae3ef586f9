import Foundation
import SkjenkCore
import ZIPFoundation

/// A `StatementDocument` as a Word document (.docx): OOXML parts written here and zipped with
/// ZIPFoundation. Headings use Word's built-in heading styles, conditions a restarting decimal
/// list, tables a bordered grid; it opens in Word and LibreOffice.
public enum DocxWriter {
    /// Why a document cannot be written.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// How the map goes into the document: as SVG, as PNG, or as PNG with the SVG beside it (what
    /// Word writes: the PNG for readers without SVG, the SVG for those with it).
    public enum MapPicture: Sendable {
        case svg(String)
        case png(Data, size: (width: Double, height: Double))
        case pngWithSVG(Data, svg: String)
    }

    /// The .docx bytes. `created` dates the document (and every zip entry, so the bytes are repeatable).
    /// `mapSVG`, when given, is embedded as an image (`word/media/kart.svg`) at the end, under "Kart".
    public static func docx(
        _ document: StatementDocument, title: String, author: String, created: Date, mapSVG: String? = nil
    ) throws -> Data {
        try docx(document, title: title, author: author, created: created, map: mapSVG.map { .svg($0) })
    }

    /// The .docx bytes with the map as `map` (PNG in `word/media/kart.png`, SVG in `kart.svg`).
    public static func docx(
        _ document: StatementDocument, title: String, author: String, created: Date, map: MapPicture?
    ) throws -> Data {
        var numbering = NumberingParts()
        var body = bodyXML(document, numbering: &numbering)
        var media: [(String, Data)] = []
        if let map {
            let size: (width: Double, height: Double)
            let embed: (primary: String, svgExtension: Bool)
            switch map {
            case .svg(let svg):
                size = svgSize(svg)
                media = [("word/media/kart.svg", Data(svg.utf8))]
                embed = ("rIdKart", false)
            case .png(let png, let pngSize):
                size = pngSize
                media = [("word/media/kart.png", png)]
                embed = ("rIdKartPng", false)
            case .pngWithSVG(let png, let svg):
                size = svgSize(svg)
                media = [("word/media/kart.png", png), ("word/media/kart.svg", Data(svg.utf8))]
                embed = ("rIdKartPng", true)
            }
            body +=
                paragraph(style: "Heading2", lines: [[StatementDocument.Run(text: "Kart", bold: false, italic: false)]])
                + drawing(size: size, embed: embed.primary, svgExtension: embed.svgExtension)
        }
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties(title: title, author: author, created: created)),
            ("docProps/app.xml", appProperties),
            ("word/_rels/document.xml.rels", documentRelationships(media: media.map(\.0))),
            ("word/document.xml", documentXML(body)),
            ("word/styles.xml", styles),
            ("word/numbering.xml", numbering.xml()),
        ].map { ($0.0, Data($0.1.utf8)) }
        parts += media
        do {
            return try ZipPackage.make(parts, modified: created)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "Word-dokumentet kunne ikke pakkes: \(error)")
        }
    }

    // MARK: Body

    /// The numbering instances: one bullet list definition, and a decimal list restarted for each numbered list.
    struct NumberingParts {
        var numbered: [Int] = []

        mutating func newNumberedList() -> Int {
            let id = 2 + numbered.count
            numbered.append(id)
            return id
        }

        func xml() -> String {
            var out = xmlHeader + "<w:numbering \(wordNamespaces)>"
            for (id, format, text) in [(0, "bullet", "•"), (1, "decimal", "%1.")] {
                out += """
                    <w:abstractNum w:abstractNumId="\(id)"><w:multiLevelType w:val="singleLevel"/>\
                    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="\(format)"/><w:lvlText w:val="\(text)"/>\
                    <w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
                    """
            }
            out += #"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
            for id in numbered {
                out += """
                    <w:num w:numId="\(id)"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">\
                    <w:startOverride w:val="1"/></w:lvlOverride></w:num>
                    """
            }
            return out + "</w:numbering>"
        }
    }

    static func bodyXML(_ document: StatementDocument, numbering: inout NumberingParts) -> String {
        var out = ""
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out += paragraph(style: level == 1 ? "Title" : "Heading\(level - 1)", lines: [text])
            case .paragraph(let lines):
                out += paragraph(style: nil, lines: lines)
            case .bullets(let items):
                for item in items { out += paragraph(style: "ListParagraph", lines: [item], numId: 1) }
            case .numbered(let items):
                let id = numbering.newNumberedList()
                for item in items { out += paragraph(style: "ListParagraph", lines: [item], numId: id) }
            case .table(let rows, let header):
                out += table(rows, header: header)
            }
        }
        return out
    }

    static func paragraph(
        style: String?, lines: [[StatementDocument.Run]], numId: Int? = nil, bold: Bool = false
    )
        -> String
    {
        var out = "<w:p>"
        if style != nil || numId != nil {
            out += "<w:pPr>"
            if let style { out += #"<w:pStyle w:val="\#(style)"/>"# }
            if let numId { out += #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\#(numId)"/></w:numPr>"# }
            out += "</w:pPr>"
        }
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "<w:r><w:br/></w:r>" }
            for run in line {
                out += "<w:r>"
                if run.bold || run.italic || bold {
                    out += "<w:rPr>" + (run.bold || bold ? "<w:b/>" : "") + (run.italic ? "<w:i/>" : "") + "</w:rPr>"
                }
                out += #"<w:t xml:space="preserve">\#(escape(run.text))</w:t></w:r>"#
            }
        }
        return out + "</w:p>"
    }

    static func table(_ rows: [[[StatementDocument.Run]]], header: Bool) -> String {
        let columns = rows.map(\.count).max() ?? 1
        // A4 with 2.5 cm margins leaves 9 026 twips; share it evenly.
        let width = 9026 / max(1, columns)
        var out =
            #"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>"#
        out += String(repeating: #"<w:gridCol w:w="\#(width)"/>"#, count: columns) + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            out += "<w:tr>"
            for column in 0..<columns {
                let cell = column < row.count ? row[column] : []
                out += #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/></w:tcPr>"#
                out += paragraph(style: nil, lines: [cell], bold: header && index == 0) + "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }

    // MARK: The map

    /// The SVG's width and height in pixels (its `width` and `height` attributes), 600 × 700 if absent.
    public static func svgSize(_ svg: String) -> (width: Double, height: Double) {
        func attribute(_ name: String) -> Double? {
            guard let range = svg.range(of: #"\#(name)="([0-9.]+)""#, options: .regularExpression) else { return nil }
            return Double(svg[range].split(separator: "\"")[1])
        }
        return (attribute("width") ?? 600, attribute("height") ?? 700)
    }

    /// The map as an inline picture, 15 cm wide (EMU: 360 000 a centimetre). With `svgExtension` the
    /// SVG stands beside the PNG the way Word 2016 and later write it.
    static func drawing(size: (width: Double, height: Double), embed: String, svgExtension: Bool) -> String {
        let width = 15 * 360_000
        let height = Int(Double(width) * size.height / max(1, size.width))
        return """
            <w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
            <wp:extent cx="\(width)" cy="\(height)"/><wp:docPr id="1" name="Kart" descr="Kart over stedet med avstander"/>\
            <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
            <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:nvPicPr><pic:cNvPr id="1" name="kart.svg"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="\(embed)">\(svgExtension ? svgBlip : "")</a:blip>\
            <a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
            <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(width)" cy="\(height)"/></a:xfrm>\
            <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
            </wp:inline></w:drawing></w:r></w:p>
            """
    }

    // MARK: Parts

    static let xmlHeader = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let wordNamespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#
        + #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#

    static func documentXML(_ body: String) -> String {
        xmlHeader + "<w:document \(wordNamespaces)><w:body>" + body
            + #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1440" w:bottom="1418" "#
            + #"w:left="1440" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    }

    static let contentTypes =
        xmlHeader
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Default Extension="svg" ContentType="image/svg+xml"/>"#
        + #"<Default Extension="png" ContentType="image/png"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + #"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#
        + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        + #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        + "</Types>"

    static let packageRelationships =
        xmlHeader
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    /// The SVG beside a PNG picture (Office's svgBlip extension).
    static let svgBlip =
        #"<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">"#
        + #"<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdKart"/>"#
        + "</a:ext></a:extLst>"

    static func documentRelationships(media: [String]) -> String {
        let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
        var out =
            xmlHeader
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#
        for path in media {
            let id = path.hasSuffix(".png") ? "rIdKartPng" : "rIdKart"
            out += #"<Relationship Id="\#(id)" Type="\#(image)" Target="\#(path.dropFirst("word/".count))"/>"#
        }
        return out + "</Relationships>"
    }

    static let appProperties =
        xmlHeader
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
        + "<Application>skjenk</Application></Properties>"

    static func coreProperties(title: String, author: String, created: Date) -> String {
        let stamp = Date.ISO8601FormatStyle(timeZone: .gmt).format(created)
        return xmlHeader
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
            + #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(escape(title))</dc:title><dc:creator>\(escape(author))</dc:creator>"
            + "<dc:language>nb-NO</dc:language>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
            + "</cp:coreProperties>"
    }

    static let styles: String = {
        func heading(_ id: String, _ name: String, size: Int, before: Int, outline: Int?) -> String {
            #"<w:style w:type="paragraph" w:styleId="\#(id)"><w:name w:val="\#(name)"/><w:basedOn w:val="Normal"/>"#
                + #"<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="\#(before)" w:after="80"/>"#
                + (outline.map { #"<w:outlineLvl w:val="\#($0)"/>"# } ?? "")
                + #"</w:pPr><w:rPr><w:b/><w:sz w:val="\#(size)"/></w:rPr></w:style>"#
        }
        return xmlHeader + "<w:styles \(wordNamespaces)>"
            + #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" "#
            + #"w:cs="Times New Roman"/><w:sz w:val="24"/><w:lang w:val="nb-NO"/></w:rPr></w:rPrDefault>"#
            + #"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#
            + "</w:docDefaults>"
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
            + heading("Title", "Title", size: 32, before: 0, outline: nil)
            + heading("Heading1", "heading 1", size: 28, before: 360, outline: 0)
            + heading("Heading2", "heading 2", size: 24, before: 240, outline: 1)
            // The levels a meeting document gives a statement nested under one of its items.
            + heading("Heading3", "heading 3", size: 24, before: 240, outline: 2)
            + heading("Heading4", "heading 4", size: 24, before: 200, outline: 3)
            + heading("Heading5", "heading 5", size: 24, before: 160, outline: 4)
            + #"<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>"#
            + #"<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:spacing w:after="60"/></w:pPr></w:style>"#
            + #"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>"#
            + #"<w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/>"#
            + #"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/>"#
            + #"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/>"#
            + #"</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>"#
            + "</w:tblPr></w:style></w:styles>"
    }()
}
