/* merge.c - quotes and predictions joined on their key (article,
 * quote_id), pair by pair, and the pairs merged into article then text
 * order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

/* A prediction read before its quote came. */
struct pending {
	char *article, *quote_id;
	long line;
	int used;
	struct st_pred p;
};

/* One pair of files, read in step. */
struct stream {
	const char *qpath, *ppath;
	struct st_quote_reader *qr;
	struct st_csv_reader *pr;
	struct st_quotes one;	/* holds the current quote */
	struct st_quote *q;
	struct st_pred p;
	int live;		/* q holds an unread quote */
	int empty;		/* no quotes at all */
	/* the order check: the last quote's article and offset */
	struct st_buf art;
	size_t start;
	int started;
	struct st_map ids;	/* quote ids seen in art */
	/* predictions read ahead of their quotes: memory grows only with
	 * how far the predictions are out of the quotes' order */
	struct st_map pend_index;	/* article\0quote_id -> pend[] */
	struct pending *pend;
	size_t npend, cappend, live_pend;
};

struct st_merge {
	char *labels[ST_MAX_LABELS];
	int nlabels;
	struct stream *s;
	size_t n;
	struct stream *last;	/* whose quote the caller holds */
};

/* The header of a predictions file gives the labels. */
static int read_header(struct st_merge *m, struct stream *s, int first,
                       struct st_error *err)
{
	static const char *const cols[] = { "article", "quote_id", "stance",
		"confidence" };
	const struct st_csv_row *r;
	int rc = st_csv_next(s->pr, &r, err), k;

	if (rc < 0)
		return -1;
	if (rc == 0)
		return st_fail(err, s->ppath, 1, "empty file: no header");
	for (k = 0; k < 4; k++)
		if ((int)r->n < 6 || strcmp(r->field[k], cols[k]))
			return st_fail(err, s->ppath, r->line, "not a "
			               "predictions file (expected article,"
			               "quote_id,stance,confidence,P(...)...)");
	if (r->n - 4 > ST_MAX_LABELS)
		return st_fail(err, s->ppath, r->line, "too many labels");
	for (k = 4; k < (int)r->n; k++) {
		size_t n = strlen(r->field[k]);

		if (n < 4 || strncmp(r->field[k], "P(", 2) ||
		    r->field[k][n - 1] != ')')
			return st_fail(err, s->ppath, r->line, "bad column '%s'",
			               r->field[k]);
		if (first) {
			m->labels[m->nlabels++] =
				st_xstrndup(r->field[k] + 2, n - 3);
		} else if ((int)r->n - 4 != m->nlabels ||
		           strlen(m->labels[k - 4]) != n - 3 ||
		           strncmp(m->labels[k - 4], r->field[k] + 2, n - 3)) {
			return st_fail(err, s->ppath, r->line,
			               "labels differ from the first "
			               "predictions file's");
		}
	}
	return 0;
}

/* The next prediction row into *p, its key's parts in the row: 1, 0 at
 * the end, -1. */
static int next_pred(const struct st_merge *m, struct stream *s,
                     const struct st_csv_row **rp, struct st_pred *p,
                     struct st_error *err)
{
	const struct st_csv_row *r;
	int got = st_csv_next(s->pr, &r, err), k;

	if (got <= 0)
		return got;
	*rp = r;
	if ((int)r->n != m->nlabels + 4)
		return st_fail(err, s->ppath, r->line, "expected %d fields, "
		               "found %zu", m->nlabels + 4, r->n);
	if (!r->field[0][0] || !r->field[1][0])
		return st_fail(err, s->ppath, r->line, "no article or quote_id: "
		               "a prediction must name its quote");
	p->label = st_label_index(m->labels, m->nlabels, r->field[2]);
	if (p->label < 0)
		return st_fail(err, s->ppath, r->line, "unknown label '%s'",
		               r->field[2]);
	if (st_parse_double(r->field[3], &p->conf) || p->conf < 0 ||
	    p->conf > 1)
		return st_fail(err, s->ppath, r->line, "bad confidence '%s'",
		               r->field[3]);
	for (k = 0; k < m->nlabels; k++)
		if (st_parse_double(r->field[k + 4], &p->prob[k]) ||
		    p->prob[k] < 0 || p->prob[k] > 1)
			return st_fail(err, s->ppath, r->line,
			               "bad probability '%s'", r->field[k + 4]);
	return 1;
}

static void pend_key(struct st_buf *b, const char *article, const char *id)
{
	st_buf_reset(b);
	st_buf_adds(b, article);
	st_buf_addc(b, '\0');
	st_buf_adds(b, id);
}

static void pend_clear(struct stream *s)
{
	size_t i;

	for (i = 0; i < s->npend; i++) {
		free(s->pend[i].article);
		free(s->pend[i].quote_id);
	}
	s->npend = s->live_pend = 0;
	st_map_finish(&s->pend_index);
	st_map_init(&s->pend_index);
}

/* The first line before line of ppath whose key is article,id, or 0
 * (also when the file cannot be read again, as stdin cannot). */
static long earlier(const struct stream *s, const char *article,
                    const char *id, long line)
{
	struct st_csv_reader *r;
	const struct st_csv_row *row;
	struct st_error e;
	long found = 0;

	if (!strcmp(s->ppath, "-") || !(r = st_csv_reader_open(s->ppath, &e)))
		return 0;
	while (!found && st_csv_next(r, &row, &e) > 0 && row->line < line)
		if (row->line > 1 && row->n >= 2 &&
		    !strcmp(row->field[0], article) && !strcmp(row->field[1], id))
			found = row->line;
	st_csv_reader_close(r);
	return found;
}

/* A prediction left over once the quotes are done: a key given twice
 * (its first copy was joined) or one that no quote has. */
static int leftover(const struct stream *s, const char *article,
                    const char *id, long line, struct st_error *err)
{
	long first = earlier(s, article, id, line);

	if (first)
		return st_fail(err, s->ppath, line, "'%s,%s' given twice "
		               "(first at line %ld)", article, id, first);
	return st_fail(err, s->ppath, line, "prediction '%s,%s' has no quote "
	               "in %s", article, id, s->qpath);
}

/* Find the prediction of quote article,id: among those read ahead, else
 * read on, keeping the others. */
static int find_pred(const struct st_merge *m, struct stream *s,
                     const char *article, const char *id, long qline,
                     struct st_error *err)
{
	struct st_buf key = ST_BUF_INIT;
	const struct st_csv_row *r;
	struct st_pred p;
	int rc = -1, got, *slot;

	pend_key(&key, article, id);
	if (s->live_pend &&
	    (slot = st_map_getn(&s->pend_index, key.s, key.len)) &&
	    !s->pend[*slot].used) {
		s->p = s->pend[*slot].p;
		s->pend[*slot].used = 1;
		if (--s->live_pend == 0)
			pend_clear(s);
		rc = 0;
		goto out;
	}
	while ((got = next_pred(m, s, &r, &p, err)) == 1) {
		struct pending *e;

		if (!strcmp(r->field[0], article) && !strcmp(r->field[1], id)) {
			s->p = p;
			rc = 0;
			goto out;
		}
		pend_key(&key, r->field[0], r->field[1]);
		slot = st_map_putn(&s->pend_index, key.s, key.len,
		                   (int)s->npend);
		if (*slot != (int)s->npend) {
			st_fail(err, s->ppath, r->line, "'%s,%s' given twice "
			        "(first at line %ld)", r->field[0], r->field[1],
			        s->pend[*slot].line);
			goto out;
		}
		ST_GROW(s->pend, s->npend, s->cappend, 64);
		e = &s->pend[s->npend++];
		e->article = st_xstrdup(r->field[0]);
		e->quote_id = st_xstrdup(r->field[1]);
		e->line = r->line;
		e->used = 0;
		e->p = p;
		s->live_pend++;
	}
	if (got == 0)
		st_fail(err, s->qpath, qline, "quote '%s,%s' has no prediction "
		        "in %s", article, id, s->ppath);
out:
	st_buf_finish(&key);
	return rc;
}

/* The quotes are done: nothing may be left of the predictions. */
static int drain(const struct st_merge *m, struct stream *s,
                 struct st_error *err)
{
	const struct st_csv_row *r;
	struct st_pred p;
	size_t i;
	int got;

	for (i = 0; i < s->npend; i++)
		if (!s->pend[i].used)
			return leftover(s, s->pend[i].article,
			                s->pend[i].quote_id, s->pend[i].line, err);
	got = next_pred(m, s, &r, &p, err);
	if (got <= 0)
		return got;
	return leftover(s, r->field[0], r->field[1], r->line, err);
}

/* Read the next quote of s and its prediction; s->live says whether
 * there was one. */
static int advance(const struct st_merge *m, struct stream *s,
                   struct st_error *err)
{
	int got = st_quote_next(s->qr, s->q, err), c;
	char id[32];

	if (got < 0)
		return -1;
	s->live = got;
	if (!got)
		return drain(m, s, err);
	c = s->started ? strcmp(s->q->article, s->art.s) : 1;
	if (c < 0 || (c == 0 && s->q->start < s->start))
		return st_fail(err, s->qpath, s->q->line, "quotes out of "
		               "order: files must be in article then text order");
	if (c > 0) {
		st_buf_reset(&s->art);
		st_buf_adds(&s->art, s->q->article);
		st_map_finish(&s->ids);
		st_map_init(&s->ids);
	}
	s->started = 1;
	s->start = s->q->start;
	st_quote_id(id, s->q->id);
	if (*st_map_put(&s->ids, id, (int)s->q->line) != (int)s->q->line)
		return st_fail(err, s->qpath, s->q->line, "'%s,%s' given twice "
		               "(first at line %d)", s->q->article, id,
		               *st_map_get(&s->ids, id));
	return find_pred(m, s, s->q->article, id, s->q->line, err);
}

struct st_merge *st_merge_open(char *const *qpaths, char *const *ppaths,
                               size_t n, struct st_error *err)
{
	struct st_merge *m = st_xcalloc(1, sizeof *m);
	size_t i;

	m->s = st_xcalloc(n ? n : 1, sizeof *m->s);
	m->n = n;
	for (i = 0; i < n; i++) {
		struct stream *s = &m->s[i];

		s->qpath = qpaths[i];
		s->ppath = ppaths[i];
		st_quotes_init(&s->one);
		s->q = st_quotes_add(&s->one);
		st_map_init(&s->ids);
		st_map_init(&s->pend_index);
	}
	for (i = 0; i < n; i++) {
		struct stream *s = &m->s[i];

		s->qr = st_quote_reader_open(s->qpath, err);
		if (!s->qr)
			goto fail;
		s->pr = st_csv_reader_open(s->ppath, err);
		if (!s->pr || read_header(m, s, i == 0, err) ||
		    advance(m, s, err))
			goto fail;
		s->empty = !s->live;
	}
	return m;
fail:
	st_merge_free(m);
	return NULL;
}

char *const *st_merge_labels(const struct st_merge *m, int *nlabels)
{
	*nlabels = m->nlabels;
	return m->labels;
}

int st_merge_empty(const struct st_merge *m, size_t i)
{
	return m->s[i].empty;
}

/* Is a before b in the merged order (article, then offset)? */
static int before(const struct stream *a, const struct stream *b)
{
	int c = strcmp(a->q->article, b->q->article);

	return c ? c < 0 : a->q->start < b->q->start;
}

int st_merge_next(struct st_merge *m, struct st_quote **q,
                  struct st_pred *p, struct st_error *err)
{
	struct stream *min = NULL;
	size_t i;

	if (m->last) {
		struct stream *s = m->last;

		m->last = NULL;
		/* the caller may have taken the strings: the reader needs its
		 * own for the next quote */
		if (advance(m, s, err))
			return -1;
	}
	for (i = 0; i < m->n; i++)
		if (m->s[i].live && (!min || before(&m->s[i], min)))
			min = &m->s[i];
	if (!min)
		return 0;
	m->last = min;
	*q = min->q;
	*p = min->p;
	return 1;
}

void st_merge_free(struct st_merge *m)
{
	size_t i;
	int k;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		struct stream *s = &m->s[i];

		st_quote_reader_close(s->qr);
		st_csv_reader_close(s->pr);
		st_quotes_finish(&s->one);
		st_buf_finish(&s->art);
		st_map_finish(&s->ids);
		pend_clear(s);
		st_map_finish(&s->pend_index);
		free(s->pend);
	}
	free(m->s);
	for (k = 0; k < m->nlabels; k++)
		free(m->labels[k]);
	free(m);
}
