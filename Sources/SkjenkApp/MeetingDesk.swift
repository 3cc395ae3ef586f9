import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Why the desk refuses a meeting document, in words every channel shows as they are.
public enum MeetingDeskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A meeting document is one file: html, docx or md.
    case unsupportedFormat(StatementFormat)
    /// An item names a case the store no longer holds.
    case caseMissing(item: String, caseNumber: String)

    public var description: String {
        switch self {
        case .unsupportedFormat(let format):
            "saksframlegget skrives som html, docx eller md, ikke \(format.code)"
        case .caseMissing(let item, let number): "sak \(item) på møtet viser til sak \(number), som ikke finnes"
        }
    }
}

/// The council's and committees' meetings, the same way from the command line and the web: the
/// agenda and the meeting document (saksframlegg).
public enum MeetingDesk {
    /// A meeting document as a file to download or write.
    public struct File: Sendable {
        public let data: Data
        /// "saksframlegg-bydelsutvalget-2026-12-10.html".
        public let fileName: String
        public let contentType: String
    }

    /// What putting statements on an agenda came to: the items added, in order, and the refusal
    /// that stopped it (nil when every case was added).
    public struct Additions: Sendable {
        public let added: [MeetingItem]
        public let refusal: (any Error)?
    }

    /// Puts the statements of `numbers` on the agenda of meeting `id`, one at a time in the order
    /// given (each in its own transaction, `MeetingStore.addMeetingItem`), and stops at the first
    /// refusal: the items added before it stay on the agenda.
    public static func addItems(
        _ numbers: [CaseNumber], to id: Int64, store: any AppStore, actor: Actor
    ) async -> Additions {
        var added: [MeetingItem] = []
        for number in numbers {
            do {
                added.append(try await store.addMeetingItem(meeting: id, case: number, actor: actor))
            } catch {
                return Additions(added: added, refusal: error)
            }
        }
        return Additions(added: added, refusal: nil)
    }

    /// The meeting document's entries: each item with its hearing and current draft.
    public static func entries(_ meeting: Meeting, store: any AppStore) async throws -> [MeetingDocument.Entry] {
        var entries: [MeetingDocument.Entry] = []
        for item in meeting.items {
            guard let stored = try await store.storedCase(item.caseNumber) else {
                throw MeetingDeskError.caseMissing(item: item.number, caseNumber: item.caseNumber.text)
            }
            entries.append(
                MeetingDocument.Entry(
                    item: item, hearing: stored.hearing, draft: try await store.drafts(of: item.caseNumber).last))
        }
        return entries
    }

    /// The meeting document of `meeting` in `format` (html, docx or md): HTML in the statement's
    /// frame, Word through the statement's writer.
    public static func document(
        _ meeting: Meeting, as format: StatementFormat, store: any AppStore, templates: TemplateSet
    ) async throws -> File {
        let markdown = MeetingDocument.markdown(meeting, entries: try await entries(meeting, store: store))
        let data: Data
        let contentType: String
        switch format {
        case .markdown:
            data = Data(markdown.utf8)
            contentType = "text/markdown; charset=utf-8"
        case .html:
            data = Data(try StatementRenderer(templates: templates).html(markdown: markdown, mapSVG: nil).utf8)
            contentType = "text/html; charset=utf-8"
        case .docx:
            data = try DocxWriter.docx(
                StatementDocument(markdown: markdown), title: MeetingDocument.title(meeting),
                author: meeting.district.map { "Bydel \($0)" } ?? NorwegianFormat.capitalized(meeting.body),
                created: meeting.createdAt, map: nil)
            contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .archive:
            throw MeetingDeskError.unsupportedFormat(format)
        }
        return File(data: data, fileName: fileName(meeting, format: format), contentType: contentType)
    }

    /// "saksframlegg-bydelsutvalget-2026-12-10.html"; a committee's name as letters and hyphens
    /// ("helse-og-sosialkomiteen").
    public static func fileName(_ meeting: Meeting, format: StatementFormat) -> String {
        "saksframlegg-\(slug(meeting.body))-\(meeting.date.iso).\(format.fileExtension)"
    }

    /// Lower-case ASCII letters and digits, words joined by one hyphen (æ, ø and å spelt out).
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            let spelt: String =
                switch character {
                case "æ": "ae"
                case "ø": "o"
                case "å": "aa"
                default: character.isASCII && (character.isLetter || character.isNumber) ? String(character) : "-"
                }
            if spelt == "-" {
                if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
            } else {
                out += spelt
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "moete" : out
    }
}
