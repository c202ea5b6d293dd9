/*
 * CNcursesw: ncursesw with the wide-character API, plus small C shims for what Swift cannot
 * import (macros, mutable C globals, wcwidth) and for what must be C (signal handlers).
 *
 * NCURSES_WIDECHAR must be defined here, before <curses.h>: Swift's importer only sees this
 * header, never the target's cSettings.
 */
#ifndef FUHE_CNCURSESW_H
#define FUHE_CNCURSESW_H

#define NCURSES_WIDECHAR 1
#include <stdint.h>
#include <wchar.h>
#include <curses.h>

/* ---- Locale (shim.c) ---------------------------------------------------------------- */

/* setlocale(LC_ALL, ""); if the codeset is not UTF-8, setlocale(LC_CTYPE, "C.UTF-8").
 * Call before the screen starts. Returns 1 when LC_CTYPE is UTF-8 afterwards, else 0. */
int fuhe_locale_setup(void);
/* nl_langinfo(CODESET) of the current locale ("UTF-8", "ANSI_X3.4-1968", ...). */
const char *fuhe_locale_codeset(void);

/* ---- Screen lifetime (shim.c) ------------------------------------------------------- */

/* newterm(NULL, stdout, stdin) (stderr when only stderr is a terminal) and set_term, then
 * bracketed paste on. Registers the atexit hook once. Returns stdscr, or NULL when the
 * terminal cannot be used. */
WINDOW *fuhe_curses_start(void);
/* endwin + delscreen when a screen is active; idempotent. Not for signal handlers. */
void fuhe_curses_end(void);
/* Bracketed paste off and endwin, when a screen is active; idempotent. Used by signal
 * handlers and atexit. */
void fuhe_curses_emergency_end(void);
/* Ctrl-Z: leaves the screen (bracketed paste off, endwin), stops the process group with
 * SIGTSTP, and returns once continued (`fg`), bracketed paste on again; the caller redraws
 * everything. Returns 0 without stopping when no screen is active or the process leads its
 * session (no job-control shell could continue it), 1 after a stop and continue. */
int fuhe_curses_suspend(void);
/* 1 while a screen started by fuhe_curses_start is active. */
int fuhe_curses_active(void);

/* ---- Globals and macros Swift cannot use directly (shim.c) -------------------------- */

WINDOW *fuhe_stdscr(void);
int fuhe_colors(void);
int fuhe_color_pairs(void);
void fuhe_getmaxyx(WINDOW *window, int *height, int *width);
attr_t fuhe_a_normal(void);
attr_t fuhe_a_bold(void);
attr_t fuhe_a_reverse(void);
attr_t fuhe_a_underline(void);
attr_t fuhe_a_dim(void);
/* libc wcwidth of one code point in the current locale (-1 = unknown or non-printable). */
int fuhe_wcwidth(uint32_t codepoint);
/* The bytes the calling thread has passed to write(2) so far and the write calls it made
 * (Linux /proc/thread-self/io "wchar", "syscw"). Returns 0 when the kernel does not say. */
int fuhe_thread_writes(long long *bytes, long long *calls);

/* ---- Terminfo and output for Fuhe's own screen writer (shim.c) ------------------------ */

/* The terminal's string capability `name` (terminfo name, e.g. "cup"), or NULL when it is
 * absent, cancelled or not a string. Valid while the screen is up. */
const char *fuhe_tigetstr(const char *name);
/* 1 when the boolean capability `name` is set, else 0. */
int fuhe_tigetflag(const char *name);
/* The numeric capability `name`, or -1 when absent. */
int fuhe_tigetnum(const char *name);
/* tparm(capability, a, b) for a capability of up to two numeric parameters; NULL on failure.
 * The result lives in ncurses' static buffer until the next tparm: copy it. */
const char *fuhe_tparm(const char *capability, int a, int b);
/* The descriptor the screen writes to (stdout, or stderr when only that is a terminal), or -1. */
int fuhe_output_fd(void);
/* Writes all `length` bytes of `bytes` to `fd`, going on after partial writes, EINTR and
 * EAGAIN (waiting in poll until the descriptor takes more). Returns the write(2) calls that
 * wrote something, or -1 when the descriptor fails (the rest is dropped). */
int fuhe_write_all(int fd, const uint8_t *bytes, size_t length);

/* ---- Keyboard input (input.c) ------------------------------------------------------- */

/* Bytes read from the keyboard at most at once. */
#define FUHE_INPUT_READ 256
/* Reads what `fd` has (call it when fuhe_wait_input reported input: it does not wait) in one
 * read(2) and decodes it in the locale (mbrtowc) into `codes` (room for FUHE_INPUT_READ +
 * MB_LEN_MAX): the same code points ncurses' wget_wch returns, one character per code. The
 * first bytes of a character whose rest has not arrived are kept for the next call; a byte
 * that begins no character is dropped. Returns how many codes, 0 when nothing came
 * (interrupted), -1 when the input is gone (end of file, EIO: hung up). */
int fuhe_read_input(int fd, uint32_t *codes, int capacity);
/* 1 while the first bytes of a character are kept for the next fuhe_read_input. */
int fuhe_input_carries_a_part(void);
/* Drops the kept bytes (their rest did not come in time). */
void fuhe_drop_input_part(void);

/* ---- Signals (signals.c) ------------------------------------------------------------ */

/* SIGTERM, SIGHUP, SIGINT: the first one only records the signal (see
 * fuhe_termination_signal); a second one restores the terminal and lets the previous
 * disposition act. Signals the process ignored (nohup) stay ignored.
 * SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS: restore the terminal,
 * then the previous disposition acts (default: die, core dump where configured).
 * Call before fuhe_curses_start, so ncurses keeps its hands off SIGINT/SIGTERM. */
void fuhe_signals_install(void);
/* Puts back the dispositions fuhe_signals_install replaced; idempotent. */
void fuhe_signals_restore(void);
/* SIGTSTP from outside (kill -TSTP; Ctrl-Z arrives as a key in raw mode): 1 once one
 * arrived since the last call, then 0 again. The run loop suspends with fuhe_curses_suspend. */
int fuhe_take_suspend_request(void);
/* 1 when SIGCONT arrived since the last call (continued after a stop the program did not
 * ask for, e.g. SIGSTOP): the screen must be redrawn. */
int fuhe_take_continued(void);
/* The first termination signal received since fuhe_signals_install, or 0. */
int fuhe_termination_signal(void);
/* Records a hangup as if SIGHUP had arrived (when none is recorded yet): a terminal that
 * goes away does not always signal the processes still reading it. */
void fuhe_note_hangup(void);

/* ---- Waiting without waking (signals.c) ---------------------------------------------- */

/* Call once the screen is up (newterm installed ncurses' SIGWINCH handler): SIGWINCH then runs
 * ncurses' handler (wget_wch returns KEY_RESIZE) and wakes fuhe_wait_input. Undone by
 * fuhe_signals_restore. */
void fuhe_signals_follow_resize(void);

#define FUHE_WAIT_TIMEOUT 0
#define FUHE_WAIT_INPUT 1
#define FUHE_WAIT_WOKEN 2
#define FUHE_WAIT_HUNG_UP 4
/* Sleeps until `input_fd` has input, a signal handler installed here ran (SIGTERM, SIGHUP,
 * SIGINT, SIGTSTP, SIGCONT, SIGWINCH: each writes a byte to a self-pipe, which this drains),
 * or `timeout_ms` passed (negative: no limit). Returns FUHE_WAIT_TIMEOUT or a combination of
 * FUHE_WAIT_INPUT, FUHE_WAIT_WOKEN (look at the signal flags, and ask ncurses for a resize)
 * and FUHE_WAIT_HUNG_UP (the input is gone). No periodic wake-ups: an idle program sleeps. */
int fuhe_wait_input(int input_fd, int timeout_ms);

#endif
