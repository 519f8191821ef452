import DayClearCore
import TerminalUI

/// The journal screen; not built yet, and it says so.
func renderJournal(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    renderNotDone(.journal, state.language, into: &buffer, area: area)
}
