/* cli.c - shared program plumbing for the stance-<stage> programs. */
#include "cli.h"
#include "io/io.h"
#include "extract/extract.h"
#include "core/core.h"
#include "learn/learn.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char *cli_prog = "stance";

void cli_init(char **argv, const char *prog)
{
	cli_prog = prog;
	argv[0] = (char *)prog;
}

void cli_version(void)
{
	printf("%s (stance) %s\n", cli_prog, STANCE_VERSION);
}

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", cli_prog);
	exit(EXIT_USAGE);
}

void cli_error(const struct st_error *err)
{
	st_perror(cli_prog, err);
}

int cli_read_text(const char *path, struct st_buf *buf, struct st_error *err)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

	if (st_read_file(path, buf, err) != 0) {
		st_error_file(err, name);
		return -1;
	}
	if (buf->len == 0)
		return st_fail(err, name, 1, "empty file");
	if (st_check_text(name, buf->s, buf->len, err) != 0) {
		const char *enc = st_guess_encoding(buf->s, buf->len);
		if (enc) {
			/* the whole file is in another encoding: say which, and
			 * how to convert it */
			if (strncmp(enc, "UTF-16", 6) == 0)
				st_fail(err, name, 1, "%s text, not UTF-8: convert "
				        "it with iconv -f UTF-16 -t UTF-8 '%s' > "
				        "'%s.utf8' && mv '%s.utf8' '%s'", enc, name,
				        name, name, name);
			else
				st_fail(err, name, err->line, "invalid UTF-8, "
				        "likely %s text: convert it with iconv -f "
				        "%s -t UTF-8 '%s' > '%s.utf8' && mv '%s.utf8' "
				        "'%s'", enc, enc, name, name, name, name);
		}
		return -1;
	}
	return 0;
}

static char *strip(const char *path, const char *ext)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ext) == 0)
		n -= 4;
	return st_xstrndup(base, n);
}

char *cli_article_id(const char *path)
{
	return strip(path, ".txt");
}

char *cli_article_id_csv(const char *path)
{
	return strip(path, ".csv");
}

char **cli_inputs(int argc, char **argv, int *n)
{
	static char *dash[] = { "-", NULL };

	if (optind < argc) {
		*n = argc - optind;
		return argv + optind;
	}
	*n = 1;
	return dash;
}

int cli_try_help(void)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", cli_prog);
	return EXIT_USAGE;
}

char *cli_prob_column(const char *label)
{
	struct st_buf b = ST_BUF_INIT;

	st_buf_addf(&b, "P(%s)", label);
	return st_buf_detach(&b);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_init(struct cli_progress *p, int quiet, const char *unit,
                       long total)
{
	p->on = !quiet && isatty(STDERR_FILENO);
	p->unit = unit;
	p->total = total;
	p->done = 0;
	p->start = p->last = now();
}

static void draw(struct cli_progress *p, double t)
{
	double rate = t > p->start ? p->done / (t - p->start) : 0;

	if (p->total > 0)
		fprintf(stderr, "\r%s: %ld of %ld %s, %.0f/s, %.0f s left \033[K",
		        cli_prog, p->done, p->total, p->unit, rate,
		        rate > 0 ? (p->total - p->done) / rate : 0);
	else
		fprintf(stderr, "\r%s: %ld %s, %.0f/s \033[K", cli_prog, p->done,
		        p->unit, rate);
}

void cli_progress_step(struct cli_progress *p, long n)
{
	double t;

	p->done += n;
	if (!p->on)
		return;
	t = now();
	/* the first step is always drawn, then five times a second */
	if (p->done > n && t - p->last < 0.2)
		return;
	p->last = t;
	draw(p, t);
}

void cli_progress_end(struct cli_progress *p)
{
	if (!p->on || !p->done)
		return;		/* nothing was drawn */
	fputs("\r\033[K", stderr);
}

/* Default labels that no quote had, for cli_note_dropped_labels(). */
static char *dropped[ST_MAX_LABELS];
static int ndropped;

void cli_note_dropped_labels(void)
{
	int k;

	for (k = 0; k < ndropped; k++) {
		fprintf(stderr, "%s: no quote is labelled '%s': the model "
		        "leaves that label out\n", cli_prog, dropped[k]);
		free(dropped[k]);
	}
	ndropped = 0;
}

static void warn(const struct st_error *err, void *arg)
{
	(void)arg;
	cli_error(err);
}

int cli_load_labelled(const char *articles, const char *labels_path,
                      char *const *files, int nfiles, char **labels,
                      int *nlabels, struct st_labelled *lab,
                      struct st_quotes *qs, struct st_error *err)
{
	return cli_load_sheets(articles, labels_path, files, nfiles, 0, labels,
	                       nlabels, lab, qs, err);
}

/* --quotes FILE, repeatable. */
static char **quote_files;
static int nquote_files;

void cli_add_quotes(const char *path)
{
	quote_files = st_xrealloc(quote_files, (size_t)(nquote_files + 1) *
	                          sizeof *quote_files);
	quote_files[nquote_files++] = (char *)path;
}

char *const *cli_quote_files(int *n)
{
	*n = nquote_files;
	return quote_files;
}

int cli_load_sheets(const char *articles, const char *labels_path,
                    char *const *files, int nfiles, int keep_going,
                    char **labels, int *nlabels, struct st_labelled *lab,
                    struct st_quotes *qs, struct st_error *err)
{
	struct st_buf data = ST_BUF_INIT;
	int i, rc = -1;

	memset(lab, 0, sizeof *lab);
	*nlabels = 0;
	if (labels_path) {
		if (cli_read_text(labels_path, &data, err))
			goto out;
		*nlabels = st_labels_parse(labels_path, data.s, labels, err);
	} else {
		*nlabels = st_labels_parse("pipeline/data/labels.txt",
		                           st_data_labels, labels, err);
	}
	if (*nlabels < 0) {
		*nlabels = 0;
		goto out;
	}
	lab->articles_dir = articles;
	lab->labels = labels;
	lab->nlabels = *nlabels;
	lab->keep_going = keep_going;
	lab->warn = warn;
	for (i = 0; i < nquote_files; i++)
		if (st_labelled_add_quotes(lab, quote_files[i], err))
			goto out;
	if (st_labelled_load_files(lab, files, nfiles, qs, err))
		goto out;
	/* A default label that no quote has is left out (said on stderr),
	 * so that a corpus labelled with fewer of them still trains; a
	 * label given with --labels must be there. */
	if (!labels_path)
		lab->nlabels = *nlabels = st_labels_drop_unused(labels, *nlabels,
		                                                qs, dropped,
		                                                &ndropped);
	rc = 0;
out:
	st_labelled_finish(lab);
	st_buf_finish(&data);
	return rc;
}

static const char *actor_files[64];
static int nactor_files;

void cli_add_actors(const char *path)
{
	if (nactor_files == 64)
		cli_usage_error("more than 64 --actors files");
	actor_files[nactor_files++] = path;
}

struct st_actors *cli_load_actors(struct st_error *err)
{
	struct st_actors *a = st_actors_new();
	int i;

	if (st_actors_load_default(a, err))
		goto fail;
	for (i = 0; i < nactor_files; i++)
		if (st_actors_load_file(a, actor_files[i], err))
			goto fail;
	st_featurizer_actors(a);
	return a;
fail:
	st_actors_free(a);
	return NULL;
}

void st_perror(const char *prog, const struct st_error *err)
{
	/* A whole-file error (cannot open, empty) is reported at line 1, so
	 * that every message has the same FILE:LINE shape for editors and
	 * scripts. */
	if (err->file)
		fprintf(stderr, "%s: %s:%ld: %s\n", prog, err->file,
		        err->line > 0 ? err->line : 1, err->msg);
	else
		fprintf(stderr, "%s: %s\n", prog, err->msg);
}
