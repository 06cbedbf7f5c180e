/* Functions wrapping ncurses macros and globals that Swift cannot import (function-like macros,
   and C globals such as stdscr/LINES/COLS that Swift 6 rejects as shared mutable state), plus the
   async-signal-safe terminal restoration used on signals and crashes. */
#ifndef CTERMSHIM_H
#define CTERMSHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <wchar.h>
#include <ncursesw/curses.h>

WINDOW *ts_stdscr(void);
int ts_lines(void);
int ts_cols(void);
int ts_color_pairs(void);
int ts_colors(void);
void ts_getmaxyx(WINDOW *w, int *y, int *x);

int ts_color_pair(int n);
int ts_a_bold(void);
int ts_a_underline(void);
int ts_a_reverse(void);
int ts_a_dim(void);
int ts_a_normal(void);

unsigned long ts_all_mouse_events(void);
unsigned long ts_report_mouse_position(void);
unsigned long ts_button1_pressed(void);
unsigned long ts_button1_released(void);
unsigned long ts_button1_clicked(void);
unsigned long ts_button3_pressed(void);
unsigned long ts_button4_pressed(void);
unsigned long ts_button5_pressed(void);

/* Builds a cchar_t from up to CCHARW_MAX-1 wide characters (zero terminated), attributes and pair. */
int ts_set_cchar(cchar_t *out, const wchar_t *wch, int attrs, int pair);
int ts_mvadd_wch(int y, int x, const cchar_t *c);
/* Writes bytes straight to fd 1 (escape sequences ncurses does not know about). */
void ts_write_raw(const char *s);
/* 1 when the current locale's codeset is UTF-8. */
int ts_locale_is_utf8(void);

/* Terminal restoration on signals: install once; arm while curses is active, disarm after endwin. */
void ts_install_restore_handlers(void);
void ts_set_restore_armed(int armed);
/* Suspend (Ctrl-Z in raw mode): leaves curses, stops the process, and returns after SIGCONT. */
void ts_suspend(void);
/* Chains a SIGWINCH handler after ncurses' own (so KEY_RESIZE still works) that also writes a byte
   to a non-blocking pipe, letting an input-watching thread wake up. Returns the pipe's read end or -1. */
int ts_install_winch_notifier(void);
/* Waits up to timeout_ms for fd 0 or the notifier pipe to be readable: 1 input, 2 resize,
   3 input closed (hang-up), 0 timeout. */
int ts_wait_input(int notifier_fd, int timeout_ms);
#endif
