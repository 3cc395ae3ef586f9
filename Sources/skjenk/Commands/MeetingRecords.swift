import ArgumentParser
import Foundation
import SkjenkCore
import SkjenkStore

extension Skjenk.Meetings {
    /// `skjenk meetings record MEETING_ID --by USER (--item N --outcome CODE [--text FILE | --reason TEXT] |
    /// --from FILE)`: the secretary's record of what the body decided, all in one transaction.
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Før hva organet vedtok: vedtatt, endret (med vedtatt tekst) eller tilbake (med begrunnelse).",
            discussion: """
                Én sak med --item og --outcome, eller flere fra en JSON-fil med --from: \
                [{"sak":"1/26","utfall":"vedtatt"},{"sak":"2/26","utfall":"endret","tekst":"…"},\
                {"sak":"3/26","utfall":"tilbake","begrunnelse":"…"}]. Alt føres i én transaksjon; blir én sak \
                avvist, føres ingenting. --by er brukeren som fører vedtaket: rollen bu, aldri den som skrev \
                eller sendte utkastet.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("Møtets id.", valueName: "MEETING_ID"))
        var meetingID: Int64
        @Option(name: .long, help: ArgumentHelp("Saken i møtet, som 1/26.", valueName: "ITEM"))
        var item: String?
        @Option(
            name: .long,
            help: ArgumentHelp("Utfall: \(MeetingOutcome.codes.joined(separator: ", ")).", valueName: "CODE"))
        var outcome: MeetingOutcome?
        @Option(
            name: .long,
            help: ArgumentHelp("Den vedtatte teksten (Markdown) for utfallet endret.", valueName: "FILE"))
        var text: String?
        @Option(name: .long, help: ArgumentHelp("Hvorfor saken sendes tilbake (tilbake).", valueName: "TEXT"))
        var reason: String?
        @Option(name: .long, help: ArgumentHelp("Les vedtakene fra en JSON-fil (se over).", valueName: "FILE"))
        var from: String?
        @Option(
            name: [.customLong("by"), .customLong("as")],
            help: ArgumentHelp(
                "Hvem som fører vedtaket: en bruker med rollen bu; aldri den som skrev eller sendte utkastet.",
                valueName: "USER"))
        var by: String?

        func validate() throws {
            guard by != nil else {
                throw ValidationError("record trenger --by BRUKER: den som fører vedtaket (bu), ikke den som skrev")
            }
            if from != nil {
                guard item == nil, outcome == nil, text == nil, reason == nil else {
                    throw ValidationError("--from kan ikke kombineres med --item, --outcome, --text eller --reason")
                }
                return
            }
            guard let item, !item.trimmingCharacters(in: .whitespaces).isEmpty, let outcome else {
                throw ValidationError("oppgi --item SAK og --outcome \(MeetingOutcome.codes.joined(separator: "|")), "
                    + "eller --from FIL")
            }
            switch outcome {
            case .adopted:
                if text != nil || reason != nil {
                    throw ValidationError("--outcome vedtatt tar verken --text eller --reason")
                }
            case .amended:
                guard text != nil, reason == nil else {
                    throw ValidationError("--outcome endret trenger --text FIL med den vedtatte teksten")
                }
            case .returned:
                guard reason != nil, text == nil else {
                    throw ValidationError("--outcome tilbake trenger --reason TEKST: hvorfor saken sendes tilbake")
                }
            }
        }

        func run() async throws {
            let records: [MeetingRecord]
            if let from {
                records = try MeetingRecordFile.read(from)
            } else {
                records = [
                    MeetingRecord(
                        itemNumber: item!.trimmingCharacters(in: .whitespaces), outcome: outcome!,
                        text: try text.map(Self.readText) ?? reason)
                ]
            }
            let database = try await store.openStore()
            let meeting = try await Skjenk.Meetings.meeting(meetingID, in: database)
            let recorded: Meeting
            do {
                // The recorder is named: the store holds the four-eyes rule for every channel.
                recorded = try await database.recordMeeting(
                    records, meeting: meeting.id, actor: Actor(name: by!, channel: "cli"))
            } catch {
                throw Skjenk.Meetings.failure(error)
            }
            for record in records {
                guard let item = recorded.items.first(where: { $0.number == record.itemNumber }) else { continue }
                let review = try await database.review(of: item.caseNumber)
                print(
                    "Sak \(item.number) (\(item.caseNumber.text)): \(record.outcome.label); uttalelsen er nå "
                        + "\(review.state.label).")
            }
        }

        /// The adopted text of an amended item, from its file.
        static func readText(_ path: String) throws -> String {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= 2_000_000, let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(message: "\(path) finnes ikke, kan ikke leses eller er større enn 2 MB")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure(message: "\(path) er ikke UTF-8")
            }
            guard text.contains(where: { !$0.isWhitespace }) else { throw CommandFailure(message: "\(path) er tom") }
            return text
        }
    }
}

/// `--from FILE` of `meetings record`: a JSON list of the body's decisions, read strictly (every
/// problem reported with its entry, and none recorded when there is one).
enum MeetingRecordFile {
    static let keys: Set<String> = ["sak", "utfall", "tekst", "begrunnelse"]

    static func read(_ path: String) throws -> [MeetingRecord] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= 20_000_000, let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(message: "\(path) finnes ikke, kan ikke leses eller er større enn 20 MB")
        }
        let (records, problems) = parse(data)
        guard problems.isEmpty else {
            for problem in problems { Terminal.error("\(path): \(problem)") }
            throw CommandFailure(message: "\(path) har feil; ingenting er ført")
        }
        return records
    }

    /// The records, or the problems in Norwegian ("post 2: ukjent utfall «godkjent» …").
    static func parse(_ data: Data) -> (records: [MeetingRecord], problems: [String]) {
        guard let list = try? JSONSerialization.jsonObject(with: data) as? [Any] else {
            return ([], ["er ikke en JSON-liste av vedtak ([{\"sak\": \"1/26\", \"utfall\": \"vedtatt\"}, …])"])
        }
        guard !list.isEmpty else { return ([], ["listen er tom"]) }
        var records: [MeetingRecord] = []
        var problems: [String] = []
        for (index, element) in list.enumerated() {
            let at = "post \(index + 1)"
            guard let object = element as? [String: Any] else {
                problems.append("\(at): er ikke et objekt")
                continue
            }
            for key in object.keys.sorted() where !keys.contains(key) {
                problems.append("\(at): ukjent felt «\(key)» (gyldige: sak, utfall, tekst, begrunnelse)")
            }
            guard let item = (object["sak"] as? String)?.trimmingCharacters(in: .whitespaces), !item.isEmpty else {
                problems.append("\(at): mangler «sak» (som \"1/26\")")
                continue
            }
            guard let code = object["utfall"] as? String, let outcome = MeetingOutcome(code: code) else {
                let given = (object["utfall"] as? String).map { " «\($0)»" } ?? ""
                problems.append(
                    "\(at) (sak \(item)): ukjent utfall\(given); gyldige: "
                        + MeetingOutcome.codes.joined(separator: ", "))
                continue
            }
            let text = object["tekst"] as? String
            let reason = object["begrunnelse"] as? String
            if object["tekst"] != nil && text == nil || object["begrunnelse"] != nil && reason == nil {
                problems.append("\(at) (sak \(item)): «tekst» og «begrunnelse» skal være tekst")
                continue
            }
            switch outcome {
            case .adopted where text != nil || reason != nil:
                problems.append("\(at) (sak \(item)): utfallet vedtatt tar verken «tekst» eller «begrunnelse»")
            case .amended where text == nil || reason != nil:
                problems.append("\(at) (sak \(item)): utfallet endret trenger «tekst», den vedtatte teksten")
            case .returned where reason == nil || text != nil:
                problems.append("\(at) (sak \(item)): utfallet tilbake trenger «begrunnelse»")
            default:
                if records.contains(where: { $0.itemNumber == item }) {
                    problems.append("\(at): sak \(item) står to ganger i listen")
                } else {
                    records.append(MeetingRecord(itemNumber: item, outcome: outcome, text: text ?? reason))
                }
            }
        }
        return (records, problems)
    }
}
