/* Shims for ncursesw macros and globals, the locale fix, the screen lifetime and
 * per-thread output byte counting. Signal handling lives in signals.c. */
#define _GNU_SOURCE 1
#include "CNcursesw.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <poll.h>
#include <term.h>

/* ---- Locale ----------------------------------------------------------------------- */

static int codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

int fuhe_locale_setup(void) {
    setlocale(LC_ALL, "");
    if (codeset_is_utf8()) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
    return codeset_is_utf8();
}

const char *fuhe_locale_codeset(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL ? codeset : "";
}

/* ---- Screen lifetime -------------------------------------------------------------- */

static SCREEN *screen = NULL;
static volatile sig_atomic_t active = 0;
static int atexit_registered = 0;
/* The terminal's output descriptor, for the mode switches ncurses does not know. */
static volatile sig_atomic_t output_fd = -1;

/* write(2) all of `text` to the terminal; async-signal-safe. */
static void write_terminal(const char *text) {
    if (output_fd < 0) return;
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t written = write(output_fd, text, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        text += written;
        left -= (size_t)written;
    }
}

/* DECSET 2004: the terminal wraps pasted text in ESC[200~ ... ESC[201~. */
static void bracketed_paste(int on) { write_terminal(on ? "\033[?2004h" : "\033[?2004l"); }

static void at_exit_restore(void) { fuhe_curses_emergency_end(); }

/* One write per update (frames are Fuhe's own since writer27: this now keeps ncurses' own output —
 * the start, the return after Ctrl-Z — in one write each). ncurses 6.4 flushes its output buffer — one write(2) — after every
 * cursor movement inside doupdate while a screen is in the state newterm leaves it in (never
 * ended and resumed: the flush is meant for low-level terminfo programs); once a screen has been
 * ended and refreshed it flushes once per update, at its end. The bytes are the same either way,
 * but a key's frame went out in 3-5 writes and a page in ~32, each waking the terminal. So the new
 * screen is ended and resumed once, through the public calls, before anything is drawn: the
 * terminal sees the alternate screen entered, left and entered again (~80 bytes; nothing is drawn
 * in between, so nothing shows), and every frame after that goes out in one write. */
static void end_and_resume_once(void) {
    endwin();
    doupdate();
}

WINDOW *fuhe_curses_start(void) {
    if (screen != NULL) return NULL;
    if (!atexit_registered) {
        atexit(at_exit_restore);
        atexit_registered = 1;
    }
    /* ncurses takes the terminal modes and the window size from the output's descriptor:
     * it must be a terminal. */
    FILE *out = (!isatty(STDOUT_FILENO) && isatty(STDERR_FILENO)) ? stderr : stdout;
    fflush(stdout);
    screen = newterm(NULL, out, stdin);
    if (screen == NULL) return NULL;
    set_term(screen);
    end_and_resume_once();
    output_fd = fileno(out);
    active = 1;
    bracketed_paste(1);
    return stdscr;
}

void fuhe_curses_emergency_end(void) {
    if (!active) return;
    active = 0;
    bracketed_paste(0);
    endwin();
}

int fuhe_curses_suspend(void) {
    if (!active) return 0;
    /* A session leader has no job-control shell to continue it: stopping would hang it. */
    if (getsid(0) == getpid()) return 0;
    bracketed_paste(0);
    endwin();
    fflush(stdout);
    struct sigaction stop, previous_tstp;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous_tstp);
    sigset_t tstp, saved_mask;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &tstp, &saved_mask);
    /* The whole process group stops, as a shell job does (a `swift run` parent included). */
    kill(0, SIGTSTP);
    /* Here again after SIGCONT (`fg`). */
    sigprocmask(SIG_SETMASK, &saved_mask, NULL);
    sigaction(SIGTSTP, &previous_tstp, NULL);
    bracketed_paste(1);
    return 1;
}

void fuhe_curses_end(void) {
    fuhe_curses_emergency_end();
    if (screen != NULL) {
        delscreen(screen);
        screen = NULL;
    }
    fflush(stdout);
}

int fuhe_curses_active(void) { return active ? 1 : 0; }

/* ---- Globals and macros ----------------------------------------------------------- */

WINDOW *fuhe_stdscr(void) { return stdscr; }
int fuhe_colors(void) { return COLORS; }
int fuhe_color_pairs(void) { return COLOR_PAIRS; }

void fuhe_getmaxyx(WINDOW *window, int *height, int *width) {
    int y = 0, x = 0;
    if (window != NULL) getmaxyx(window, y, x);
    *height = y;
    *width = x;
}

attr_t fuhe_a_normal(void) { return A_NORMAL; }
attr_t fuhe_a_bold(void) { return A_BOLD; }
attr_t fuhe_a_reverse(void) { return A_REVERSE; }
attr_t fuhe_a_underline(void) { return A_UNDERLINE; }
attr_t fuhe_a_dim(void) { return A_DIM; }

int fuhe_wcwidth(uint32_t codepoint) { return wcwidth((wchar_t)codepoint); }

/* ---- Output byte counting --------------------------------------------------------- */

/* ncurses 6 writes frames with write(2) on the output descriptor, bypassing stdio, so a
 * wrapped FILE* sees nothing. The kernel counts what each thread hands to write(2) and how
 * many calls it made; the differences across doupdate on the drawing thread are the frame's
 * size on the wire and its writes. */
int fuhe_thread_writes(long long *bytes, long long *calls) {
    char text[512];
    int fd = open("/proc/thread-self/io", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t length = read(fd, text, sizeof text - 1);
    close(fd);
    if (length <= 0) return 0;
    text[length] = '\0';
    const char *written = strstr(text, "wchar:");
    const char *writes = strstr(text, "syscw:");
    if (written == NULL || writes == NULL) return 0;
    *bytes = strtoll(written + 6, NULL, 10);
    *calls = strtoll(writes + 6, NULL, 10);
    return 1;
}

/* ---- Terminfo and output for Fuhe's own screen writer ----------------------------- */

const char *fuhe_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

int fuhe_tigetflag(const char *name) { return tigetflag(name) > 0 ? 1 : 0; }

int fuhe_tigetnum(const char *name) {
    int value = tigetnum(name);
    return value < 0 ? -1 : value;
}

const char *fuhe_tparm(const char *capability, int a, int b) {
    if (capability == NULL) return NULL;
    return tiparm(capability, a, b);
}

int fuhe_output_fd(void) { return active ? (int)output_fd : -1; }

int fuhe_write_all(int fd, const uint8_t *bytes, size_t length) {
    int calls = 0;
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                struct pollfd wanted = { .fd = fd, .events = POLLOUT, .revents = 0 };
                if (poll(&wanted, 1, -1) < 0 && errno != EINTR) return -1;
                continue;
            }
            return -1;
        }
        calls++;
        bytes += written;
        length -= (size_t)written;
    }
    return calls;
}
