/* cli.h - what every stance-<stage> program shares: the version text,
 * usage errors, and reading an input file as checked UTF-8 text.  Program
 * side only: these print and exit. */
#ifndef STANCE_CLI_H
#define STANCE_CLI_H

#include "util.h"

/* Exit statuses, as the man pages document them. */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

/* The program name used in messages, e.g. "stance-tokenize". */
extern const char *cli_prog;

void cli_version(void);
/* "PROG: MSG" and a hint to --help on stderr, then exit 2. */
void cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/* Print err as "PROG: FILE:LINE: MSG". */
void cli_error(const struct st_error *err);

/* Read path ("-" for stdin) into buf; fail on an empty file, a NUL byte or
 * invalid UTF-8, naming the line. */
int cli_read_text(const char *path, struct st_buf *buf, struct st_error *err);

/* The article id of a path: its file name without ".txt". */
char *cli_article_id(const char *path);

#endif
