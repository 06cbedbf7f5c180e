#include "CTermShim.h"
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

WINDOW *ts_stdscr(void) { return stdscr; }
int ts_lines(void) { return LINES; }
int ts_cols(void) { return COLS; }
int ts_color_pairs(void) { return COLOR_PAIRS; }
int ts_colors(void) { return COLORS; }
void ts_getmaxyx(WINDOW *w, int *y, int *x) { int a, b; getmaxyx(w, a, b); *y = a; *x = b; }

int ts_color_pair(int n) { return (int)COLOR_PAIR(n); }
int ts_a_bold(void) { return (int)A_BOLD; }
int ts_a_underline(void) { return (int)A_UNDERLINE; }
int ts_a_reverse(void) { return (int)A_REVERSE; }
int ts_a_dim(void) { return (int)A_DIM; }
int ts_a_normal(void) { return (int)A_NORMAL; }

unsigned long ts_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
unsigned long ts_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
unsigned long ts_button1_pressed(void) { return BUTTON1_PRESSED; }
unsigned long ts_button1_released(void) { return BUTTON1_RELEASED; }
unsigned long ts_button1_clicked(void) { return BUTTON1_CLICKED; }
unsigned long ts_button3_pressed(void) { return BUTTON3_PRESSED; }
unsigned long ts_button4_pressed(void) { return BUTTON4_PRESSED; }
unsigned long ts_button5_pressed(void) { return BUTTON5_PRESSED; }

int ts_set_cchar(cchar_t *out, const wchar_t *wch, int attrs, int pair) {
    return setcchar(out, wch, (attr_t)attrs, (short)pair, NULL);
}
int ts_mvadd_wch(int y, int x, const cchar_t *c) { return mvadd_wch(y, x, c); }

void ts_write_raw(const char *s) { (void)!write(1, s, strlen(s)); }

int ts_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Sequences that turn off bracketed paste and mouse reporting, and leave the alternate screen. */
static const char ts_reset_modes[] = "\033[?2004l\033[?1006l\033[?1002l\033[?1000l\033[?1049l\033[?25h";
static volatile sig_atomic_t ts_armed = 0;

static void ts_restore_handler(int sig) {
    if (ts_armed) {
        ts_armed = 0;
        /* endwin is not on the POSIX async-signal-safe list, but it is what htop (CRT.c) does and it
           restores the tty modes (raw/noecho) that write() alone cannot. The raw mode reset is written
           first with write(2), which is safe, so the user gets a usable screen even if endwin fails. */
        (void)!write(1, ts_reset_modes, sizeof ts_reset_modes - 1);
        endwin();
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void ts_install_restore_handlers(void) {
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ts_restore_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
}

void ts_set_restore_armed(int armed) { ts_armed = armed ? 1 : 0; }

void ts_suspend(void) {
    ts_armed = 0;
    (void)!write(1, "\033[?2004l", 8);
    endwin();
    /* Stop here, synchronously. The caller may be a runtime thread that blocks SIGTSTP (raise()
       would leave it pending); a process-directed kill() is taken later by another thread, and
       ncurses' own SIGTSTP handler re-sends it that way and re-arms itself before it lands, so
       the stop can be lost. With the default action and the signal unblocked on this thread,
       raise() stops the whole process before it returns; SIGCONT resumes it right here. */
    struct sigaction stop_now, previous;
    memset(&stop_now, 0, sizeof stop_now);
    stop_now.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, &stop_now, &previous);
    sigset_t tstp, saved;
    sigemptyset(&tstp);
    sigaddset(&tstp, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &tstp, &saved);
    raise(SIGTSTP);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    sigaction(SIGTSTP, &previous, NULL);
    /* Resumed (SIGCONT): curses restores its modes on the next refresh. */
    ts_armed = 1;
    (void)!write(1, "\033[?2004h", 8);
    refresh();   /* also re-enables the mouse mode curses chose */
}

#include <errno.h>
#include <fcntl.h>
#include <poll.h>

static struct sigaction ts_prev_winch;
static int ts_winch_pipe[2] = { -1, -1 };

static void ts_winch(int sig) {
    int saved = errno;
    if (ts_prev_winch.sa_handler != SIG_DFL && ts_prev_winch.sa_handler != SIG_IGN && ts_prev_winch.sa_handler != NULL)
        ts_prev_winch.sa_handler(sig);
    if (ts_winch_pipe[1] >= 0) (void)!write(ts_winch_pipe[1], "w", 1);
    errno = saved;
}

int ts_install_winch_notifier(void) {
    if (ts_winch_pipe[0] >= 0) return ts_winch_pipe[0];
    if (pipe(ts_winch_pipe) != 0) return -1;
    fcntl(ts_winch_pipe[0], F_SETFL, O_NONBLOCK);
    fcntl(ts_winch_pipe[1], F_SETFL, O_NONBLOCK);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ts_winch;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, &ts_prev_winch);
    return ts_winch_pipe[0];
}

int ts_wait_input(int notifier_fd, int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = 0; fds[0].events = POLLIN; fds[0].revents = 0;
    fds[1].fd = notifier_fd; fds[1].events = POLLIN; fds[1].revents = 0;
    int n = poll(fds, notifier_fd >= 0 ? 2 : 1, timeout_ms);
    if (n <= 0) return 0;
    if (notifier_fd >= 0 && (fds[1].revents & POLLIN)) {
        char buf[64];
        while (read(notifier_fd, buf, sizeof buf) > 0) {}
        return 2;
    }
    if (fds[0].revents & POLLIN) return 1;
    return (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) ? 3 : 0;
}
