import CNcursesw
import TerminalUI

/// Turns what `wget_wch` reports into `Key`s.
enum CursesKeyMap {
    /// The key for a function-key code (`wget_wch` returned `KEY_CODE_YES`), or nil for one the
    /// app has no name for.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case dc_key_up(): .up
        case dc_key_down(): .down
        case dc_key_left(): .left
        case dc_key_right(): .right
        case dc_key_ppage(): .pageUp
        case dc_key_npage(): .pageDown
        case dc_key_home(): .home
        case dc_key_end(): .end
        case dc_key_btab(): .backTab
        case dc_key_enter(): .enter
        case dc_key_backspace(): .backspace
        case dc_key_dc(): .delete
        case dc_key_resize(): .resize
        case dc_key_f(1)...dc_key_f(63): .function(Int(code - dc_key_f0()))
        default: nil
        }
    }

    /// The key for a character code (`wget_wch` returned `OK`), or nil for a C1 control or an
    /// invalid code point.
    ///
    /// Esc, Tab, Enter (CR or LF) and Backspace (DEL or ^H) get their own keys; other C0
    /// controls become `.control` with the lowercase letter (or `@ \ ] ^ _`).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26:
            return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 0, 28...31:
            return Unicode.Scalar(code + 64).map { .control(Character($0)) }
        case 128...159:
            return nil
        default:
            return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }
}
