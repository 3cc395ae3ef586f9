import Foundation

/// The kinds of complaint other systems may report, one per category: the service catalogue an
/// Open311 endpoint publishes. Names and descriptions are Norwegian; the group is who the routing
/// sends such a complaint to first.
public struct ComplaintService: Sendable, Hashable {
    public let category: ComplaintCategory
    /// The service code: the category's exchange code (`stoey`, `mindreaarige`).
    public var code: String { category.code }
    /// «Støy fra skjenkested».
    public let name: String
    public let description: String
    /// «politiet», «Næringsetaten», «miljørettet helsevern» or «bydelen».
    public let group: String
    /// Search words, comma separated.
    public let keywords: String

    public static let all: [ComplaintService] = ComplaintCategory.allCases.map(ComplaintService.init)

    public static func named(_ code: String) -> ComplaintService? { all.first { $0.code == code } }

    init(_ category: ComplaintCategory) {
        self.category = category
        group = ComplaintRouting.suggestions(for: [category], at: nil).first?.recipient ?? "bydelen"
        switch category {
        case .noise:
            name = "Støy fra skjenkested"
            description = "Musikk, folk eller anlegg som bråker fra et serverings- eller skjenkested."
            keywords = "støy,musikk,bråk,uteservering"
        case .disorder:
            name = "Uro eller vold ved skjenkested"
            description = "Slåsskamper, trusler, fulle gjester eller annen uro ved et skjenkested."
            keywords = "uro,vold,slåssing,fyll"
        case .litter:
            name = "Forsøpling rundt skjenkested"
            description = "Søppel, glass, urin eller oppkast rundt et serverings- eller skjenkested."
            keywords = "søppel,forsøpling,glass,urin"
        case .minors:
            name = "Skjenking til mindreårige"
            description = "Alkohol servert eller solgt til noen under aldersgrensen."
            keywords = "mindreårige,ungdom,alder,legitimasjon"
        case .overserving:
            name = "Overskjenking"
            description = "Alkohol servert til noen som er åpenbart påvirket."
            keywords = "overskjenking,beruset,full"
        case .hours:
            name = "Skjenking utenom åpningstiden"
            description = "Servering eller salg av alkohol etter stengetid eller før åpningstid."
            keywords = "åpningstid,stengetid,nachspiel"
        case .drugs:
            name = "Narkotika ved skjenkested"
            description = "Salg eller bruk av narkotika på eller ved et skjenkested."
            keywords = "narkotika,dop,salg"
        case .discrimination:
            name = "Diskriminering i døra"
            description =
                "Gjester avvist eller behandlet annerledes på grunn av hudfarge, kjønn, funksjonsnedsettelse eller annet."
            keywords = "diskriminering,avvisning,dørvakt"
        case .smoking:
            name = "Røyking og opphold i gårdsrom"
            description = "Gjester som røyker eller oppholder seg i gårdsrom eller oppganger og forstyrrer naboer."
            keywords = "røyking,gårdsrom,bakgård"
        case .traffic:
            name = "Trafikk og parkering ved skjenkested"
            description = "Taxikø, varelevering eller parkering som skaper problemer rundt et skjenkested."
            keywords = "trafikk,parkering,taxi,levering"
        case .other:
            name = "Annet om skjenkested"
            description = "Andre forhold ved et serverings- eller skjenkested som bydelen bør vite om."
            keywords = "annet"
        }
    }
}
