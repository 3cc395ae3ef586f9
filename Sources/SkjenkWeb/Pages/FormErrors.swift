import Foundation

/// One field's problem in a refused form: the `id` of the input it is about and a sentence saying
/// what to put right («Velg minst én kategori.»), never a code. The error summary links to
/// `#field`; the field's own message is the element `field-feil`.
struct FieldError: Encodable, Sendable, Equatable {
    let field: String
    let message: String
}

/// Why a form was refused, field by field, and what was typed (issue 19, item 4; the pattern of the
/// GOV.UK and designsystemet.no error summary). Nothing is stored when a form is refused.
///
/// A controller collects the problems, in the order the fields stand on the page, and hands them to
/// `PageRenderer.page(…, errors:)`. The shared header then shows «Det er noe som må rettes» with a
/// link to each field, the title gets «Feil: » in front and the status is 422. `FormErrors` is an
/// `Error`, so code deep in a handler may `throw` it and the handler render it:
///
///     var errors = FormErrors()
///     if form["notat"] == nil { errors.add("notat", "Skriv hvorfor klagen gjenåpnes.") }
///     errors.keep(form, "notat", "frist")          // typed text back in the fields (never a password)
///     guard errors.isEmpty else {
///         return try services.pages.page("klage", title: "Klage 7", content: content, session: session,
///                                        path: request.uri.path, errors: errors)
///     }
///
/// In the template (every page sees `form`: `form.errors.ID`, `form.values.ID`), beside each field:
///
///     <label for="notat">Hvorfor</label>{{#form.errors.notat}}{{> felles/feltfeil}}{{/form.errors.notat}}
///     <input type="text" id="notat" name="notat" value="{{form.values.notat}}"
///       {{#form.errors.notat}}{{> felles/ugyldig}}{{/form.errors.notat}}>
///
/// `felles/feltfeil` is the message (`<p class="feltfeil" id="ID-feil">`), `felles/ugyldig` the input's
/// `aria-invalid="true" aria-describedby="ID-feil"`. A group of check boxes or radio buttons is
/// named by the id of its first box; fields repeated in a list (one form per row) carry their
/// `FieldError?` in the row's own view model instead (`{{#emailError}}{{> felles/feltfeil}}…`), and
/// use the same two partials. Name such a property `…Error`, never `error`: a row without one is
/// looked up on the page, whose `error` is the page's message. Selects and check boxes keep their
/// choice through the content's own `selected`/`checked` flags.
struct FormErrors: Error, Sendable {
    /// In the order they were added: the summary's order.
    private(set) var all: [FieldError] = []
    /// What was typed, by field id, for `{{form.values.ID}}`.
    private(set) var values: [String: String] = [:]

    init(_ errors: [FieldError] = []) {
        all = errors
    }

    /// One field's problem.
    init(_ field: String, _ message: String) {
        all = [FieldError(field: field, message: message)]
    }

    var isEmpty: Bool { all.isEmpty }

    /// The field's problem (the first one, when a field has several).
    subscript(_ field: String) -> FieldError? { all.first { $0.field == field } }

    /// Adds a problem with the field `field` (an input's id).
    mutating func add(_ field: String, _ message: String) {
        all.append(FieldError(field: field, message: message))
    }

    /// Adds every problem of `other`, and what was typed in it.
    mutating func add(_ other: FormErrors) {
        all += other.all
        values.merge(other.values) { _, new in new }
    }

    /// Keeps the values of the form's fields `names` as typed (untrimmed), each under an id equal to
    /// its name. Never a password.
    mutating func keep(_ form: FormFields, _ names: String...) {
        for name in names { keep(form.get(name), as: name) }
    }

    /// Keeps `value` for the field with the id `id` (for a field whose id is not its name).
    mutating func keep(_ value: String?, as id: String) {
        values[id] = value
    }

    /// A domain message (lower case, no full stop, as the command line prints it) as a sentence for
    /// a page: a capital first letter and a full stop.
    static func sentence(_ text: String) -> String {
        let capitalized = text.prefix(1).uppercased() + text.dropFirst()
        return capitalized.hasSuffix(".") ? capitalized : capitalized + "."
    }

    /// Throws itself when there is anything to correct.
    func check() throws(FormErrors) {
        if !isEmpty { throw self }
    }
}

/// The refused form as every page's templates read it (`form` in `PageView`).
struct FormView: Encodable {
    let hasErrors: Bool
    let summary: [FieldError]
    /// By field id (the first problem of each).
    let errors: [String: FieldError]
    let values: [String: String]

    init(_ errors: FormErrors) {
        hasErrors = !errors.isEmpty
        summary = errors.all
        var byField: [String: FieldError] = [:]
        for error in errors.all where byField[error.field] == nil { byField[error.field] = error }
        self.errors = byField
        values = errors.values
    }
}
