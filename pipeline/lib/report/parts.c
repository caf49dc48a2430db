/* parts.c - the reports of many pairs written by several processes: each
 * writes its pairs' articles as the reports' own bytes, and the parts are
 * joined in article order. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"

/* The buffer of a part's files: a part is written and read once, in
 * large pieces. */
#define ST_PART_BUF (1 << 16)

/* The index of a part, one line per article in its order:
 *   + ARTICLE QBYTES ABYTES   the article's rows: QBYTES of quotes.csv,
 *                             ABYTES of articles.csv
 *   ! ARTICLE                 the merge failed while in this article
 * ARTICLE escaped as io/tsv.c escapes, the fields tab-separated. */

/* dir/part.tmp-HOST-PID-I.WHAT */
static char *part_name(const char *dir, int i, const char *what, int j)
{
	char *pre = st_temp_prefix("part");
	struct st_buf b = ST_BUF_INIT;

	st_buf_addf(&b, "%s/%s%d.%s", dir, pre, i, what);
	if (j >= 0)
		st_buf_addf(&b, "-%d", j);
	free(pre);
	return st_buf_detach(&b);
}

void st_part_init(struct st_part *p, const char *dir, int i, int n)
{
	int j;

	memset(p, 0, sizeof *p);
	p->quotes = part_name(dir, i, "quotes", -1);
	p->articles = part_name(dir, i, "articles", -1);
	p->index = part_name(dir, i, "index", -1);
	p->npeople = (size_t)n;
	p->people = st_xcalloc(p->npeople, sizeof *p->people);
	for (j = 0; j < n; j++)
		p->people[j] = part_name(dir, i, "people", j);
}

static void remove_file(char *path)
{
	if (path)
		unlink(path);
	free(path);
}

void st_part_finish(struct st_part *p)
{
	size_t j;

	remove_file(p->quotes);
	remove_file(p->articles);
	remove_file(p->index);
	for (j = 0; j < p->npeople; j++)
		remove_file(p->people[j]);
	free(p->people);
	memset(p, 0, sizeof *p);
}

static void index_line(void *arg, const char *article, long qbytes,
                       long abytes)
{
	FILE *fp = arg;

	fputs("+\t", fp);
	st_tsv_put(fp, article);
	fprintf(fp, "\t%ld\t%ld\n", qbytes, abytes);
}

/* Close fp, whose file is path; -1 with err on a write error. */
static int close_file(FILE *fp, const char *path, int rc, struct st_error *err)
{
	if (!fp)
		return rc;
	if ((ferror(fp) | fclose(fp)) && !rc)
		return st_fail(err, path, 0, "write error: %s", strerror(errno));
	return rc;
}

int st_part_write(const struct st_report_opts *o, char *const *qpaths,
                  char *const *ppaths, size_t n, const struct st_part *part,
                  void (*step)(void *arg), void *arg, struct st_error *err)
{
	struct st_merge *mg = NULL;
	struct st_report *rep = NULL;
	struct st_buf held = ST_BUF_INIT;	/* the article being read */
	FILE *fp[3] = { NULL, NULL, NULL };
	char *buf[3] = { NULL, NULL, NULL };
	const char *paths[3];
	struct st_quote *q;
	struct st_pred p;
	int k, got, rc = -1;

	paths[0] = part->quotes;
	paths[1] = part->articles;
	paths[2] = part->index;
	for (k = 0; k < 3; k++) {
		if (!(fp[k] = fopen(paths[k], "w"))) {
			st_fail(err, paths[k], 0, "cannot create: %s",
			        strerror(errno));
			goto out;
		}
		buf[k] = st_xmalloc(ST_PART_BUF);
		setvbuf(fp[k], buf[k], _IOFBF, ST_PART_BUF);
	}
	mg = st_merge_open(qpaths, ppaths, n, err);
	if (!mg)
		goto out;
	rep = st_report_new_part(o, fp[0], fp[1], index_line, fp[2],
	                         part->people, part->npeople, err);
	if (!rep)
		goto out;
	while ((got = st_merge_next(mg, &q, &p, err)) == 1) {
		if (!held.s || strcmp(held.s, q->article)) {
			st_buf_reset(&held);
			st_buf_adds(&held, q->article);
		}
		if (st_report_add(rep, q, &p, err))
			goto out;
		if (step)
			step(arg);
	}
	if (got < 0) {
		/* the join fails at this article, after what comes before it
		 * in the other parts */
		fputs("!\t", fp[2]);
		st_tsv_put(fp[2], held.s ? held.s : "");
		fputc('\n', fp[2]);
		rc = 1;
		goto out;
	}
	if (st_report_end(rep, err))
		goto out;
	rc = 0;
out:
	st_report_free(rep);
	st_merge_free(mg);
	st_buf_finish(&held);
	for (k = 0; k < 3; k++) {
		struct st_error e;
		int bad = close_file(fp[k], paths[k], 0, &e);

		if (bad && rc >= 0) {
			*err = e;
			err->file = err->fbuf;
			rc = -1;
		}
		free(buf[k]);
	}
	return rc;
}

/* One part being read by the join: its current index line. */
struct reader {
	struct st_part *part;
	FILE *index, *quotes, *articles;
	char *buf;		/* quotes's */
	char *line;
	size_t cap;
	long lineno;
	int kind;	/* '+', '!', or 0 at the end */
	char *article;	/* in line */
	long qbytes, abytes;
};

static int next_line(struct reader *r, struct st_error *err)
{
	char *f[4];
	int nf;

	r->kind = 0;
	if (getline(&r->line, &r->cap, r->index) < 0) {
		if (ferror(r->index))
			return st_fail(err, r->part->index, r->lineno,
			               "read error: %s", strerror(errno));
		return 0;
	}
	r->lineno++;
	nf = st_tsv_split(r->line, f, 4);
	r->kind = f[0][0];
	if (nf >= 2)
		r->article = st_tsv_unescape(f[1]);
	if ((r->kind == '+' && nf == 4 && !st_parse_long(f[2], &r->qbytes) &&
	     !st_parse_long(f[3], &r->abytes)) || (r->kind == '!' && nf == 2))
		return 0;
	return st_fail(err, r->part->index, r->lineno, "not an index line");
}

static int open_reader(struct reader *r, struct st_part *part,
                       struct st_error *err)
{
	memset(r, 0, sizeof *r);
	r->part = part;
	if (!(r->index = fopen(part->index, "r")))
		return st_fail(err, part->index, 0, "cannot open: %s",
		               strerror(errno));
	if (!(r->quotes = fopen(part->quotes, "rb")))
		return st_fail(err, part->quotes, 0, "cannot open: %s",
		               strerror(errno));
	if (!(r->articles = fopen(part->articles, "rb")))
		return st_fail(err, part->articles, 0, "cannot open: %s",
		               strerror(errno));
	r->buf = st_xmalloc(ST_PART_BUF);
	setvbuf(r->quotes, r->buf, _IOFBF, ST_PART_BUF);
	return next_line(r, err);
}

static void close_reader(struct reader *r)
{
	if (r->index)
		fclose(r->index);
	if (r->quotes)
		fclose(r->quotes);
	if (r->articles)
		fclose(r->articles);
	free(r->buf);
	free(r->line);
}

/* The people's files j of every part, folded by process j. */
struct fold {
	const struct st_report_opts *o;
	struct st_part *parts;
	size_t n;
	char **rows;
};
struct folded {
	int rc;
	struct st_error err;	/* file in fbuf: it crosses a pipe */
};

static void fold(int j, void *arg, void *out)
{
	struct fold *f = arg;
	struct folded *res = out;
	char **ins = st_xmalloc(f->n * sizeof *ins);
	size_t i;

	for (i = 0; i < f->n; i++)
		ins[i] = f->parts[i].people[j];
	res->rc = st_people_merge(ins, f->n, f->rows[j], f->o->tmpdir,
	                          f->o->nlabels, &res->err);
	if (res->rc && res->err.file && res->err.file != res->err.fbuf) {
		snprintf(res->err.fbuf, sizeof res->err.fbuf, "%s",
		         res->err.file);
		res->err.file = res->err.fbuf;
	}
	free(ins);
}

/* The people of the parts, folded by n processes, and the report ended
 * with them. */
static int end_people(struct st_report *rep, const struct st_report_opts *o,
                      struct st_part *parts, size_t n, struct st_error *err)
{
	struct fold f = { o, parts, n, NULL };
	struct folded *res = st_xcalloc(n, sizeof *res);
	size_t j;
	int rc;

	f.rows = st_xcalloc(n, sizeof *f.rows);
	for (j = 0; j < n; j++) {
		char what[32];

		snprintf(what, sizeof what, "rows-%zu", j);
		f.rows[j] = part_name(o->tmpdir, 0, what, -1);
	}
	rc = st_parallel((int)n, (int)n, sizeof *res, fold, &f, res, NULL, err);
	for (j = 0; j < n && !rc; j++)
		if (res[j].rc) {
			if (res[j].err.file)
				res[j].err.file = res[j].err.fbuf;
			rc = st_fail(err, res[j].err.file, res[j].err.line, "%s",
			             res[j].err.msg);
		}
	for (j = 0; j < n && !rc; j++)
		st_report_add_people(rep, f.rows[j]);
	if (!rc)
		rc = st_report_end(rep, err);
	for (j = 0; j < n; j++)
		remove_file(f.rows[j]);
	free(f.rows);
	free(res);
	return rc;
}

int st_part_join(struct st_report *rep, const struct st_report_opts *o,
                 struct st_part *parts, size_t n, struct st_error *err)
{
	struct reader *rd = st_xcalloc(n ? n : 1, sizeof *rd);
	size_t i;
	int rc = -1;

	for (i = 0; i < n; i++)
		if (open_reader(&rd[i], &parts[i], err))
			goto out;
	for (;;) {
		struct reader *min = NULL;

		for (i = 0; i < n; i++) {
			int c;

			if (!rd[i].kind)
				continue;
			c = min ? strcmp(rd[i].article, min->article) : -1;
			if (c == 0) {
				rc = 1;	/* one article in two parts */
				goto out;
			}
			if (c < 0)
				min = &rd[i];
		}
		if (!min)
			break;
		if (min->kind == '!') {
			if (st_report_copy(rep, min->article, NULL, 0, NULL, 0,
			                   NULL, err) == 0)
				st_fail(err, min->part->err.file,
				        min->part->err.line, "%s",
				        min->part->err.msg);
			goto out;
		}
		if (st_report_copy(rep, min->article, min->quotes, min->qbytes,
		                   min->articles, min->abytes,
		                   min->part->quotes, err) ||
		    next_line(min, err))
			goto out;
	}
	rc = end_people(rep, o, parts, n, err);
out:
	for (i = 0; i < n; i++)
		close_reader(&rd[i]);
	free(rd);
	return rc;
}
