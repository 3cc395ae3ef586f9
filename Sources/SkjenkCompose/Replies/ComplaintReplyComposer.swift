import Foundation
import SkjenkCore
import SkjenkTemplates

/// Answers to complainants from the templates in `Templates/replies/`: the receipt when a
/// complaint is logged and the closing answer, in plain bokmål. The view carries only what the
/// complaint is about (number, categories, venue, dates, the reason for closing): never the
/// complainant's or anybody else's personal details, nor the description they wrote.
public struct ComplaintReplyComposer: Sendable {
    let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The bundled reply templates (`Templates/replies`), or a district's own folder.
    public static func bundled() throws(TemplateSet.Problem) -> ComplaintReplyComposer {
        guard let folder = BundledTemplates.replies else {
            throw TemplateSet.Problem(
                template: "replies", line: 0, column: 0, text: "", reason: "de innebygde malene mangler")
        }
        return ComplaintReplyComposer(templates: try TemplateSet(folder: folder))
    }

    struct View: Encodable {
        let nummer: String
        let mottatt: String
        let kategorier: String
        let sted: String
        let hendelse: String
        let frist: String
        let hvem: [String]
        let haster: Bool
        let grunn: String
        let videre: Bool
        let kontakter: [String]
        /// Who signs: the district's name, and the officer (full name and title) when known.
        let bydel: String
        let saksbehandler: String
        let harSaksbehandler: Bool
    }

    /// The complaint's number as the complainant sees it.
    public static func number(_ entry: ComplaintLogEntry) -> String { "K-\(entry.id ?? 0)" }

    public func receipt(_ entry: ComplaintLogEntry, signature: ReplySignature) throws(TemplateSet.Problem) -> String {
        let suggestions = ComplaintRouting.suggestions(for: entry.categories, at: entry.incident.time)
        let next = suggestions.map { suggestion -> String in
            switch suggestion.recipient {
            case "bydelen": "Bydelen tar kontakt med stedet."
            default: "Vi sender saken videre til \(suggestion.recipient), som følger opp slike forhold. "
            }
        }
        return try render(
            "kvittering", entry, next: next, urgent: suggestions.contains { $0.recipient == "politiet" },
            signature: signature)
    }

    public func closing(_ entry: ComplaintLogEntry, signature: ReplySignature) throws(TemplateSet.Problem) -> String {
        try render("avslutning", entry, next: [], urgent: false, signature: signature)
    }

    private func render(
        _ template: String, _ entry: ComplaintLogEntry, next: [String], urgent: Bool, signature: ReplySignature
    ) throws(TemplateSet.Problem) -> String {
        let contacts = Self.contacts(for: entry.categories, at: entry.incident.time)
        let view = View(
            nummer: Self.number(entry), mottatt: NorwegianFormat.date(entry.receivedDate),
            kategorier: NorwegianFormat.list(ComplaintCategory.allCases.filter(entry.categories.contains).map(\.label)),
            sted: Self.venue(entry.venue), hendelse: NorwegianFormat.date(entry.incident.start),
            frist: entry.nextDue.map(NorwegianFormat.date) ?? "14 dager", hvem: next, haster: urgent,
            grunn: Self.reason(entry.closingReason, categories: entry.categories),
            videre: entry.closingReason != nil, kontakter: contacts, bydel: signature.district,
            saksbehandler: signature.officer ?? "", harSaksbehandler: signature.officer != nil)
        return try templates.render(view, template: template)
    }

    /// The venue as the answer names it: the business's name, else its street address.
    static func venue(_ venue: ComplaintVenue) -> String {
        venue.name ?? venue.street ?? "stedet"
    }

    /// Why the complaint was closed, in plain words.
    static func reason(_ reason: ClosingReason?, categories: Set<ComplaintCategory>) -> String {
        switch reason {
        case .resolved?:
            "Vi har fulgt opp forholdene med stedet, og stedet har rettet dem. Derfor avslutter vi saken."
        case .unfounded?:
            "Vi har undersøkt det du meldte fra om, men fant ikke grunnlag for å gå videre med saken mot stedet."
        case .notOurArea?:
            "Det du meldte fra om, er det en annen etat som følger opp, og vi har sendt saken dit. "
                + "Nedenfor ser du hvem du kan kontakte direkte neste gang."
        case .noContact?:
            "Vi har ikke fått nok opplysninger til å følge opp saken, og avslutter den derfor nå."
        case nil:
            ""
        }
    }

    /// Who to turn to about these categories, with how to reach them.
    static func contacts(for categories: Set<ComplaintCategory>, at time: TimeOfDay?) -> [String] {
        ComplaintRouting.suggestions(for: categories, at: time).map { suggestion in
            switch suggestion.recipient {
            case "politiet":
                "Politiet, om uro, vold, narkotika og støy om natten: 02800, eller 112 når det haster."
            case "Næringsetaten":
                "Næringsetaten, som kontrollerer skjenkestedene (mindreårige, overskjenking, åpningstider): "
                    + "tips via oslo.kommune.no eller kommunens sentralbord 21 80 21 80."
            case "miljørettet helsevern":
                "Miljørettet helsevern i bydelen, om støy fra stedet: kommunens sentralbord 21 80 21 80."
            default:
                "Bydelen, om andre forhold ved stedet: kommunens sentralbord 21 80 21 80."
            }
        }
    }
}

/// Who an answer to a complainant is signed by: the district's name as its letters give it, and the
/// officer by full name and title when the one who answers has a profile.
public struct ReplySignature: Sendable, Hashable {
    public let district: String
    public let officer: String?

    public init(district: String, officer: String?) {
        self.district = district
        self.officer = officer
    }
}
