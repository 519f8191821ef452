import CNcursesw

/// The process-wide record of SIGTERM, SIGHUP and SIGINT, set by an async-signal-safe handler.
///
/// The shim's flag is a C `static`, so each Swift file that calls the shim's signal functions
/// gets its own copy; this file is the only one that does.
enum TerminationSignals {
    /// Installs the flag-setting handlers, keeping the previous ones for `restore()`.
    static func install() {
        dc_install_termination_handlers()
    }

    /// Puts back the handlers that were in place before `install()`.
    static func restore() {
        dc_restore_termination_handlers()
    }

    /// The number of the last termination signal received, or nil for none.
    static var received: Int32? {
        let signal = dc_received_termination_signal()
        return signal == 0 ? nil : signal
    }
}
