/* stance-report: quotes + predictions -> quotes.csv, articles.csv and
 * speakers.csv. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "csvio.h"
#include "model.h"
#include "quote.h"
#include "strmap.h"

static const char usage[] =
"Usage: stance-report [OPTION]... QUOTES PREDICTIONS [QUOTES PREDICTIONS]...\n"
"Join each QUOTES file (from stance-tokenize) with its PREDICTIONS file\n"
"(from stance-classify, one row per quote in the same order) and write\n"
"three reports into the folder DIR:\n"
"  quotes.csv    one row per quote: article,quote_id,paragraph,start,end,\n"
"                kind,speaker,role,quote,stance,confidence, then P(label)\n"
"                for every label and review (1 when confidence < 0.5)\n"
"  articles.csv  per article: the number of quotes, and per label\n"
"  speakers.csv  per speaker: role, articles, quotes, quotes per label,\n"
"                and the majority label\n"
"Text cells that a spreadsheet would run as a formula (=, +, -, @, tab,\n"
"CR first) start with an apostrophe; start and end give the raw text.\n"
"\n"
"  -d, --dir=DIR      the reports folder (default: reports)\n"
"      --todo=FILE    instead of the reports, write a labelling sheet:\n"
"                     article,quote,speaker,role,stance,suggested,confidence\n"
"                     with stance empty and the least confident first\n"
"      --excel        UTF-8 byte order mark and CRLF line ends, for Excel\n"
"  -h, --help         display this help and exit\n"
"  -V, --version      output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

struct row {
	const struct st_quote *q;
	int label;
	double conf;
	double prob[ST_MAX_LABELS];
	size_t order;
};

struct preds {
	const char *path;
	char *labels[ST_MAX_LABELS];
	int nlabels;
	struct row *rows;
	size_t n, cap;
	int header;
};

struct report {
	char *labels[ST_MAX_LABELS];
	int nlabels;
	struct row *rows;
	size_t n, cap;
	char **articles;	/* every article, with or without quotes */
	size_t narticles;
};

static int pred_row(const struct st_csv_row *r, void *ctx,
                    struct st_error *err)
{
	struct preds *p = ctx;
	struct row *row;
	int k;

	if (!p->header) {
		if (r->n < 4 || strcmp(r->field[0], "stance") ||
		    strcmp(r->field[1], "confidence"))
			return st_fail(err, p->path, r->line,
			               "not a predictions file (expected "
			               "stance,confidence,P(...)...)");
		for (k = 2; k < (int)r->n; k++) {
			size_t n = strlen(r->field[k]);
			if (k - 2 >= ST_MAX_LABELS || n < 4 ||
			    strncmp(r->field[k], "P(", 2) ||
			    r->field[k][n - 1] != ')')
				return st_fail(err, p->path, r->line,
				               "bad column '%s'", r->field[k]);
			p->labels[p->nlabels++] = st_xstrndup(r->field[k] + 2,
			                                      n - 3);
		}
		p->header = 1;
		return 0;
	}
	if ((int)r->n != p->nlabels + 2)
		return st_fail(err, p->path, r->line, "expected %d fields, "
		               "found %zu", p->nlabels + 2, r->n);
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->rows = st_xrealloc(p->rows, p->cap * sizeof *p->rows);
	}
	row = &p->rows[p->n];
	memset(row, 0, sizeof *row);
	row->label = st_label_index(p->labels, p->nlabels, r->field[0]);
	if (row->label < 0)
		return st_fail(err, p->path, r->line, "unknown label '%s'",
		               r->field[0]);
	if (st_parse_double(r->field[1], &row->conf) || row->conf < 0 ||
	    row->conf > 1)
		return st_fail(err, p->path, r->line, "bad confidence '%s'",
		               r->field[1]);
	for (k = 0; k < p->nlabels; k++)
		if (st_parse_double(r->field[k + 2], &row->prob[k]) ||
		    row->prob[k] < 0 || row->prob[k] > 1)
			return st_fail(err, p->path, r->line,
			               "bad probability '%s'", r->field[k + 2]);
	p->n++;
	return 0;
}

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = strcmp(x->q->article, y->q->article);

	if (c)
		return c;
	if (x->q->start != y->q->start)
		return x->q->start < y->q->start ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void header(struct st_csv_writer *w, const struct report *r,
                   const char *const *first, int with_p)
{
	int k;

	for (; *first; first++)
		st_csv_put(w, *first);
	for (k = 0; k < r->nlabels; k++) {
		if (with_p) {
			char *col = cli_prob_column(r->labels[k]);
			st_csv_put(w, col);
			free(col);
		} else {
			st_csv_put(w, r->labels[k]);
		}
	}
}

static void write_quotes(FILE *fp, const struct report *r, int excel)
{
	static const char *const cols[] = { "article", "quote_id",
		"paragraph", "start", "end", "kind", "speaker", "role", "quote",
		"stance", "confidence", NULL };
	struct st_csv_writer w;
	size_t i;
	int k;

	st_csv_writer_init(&w, fp, excel, 1);
	header(&w, r, cols, 1);
	st_csv_put(&w, "review");
	st_csv_endrow(&w);
	for (i = 0; i < r->n; i++) {
		const struct row *row = &r->rows[i];
		const struct st_quote *q = row->q;
		char id[32];

		snprintf(id, sizeof id, "q%d", q->id);
		st_csv_put(&w, q->article);
		st_csv_putraw(&w, id);
		st_csv_putl(&w, q->paragraph);
		st_csv_putl(&w, (long)q->start);
		st_csv_putl(&w, (long)q->end);
		st_csv_putraw(&w, q->kind == ST_FULL ? "full" : "partial");
		st_csv_put(&w, q->speaker);
		st_csv_put(&w, q->role);
		st_csv_put(&w, q->text);
		st_csv_putraw(&w, r->labels[row->label]);
		st_csv_putd(&w, row->conf, 4);
		for (k = 0; k < r->nlabels; k++)
			st_csv_putd(&w, row->prob[k], 4);
		st_csv_putl(&w, row->conf < 0.5);
		st_csv_endrow(&w);
	}
}

static void write_articles(FILE *fp, const struct report *r, int excel)
{
	static const char *const cols[] = { "article", "quotes", NULL };
	struct st_csv_writer w;
	size_t a, i = 0;
	int k;

	st_csv_writer_init(&w, fp, excel, 1);
	header(&w, r, cols, 0);
	st_csv_endrow(&w);
	for (a = 0; a < r->narticles; a++) {
		long counts[ST_MAX_LABELS] = { 0 }, n = 0;

		if (a && strcmp(r->articles[a], r->articles[a - 1]) == 0)
			continue;
		for (; i < r->n && strcmp(r->rows[i].q->article,
		                          r->articles[a]) == 0; i++) {
			counts[r->rows[i].label]++;
			n++;
		}
		st_csv_put(&w, r->articles[a]);
		st_csv_putl(&w, n);
		for (k = 0; k < r->nlabels; k++)
			st_csv_putl(&w, counts[k]);
		st_csv_endrow(&w);
	}
}

struct speaker {
	const char *name, *role;
	long quotes, articles;
	const char *last_article;
	long counts[ST_MAX_LABELS];
	double mass[ST_MAX_LABELS];
};

static int cmp_speaker(const void *a, const void *b)
{
	const struct speaker *x = a, *y = b;

	if (x->quotes != y->quotes)
		return x->quotes > y->quotes ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void write_speakers(FILE *fp, const struct report *r, int excel)
{
	static const char *const cols[] = { "speaker", "role", "articles",
		"quotes", NULL };
	struct st_csv_writer w;
	struct st_map index;
	struct speaker *sp = st_xcalloc(r->n ? r->n : 1, sizeof *sp);
	size_t i, n = 0;
	int k;

	st_map_init(&index);
	for (i = 0; i < r->n; i++) {
		const struct row *row = &r->rows[i];
		struct speaker *s;
		int *slot;

		if (!row->q->speaker[0])
			continue;
		slot = st_map_put(&index, row->q->speaker, (int)n);
		if (*slot == (int)n) {
			sp[n].name = row->q->speaker;
			n++;
		}
		s = &sp[*slot];
		if ((!s->role || !s->role[0]) && row->q->role[0])
			s->role = row->q->role;
		if (!s->last_article ||
		    strcmp(s->last_article, row->q->article)) {
			s->articles++;
			s->last_article = row->q->article;
		}
		s->quotes++;
		s->counts[row->label]++;
		for (k = 0; k < r->nlabels; k++)
			s->mass[k] += row->prob[k];
	}
	qsort(sp, n, sizeof *sp, cmp_speaker);
	st_csv_writer_init(&w, fp, excel, 1);
	header(&w, r, cols, 0);
	st_csv_put(&w, "majority");
	st_csv_endrow(&w);
	for (i = 0; i < n; i++) {
		int best = 0;

		/* most quotes; a tie goes to the larger total probability */
		for (k = 1; k < r->nlabels; k++)
			if (sp[i].counts[k] > sp[i].counts[best] ||
			    (sp[i].counts[k] == sp[i].counts[best] &&
			     sp[i].mass[k] > sp[i].mass[best] + 1e-12))
				best = k;
		st_csv_put(&w, sp[i].name);
		st_csv_put(&w, sp[i].role ? sp[i].role : "");
		st_csv_putl(&w, sp[i].articles);
		st_csv_putl(&w, sp[i].quotes);
		for (k = 0; k < r->nlabels; k++)
			st_csv_putl(&w, sp[i].counts[k]);
		st_csv_putraw(&w, r->labels[best]);
		st_csv_endrow(&w);
	}
	st_map_finish(&index);
	free(sp);
}

static int cmp_confidence(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a;
	const struct row *y = *(const struct row *const *)b;

	if (x->conf != y->conf)
		return x->conf < y->conf ? -1 : 1;
	return (x > y) - (x < y);	/* rows are in article order */
}

/* The sheet a person labels: stance left empty for them, the model's
 * guess beside it, the quotes it is least sure of first. */
static void write_todo(FILE *fp, const struct report *r, int excel)
{
	static const char *const cols[] = { "article", "quote", "speaker",
		"role", "stance", "suggested", "confidence", NULL };
	const struct row **order = st_xmalloc((r->n ? r->n : 1) *
	                                      sizeof *order);
	struct st_csv_writer w;
	size_t i;

	for (i = 0; i < r->n; i++)
		order[i] = &r->rows[i];
	qsort(order, r->n, sizeof *order, cmp_confidence);
	st_csv_writer_init(&w, fp, excel, 1);
	for (i = 0; cols[i]; i++)
		st_csv_put(&w, cols[i]);
	st_csv_endrow(&w);
	for (i = 0; i < r->n; i++) {
		const struct row *row = order[i];

		st_csv_put(&w, row->q->article);
		st_csv_put(&w, row->q->text);
		st_csv_put(&w, row->q->speaker);
		st_csv_put(&w, row->q->role);
		st_csv_put(&w, "");
		st_csv_putraw(&w, r->labels[row->label]);
		st_csv_putd(&w, row->conf, 4);
		st_csv_endrow(&w);
	}
	free(order);
}

static char *join(const char *dir, const char *name)
{
	struct st_buf b = ST_BUF_INIT;
	st_buf_addf(&b, "%s/%s", dir, name);
	return st_buf_detach(&b);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "excel", no_argument, NULL, 'x' },
		{ "todo", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const names[] = { "quotes.csv", "articles.csv",
		"speakers.csv" };
	void (*const writers[])(FILE *, const struct report *, int) = {
		write_quotes, write_articles, write_speakers };
	const char *dir = "reports", *todo = NULL;
	struct report rep;
	struct st_quotes *qs = NULL;
	struct preds *ps = NULL;
	struct st_error err = { 0 };
	struct st_buf data = ST_BUF_INIT;
	struct st_out out[3];
	char *paths[3] = { NULL, NULL, NULL };
	int c, i, k, rc = EXIT_DATA, npairs = 0, excel = 0;

	cli_init(argv, "stance-report");
	while ((c = getopt_long(argc, argv, "d:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'x': excel = 1; break;
		case 't': todo = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (optind == argc || (argc - optind) % 2)
		cli_usage_error("expected pairs of QUOTES and PREDICTIONS files");
	npairs = (argc - optind) / 2;
	memset(&rep, 0, sizeof rep);
	memset(out, 0, sizeof out);
	qs = st_xcalloc((size_t)npairs, sizeof *qs);
	ps = st_xcalloc((size_t)npairs, sizeof *ps);
	rep.articles = st_xcalloc((size_t)npairs, sizeof *rep.articles);
	st_out_install_signals();
	for (i = 0; i < npairs; i++) {
		const char *qp = argv[optind + 2 * i], *pp = argv[optind + 2 * i + 1];
		size_t j;

		if (cli_read_text(qp, &data, &err) ||
		    st_quotes_read(qp, data.s, data.len, &qs[i], &err))
			goto fail;
		ps[i].path = pp;
		if (st_read_file(pp, &data, &err) ||
		    st_csv_parse(pp, data.s, data.len, pred_row, &ps[i], &err))
			goto fail;
		if (!ps[i].header) {
			st_fail(&err, pp, 1, "empty file: no header");
			goto fail;
		}
		if (ps[i].n != qs[i].n) {
			st_fail(&err, pp, (long)ps[i].n + 1, "%zu predictions "
			        "for %zu quotes in %s", ps[i].n, qs[i].n, qp);
			goto fail;
		}
		if (i == 0) {
			for (k = 0; k < ps[0].nlabels; k++)
				rep.labels[k] = ps[0].labels[k];
			rep.nlabels = ps[0].nlabels;
		} else {
			for (k = 0; k < ps[i].nlabels; k++)
				if (ps[i].nlabels != rep.nlabels ||
				    strcmp(ps[i].labels[k], rep.labels[k])) {
					st_fail(&err, pp, 1, "labels differ from "
					        "those of %s", ps[0].path);
					goto fail;
				}
		}
		rep.articles[rep.narticles++] = qs[i].n
			? st_xstrdup(qs[i].q[0].article) : cli_article_id_csv(qp);
		for (j = 0; j < qs[i].n; j++) {
			struct row *row;

			if (rep.n == rep.cap) {
				rep.cap = rep.cap ? rep.cap * 2 : 256;
				rep.rows = st_xrealloc(rep.rows,
				                       rep.cap * sizeof *rep.rows);
			}
			row = &rep.rows[rep.n];
			*row = ps[i].rows[j];
			row->q = &qs[i].q[j];
			row->order = rep.n++;
		}
	}
	qsort(rep.rows, rep.n, sizeof *rep.rows, cmp_row);
	qsort(rep.articles, rep.narticles, sizeof *rep.articles, cmp_str);
	if (todo) {
		if (st_out_open(&out[0], todo, &err))
			goto fail;
		write_todo(out[0].fp, &rep, excel);
		if (st_out_commit(&out[0], &err))
			goto fail;
		rc = EXIT_OK;
		goto out;
	}
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		st_fail(&err, dir, 0, "cannot create: %s", strerror(errno));
		goto fail;
	}
	for (k = 0; k < 3; k++) {
		paths[k] = join(dir, names[k]);
		if (st_out_open(&out[k], paths[k], &err))
			goto fail;
		writers[k](out[k].fp, &rep, excel);
	}
	/* all three are renamed into place only once all are written */
	for (k = 0; k < 3; k++)
		if (st_out_commit(&out[k], &err))
			goto fail;
	rc = EXIT_OK;
	goto out;
fail:
	for (k = 0; k < 3; k++)
		st_out_abort(&out[k]);
	cli_error(&err);
out:
	for (i = 0; i < npairs; i++) {
		st_quotes_finish(&qs[i]);
		for (k = 0; k < ps[i].nlabels; k++)
			free(ps[i].labels[k]);
		free(ps[i].rows);
	}
	for (i = 0; i < (int)rep.narticles; i++)
		free(rep.articles[i]);
	free(rep.articles);
	free(rep.rows);
	free(qs);
	free(ps);
	for (k = 0; k < 3; k++)
		free(paths[k]);
	st_buf_finish(&data);
	return rc;
}
