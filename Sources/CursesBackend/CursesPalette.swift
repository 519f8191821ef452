import CNcursesw
import TerminalUI

/// The one place where style roles become curses colour pairs and attributes.
///
/// With colours, each role gets its own colour pair, registered once at start-up; on a monochrome
/// terminal (or with `NO_COLOR` set) each role gets bold, reverse, dim or underline instead.
struct CursesPalette {
    /// What one role looks like: its colours and the attributes that go with them.
    private struct Appearance {
        var foreground: Int16
        var background: Int16
        var colorAttributes: attr_t
        var monochromeAttributes: attr_t
    }

    /// Whether colour pairs are in use.
    let usesColor: Bool
    /// Each role's colour pair number (0 when monochrome) and attributes.
    private var entries: [StyleRole: (pair: Int16, attributes: attr_t)] = [:]

    /// Sets up the palette for the running terminal, registering colour pairs when `useColor`.
    ///
    /// Call after curses has started and before drawing.
    init(useColor: Bool) {
        let roles = StyleRole.allCases
        var usesColor = useColor && has_colors() && start_color() != ERR
        usesColor = usesColor && Int(dc_color_pairs()) > roles.count
        var defaultsAvailable = false
        if usesColor {
            defaultsAvailable = use_default_colors() != ERR
        }
        self.usesColor = usesColor
        for (index, role) in roles.enumerated() {
            let appearance = Self.appearance(of: role)
            guard usesColor else {
                entries[role] = (0, appearance.monochromeAttributes)
                continue
            }
            let pair = Int16(index + 1)
            let foreground =
                appearance.foreground >= 0 || defaultsAvailable ? appearance.foreground : Int16(COLOR_WHITE)
            let background =
                appearance.background >= 0 || defaultsAvailable ? appearance.background : Int16(COLOR_BLACK)
            init_pair(pair, foreground, background)
            entries[role] = (pair, appearance.colorAttributes)
        }
    }

    /// The attributes and colour pair to draw a style with.
    func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        let entry = entries[style.role] ?? (0, dc_attr_normal())
        var attributes = entry.attributes
        if style.bold {
            attributes |= dc_attr_bold()
        }
        if style.reverse {
            attributes |= dc_attr_reverse()
        }
        return (attributes, entry.pair)
    }

    /// The colours (-1 for the terminal's default) and attributes of each role.
    private static func appearance(of role: StyleRole) -> Appearance {
        let none = dc_attr_normal()
        let bold = dc_attr_bold()
        let underline = dc_attr_underline()
        let terminalDefault: Int16 = -1
        func color(_ value: Int32) -> Int16 { Int16(value) }
        switch role {
        case .normal:
            return Appearance(
                foreground: terminalDefault, background: terminalDefault, colorAttributes: none,
                monochromeAttributes: none)
        case .title:
            return Appearance(
                foreground: color(COLOR_CYAN), background: terminalDefault, colorAttributes: bold,
                monochromeAttributes: bold)
        case .header:
            return Appearance(
                foreground: terminalDefault, background: terminalDefault, colorAttributes: bold | underline,
                monochromeAttributes: bold | underline)
        case .selection:
            return Appearance(
                foreground: color(COLOR_BLACK), background: color(COLOR_CYAN), colorAttributes: none,
                monochromeAttributes: dc_attr_reverse())
        case .dim:
            return Appearance(
                foreground: terminalDefault, background: terminalDefault, colorAttributes: dc_attr_dim(),
                monochromeAttributes: dc_attr_dim())
        case .ok:
            return Appearance(
                foreground: color(COLOR_GREEN), background: terminalDefault, colorAttributes: none,
                monochromeAttributes: none)
        case .warning:
            return Appearance(
                foreground: color(COLOR_YELLOW), background: terminalDefault, colorAttributes: bold,
                monochromeAttributes: bold)
        case .overdue:
            return Appearance(
                foreground: color(COLOR_RED), background: terminalDefault, colorAttributes: bold,
                monochromeAttributes: bold | underline)
        case .directed:
            return Appearance(
                foreground: color(COLOR_MAGENTA), background: terminalDefault, colorAttributes: none,
                monochromeAttributes: underline)
        case .shortfall:
            return Appearance(
                foreground: color(COLOR_RED), background: terminalDefault, colorAttributes: none,
                monochromeAttributes: bold)
        case .help:
            return Appearance(
                foreground: color(COLOR_CYAN), background: terminalDefault, colorAttributes: none,
                monochromeAttributes: none)
        }
    }
}
