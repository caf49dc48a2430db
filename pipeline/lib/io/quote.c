/* quote.c - the quote record and the quotes file. */
#include "io/io.h"

#include <stdlib.h>
#include <string.h>

const char *const st_quotes_header[] = {
	"article", "quote_id", "paragraph", "start", "end", "kind",
	"speaker", "role", "quote", "context", "tokens", "date", "source",
	"speaker_confidence", NULL
};

void st_quotes_init(struct st_quotes *qs)
{
	qs->q = NULL;
	qs->n = qs->cap = qs->made = 0;
}

void st_quotes_clear(struct st_quotes *qs)
{
	qs->n = 0;
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
	free(q->date);
	free(q->source);
	memset(q, 0, sizeof *q);
}

void st_quotes_finish(struct st_quotes *qs)
{
	size_t i;

	for (i = 0; i < qs->made; i++)
		st_quote_finish(&qs->q[i]);
	free(qs->q);
	st_quotes_init(qs);
}

void st_set(char **field, const char *s, size_t n)
{
	free(*field);
	*field = st_xstrndup(s, n);
}

/* s made "", or a new "" for NULL. */
static char *emptied(char *s)
{
	if (!s)
		return st_xstrdup("");
	s[0] = '\0';
	return s;
}

struct st_quote *st_quotes_add(struct st_quotes *qs)
{
	struct st_quote *q, old;

	ST_GROW(qs->q, qs->n, qs->cap, 16);
	q = &qs->q[qs->n];
	if (qs->n < qs->made) {
		old = *q;
	} else {
		memset(&old, 0, sizeof old);
		qs->made++;
	}
	qs->n++;
	memset(q, 0, sizeof *q);
	q->article = emptied(old.article);
	q->speaker = emptied(old.speaker);
	q->role = emptied(old.role);
	q->text = emptied(old.text);
	q->context = emptied(old.context);
	q->tokens = emptied(old.tokens);
	q->stance = emptied(old.stance);
	q->date = emptied(old.date);
	q->source = emptied(old.source);
	q->speaker_confidence = -1;
	return q;
}

void st_quote_id(char *buf, int id)
{
	char dig[12];
	unsigned u = id < 0 ? 0u - (unsigned)id : (unsigned)id;
	int k = 0;

	do
		dig[k++] = (char)('0' + u % 10);
	while (u /= 10);
	*buf++ = 'q';
	if (id < 0)
		*buf++ = '-';
	while (k)
		*buf++ = dig[--k];
	*buf = '\0';
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

		st_quote_id(id, q->id);
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
		st_csv_put(&w, q->date ? q->date : "");
		st_csv_put(&w, q->source ? q->source : "");
		if (q->speaker_confidence >= 0 && q->speaker && q->speaker[0])
			st_csv_putd(&w, q->speaker_confidence, 1);
		else
			st_csv_put(&w, "");
		st_csv_endrow(&w);
	}
	st_csv_writer_finish(&w);
}

enum { C_ARTICLE, C_ID, C_PARA, C_START, C_END, C_KIND, C_SPEAKER,
       C_ROLE, C_QUOTE, C_CONTEXT, C_TOKENS, C_DATE, C_SOURCE, C_SCONF,
       C_STANCE, NCOL };

/* Column positions from a header row. */
static int columns(const struct st_csv_row *r, int *col, const char *path,
                   struct st_error *err)
{
	int i;

	for (i = 0; i < C_STANCE; i++) {
		col[i] = st_csv_col(r, st_quotes_header[i]);
		if (col[i] < 0 && i < ST_QUOTES_REQUIRED)
			return st_fail(err, path, r->line, "missing column '%s'",
			               st_quotes_header[i]);
	}
	col[C_STANCE] = st_csv_col(r, "stance");
	return 0;
}

/* s as a whole number, as st_parse_long() reads it; a few digits are
 * added up here, without strtol(3). */
static int parse_long(const char *s, long *v)
{
	const char *p = s;
	long x = 0;

	while (*p >= '0' && *p <= '9' && p - s < 18)
		x = x * 10 + (*p++ - '0');
	if (p > s && !*p) {
		*v = x;
		return 0;
	}
	return st_parse_long(s, v);
}

/* s as a number, as st_parse_double() reads it; D.D, the form the writer
 * gives speaker_confidence, is the digits over ten (one division of exact
 * numbers, rounded as strtod(3) rounds the decimal). */
static int parse_double(const char *s, double *v)
{
	if (s[0] >= '0' && s[0] <= '9' && s[1] == '.' && s[2] >= '0' &&
	    s[2] <= '9' && !s[3]) {
		*v = ((s[0] - '0') * 10 + (s[2] - '0')) / 10.0;
		return 0;
	}
	return st_parse_double(s, v);
}

static int get_num(const struct st_csv_row *r, int col, long *v,
                   const char *path, const char *what, struct st_error *err)
{
	if (parse_long(r->field[col], v) != 0 || *v < 0)
		return st_fail(err, path, r->line, "bad %s '%s'", what,
		               r->field[col]);
	return 0;
}

/* Make *field a copy of s[0..n), a string, in the memory of the string
 * there when that is as long or longer (the same article, date or source
 * as the row before, mostly), so that a row costs no malloc and free for
 * them. */
static void put(char **field, const char *s, size_t n)
{
	if (*field && strnlen(*field, n) == n)
		memcpy(*field, s, n + 1);
	else
		st_set(field, s, n);
}

static void copy(char **field, const struct st_csv_row *r, int col)
{
	put(field, r->field[col], r->len[col]);
}

/* Fill q (whose strings it replaces) from a data row. */
static int parse_row(const struct st_csv_row *r, const int *col,
                     struct st_quote *q, const char *path,
                     struct st_error *err)
{
	long v;
	int i;

	for (i = 0; i < NCOL; i++)
		if (col[i] >= 0 && col[i] >= (int)r->n)
			return st_fail(err, path, r->line,
			               "expected %zu fields, found %zu",
			               (size_t)col[i] + 1, r->n);
	q->line = r->line;
	copy(&q->article, r, col[C_ARTICLE]);
	if (r->field[col[C_ID]][0] != 'q' ||
	    parse_long(r->field[col[C_ID]] + 1, &v) != 0 || v < 1 ||
	    v > 1000000000)
		return st_fail(err, path, r->line, "bad quote_id '%s'",
		               r->field[col[C_ID]]);
	q->id = (int)v;
	if (get_num(r, col[C_PARA], &q->paragraph, path, "paragraph", err))
		return -1;
	if (get_num(r, col[C_START], &v, path, "start", err))
		return -1;
	q->start = (size_t)v;
	if (get_num(r, col[C_END], &v, path, "end", err))
		return -1;
	q->end = (size_t)v;
	if (q->end < q->start)
		return st_fail(err, path, r->line, "end before start");
	if (strcmp(r->field[col[C_KIND]], "full") == 0)
		q->kind = ST_FULL;
	else if (strcmp(r->field[col[C_KIND]], "partial") == 0)
		q->kind = ST_PARTIAL;
	else
		return st_fail(err, path, r->line, "bad kind '%s'",
		               r->field[col[C_KIND]]);
	copy(&q->speaker, r, col[C_SPEAKER]);
	copy(&q->role, r, col[C_ROLE]);
	copy(&q->text, r, col[C_QUOTE]);
	copy(&q->context, r, col[C_CONTEXT]);
	copy(&q->tokens, r, col[C_TOKENS]);
	for (i = C_DATE; i <= C_STANCE; i++) {
		char **f = i == C_DATE ? &q->date : i == C_SOURCE ? &q->source
		                                                  : &q->stance;
		if (i == C_SCONF)
			continue;
		if (col[i] >= 0)
			copy(f, r, col[i]);
		else
			put(f, "", 0);
	}
	q->speaker_confidence = -1;
	if (col[C_SCONF] >= 0 && r->field[col[C_SCONF]][0]) {
		double c;

		if (parse_double(r->field[col[C_SCONF]], &c) != 0 ||
		    !(c >= 0 && c <= 1))
			return st_fail(err, path, r->line,
			               "bad speaker_confidence '%s'",
			               r->field[col[C_SCONF]]);
		q->speaker_confidence = c;
	}
	return 0;
}

struct read_ctx {
	const char *path;
	struct st_quotes *qs;
	int col[NCOL];
	int have_header;
};

static int on_row(const struct st_csv_row *r, void *vctx,
                  struct st_error *err)
{
	struct read_ctx *c = vctx;

	if (!c->have_header) {
		c->have_header = 1;
		return columns(r, c->col, c->path, err);
	}
	return parse_row(r, c->col, st_quotes_add(c->qs), c->path, err);
}

int st_quotes_read(const char *path, const char *data, size_t len,
                   struct st_quotes *qs, struct st_error *err)
{
	struct read_ctx c;

	memset(&c, 0, sizeof c);
	c.path = path;
	c.qs = qs;
	if (st_csv_parse(path, data, len, on_row, &c, err) != 0)
		return -1;
	if (!c.have_header)
		return st_fail(err, path, 1, "empty file: no header");
	return 0;
}

struct st_quote_reader {
	struct st_csv_reader *csv;
	const char *path;
	int col[NCOL];
};

struct st_quote_reader *st_quote_reader_open(const char *path,
                                             struct st_error *err)
{
	struct st_quote_reader *r = st_xcalloc(1, sizeof *r);
	const struct st_csv_row *row;
	int rc;

	r->path = strcmp(path, "-") ? path : "<stdin>";
	r->csv = st_csv_reader_open(path, err);
	if (!r->csv)
		goto fail;
	rc = st_csv_next(r->csv, &row, err);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		st_fail(err, r->path, 1, "empty file: no header");
		goto fail;
	}
	if (columns(row, r->col, r->path, err))
		goto fail;
	return r;
fail:
	st_quote_reader_close(r);
	return NULL;
}

int st_quote_next(struct st_quote_reader *r, struct st_quote *q,
                  struct st_error *err)
{
	const struct st_csv_row *row;
	int rc = st_csv_next(r->csv, &row, err);

	if (rc <= 0)
		return rc;
	return parse_row(row, r->col, q, r->path, err) ? -1 : 1;
}

void st_quote_reader_close(struct st_quote_reader *r)
{
	if (!r)
		return;
	st_csv_reader_close(r->csv);
	free(r);
}
