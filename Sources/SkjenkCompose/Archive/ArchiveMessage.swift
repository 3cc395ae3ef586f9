import Foundation
import SkjenkCore

/// A Noark 5 archive message (KS Fiks Arkiv v1, `arkivmelding` "opprett") for a finished
/// statement: an outgoing letter (journalposttype U, journalstatus F) with the statement as its
/// main document (H) in archival format (variant A, PDF/A), the agency as recipient (EM) and its
/// case number as the recipient's reference (`deresReferanse`).
public struct ArchiveMessage: Sendable {
    /// An attachment (vedlegg) in the package: its title, file name and bytes (PDF/A).
    public struct Attachment: Sendable {
        public let title: String
        public let fileName: String
        public let file: Data

        public init(title: String, fileName: String, file: Data) {
            self.title = title
            self.fileName = fileName
            self.file = file
        }
    }

    public let title: String
    /// The district's officer (saksbehandler) or the user making the package.
    public let author: String
    public let created: Date
    public let documentDate: LocalDate
    /// When the statement was sent to the agency, if it has been.
    public let sent: LocalDate?
    public let recipient: String
    public let recipientOfficer: String?
    /// The agency's case number (deres referanse).
    public let agencyReference: String
    /// The main document's file name in the package, and its bytes (for size and checksum).
    public let fileName: String
    public let file: Data
    /// The map and the complaint summary, each its own document (V, vedlegg).
    public let attachments: [Attachment]

    public init(
        title: String, author: String, created: Date, documentDate: LocalDate, sent: LocalDate?,
        recipient: String = "Oslo kommune, Næringsetaten", recipientOfficer: String?, agencyReference: String,
        fileName: String, file: Data, attachments: [Attachment] = []
    ) {
        self.attachments = attachments
        self.title = title
        self.author = author
        self.created = created
        self.documentDate = documentDate
        self.sent = sent
        self.recipient = recipient
        self.recipientOfficer = recipientOfficer
        self.agencyReference = agencyReference
        self.fileName = fileName
        self.file = file
    }

    static let namespace = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
    static let catalogue = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"

    /// The message as XML.
    public func xml() -> String {
        let stamp = Date.ISO8601FormatStyle(timeZone: .gmt).format(created)
        func e(_ text: String) -> String { DocxWriter.escape(text) }
        func code(_ element: String, _ value: String, _ description: String) -> String {
            "<\(element)><n5mdk:kode>\(value)</n5mdk:kode><n5mdk:beskrivelse>\(e(description))</n5mdk:beskrivelse></\(element)>"
        }
        func description(
            number: Int, role: (String, String), title: String, fileName: String, file: Data
        ) -> String {
            """
                <dokumentbeskrivelse>
                  \(code("dokumenttype", "BREV", "Brev"))
                  \(code("dokumentstatus", "F", "Dokumentet er ferdigstilt"))
                  <tittel>\(e(title))</tittel>
                  <opprettetDato>\(stamp)</opprettetDato>
                  <opprettetAv>\(e(author))</opprettetAv>
                  \(code("tilknyttetRegistreringSom", role.0, role.1))
                  <dokumentnummer>\(number)</dokumentnummer>
                  <dokumentobjekt>
                    <versjonsnummer>1</versjonsnummer>
                    \(code("variantformat", "A", "Arkivformat"))
                    \(code("format", "RA-PDF", "PDF/A - ISO 19005"))
                    <mimeType>application/pdf</mimeType>
                    <filnavn>\(e(fileName))</filnavn>
                    <referanseDokumentfil>\(e(fileName))</referanseDokumentfil>
                    <sjekksum>\(Checksum.sha256Hex(file))</sjekksum>
                    <sjekksumAlgoritme>SHA256</sjekksumAlgoritme>
                    <filstoerrelse>\(file.count)</filstoerrelse>
                  </dokumentobjekt>
                </dokumentbeskrivelse>

            """
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <arkivmelding xmlns="\(Self.namespace)" xmlns:n5mdk="\(Self.catalogue)" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <system>skjenk</system>
              <antallFiler>\(1 + attachments.count)</antallFiler>
              <registrering xsi:type="journalpost">
                <opprettetDato>\(stamp)</opprettetDato>
                <opprettetAv>\(e(author))</opprettetAv>

            """
        out += description(
            number: 1, role: ("H", "Hoveddokument"), title: title, fileName: fileName, file: file)
        for (index, attachment) in attachments.enumerated() {
            out += description(
                number: index + 2, role: ("V", "Vedlegg"), title: attachment.title, fileName: attachment.fileName,
                file: attachment.file)
        }
        out += """
                <tittel>\(e(title))</tittel>
                <korrespondansepart>
                  \(code("korrespondanseparttype", "EM", "Mottaker"))
                  <korrespondansepartNavn>\(e(recipient))</korrespondansepartNavn>

            """
        if let recipientOfficer { out += "      <kontaktperson>\(e(recipientOfficer))</kontaktperson>\n" }
        out += """
                  <deresReferanse>\(e(agencyReference))</deresReferanse>
                </korrespondansepart>
                \(code("journalposttype", "U", "Utgående dokument"))
                \(code("journalstatus", "F", "Ferdigstilt fra saksbehandler"))
                <dokumentetsDato>\(documentDate.iso)</dokumentetsDato>

            """
        if let sent {
            let noon = OsloTime.instant(sent, at: .noon)
            out += "    <sendtDato>\(Date.ISO8601FormatStyle(timeZone: .gmt).format(noon))</sendtDato>\n"
        }
        return out + "  </registrering>\n</arkivmelding>\n"
    }
}
