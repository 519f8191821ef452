import DayClearCore
import DayClearRouting
import DayClearStore
import Foundation

/// Everything the TUI shows besides the ledger: where the user is and what they are typing.
public struct AppState: Sendable {
    /// The screen shown.
    public var screen: Screen = .lists
    /// The selected row of each screen; on the lists screen, the selected request line.
    public var selection: [Screen: Int] = [:]
    /// The selected lot on the lists screen.
    public var goodsSelection = 0
    /// The focused half of the lists screen.
    public var focus: Pane = .goods
    /// The filter text of each screen.
    public var filters: [Screen: String] = [:]
    /// The prompt or question that has the keyboard, if any.
    public var modal: Modal?
    /// The open form (arrival, expected lot, request, import), which has the keyboard, if any.
    public var form: Form?
    /// The result panel shown over the screen until any key closes it, if any.
    public var panel: ResultPanel?
    /// Whether the `?` help screen is shown over the current screen.
    public var showsHelp = false
    /// The last outcome or error.
    public var status: StatusMessage?
    /// Whether the connection to the server is down (the run loop is reconnecting): the title bar says so.
    public var disconnected = false
    /// The language of the labels.
    public var language: Language
    /// The operating-system user recorded on every event.
    public var user: String
    /// The user's roles from the roster; empty means the user may only read.
    public var roles: Set<Role>
    /// The time the frame is drawn at; the run loop sets it each tick.
    public var now: Date
    /// The recorded events, oldest first, for the journal; the run loop appends new ones.
    public var journal: [RecordedEvent] = []
    /// The postal shuttle's centre, fleet and pack volumes as the run loop last read them from the
    /// data directory, or why they could not be read; nil until read.
    public var shuttleConfiguration: Result<ShuttleConfiguration, ShuttleConfigurationError>?
    /// How many of the latest events the journal starts with. Reading a whole province-scale log
    /// (a million events) would cost as much as opening the store again; `dayclear history` shows all.
    public static let journalLength: Int64 = 10_000

    /// Creates the state of a freshly opened TUI.
    public init(language: Language, user: String, roles: Set<Role>, now: Date) {
        self.language = language
        self.user = user
        self.roles = roles
        self.now = now
    }

    /// The filter text of the current screen.
    public var filter: String {
        get { filters[screen] ?? "" }
        set { filters[screen] = newValue.isEmpty ? nil : newValue }
    }

    /// The selected row of the current screen (the request pane on the lists screen).
    public var selectedRow: Int {
        get { selection[screen] ?? 0 }
        set { selection[screen] = max(0, newValue) }
    }
}
