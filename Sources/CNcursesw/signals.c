/* Signal handling that always gives the terminal back. See CNcursesw.h for the contract. */
#define _GNU_SOURCE 1
#include "CNcursesw.h"

#include <errno.h>
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

static void on_tstp(int sig) { (void)sig; suspend_requested = 1; }
static void on_cont(int sig) { (void)sig; continued = 1; }

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

void fuhe_signals_install(void) {
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

void fuhe_signals_restore(void) {
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

int fuhe_input_hung_up(void) {
    struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    if (poll(&input, 1, 0) < 0) return 0;
    return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) ? 1 : 0;
}
