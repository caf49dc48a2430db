/* labelled.c - annotation rows matched to the quotes of their articles. */
#include "labelled.h"
#include "csvio.h"
#include "extract.h"
#include "model.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

struct article {
	struct st_quotes qs;
	char *used;		/* per extracted quote: taken by a row */
	int missing;
};

struct ctx {
	struct st_labelled *l;
	const char *path;
	struct st_quotes *out;
	int col_article, col_quote, col_stance;
	int header;
	struct st_map ids;	/* article id -> index into arts */
	struct article *arts;
	size_t narts;
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
	size_t i = 0;
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
	while (i < b.len && strchr(".,;:!? ", b.s[i]))
		i++;
	if (i) {
		memmove(b.s, b.s + i, b.len - i + 1);
		b.len -= i;
	}
	return st_buf_detach(&b);
}

static void warn(struct ctx *c, long line, const char *msg)
{
	struct st_error e;

	c->l->not_found++;
	if (!c->l->warn)
		return;
	st_fail(&e, c->path, line, "%s", msg);
	c->l->warn(&e, c->l->warn_arg);
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
	st_buf_addf(&path, "%s/%s.txt", c->l->articles_dir, id);
	if (st_read_file(path.s, &c->text, &err) ||
	    (c->text.len == 0 && st_fail(&err, path.s, 1, "empty file")) ||
	    st_check_text(path.s, c->text.s, c->text.len, &err)) {
		struct st_buf msg = ST_BUF_INIT;

		a->missing = 1;
		st_buf_addf(&msg, "article '%s' skipped: %s", id, err.msg);
		warn(c, line, msg.s);
		c->l->not_found--;	/* counted per row below */
		st_buf_finish(&msg);
	} else {
		st_extract(c->x, c->tk, id, c->text.s, c->text.len, &a->qs);
		a->used = st_xcalloc(a->qs.n ? a->qs.n : 1, 1);
	}
	st_buf_finish(&path);
	return a;
}

static void copy_quote(struct st_quote *q, const struct st_quote *src,
                       const char *stance)
{
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
		c->l->skipped++;
		return 0;
	}
	if (st_label_index(c->l->labels, c->l->nlabels, stance) < 0)
		return st_fail(err, c->path, r->line, "unknown label '%s'",
		               stance);
	if (!id[0] || strchr(id, '/'))
		return st_fail(err, c->path, r->line, "bad article id '%s'", id);
	a = load_article(c, id, r->line);
	if (a->missing) {
		c->l->not_found++;
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
		struct st_buf msg = ST_BUF_INIT;

		st_buf_addf(&msg, "quote not found in article '%s'", id);
		warn(c, r->line, msg.s);
		st_buf_finish(&msg);
		return 0;
	}
	a->used[found] = 1;
	copy_quote(st_quotes_add(c->out), &a->qs.q[found], stance);
	return 0;
}

int st_labelled_load(struct st_labelled *l, const char *path,
                     const char *data, size_t len, struct st_quotes *out,
                     struct st_error *err)
{
	struct ctx c;
	size_t i;
	int rc = -1;

	memset(&c, 0, sizeof c);
	c.l = l;
	c.path = path;
	c.out = out;
	st_map_init(&c.ids);
	if (len == 0) {
		st_fail(err, path, 1, "empty file");
		goto out;
	}
	if (st_check_text(path, data, len, err))
		goto out;
	c.x = st_extractor_new(err);
	c.tk = c.x ? st_tokenizer_new(err) : NULL;
	if (!c.tk)
		goto out;
	if (st_csv_parse(path, data, len, on_row, &c, err))
		goto out;
	if (!c.header) {
		st_fail(err, path, 1, "no header row");
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < c.narts; i++) {
		st_quotes_finish(&c.arts[i].qs);
		free(c.arts[i].used);
	}
	free(c.arts);
	st_map_finish(&c.ids);
	st_buf_finish(&c.text);
	st_tokenizer_free(c.tk);
	st_extractor_free(c.x);
	return rc;
}
