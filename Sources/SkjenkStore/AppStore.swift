import Foundation

/// Everything the application stores, as one interface: what the command line, the web and the
/// use cases in `SkjenkApp` hold. `SQLiteStore` (module `SkjenkSQLite`) implements it for one
/// district's file; another engine implements the same protocols and passes the same contract
/// tests. Operations only one engine has (SQLite's online backup, its journal mode) stay on that
/// engine's type and are reached from the composition roots alone.
public protocol AppStore: CaseStore, RegisterStore, AddressStore, ZoneStore, RoadStore, ComplaintStore, StatementStore,
    UserStore, APIKeyStore, RateLimitStore, MeetingStore,
    CaseLetterStore, AgencyDecisionStore, ReminderStore
{}
