/* stance-train: labelled quotes (annotation CSVs + their articles) -> a
 * model folder. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "csvio.h"
#include "data.h"
#include "extract.h"
#include "feature.h"
#include "model.h"
#include "strmap.h"

static const char usage[] =
"Usage: stance-train -a ARTICLES [OPTION]... ANNOTATIONS...\n"
"Train a stance model from labelled quotes and write it to a model folder.\n"
"Each ANNOTATIONS file is a CSV with at least the columns article, quote\n"
"and stance (speaker and role may follow; a spreadsheet's byte order mark\n"
"and CRLF line ends are fine).  article names ARTICLES/<article>.txt;\n"
"quote is the text inside the quotation marks.  Each quote is found in\n"
"its article with stance-tokenize's extractor, so that training sees the\n"
"same speaker, role and context as prediction will.  Rows with an empty\n"
"stance are skipped (and counted); a quote that is not found is reported\n"
"and skipped; an unknown stance is an error.\n"
"\n"
"  -a, --articles=DIR   the articles folder (corpus/articles)\n"
"  -o, --output=DIR     the model folder to write (default: models)\n"
"  -l, --labels=FILE    the labels, one per line (default: the three\n"
"                       camps: pro-Russia opposition, government,\n"
"                       Western-leaning analyst)\n"
"  -g, --groups=LIST    feature groups, comma-separated, of: words,\n"
"                       bigrams, chars, context, role, lexicon\n"
"                       (default: words,bigrams,context,role,lexicon)\n"
"  -C, --cost=C         the SVM's C (default: chosen by cross-validation)\n"
"  -s, --seed=N         seed for libsvm's random numbers (default: 1)\n"
"  -q, --quiet          no progress on stderr\n"
"  -h, --help           display this help and exit\n"
"  -V, --version        output version information and exit\n"
"\n"
"The same annotations and options give a byte-identical model folder.\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

struct article {
	struct st_quotes qs;
	char *used;		/* per extracted quote: taken by a row */
	int missing;
};

struct ctx {
	const char *path;
	const char *articles_dir;
	char **labels;
	int nlabels;
	int col_article, col_quote, col_stance;
	int header;
	long skipped, not_found;
	struct st_map ids;	/* article id -> index into arts */
	struct article *arts;
	size_t narts;
	struct st_quotes out;	/* labelled quotes to train on */
	struct st_extractor *x;
	struct st_tokenizer *tk;
	struct st_buf text;
};

/* The text of a quote as compared: white space collapsed, and the
 * punctuation at either end dropped, so that "We stay," and "We stay"
 * are the same quote. */
static char *norm(const char *s)
{
	struct st_buf b = ST_BUF_INIT;
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			st_buf_addc(&b, ' ');
		space = 0;
		st_buf_addc(&b, *s);
	}
	while (b.len && strchr(".,;:!?", b.s[b.len - 1]))
		b.s[--b.len] = '\0';
	{
		size_t i = 0;
		while (i < b.len && strchr(".,;:!? ", b.s[i]))
			i++;
		memmove(b.s ? b.s : "", b.s ? b.s + i : "", b.len - i + 1);
		b.len -= i;
	}
	return st_buf_detach(&b);
}

static struct article *load_article(struct ctx *c, const char *id, long line)
{
	int *slot = st_map_put(&c->ids, id, (int)c->narts);
	struct article *a;
	struct st_error err = { 0 };
	struct st_buf path = ST_BUF_INIT;

	if (*slot != (int)c->narts)
		return &c->arts[*slot];
	c->arts = st_xrealloc(c->arts, (c->narts + 1) * sizeof *c->arts);
	a = &c->arts[c->narts++];
	memset(a, 0, sizeof *a);
	st_quotes_init(&a->qs);
	st_buf_addf(&path, "%s/%s.txt", c->articles_dir, id);
	if (cli_read_text(path.s, &c->text, &err)) {
		fprintf(stderr, "%s: %s:%ld: article '%s' skipped: ", cli_prog,
		        c->path, line, id);
		st_perror("", &err);
		a->missing = 1;
	} else {
		st_extract(c->x, c->tk, id, c->text.s, c->text.len, &a->qs);
		a->used = st_xcalloc(a->qs.n ? a->qs.n : 1, 1);
	}
	st_buf_finish(&path);
	return a;
}

static int on_row(const struct st_csv_row *r, void *vc, struct st_error *err)
{
	struct ctx *c = vc;
	const char *id, *quote, *stance;
	struct article *a;
	char *want;
	size_t k;
	int found = -1;

	if (!c->header) {
		c->col_article = st_csv_col(r, "article");
		c->col_quote = st_csv_col(r, "quote");
		c->col_stance = st_csv_col(r, "stance");
		if (c->col_article < 0 || c->col_quote < 0 || c->col_stance < 0)
			return st_fail(err, c->path, r->line, "missing column: "
			               "need article, quote and stance");
		c->header = 1;
		return 0;
	}
	if ((int)r->n <= c->col_article || (int)r->n <= c->col_quote ||
	    (int)r->n <= c->col_stance)
		return st_fail(err, c->path, r->line, "too few fields (%zu)",
		               r->n);
	id = r->field[c->col_article];
	quote = r->field[c->col_quote];
	stance = r->field[c->col_stance];
	if (!stance[0]) {
		c->skipped++;
		return 0;
	}
	if (st_label_index(c->labels, c->nlabels, stance) < 0)
		return st_fail(err, c->path, r->line, "unknown label '%s'",
		               stance);
	if (!id[0] || strchr(id, '/'))
		return st_fail(err, c->path, r->line, "bad article id '%s'", id);
	a = load_article(c, id, r->line);
	if (a->missing) {
		c->not_found++;
		return 0;
	}
	want = norm(quote);
	for (k = 0; k < a->qs.n && found < 0; k++) {
		char *have;
		if (a->used[k])
			continue;
		have = norm(a->qs.q[k].text);
		if (strcmp(have, want) == 0)
			found = (int)k;
		free(have);
	}
	free(want);
	if (found < 0) {
		fprintf(stderr, "%s: %s:%ld: quote not found in article '%s'\n",
		        cli_prog, c->path, r->line, id);
		c->not_found++;
		return 0;
	}
	a->used[found] = 1;
	{
		const struct st_quote *src = &a->qs.q[found];
		struct st_quote *q = st_quotes_add(&c->out);

		q->id = src->id;
		q->start = src->start;
		q->end = src->end;
		q->kind = src->kind;
		q->paragraph = src->paragraph;
		st_set(&q->article, src->article, strlen(src->article));
		st_set(&q->speaker, src->speaker, strlen(src->speaker));
		st_set(&q->role, src->role, strlen(src->role));
		st_set(&q->text, src->text, strlen(src->text));
		st_set(&q->context, src->context, strlen(src->context));
		st_set(&q->tokens, src->tokens, strlen(src->tokens));
		st_set(&q->stance, stance, strlen(stance));
	}
	return 0;
}

struct progress {
	time_t start;
};

static void show_progress(int done, int total, void *arg)
{
	struct progress *p = arg;
	double spent = difftime(time(NULL), p->start);
	double left = done ? spent / done * (total - done) : 0;

	fprintf(stderr, "\r%s: grid point %d of %d, about %.0f s left ",
	        cli_prog, done, total, left);
	if (done == total)
		fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "articles", required_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		{ "labels", required_argument, NULL, 'l' },
		{ "groups", required_argument, NULL, 'g' },
		{ "cost", required_argument, NULL, 'C' },
		{ "seed", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *outdir = "models", *labels_path = NULL;
	struct st_train_opts topts;
	struct progress prog;
	struct ctx c;
	struct st_error err = { 0 };
	struct st_buf data = ST_BUF_INIT;
	char *labels[ST_MAX_LABELS];
	int ch, i, k, rc = EXIT_DATA, nlabels = 0, quiet = 0;
	long v;

	cli_init(argv, "stance-train");
	memset(&c, 0, sizeof c);
	st_train_opts_init(&topts);
	while ((ch = getopt_long(argc, argv, "a:o:l:g:C:s:qhV", opts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'a': c.articles_dir = optarg; break;
		case 'o': outdir = optarg; break;
		case 'l': labels_path = optarg; break;
		case 'g':
			if (st_groups_parse(optarg, &topts.groups))
				cli_usage_error("bad feature groups '%s'", optarg);
			break;
		case 'C':
			if (st_parse_double(optarg, &topts.C) || topts.C <= 0)
				cli_usage_error("bad C '%s'", optarg);
			break;
		case 's':
			if (st_parse_long(optarg, &v) || v < 0 || v > 2147483647L)
				cli_usage_error("bad seed '%s'", optarg);
			topts.seed = (unsigned)v;
			break;
		case 'q': quiet = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (!c.articles_dir)
		cli_usage_error("no articles folder (-a ARTICLES)");
	if (optind == argc)
		cli_usage_error("no annotations file");
	if (labels_path) {
		if (cli_read_text(labels_path, &data, &err))
			goto fail;
		nlabels = st_labels_parse(labels_path, data.s, labels, &err);
	} else {
		nlabels = st_labels_parse("pipeline/data/labels.txt",
		                          st_data_labels, labels, &err);
	}
	if (nlabels < 0)
		goto fail;
	c.labels = labels;
	c.nlabels = nlabels;
	st_map_init(&c.ids);
	st_quotes_init(&c.out);
	st_out_install_signals();
	c.x = st_extractor_new(&err);
	c.tk = c.x ? st_tokenizer_new(&err) : NULL;
	if (!c.tk)
		goto fail;
	for (i = optind; i < argc; i++) {
		c.path = argv[i];
		c.header = 0;
		if (st_read_file(argv[i], &data, &err)) {
			err.file = argv[i];
			goto fail;
		}
		if (data.len == 0) {
			st_fail(&err, argv[i], 1, "empty file");
			goto fail;
		}
		if (st_check_text(argv[i], data.s, data.len, &err) ||
		    st_csv_parse(argv[i], data.s, data.len, on_row, &c, &err))
			goto fail;
		if (!c.header) {
			st_fail(&err, argv[i], 1, "no header row");
			goto fail;
		}
	}
	if (c.skipped)
		fprintf(stderr, "%s: %ld rows without a stance skipped\n",
		        cli_prog, c.skipped);
	if (c.not_found)
		fprintf(stderr, "%s: %ld rows whose quote was not found "
		        "skipped\n", cli_prog, c.not_found);
	prog.start = time(NULL);
	if (!quiet && isatty(STDERR_FILENO)) {
		topts.progress = show_progress;
		topts.progress_arg = &prog;
	}
	if (st_train(&c.out, labels, nlabels, &topts, outdir, &err))
		goto fail;
	rc = EXIT_OK;
	goto out;
fail:
	cli_error(&err);
out:
	for (k = 0; k < nlabels; k++)
		free(labels[k]);
	for (i = 0; i < (int)c.narts; i++) {
		st_quotes_finish(&c.arts[i].qs);
		free(c.arts[i].used);
	}
	free(c.arts);
	st_map_finish(&c.ids);
	st_quotes_finish(&c.out);
	st_buf_finish(&c.text);
	st_buf_finish(&data);
	st_tokenizer_free(c.tk);
	st_extractor_free(c.x);
	return rc;
}
