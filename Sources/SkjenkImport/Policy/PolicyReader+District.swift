import Foundation
import SkjenkCore
import Yams

/// `bydel`: the district as its letters present it.
extension PolicyNodeReader {
    /// `bydel`: how the district's letters present it. Name, postal address, organisation number and
    /// the director are required; the rest optional.
    mutating func districtSettings(_ node: Node) -> Policy.District? {
        let keys = [
            "navn", "postadresse", "besoeksadresse", "organisasjonsnummer", "telefon", "epost", "nettside",
            "direktoer", "direktoer_tittel", "referanse", "saarbare_steder_i_brev",
        ]
        guard let fields = mapping(node, "bydel", keys: keys) else { return nil }
        func line(_ key: String, required: Bool) -> String? {
            guard let value = fields[key] else {
                if required { report(node, "bydel.\(key) mangler") }
                return nil
            }
            guard let text = self.text(value, "bydel.\(key)") else { return nil }
            if text.count > 200 || text.contains(where: \.isNewline) {
                report(value, "bydel.\(key): ventet én linje på høyst 200 tegn")
                return nil
            }
            return text
        }
        let name = line("navn", required: true)
        let postal = line("postadresse", required: true)
        let director = line("direktoer", required: true)
        var number: OrganisationNumber?
        if let text = line("organisasjonsnummer", required: true), let value = fields["organisasjonsnummer"] {
            number = try? OrganisationNumber(text)
            if number == nil {
                report(
                    value,
                    "bydel.organisasjonsnummer: «\(text)» er ikke et gyldig organisasjonsnummer (ni sifre, MOD11)")
            }
        }
        var email = line("epost", required: false)
        if let address = email, let value = fields["epost"], !address.contains("@") || address.contains(" ") {
            report(value, "bydel.epost: «\(address)» er ikke en e-postadresse")
            email = nil
        }
        var pattern = line("referanse", required: false)
        if let text = pattern, let value = fields["referanse"], !text.contains("{nr}") {
            report(value, "bydel.referanse: mønsteret må inneholde {nr} (og gjerne {aar}), som «BSH {aar}/{nr}»")
            pattern = nil
        }
        var names = false
        if let value = fields["saarbare_steder_i_brev"], let text = scalar(value, "bydel.saarbare_steder_i_brev") {
            switch text {
            case "navn": names = true
            case "type": names = false
            default: report(value, "bydel.saarbare_steder_i_brev: ventet «navn» eller «type», fant «\(text)»")
            }
        }
        guard let name, let postal, let director, let number else { return nil }
        return Policy.District(
            name: name, postalAddress: postal, visitingAddress: line("besoeksadresse", required: false),
            organisationNumber: number, phone: line("telefon", required: false), email: email,
            web: line("nettside", required: false), directorName: director,
            directorTitle: line("direktoer_tittel", required: false) ?? "bydelsdirektør", referencePattern: pattern,
            namesVulnerableSites: names)
    }
}
