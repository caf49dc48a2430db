/* quote.c - the quote record and the quotes file. */
#include "quote.h"
#include "csvio.h"

#include <stdlib.h>
#include <string.h>

const char *const st_quotes_header[] = {
	"article", "quote_id", "paragraph", "start", "end", "kind",
	"speaker", "role", "quote", "context", "tokens", NULL
};

void st_quotes_init(struct st_quotes *qs)
{
	qs->q = NULL;
	qs->n = qs->cap = 0;
}

void st_quote_finish(struct st_quote *q)
{
	free(q->article);
	free(q->speaker);
	free(q->role);
	free(q->text);
	free(q->context);
	free(q->tokens);
	free(q->stance);
	memset(q, 0, sizeof *q);
}

void st_quotes_finish(struct st_quotes *qs)
{
	size_t i;

	for (i = 0; i < qs->n; i++)
		st_quote_finish(&qs->q[i]);
	free(qs->q);
	st_quotes_init(qs);
}

void st_set(char **field, const char *s, size_t n)
{
	free(*field);
	*field = st_xstrndup(s, n);
}

struct st_quote *st_quotes_add(struct st_quotes *qs)
{
	struct st_quote *q;

	if (qs->n == qs->cap) {
		qs->cap = qs->cap ? qs->cap * 2 : 16;
		qs->q = st_xrealloc(qs->q, qs->cap * sizeof *qs->q);
	}
	q = &qs->q[qs->n++];
	memset(q, 0, sizeof *q);
	q->article = st_xstrdup("");
	q->speaker = st_xstrdup("");
	q->role = st_xstrdup("");
	q->text = st_xstrdup("");
	q->context = st_xstrdup("");
	q->tokens = st_xstrdup("");
	q->stance = st_xstrdup("");
	return q;
}

void st_quotes_write(FILE *fp, const struct st_quotes *qs, int header)
{
	struct st_csv_writer w;
	char id[32];
	size_t i;

	st_csv_writer_init(&w, fp, 0, 0);
	if (header) {
		for (i = 0; st_quotes_header[i]; i++)
			st_csv_put(&w, st_quotes_header[i]);
		st_csv_endrow(&w);
	}
	for (i = 0; i < qs->n; i++) {
		const struct st_quote *q = &qs->q[i];

		snprintf(id, sizeof id, "q%d", q->id);
		st_csv_put(&w, q->article);
		st_csv_put(&w, id);
		st_csv_putl(&w, q->paragraph);
		st_csv_putl(&w, (long)q->start);
		st_csv_putl(&w, (long)q->end);
		st_csv_put(&w, q->kind == ST_FULL ? "full" : "partial");
		st_csv_put(&w, q->speaker);
		st_csv_put(&w, q->role);
		st_csv_put(&w, q->text);
		st_csv_put(&w, q->context);
		st_csv_put(&w, q->tokens);
		st_csv_endrow(&w);
	}
}

enum { C_ARTICLE, C_ID, C_PARA, C_START, C_END, C_KIND, C_SPEAKER,
       C_ROLE, C_QUOTE, C_CONTEXT, C_TOKENS, C_STANCE, NCOL };

struct read_ctx {
	const char *path;
	struct st_quotes *qs;
	int col[NCOL];
	int have_header;
};

static int get_num(const struct st_csv_row *r, int col, long *v,
                   const char *path, const char *what, struct st_error *err)
{
	if (st_parse_long(r->field[col], v) != 0 || *v < 0)
		return st_fail(err, path, r->line, "bad %s '%s'", what,
		               r->field[col]);
	return 0;
}

static void copy(char **field, const struct st_csv_row *r, int col)
{
	st_set(field, r->field[col], strlen(r->field[col]));
}

static int on_row(const struct st_csv_row *r, void *vctx,
                  struct st_error *err)
{
	struct read_ctx *c = vctx;
	struct st_quote *q;
	long v;
	int i;

	if (!c->have_header) {
		for (i = 0; i < NCOL - 1; i++) {
			c->col[i] = st_csv_col(r, st_quotes_header[i]);
			if (c->col[i] < 0)
				return st_fail(err, c->path, r->line,
				               "missing column '%s'",
				               st_quotes_header[i]);
		}
		c->col[C_STANCE] = st_csv_col(r, "stance");
		c->have_header = 1;
		return 0;
	}
	for (i = 0; i < NCOL; i++)
		if (c->col[i] >= 0 && c->col[i] >= (int)r->n)
			return st_fail(err, c->path, r->line,
			               "expected %zu fields, found %zu",
			               (size_t)c->col[i] + 1, r->n);
	q = st_quotes_add(c->qs);
	q->line = r->line;
	st_set(&q->article, r->field[c->col[C_ARTICLE]],
	       strlen(r->field[c->col[C_ARTICLE]]));
	if (r->field[c->col[C_ID]][0] != 'q' ||
	    st_parse_long(r->field[c->col[C_ID]] + 1, &v) != 0 || v < 1 ||
	    v > 1000000000)
		return st_fail(err, c->path, r->line, "bad quote_id '%s'",
		               r->field[c->col[C_ID]]);
	q->id = (int)v;
	if (get_num(r, c->col[C_PARA], &q->paragraph, c->path, "paragraph",
	            err))
		return -1;
	if (get_num(r, c->col[C_START], &v, c->path, "start", err))
		return -1;
	q->start = (size_t)v;
	if (get_num(r, c->col[C_END], &v, c->path, "end", err))
		return -1;
	q->end = (size_t)v;
	if (q->end < q->start)
		return st_fail(err, c->path, r->line, "end before start");
	if (strcmp(r->field[c->col[C_KIND]], "full") == 0)
		q->kind = ST_FULL;
	else if (strcmp(r->field[c->col[C_KIND]], "partial") == 0)
		q->kind = ST_PARTIAL;
	else
		return st_fail(err, c->path, r->line, "bad kind '%s'",
		               r->field[c->col[C_KIND]]);
	copy(&q->speaker, r, c->col[C_SPEAKER]);
	copy(&q->role, r, c->col[C_ROLE]);
	copy(&q->text, r, c->col[C_QUOTE]);
	copy(&q->context, r, c->col[C_CONTEXT]);
	copy(&q->tokens, r, c->col[C_TOKENS]);
	if (c->col[C_STANCE] >= 0)
		copy(&q->stance, r, c->col[C_STANCE]);
	return 0;
}

int st_quotes_read(const char *path, const char *data, size_t len,
                   struct st_quotes *qs, struct st_error *err)
{
	struct read_ctx c;
	int i;

	memset(&c, 0, sizeof c);
	c.path = path;
	c.qs = qs;
	for (i = 0; i < NCOL; i++)
		c.col[i] = -1;
	if (st_csv_parse(path, data, len, on_row, &c, err) != 0)
		return -1;
	if (!c.have_header)
		return st_fail(err, path, 1, "empty file: no header");
	return 0;
}
