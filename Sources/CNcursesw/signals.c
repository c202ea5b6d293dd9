/* Signal handling that always gives the terminal back. See CNcursesw.h for the contract. */
#define _GNU_SOURCE 1
#include "CNcursesw.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>

static const int termination_signals[] = { SIGTERM, SIGHUP, SIGINT };
static const int fatal_signals[] = { SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS };
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static struct sigaction previous[NSIG];
static volatile sig_atomic_t replaced[NSIG];
static volatile sig_atomic_t requested = 0;
static volatile sig_atomic_t suspend_requested = 0;
static volatile sig_atomic_t continued = 0;

/* The self-pipe: every handler that asks the run loop to act writes one byte to it, so a
 * loop waiting in fuhe_wait_input wakes at once, whichever thread the signal was delivered to.
 * Both ends are non-blocking (a full pipe already says "wake"), close-on-exec, and open for the
 * life of the process. */
static int wake_pipe[2] = { -1, -1 };

/* async-signal-safe: write(2) only, errno kept. */
static void wake(void) {
    if (wake_pipe[1] < 0) return;
    int saved_errno = errno;
    char byte = 1;
    ssize_t ignored = write(wake_pipe[1], &byte, 1);
    (void)ignored;
    errno = saved_errno;
}

static void on_tstp(int sig) { (void)sig; suspend_requested = 1; wake(); }
static void on_cont(int sig) { (void)sig; continued = 1; wake(); }

/* SIGWINCH: ncurses' own handler (installed by newterm) notes the resize and wget_wch returns
 * KEY_RESIZE; this one runs it, then wakes the run loop. */
static struct sigaction resize_chain;
static void on_resize(int sig, siginfo_t *info, void *context) {
    if (resize_chain.sa_flags & SA_SIGINFO) {
        if (resize_chain.sa_sigaction != NULL) resize_chain.sa_sigaction(sig, info, context);
    } else if (resize_chain.sa_handler != SIG_DFL && resize_chain.sa_handler != SIG_IGN && resize_chain.sa_handler != NULL) {
        resize_chain.sa_handler(sig);
    }
    wake();
}

static void put_back(int sig) {
    if (replaced[sig]) {
        sigaction(sig, &previous[sig], NULL);
        replaced[sig] = 0;
    }
}

/* First termination signal: record it and return; the run loop polls and exits cleanly.
 * A second one means the program did not stop: restore the terminal and let the previous
 * disposition act (the signal is blocked in here, so it is delivered on return). */
static void on_termination(int sig) {
    if (requested == 0) {
        requested = sig;
        wake();
        return;
    }
    int saved_errno = errno;
    put_back(sig);
    fuhe_curses_emergency_end();
    raise(sig);
    errno = saved_errno;
}

/* Fatal signal: put the previous disposition back first (a fault inside endwin then ends
 * the process instead of looping), restore the terminal, then re-deliver. A fault raised by
 * the kernel is re-delivered by returning: the faulting instruction runs again. */
static void on_fatal(int sig, siginfo_t *info, void *context) {
    (void)context;
    int saved_errno = errno;
    put_back(sig);
    fuhe_curses_emergency_end();
    if (info == NULL || info->si_code <= 0 || sig == SIGTRAP) raise(sig);
    errno = saved_errno;
}

static void install_handler(int sig, void (*handler)(int)) {
    struct sigaction action, old;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    if (sigaction(sig, NULL, &old) != 0) return;
    if (old.sa_handler == SIG_IGN && !(old.sa_flags & SA_SIGINFO)) return;
    previous[sig] = old;
    replaced[sig] = 1;
    sigaction(sig, &action, NULL);
}

static void install(int sig, int fatal) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    if (fatal) {
        action.sa_sigaction = on_fatal;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    } else {
        action.sa_handler = on_termination;
        action.sa_flags = SA_RESTART;
    }
    struct sigaction old;
    if (sigaction(sig, NULL, &old) != 0) return;
    if (!fatal && old.sa_handler == SIG_IGN && !(old.sa_flags & SA_SIGINFO)) return;
    previous[sig] = old;
    replaced[sig] = 1;
    sigaction(sig, &action, NULL);
}

static void open_wake_pipe(void) {
    if (wake_pipe[0] >= 0) return;
    int ends[2];
    if (pipe2(ends, O_NONBLOCK | O_CLOEXEC) != 0) return;
    wake_pipe[0] = ends[0];
    wake_pipe[1] = ends[1];
}

/* Reads every byte the handlers wrote (they only say "look at the flags"). */
static void drain_wake_pipe(void) {
    if (wake_pipe[0] < 0) return;
    char bytes[64];
    while (read(wake_pipe[0], bytes, sizeof bytes) > 0) {}
}

void fuhe_signals_install(void) {
    open_wake_pipe();
    drain_wake_pipe();
    requested = 0;
    suspend_requested = 0;
    continued = 0;
    if (!replaced[SIGTSTP]) install_handler(SIGTSTP, on_tstp);
    if (!replaced[SIGCONT]) install_handler(SIGCONT, on_cont);
    for (size_t i = 0; i < COUNT(termination_signals); i++)
        if (!replaced[termination_signals[i]]) install(termination_signals[i], 0);
    for (size_t i = 0; i < COUNT(fatal_signals); i++)
        if (!replaced[fatal_signals[i]]) install(fatal_signals[i], 1);
}

void fuhe_signals_follow_resize(void) {
    if (replaced[SIGWINCH]) return;
    struct sigaction action, old;
    if (sigaction(SIGWINCH, NULL, &old) != 0) return;
    resize_chain = old;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = on_resize;
    /* ncurses leaves SA_RESTART off for SIGWINCH (a blocking read returns for the resize): so do we. */
    action.sa_flags = SA_SIGINFO | (old.sa_flags & SA_RESTART);
    previous[SIGWINCH] = old;
    replaced[SIGWINCH] = 1;
    sigaction(SIGWINCH, &action, NULL);
}

int fuhe_wait_input(int input_fd, int timeout_ms) {
    struct pollfd fds[2] = {
        { .fd = input_fd, .events = POLLIN, .revents = 0 },
        { .fd = wake_pipe[0], .events = POLLIN, .revents = 0 },
    };
    int count = wake_pipe[0] >= 0 ? 2 : 1;
    /* No pipe (it could not be made): look at the flags every 50 ms, as before it existed. */
    int capped = count == 1 && (timeout_ms < 0 || timeout_ms > 50);
    int ready = poll(fds, (nfds_t)count, capped ? 50 : timeout_ms < 0 ? -1 : timeout_ms);
    if (ready < 0) return errno == EINTR ? FUHE_WAIT_WOKEN : FUHE_WAIT_TIMEOUT;
    if (ready == 0 && capped) return FUHE_WAIT_WOKEN;
    int result = FUHE_WAIT_TIMEOUT;
    if (fds[0].revents & POLLIN) result |= FUHE_WAIT_INPUT;
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) result |= FUHE_WAIT_HUNG_UP;
    if (count == 2 && fds[1].revents) {
        drain_wake_pipe();
        result |= FUHE_WAIT_WOKEN;
    }
    return result;
}

void fuhe_signals_restore(void) {
    put_back(SIGWINCH);
    put_back(SIGTSTP);
    put_back(SIGCONT);
    for (size_t i = 0; i < COUNT(termination_signals); i++) put_back(termination_signals[i]);
    for (size_t i = 0; i < COUNT(fatal_signals); i++) put_back(fatal_signals[i]);
}

int fuhe_termination_signal(void) { return requested; }

int fuhe_take_suspend_request(void) {
    int value = suspend_requested;
    suspend_requested = 0;
    return value;
}

int fuhe_take_continued(void) {
    int value = continued;
    continued = 0;
    return value;
}

void fuhe_note_hangup(void) {
    if (requested == 0) requested = SIGHUP;
}
