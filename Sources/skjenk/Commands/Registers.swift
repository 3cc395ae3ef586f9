import ArgumentParser
import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore

extension SRID: ExpressibleByArgument {
    public init?(argument: String) {
        guard let code = Int(argument.replacingOccurrences(of: "EPSG:", with: "", options: .caseInsensitive)),
            let srid = SRID(rawValue: code), srid != .wgs84
        else { return nil }
        self = srid
    }
}

/// Options shared by the register imports.
struct RegisterImportOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Kildenavn; en ny import fra samme kilde erstatter den forrige (standard: filnavnet).",
            valueName: "NAME"))
    var source: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Koordinatsystem for oest/nord-kolonner uten epsg-kolonne (25832 eller 25833).",
            valueName: "EPSG"))
    var epsg: SRID?

    @Argument(help: ArgumentHelp("Registerfil (CSV eller GeoJSON).", valueName: "FILE"))
    var file: String

    func validate() throws {
        if let source, source.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--source kan ikke være tom")
        }
    }

    var sourceName: String { source ?? (file as NSString).lastPathComponent }

    /// Uploads the file as a register of `kind`: prints what was skipped and what was stored, or
    /// fails without storing anything.
    func upload(_ kind: RegisterKind, to database: any AppStore) async throws {
        let outcome: RegisterDesk.Outcome
        do {
            outcome = try await RegisterDesk.upload(
                kind, contentsOf: URL(fileURLWithPath: file), displayName: file, source: sourceName,
                defaultSRID: epsg, store: database, actor: .commandLine)
        } catch {
            throw CommandFailure(message: "\(file): kunne ikke lagres, ingenting er endret: \(error)")
        }
        for diagnostic in outcome.errors + outcome.skipped { Terminal.error(diagnostic.description) }
        guard let receipt = outcome.receipt else {
            Terminal.error(outcome.refusal ?? "\(file): ingenting er endret")
            throw CommandFailure.alreadyReported
        }
        print(receipt)
    }
}

extension Skjenk {
    /// `skjenk sites …`: the register of sensitive sites.
    struct Sites: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Registeret over skoler, barnehager, ungdomstilbud og andre sårbare steder.",
            subcommands: [Import.self, List.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Importer steder fra CSV eller GeoJSON.",
                discussion:
                    "Kolonner: kategori, navn, adresse (valgfri), aapningstid (valgfri, for eksempel «man-fre "
                    + "07:00-17:00») og lat/lon eller oest/nord med epsg. Kategorier: "
                    + SiteCategory.codes.joined(separator: ", ") + ".")

            @OptionGroup var store: StoreOptions
            @OptionGroup var options: RegisterImportOptions

            func run() async throws {
                try await options.upload(.sites, to: store.openStore())
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List stedene i registeret.")

            @OptionGroup var store: StoreOptions

            @Flag(name: .long, help: "Skriv JSON (for skript).")
            var json = false

            func run() async throws {
                let sites = try await store.openStore().sites()
                if json {
                    try JSONOutput.print(sites.map(SiteJSON.init))
                    return
                }
                var table = TextTable(headers: ["Kategori", "Navn", "Adresse", "Åpningstid", "Posisjon", "Kilde"])
                for site in sites {
                    table.add([
                        site.category.label, site.name, site.address ?? "", site.openingHours?.description ?? "",
                        Self.degrees(site.position), site.source,
                    ])
                }
                print(table.render())
                print("\(sites.count) steder.")
            }

            static func degrees(_ position: Position) -> String {
                let p = position.geographic
                return String(format: "%.5f, %.5f", p.latitude, p.longitude)
            }
        }
    }

    /// `skjenk venues …`: the register of licensed venues.
    struct Venues: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Registeret over steder med skjenke- eller salgsbevilling.",
            subcommands: [Import.self, List.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Importer bevilgede steder fra CSV, GeoJSON eller Næringsetatens bevillingskart.",
                discussion:
                    "Kolonner: navn, organisasjonsnummer, adresse og bevillingstype (valgfrie), og lat/lon eller "
                    + "oest/nord med epsg. GeoJSON fra WFS-laget skjenkebevilling_punkt leses uten valg.")

            @OptionGroup var store: StoreOptions
            @OptionGroup var options: RegisterImportOptions

            func run() async throws {
                try await options.upload(.venues, to: store.openStore())
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List de bevilgede stedene i registeret.")

            @OptionGroup var store: StoreOptions

            @Flag(name: .long, help: "Skriv JSON (for skript).")
            var json = false

            func run() async throws {
                let venues = try await store.openStore().licensedVenues()
                if json {
                    try JSONOutput.print(venues.map(VenueJSON.init))
                    return
                }
                var table = TextTable(headers: [
                    "Navn", "Org.nr.", "Adresse", "Stengetid inne/ute", "Posisjon", "Kilde",
                ])
                for venue in venues {
                    table.add([
                        venue.name, venue.organisationNumber?.formatted ?? "", venue.address ?? "",
                        [venue.indoorClosing, venue.outdoorClosing].map { $0 ?? "–" }.joined(separator: "/"),
                        Sites.List.degrees(venue.position), venue.source,
                    ])
                }
                print(table.render())
                print("\(venues.count) steder.")
            }
        }
    }
}

extension Skjenk {
    /// `skjenk points …`: Næringsetaten's list of penalty points.
    struct Points: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prikklisten fra Næringsetaten (prikker gitt siste 24 måneder).", subcommands: [Import.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Importer prikklisten (CSV lagret fra Næringsetatens regneark); erstatter forrige liste.",
                discussion: "Kolonner: dato, organisasjonsnummer, skjenkested, adresse, prikker, overtredelse.")

            @OptionGroup var store: StoreOptions

            @Argument(help: ArgumentHelp("Prikkliste (CSV).", valueName: "FILE"))
            var file: String

            func run() async throws {
                try await RegisterImportOptions.parse([file]).upload(.points, to: store.openStore())
            }
        }
    }
}

extension Skjenk {
    /// `skjenk addresses …`: a local copy of Kartverket's address register.
    struct Addresses: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adresseregisteret (Kartverket) for posisjon til høringer uten posisjon.",
            subcommands: [Import.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Importer adresser fra Geonorges CSV; erstatter forrige import.",
                discussion: "Kolonner: adressenavn, nummer, bokstav, postnummer, EPSG-kode, Nord, Øst (semikolondelt).")

            @OptionGroup var store: StoreOptions

            @Argument(help: ArgumentHelp("Adressefil (CSV).", valueName: "FILE"))
            var file: String

            func run() async throws {
                try await RegisterImportOptions.parse([file]).upload(.addresses, to: store.openStore())
            }
        }
    }
}

extension Skjenk {
    /// `skjenk zones …`: the areas of the opening-hours regulation.
    struct Zones: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Soneregisteret (åpningstidsforskriftens soner) som polygoner.", subcommands: [Import.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Importer soner fra GeoJSON (Polygon/MultiPolygon med egenskapen sone); erstatter forrige import.")

            @OptionGroup var store: StoreOptions

            @Argument(help: ArgumentHelp("Sonefil (GeoJSON).", valueName: "FILE"))
            var file: String

            func run() async throws {
                try await RegisterImportOptions.parse([file]).upload(.zones, to: store.openStore())
            }
        }
    }
}

extension Skjenk {
    /// `skjenk roads …`: the road register the statement's map draws.
    struct Roads: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vegregisteret (gater og veger) som tegnes under stedene i kartet.", subcommands: [Import.self])

        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Importer veger fra GeoJSON (LineString/MultiLineString); erstatter forrige import.",
                discussion:
                    "Vegens navn leses fra egenskapen navn, name, adressenavn eller gatenavn; koordinater i WGS84 "
                    + "(lengdegrad, breddegrad) eller EUREF89 UTM med crs. En fil med feil avvises i sin helhet.")

            @OptionGroup var store: StoreOptions

            @Argument(help: ArgumentHelp("Vegfil (GeoJSON).", valueName: "FILE"))
            var file: String

            func run() async throws {
                try await RegisterImportOptions.parse([file]).upload(.roads, to: store.openStore())
            }
        }
    }
}

/// A site in `sites list --json`.
struct SiteJSON: Encodable {
    let category: String
    let name: String
    let address: String?
    /// The canonical text (`man-fre 07:00-17:00`), absent when unknown.
    let openingHours: String?
    let lat: Double
    let lon: Double
    let source: String

    init(_ site: Site) {
        let p = site.position.geographic
        category = site.category.code
        name = site.name
        address = site.address
        openingHours = site.openingHours?.text
        lat = (p.latitude * 1e7).rounded() / 1e7
        lon = (p.longitude * 1e7).rounded() / 1e7
        source = site.source
    }
}

/// A licensed venue in `venues list --json`; the holder's name (personal data) is left out.
struct VenueJSON: Encodable {
    let name: String
    let organisationNumber: String?
    let address: String?
    let permitType: String?
    let indoorClosing: String?
    let outdoorClosing: String?
    let lat: Double
    let lon: Double
    let source: String

    init(_ venue: LicensedVenue) {
        let p = venue.position.geographic
        name = venue.name
        organisationNumber = venue.organisationNumber?.digits
        address = venue.address
        permitType = venue.permitType?.rawValue
        indoorClosing = venue.indoorClosing
        outdoorClosing = venue.outdoorClosing
        lat = (p.latitude * 1e7).rounded() / 1e7
        lon = (p.longitude * 1e7).rounded() / 1e7
        source = venue.source
    }
}
