import SkjenkStore

/// Every part of the interface is in place (`+Hearings`, `+Registers`, `+Complaints`, `+Statements`,
/// `+Users`): the store serves the application as SQLite does.
extension PostgresStore: AppStore {}
