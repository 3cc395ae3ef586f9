import Foundation
import SkjenkCore

/// The formats a statement is written in.
public enum StatementFormat: String, ExchangeCoded {
    case html, docx, markdown, archive

    public var code: String {
        switch self {
        case .html: "html"
        case .docx: "docx"
        case .markdown: "md"
        case .archive: "arkivmelding"
        }
    }

    public var label: String {
        switch self {
        case .html: "HTML"
        case .docx: "Word (.docx)"
        case .markdown: "Markdown"
        case .archive: "arkivmelding (Noark 5)"
        }
    }

    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .docx: "docx"
        case .markdown: "md"
        case .archive: "xml"
        }
    }
}

/// Converts a .docx to PDF/A with LibreOffice in headless mode, for the archive.
public struct PDFConverter: Sendable {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// `soffice` (or `libreoffice`) on PATH.
    public static func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    public static let installHint =
        "LibreOffice trengs for å lage PDF/A til arkivet: installer det med "
        + "«sudo apt-get install libreoffice-writer-nogui» (Debian/Ubuntu) eller fra libreoffice.org, og sørg for "
        + "at «soffice» ligger i PATH"

    public init() {}

    /// PDF/A-2b bytes of `docx`.
    public func pdfA(fromDocx docx: Data) throws -> Data {
        guard let soffice = Self.locate() else { throw Problem(description: Self.installHint) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("uttalelse.docx")
        try docx.write(to: input)
        let process = Process()
        process.executableURL = soffice
        // A private profile, so a running LibreOffice or a first-start dialogue never gets in the way.
        process.arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to",
            #"pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}"#, "--outdir", folder.path,
            input.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let pdf = folder.appendingPathComponent("uttalelse.pdf")
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: pdf),
            data.starts(with: Array("%PDF".utf8))
        else {
            throw Problem(
                description: "LibreOffice kunne ikke lage PDF (status \(process.terminationStatus)): "
                    + String(decoding: log.prefix(400), as: UTF8.self))
        }
        return data
    }
}

/// The map as a picture (PNG) by `rsvg-convert` (Debian's librsvg2-bin): Word wants a PNG beside an
/// SVG, and a PDF/A for the archive gets the map as an image rather than as drawing commands.
public struct MapRasterizer: Sendable {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// `rsvg-convert` on PATH, if installed.
    public static func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("rsvg-convert") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public init() {}

    /// PNG bytes of `svg`, `width` pixels wide; nil when `rsvg-convert` is not installed.
    public func png(fromSVG svg: String, width: Int = 1200) throws -> Data? {
        guard let tool = Self.locate() else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-kart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("kart.svg")
        let output = folder.appendingPathComponent("kart.png")
        try Data(svg.utf8).write(to: input)
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--width", String(width), "--output", output.path, input.path]
        let log = Pipe()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        let message = log.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output),
            data.starts(with: [0x89, 0x50, 0x4E, 0x47])
        else {
            throw Problem(
                description: "kartet kunne ikke gjøres om til PNG: " + String(decoding: message.prefix(300), as: UTF8.self))
        }
        return data
    }
}
