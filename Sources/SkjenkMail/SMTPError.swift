import Foundation

/// Why a message could not be sent, naming the step of the conversation; in Norwegian. Never holds
/// the password (an AUTH refusal keeps only the reply code).
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case connect(host: String, port: Int, reason: String)
    case timeout(step: String)
    case closed(step: String)
    case rejected(step: String, code: Int, text: String)
    case malformedReply(step: String)
    case noStartTLS
    case tls(String)
    /// The connection failed under the conversation (a TLS alert, a reset).
    case connection(String)
    case noAuthMechanism
    case invalidAddress(String)

    public var description: String {
        switch self {
        case .connect(let host, let port, let reason):
            "kunne ikke koble til e-posttjeneren \(host):\(port) (\(reason))"
        case .timeout(let step): "e-posttjeneren svarte ikke i tide (\(step))"
        case .closed(let step): "e-posttjeneren brøt forbindelsen (\(step))"
        case .rejected(let step, let code, let text):
            "e-posttjeneren avviste \(step) med kode \(code)" + (text.isEmpty ? "" : ": \(text)")
        case .malformedReply(let step): "e-posttjeneren ga et ugyldig svar (\(step))"
        case .noStartTLS: "e-posttjeneren tilbyr ikke STARTTLS; sett SKJENK_SMTP_STARTTLS=false bare på et lukket nett"
        case .tls(let reason): "TLS mot e-posttjeneren feilet (\(reason))"
        case .connection(let reason): "forbindelsen til e-posttjeneren feilet (\(reason))"
        case .noAuthMechanism: "e-posttjeneren tilbyr verken AUTH PLAIN eller AUTH LOGIN"
        case .invalidAddress(let address): "ugyldig e-postadresse «\(address)»"
        }
    }
}
