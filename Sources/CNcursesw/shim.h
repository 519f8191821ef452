/*
 * The C side of CursesBackend: ncursesw with its wide-character API, plus small wrappers for
 * what Swift cannot import (function-like macros, C globals) and the termination-signal flag.
 */
#ifndef DAYCLEAR_CNCURSESW_SHIM_H
#define DAYCLEAR_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D flags; without these the wide-character functions vanish. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ncursesw/curses.h>

/* MARK: - Attributes (function-like macros in curses.h) */

static inline attr_t dc_attr_normal(void) { return A_NORMAL; }
static inline attr_t dc_attr_bold(void) { return A_BOLD; }
static inline attr_t dc_attr_reverse(void) { return A_REVERSE; }
static inline attr_t dc_attr_dim(void) { return A_DIM; }
static inline attr_t dc_attr_underline(void) { return A_UNDERLINE; }

/* MARK: - Screen and window (C globals and macros) */

/* Starts curses on the process's standard output and input; NULL when the terminal is unusable. */
static inline SCREEN *dc_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline WINDOW *dc_stdscr(void) { return stdscr; }
static inline int dc_max_x(WINDOW *window) { return getmaxx(window); }
static inline int dc_max_y(WINDOW *window) { return getmaxy(window); }
static inline int dc_color_pairs(void) { return COLOR_PAIRS; }

/* MARK: - Keys */

static inline int dc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int dc_key_f(int number) { return KEY_F(number); }
static inline int dc_key_f0(void) { return KEY_F0; }
static inline int dc_key_up(void) { return KEY_UP; }
static inline int dc_key_down(void) { return KEY_DOWN; }
static inline int dc_key_left(void) { return KEY_LEFT; }
static inline int dc_key_right(void) { return KEY_RIGHT; }
static inline int dc_key_ppage(void) { return KEY_PPAGE; }
static inline int dc_key_npage(void) { return KEY_NPAGE; }
static inline int dc_key_home(void) { return KEY_HOME; }
static inline int dc_key_end(void) { return KEY_END; }
static inline int dc_key_btab(void) { return KEY_BTAB; }
static inline int dc_key_enter(void) { return KEY_ENTER; }
static inline int dc_key_backspace(void) { return KEY_BACKSPACE; }
static inline int dc_key_dc(void) { return KEY_DC; }
static inline int dc_key_resize(void) { return KEY_RESIZE; }

/* MARK: - Locale */

/* Whether LC_CTYPE's codeset, as set by setlocale, is UTF-8. */
static inline int dc_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/* MARK: - Termination signals
 *
 * The handler only stores the signal number in a volatile sig_atomic_t, which is
 * async-signal-safe; the run loop polls it between key reads. The statics below have internal
 * linkage, so every Swift source file that calls these functions gets its own copy: call them
 * from one file only (CursesBackend's TerminationSignals.swift).
 */

/* The last termination signal received, 0 for none (a function-local static, always emitted). */
static inline volatile sig_atomic_t *dc_termination_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

/* The handlers in place before dc_install_termination_handlers, for SIGTERM, SIGHUP, SIGINT. */
static inline struct sigaction *dc_previous_actions(void) {
    static struct sigaction actions[3];
    return actions;
}

static inline void dc_record_termination_signal(int signal_number) {
    *dc_termination_flag() = signal_number;
}

/* Installs the flag-setting handler for SIGTERM, SIGHUP and SIGINT, keeping the old handlers. */
static inline void dc_install_termination_handlers(void) {
    const int signals[3] = {SIGTERM, SIGHUP, SIGINT};
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = dc_record_termination_signal;
    sigemptyset(&action.sa_mask);
    sigset_t inherited_block;
    sigemptyset(&inherited_block);
    for (int i = 0; i < 3; i++) {
        sigaction(signals[i], &action, &dc_previous_actions()[i]);
        sigaddset(&inherited_block, signals[i]);
    }
    /* A parent may have started us with these blocked; then no handler would ever run. */
    sigprocmask(SIG_UNBLOCK, &inherited_block, NULL);
}

/* Puts back the handlers that were in place before dc_install_termination_handlers. */
static inline void dc_restore_termination_handlers(void) {
    const int signals[3] = {SIGTERM, SIGHUP, SIGINT};
    for (int i = 0; i < 3; i++) {
        sigaction(signals[i], &dc_previous_actions()[i], NULL);
    }
}

/* The number of the last termination signal received, or 0 for none. */
static inline int dc_received_termination_signal(void) { return *dc_termination_flag(); }

#endif
