import TerminalUI

/// The one table of key bindings: it dispatches keys, draws the footer hints and the help screen.
public enum KeyTable {
    /// Every binding, screen bindings grouped by screen, most useful first within each scope.
    public static let bindings: [KeyBinding] = screenBindings + globalBindings

    /// The bindings that apply on one screen only.
    static let screenBindings: [KeyBinding] = [
        KeyBinding(key: .left, command: .focusGoods, help: ("物资清单", "goods list"), scope: .screen(.lists)),
        KeyBinding(key: .character("h"), command: .focusGoods, help: ("物资清单", "goods list"), scope: .screen(.lists)),
        KeyBinding(key: .right, command: .focusRequests, help: ("调拨申请", "requests"), scope: .screen(.lists)),
        KeyBinding(
            key: .character("l"), command: .focusRequests, help: ("调拨申请", "requests"), scope: .screen(.lists)),
        KeyBinding(key: .character("N"), command: .newArrival, help: ("到货登记", "new arrival"), scope: .screen(.lists)),
        KeyBinding(
            key: .character("E"), command: .newExpectedLot, help: ("预到登记", "new expected lot"),
            scope: .screen(.lists)),
        KeyBinding(
            key: .character("c"), command: .receiveSelectedLot, help: ("到货清点", "receive lot"),
            scope: .screen(.lists)),
        KeyBinding(key: .character("R"), command: .newRequest, help: ("录入申请", "new request"), scope: .screen(.lists)),
        KeyBinding(key: .character("I"), command: .importFile, help: ("导入文件", "import a file"), scope: .screen(.lists)),
        KeyBinding(key: .character("a"), command: .approveSelected, help: ("批准", "approve"), scope: .screen(.group)),
        KeyBinding(key: .character("t"), command: .trimSelected, help: ("削减", "trim"), scope: .screen(.group)),
        KeyBinding(key: .character("r"), command: .returnSelected, help: ("退回", "return"), scope: .screen(.group)),
        KeyBinding(key: .character("x"), command: .rejectSelected, help: ("驳回", "reject"), scope: .screen(.group)),
        KeyBinding(
            key: .character("A"), command: .approveAllInView, help: ("全部批准", "approve all"), scope: .screen(.group)),
        KeyBinding(key: .character("n"), command: .nextInQueue, help: ("下一项", "next"), scope: .screen(.group)),
        KeyBinding(
            key: .character("P"), command: .proposeByPlanner, help: ("生成分配建议", "run the planner"),
            scope: .screen(.group)),
        KeyBinding(
            key: .character("s"), command: .allowSubstitute, help: ("允许/撤销替代", "allow/revoke subst."),
            scope: .screen(.group), inFooter: false),
        KeyBinding(key: .character("d"), command: .dispatchSelected, help: ("发出", "dispatch"), scope: .screen(.routes)),
        KeyBinding(
            key: .character("v"), command: .deliverSelected, help: ("全数送达", "delivered in full"),
            scope: .screen(.routes)),
        KeyBinding(
            key: .character("V"), command: .deliverSelectedCounted, help: ("按实收送达", "count received"),
            scope: .screen(.routes)),
        KeyBinding(
            key: .character("S"), command: .recordShuttleRuns, help: ("记录专车车次", "record runs"),
            scope: .screen(.routes)),
        KeyBinding(
            key: .character("p"), command: .completePaperwork, help: ("手续补齐", "paperwork done"),
            scope: .screen(.paperwork)),
        KeyBinding(
            key: .character("e"), command: .exportDayEnd, help: ("导出日结", "export day end"), scope: .screen(.dayEnd)),
    ]

    /// The bindings that apply everywhere.
    static let globalBindings: [KeyBinding] =
        [
            KeyBinding(key: .up, command: .moveUp, help: ("上移", "up"), scope: .global),
            KeyBinding(key: .character("k"), command: .moveUp, help: ("上移", "up"), scope: .global),
            KeyBinding(key: .down, command: .moveDown, help: ("下移", "down"), scope: .global),
            KeyBinding(key: .character("j"), command: .moveDown, help: ("下移", "down"), scope: .global),
            KeyBinding(key: .pageUp, command: .pageUp, help: ("上一页", "page up"), scope: .global),
            KeyBinding(key: .pageDown, command: .pageDown, help: ("下一页", "page down"), scope: .global),
            KeyBinding(key: .character("/"), command: .startFilter, help: ("筛选", "filter"), scope: .global),
            KeyBinding(key: .character("?"), command: .toggleHelp, help: ("帮助", "help"), scope: .global),
            KeyBinding(key: .escape, command: .cancel, help: ("取消", "cancel"), scope: .global),
            KeyBinding(key: .character("q"), command: .quit, help: ("退出", "quit"), scope: .global),
            KeyBinding(key: .tab, command: .nextScreen, help: ("下一屏", "next screen"), scope: .global),
            KeyBinding(key: .backTab, command: .previousScreen, help: ("上一屏", "previous screen"), scope: .global),
        ]
        + Screen.allCases.map { screen in
            KeyBinding(
                key: .character(Character(String(screen.rawValue + 1))), command: .showScreen(screen),
                help: (screen.title(.zh), screen.title(.en)), scope: .global)
        }

    /// The command a key runs on a screen: the screen's bindings first, then the global ones.
    public static func command(for key: Key, on screen: Screen) -> Command? {
        let local = bindings.first { $0.key == key && $0.scope == .screen(screen) }
        return (local ?? bindings.first { $0.key == key && $0.scope == .global })?.command
    }

    /// The footer hints of a screen: its own commands, then the global ones, one hint per command.
    ///
    /// Keys of one command are joined (`↓/j`); screen switching is left to the tab bar.
    public static func footerHints(for screen: Screen, language: Language) -> [FooterHints.Hint] {
        let shown = bindings.filter { binding in
            if case .showScreen = binding.command { return false }
            if !binding.inFooter { return false }
            if binding.command == .pageUp || binding.command == .pageDown { return false }
            return binding.scope == .screen(screen) || binding.scope == .global
        }
        var order: [Command] = []
        var keys: [Command: [String]] = [:]
        var labels: [Command: String] = [:]
        for binding in shown {
            if keys[binding.command] == nil {
                order.append(binding.command)
                labels[binding.command] = binding.help(language)
            }
            keys[binding.command, default: []].append(binding.key.displayName)
        }
        // Help and quit come right after the screen's own keys, so a narrow footer never cuts them.
        let essential: [Command] = [.toggleHelp, .quit]
        let screenCommands = order.filter { command in shown.contains { $0.command == command && $0.scope != .global } }
        let rest = order.filter { !screenCommands.contains($0) && !essential.contains($0) }
        return (screenCommands + essential + rest).map {
            FooterHints.Hint((keys[$0] ?? []).joined(separator: "/"), labels[$0] ?? "")
        }
    }
}
