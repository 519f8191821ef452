import DayClearCore
import TerminalUI

/// The routes screen; not built yet, and it says so.
func renderRoutes(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    renderNotDone(.routes, state.language, into: &buffer, area: area)
}
