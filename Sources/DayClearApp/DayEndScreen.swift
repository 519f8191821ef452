import DayClearCore
import TerminalUI

/// The dayEnd screen; not built yet, and it says so.
func renderDayEnd(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    renderNotDone(.dayEnd, state.language, into: &buffer, area: area)
}
