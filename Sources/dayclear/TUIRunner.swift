import CursesBackend
import DayClearApp
import DayClearCore
import DayClearStore
import Foundation
import TerminalUI

/// Owns the TUI's run loop: render, draw, read a key, update, interpret effects; poll the store
/// for other terminals' changes while idle, and reconnect to the server when the connection drops.
final class TUIRunner {
    /// How long one idle tick waits for a key before polling the store.
    static let tickMilliseconds = 150

    private let store: LedgerSession
    private let exportsDirectory: URL
    private var state: AppState
    private var shuttleWatch: ShuttleConfigurationWatch
    /// While the server's connection is down: when to try it again.
    private var reconnecting: ReconnectSchedule?

    /// Prepares a runner on an open store.
    init(store: LedgerSession, dataDirectory: URL, language: Language) {
        self.store = store
        exportsDirectory = dataDirectory.appendingPathComponent("exports", isDirectory: true)
        shuttleWatch = ShuttleConfigurationWatch(directory: dataDirectory)
        state = AppState(language: language, user: store.actor, roles: store.roles, now: Date())
        // Said on stderr before the screen takes over, where nobody would see it.
        if let local = store as? LedgerStore, !local.notices.isEmpty {
            let keyPath = dataDirectory.appendingPathComponent(CheckpointKeyFile.fileName).path
            let notices = local.notices.map { notice in
                notice == CheckpointKeyFile.creationNotice(path: keyPath)
                    ? language.pick("已创建检查点签名密钥 \(keyPath)（权限 600），请备份（见 docs/server.md）", notice) : notice
            }
            state.status = .info(notices.joined(separator: language.pick("；", "; ")))
        }
    }

    /// Runs until the user quits or a termination signal arrives; the terminal is always restored.
    func run(on terminal: TerminalBackend) {
        defer { terminal.shutdown() }
        loadJournal()
        while !terminal.terminationRequested {
            state.now = Date()
            shuttleWatch.refresh(&state, ledger: store.ledger)
            drawFrame(on: terminal)
            guard let key = terminal.readKey(timeoutMilliseconds: Self.tickMilliseconds) else {
                pollStore()
                continue
            }
            state.now = Date()
            let effects = update(&state, key: key, ledger: store.ledger)
            if effects.contains(.quit) {
                return
            }
            // An import or an export can take seconds: show the status `update` set ("正在导入…") first.
            if effects.contains(where: \.takesAWhile) { drawFrame(on: terminal) }
            effects.forEach(interpret)
        }
    }

    private func drawFrame(on terminal: TerminalBackend) {
        let size = terminal.size
        var buffer = CellBuffer(width: size.width, height: size.height)
        render(state, ledger: store.ledger, into: &buffer)
        terminal.draw(buffer)
    }

    /// Does one effect's I/O and reports the outcome in the status line; while the server is
    /// unreachable, refuses it instead, so nothing is sent and nothing is silently lost.
    private func interpret(_ effect: Effect) {
        if reconnecting != nil, effect != .quit {
            let refusal = WireError.notConnected((store as? ReconnectableSession)?.connectionLost ?? "")
            state.status = .error(RefusalText.describe(refusal, ledger: store.ledger, language: state.language))
            return
        }
        defer { noticeLostConnection() }
        switch effect {
        case .record(let reason, let events, let success):
            do {
                try store.perform(reason: reason) { _ in events }
                state.finishRecord(success: success)
            } catch {
                state.finishRecord(refusal: error, of: events, ledger: store.ledger)
            }
            loadJournal()
        case .exportDayEnd(let day):
            do {
                let files = try DayEndExport(store: store, day: day).write(to: exportsDirectory)
                let text = state.language.pick("已写出 \(files.count) 个文件到 ", "Wrote \(files.count) files to ")
                state.status = .info(text + exportsDirectory.path)
            } catch {
                state.status = .error(RefusalText.describe(error, ledger: store.ledger, language: state.language))
            }
        case .importFile(let kind, let path):
            let describe = { [store, language = state.language] (error: Error) in
                RefusalText.describe(error, ledger: store.ledger, language: language)
            }
            state.finishImport(
                ImportOutcome(describing: describe) {
                    try CSVImport(kind: kind, path: path).run(on: store, validOnly: false)
                })
            loadJournal()
        case .quit:
            break
        }
    }

    /// Folds in events recorded elsewhere (other processes, or the server's pushes); while the
    /// server is unreachable, tries to reconnect when the schedule says so.
    private func pollStore() {
        if reconnecting != nil {
            tryReconnecting()
            return
        }
        do {
            if try store.refresh() {
                state.roles = store.roles
                loadJournal()
            }
        } catch {
            // A dropped connection is reported by the title bar while reconnecting.
            if !connectionIsDown {
                state.status = .error(RefusalText.describe(error, ledger: store.ledger, language: state.language))
            }
        }
        noticeLostConnection()
    }

    private var connectionIsDown: Bool { (store as? ReconnectableSession)?.connectionLost != nil }

    /// Starts reconnecting when the server's connection has dropped.
    private func noticeLostConnection() {
        guard reconnecting == nil, connectionIsDown else { return }
        reconnecting = ReconnectSchedule(droppedAt: Date())
        state.disconnected = true
    }

    /// One reconnection attempt, if due: on success the replica has the events recorded meanwhile.
    private func tryReconnecting() {
        guard var schedule = reconnecting, schedule.isDue(at: Date()), let remote = store as? ReconnectableSession
        else { return }
        do {
            try remote.reconnect()
        } catch {
            schedule.failed(at: Date())
            reconnecting = schedule
            return
        }
        reconnecting = nil
        state.disconnected = false
        state.roles = store.roles
        loadJournal()
        state.status = .info(state.language.pick("已重新连接服务器", "Reconnected to the server"))
    }

    /// Appends the events recorded since the journal was last loaded; starts with the latest
    /// `AppState.journalLength` events.
    private func loadJournal() {
        let after = state.journal.last?.sequence ?? max(0, store.ledger.lastSequence - AppState.journalLength)
        if let newer = try? store.events(after: after) {
            state.journal.append(contentsOf: newer)
        }
    }
}
