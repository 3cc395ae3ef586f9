import Foundation

/// Who brought the complaint (kilde).
public enum ComplaintSource: String, ExchangeCoded {
    case resident, school, police, staff, otherAgency

    public var code: String {
        switch self {
        case .resident: "innbygger"
        case .school: "skole"
        case .police: "politi"
        case .staff: "ansatt"
        case .otherAgency: "annen-etat"
        }
    }

    public var label: String {
        switch self {
        case .resident: "innbygger"
        case .school: "skole"
        case .police: "politiet"
        case .staff: "ansatt i bydelen"
        case .otherAgency: "annen etat"
        }
    }
}

/// Where a complaint stands in the follow-up.
public enum ComplaintStatus: String, ExchangeCoded {
    case received, inFollowUp, forwarded, closed

    public var code: String {
        switch self {
        case .received: "mottatt"
        case .inFollowUp: "under-oppfoelging"
        case .forwarded: "videresendt"
        case .closed: "avsluttet"
        }
    }

    public var label: String {
        switch self {
        case .received: "mottatt"
        case .inFollowUp: "under oppfølging"
        case .forwarded: "videresendt"
        case .closed: "avsluttet"
        }
    }

    /// Open complaints have a next step due; closed ones have none.
    public var isOpen: Bool { self != .closed }
}

/// Why a complaint was closed (avslutningsgrunn).
public enum ClosingReason: String, ExchangeCoded {
    case resolved, unfounded, notOurArea, noContact

    public var code: String {
        switch self {
        case .resolved: "loest"
        case .unfounded: "ugrunnet"
        case .notOurArea: "ikke-vaart-ansvar"
        case .noContact: "ingen-kontakt"
        }
    }

    public var label: String {
        switch self {
        case .resolved: "løst"
        case .unfounded: "ugrunnet"
        case .notOurArea: "ikke bydelens ansvar"
        case .noContact: "fikk ikke kontakt"
        }
    }
}

/// What a follow-up step did (tiltak).
public enum FollowUpAction: String, ExchangeCoded {
    /// The complaint was logged; the first step's due date starts here.
    case registered
    case contactedVenue
    /// Forwarded to Næringsetaten as a tip for control (breaches of the Alcohol Act).
    case controlTip
    case forwardedToPolice
    /// Referred to environmental health (miljørettet helsevern): noise from the venue itself.
    case environmentalHealth
    /// Forwarded to another body (Bymiljøetaten, Helseetaten, another district).
    case forwardedElsewhere
    case noiseMeasured
    case repliedToComplainant
    case other
    case closed
    case reopened

    public var code: String {
        switch self {
        case .registered: "registrert"
        case .contactedVenue: "kontaktet-stedet"
        case .controlTip: "tips-naeringsetaten"
        case .forwardedToPolice: "videresendt-politiet"
        case .environmentalHealth: "miljoerettet-helsevern"
        case .forwardedElsewhere: "videresendt-annen"
        case .noiseMeasured: "stoeymaaling"
        case .repliedToComplainant: "svar-til-klager"
        case .other: "annet"
        case .closed: "avsluttet"
        case .reopened: "gjenaapnet"
        }
    }

    public var label: String {
        switch self {
        case .registered: "registrert"
        case .contactedVenue: "kontaktet stedet"
        case .controlTip: "sendt som kontrolltips til Næringsetaten"
        case .forwardedToPolice: "videresendt til politiet"
        case .environmentalHealth: "henvist til miljørettet helsevern"
        case .forwardedElsewhere: "videresendt til annen instans"
        case .noiseMeasured: "støy målt"
        case .repliedToComplainant: "svart klageren"
        case .other: "annet"
        case .closed: "avsluttet"
        case .reopened: "gjenåpnet"
        }
    }

    /// The actions an officer records as an ordinary step (`complaints step`); registering,
    /// closing and reopening have their own commands.
    public static var stepActions: [FollowUpAction] {
        [
            .contactedVenue, .controlTip, .forwardedToPolice, .environmentalHealth, .forwardedElsewhere,
            .noiseMeasured, .repliedToComplainant, .other,
        ]
    }

    /// The status a complaint has after this step.
    public var resultingStatus: ComplaintStatus {
        switch self {
        case .registered: .received
        case .controlTip, .forwardedToPolice, .environmentalHealth, .forwardedElsewhere: .forwarded
        case .contactedVenue, .noiseMeasured, .repliedToComplainant, .other, .reopened: .inFollowUp
        case .closed: .closed
        }
    }
}

/// Who may see what: the three kinds of users.
public enum Role: String, ExchangeCoded {
    /// Staff drafting statements.
    case caseworker
    /// Staff logging and following up complaints.
    case complaintOfficer
    /// Members of the district council reviewing drafts (the council's secretary records its decisions).
    case councilMember
    /// Administrators: users, registers, policy and templates.
    case admin
    /// The district director or a manager with delegated authority: approves statements routed to
    /// the director.
    case manager

    public var code: String {
        switch self {
        case .caseworker: "saksbehandler"
        case .complaintOfficer: "klagebehandler"
        case .councilMember: "bu"
        case .admin: "admin"
        case .manager: "leder"
        }
    }

    public var label: String {
        switch self {
        case .caseworker: "saksbehandler"
        case .complaintOfficer: "klagebehandler"
        case .councilMember: "medlem av bydelsutvalget"
        case .admin: "administrator"
        case .manager: "leder (bydelsdirektør)"
        }
    }

    /// Complainants' contact details are for the staff who follow complaints up: never for the
    /// council, nor for administrators (who manage users and registers, not cases).
    public var mayReadComplainants: Bool { self == .caseworker || self == .complaintOfficer }

    /// Complainants' details leave the system in bulk (an export with personal data) only for the
    /// caseworker, who answers for the log's personal data; every such export is audited.
    public var mayExportComplainants: Bool { self == .caseworker }

    /// Staff who work with hearings, drafts and complaints.
    public var isStaff: Bool { self == .caseworker || self == .complaintOfficer }
}
