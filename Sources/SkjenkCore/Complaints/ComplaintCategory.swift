import Foundation

/// The categories of complaints about venues (DOMAIN.md, "Complaints about venues").
public enum ComplaintCategory: String, ExchangeCoded {
    case noise, disorder, litter, minors, overserving, hours, drugs, discrimination, smoking, traffic, other

    public var code: String {
        switch self {
        case .noise: "stoey"
        case .disorder: "uro"
        case .litter: "forsoepling"
        case .minors: "mindreaarige"
        case .overserving: "overskjenking"
        case .hours: "aapningstid"
        case .drugs: "narkotika"
        case .discrimination: "diskriminering"
        case .smoking: "roeyking"
        case .traffic: "trafikk"
        case .other: "annet"
        }
    }

    public var label: String {
        switch self {
        case .noise: "støy"
        case .disorder: "uro/vold"
        case .litter: "forsøpling"
        case .minors: "mindreårige"
        case .overserving: "overskjenking"
        case .hours: "åpningstid"
        case .drugs: "narkotika"
        case .discrimination: "diskriminering"
        case .smoking: "røyking/gårdsrom"
        case .traffic: "trafikk/parkering"
        case .other: "annet"
        }
    }
}
