/* cli.h - what every stance-<stage> program shares: the version text,
 * usage errors, and reading an input file as checked UTF-8 text.  Program
 * side only: these print and exit. */
#ifndef STANCE_CLI_H
#define STANCE_CLI_H

#include "core/core.h"

/* Exit statuses, as the man pages document them. */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

/* The program name used in messages, e.g. "stance-tokenize". */
extern const char *cli_prog;

/* Set cli_prog, and argv[0] to it so that getopt's messages name the
 * program as ours do. */
void cli_init(char **argv, const char *prog);
void cli_version(void);
/* "PROG: MSG" and a hint to --help on stderr, then exit 2. */
void cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/* Print err as "PROG: FILE:LINE: MSG". */
void cli_error(const struct st_error *err);
/* Print "PROG: FILE:LINE: MSG" (or "PROG: MSG" when err->file is NULL) on
 * stderr. */
void st_perror(const char *prog, const struct st_error *err);

/* Read path ("-" for stdin) into buf; fail on an empty file, a NUL byte or
 * invalid UTF-8, naming the line. */
int cli_read_text(const char *path, struct st_buf *buf, struct st_error *err);

/* The article id of a path: its file name without ".txt" (or, for
 * cli_article_id_csv, without ".csv").  Caller frees. */
char *cli_article_id(const char *path);
char *cli_article_id_csv(const char *path);



/* The input operands after getopt: argv[optind..argc), or "-" when there
 * are none.  *n gets their count. */
char **cli_inputs(int argc, char **argv, int *n);

/* Print "Try 'PROG --help'..." and return EXIT_USAGE, for getopt's '?'. */
int cli_try_help(void);

/* --actors FILE, repeatable: cli_add_actors() keeps each FILE (at most
 * 64), cli_load_actors() loads the shipped dictionary and then them, in
 * order (a later file's IDs replace earlier ones), and makes it the one
 * the featurizers use.  NULL with err filled on a bad file; free the
 * result with st_actors_free() after the featurizers. */
struct st_actors;
void cli_add_actors(const char *path);
struct st_actors *cli_load_actors(struct st_error *err);
#define CLI_ACTORS_HELP \
"      --actors=FILE    more actors (pipeline/data/actors.txt's format),\n" \
"                       after the shipped ones; repeatable, a later\n" \
"                       file's IDs replace earlier ones\n"

/* A label column name for a probability: "P(label)".  Caller frees. */
char *cli_prob_column(const char *label);
struct st_quotes;
struct st_labelled;
void cli_note_dropped_labels(void);
/* --quotes FILE, repeatable: cli_add_quotes() keeps each FILE (a quotes
 * file of stance-tokenize, the articles' quotes in batches), and
 * cli_load_labelled() and cli_load_sheets() match the sheets' rows among
 * their quotes instead of extracting the articles; cli_quote_files()
 * gives them back (*n of them, none when the option was not given). */
void cli_add_quotes(const char *path);
char *const *cli_quote_files(int *n);
#define CLI_QUOTES_HELP \
"      --quotes=FILE    the articles' quotes as stance-tokenize wrote them\n" \
"                       (repeatable: one file per batch); the rows are\n" \
"                       matched among them and no article is extracted\n"
/* What stance-train and stance-eval both start with: the labels (from
 * the file labels_path, or the default four, less any that no quote has,
 * which cli_note_dropped_labels() names on stderr once the work is done),
 * then the labelled quotes of the annotation files[0..nfiles) matched
 * among the quotes of the --quotes files, or, without them, among those
 * extracted from the articles folder, with skipped rows reported on
 * stderr as they come.  labels[] gets *nlabels strings the caller frees;
 * lab holds the counts.  Returns 0 or -1 with err filled. */
int cli_load_labelled(const char *articles, const char *labels_path,
                      char *const *files, int nfiles, char **labels,
                      int *nlabels, struct st_labelled *lab,
                      struct st_quotes *qs, struct st_error *err);
/* The same for stance-train: files may also be .xlsx or .ods sheets (read
 * through LibreOffice, annotations.h), and with keep_going an article that
 * cannot be read skips its rows instead of stopping the load. */
int cli_load_sheets(const char *articles, const char *labels_path,
                    char *const *files, int nfiles, int keep_going,
                    char **labels, int *nlabels, struct st_labelled *lab,
                    struct st_quotes *qs, struct st_error *err);

/* Progress on stderr, only when stderr is a terminal and --quiet was not
 * given: "PROG: 1200 of 20000 articles, 3400/s, 5 s left" (or, without a
 * total, "PROG: 1200 quotes, 3400/s"), redrawn at most five times a
 * second and cleared at the end. */
struct cli_progress {
	int on;
	const char *unit;
	long total, done;
	double start, last;
};
void cli_progress_init(struct cli_progress *p, int quiet, const char *unit,
                       long total);
void cli_progress_step(struct cli_progress *p, long n);
void cli_progress_end(struct cli_progress *p);

#endif
