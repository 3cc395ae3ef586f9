import Foundation

/// The templates that ship with skjenk, as package resources. A district's own copy, given with
/// `--templates DIR`, takes their place at run time.
public enum BundledTemplates {
    /// The folder of the statement templates (`statement/`), inside the resource bundle.
    public static var statement: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("statement")
    }

    /// The folder of the web application's page templates (`web/`).
    public static var web: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("web")
    }

    /// The answers to complainants (`replies/`): receipt and closing answer.
    public static var replies: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("replies")
    }
}
