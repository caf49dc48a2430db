/* csvio.c - CSV reading and writing over libcsv. */
#include "io/io.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct parse_state {
	const char *path;
	st_csv_row_fn fn;
	void *ctx;
	struct st_error *err;
	struct st_csv_row row;
	size_t cap;
	long line;		/* line being fed */
	long row_line;		/* line where the current row started, or 0 */
	int failed;
};

static void on_field(void *s, size_t n, void *data)
{
	struct parse_state *st = data;

	if (st->failed)
		return;
	if (st->row.n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 16;
		st->row.field = st_xrealloc(st->row.field,
		                            st->cap * sizeof *st->row.field);
	}
	/* CSV_APPEND_NULL makes s a string; an empty field may come as NULL */
	st->row.field[st->row.n++] = st_xstrndup(s ? s : "", s ? n : 0);
}

static void clear_row(struct parse_state *st)
{
	size_t i;

	for (i = 0; i < st->row.n; i++)
		free(st->row.field[i]);
	st->row.n = 0;
	st->row_line = 0;
}

static void on_row(int c, void *data)
{
	struct parse_state *st = data;

	(void)c;
	if (!st->failed) {
		st->row.line = st->row_line ? st->row_line : st->line;
		if (st->fn(&st->row, st->ctx, st->err) != 0)
			st->failed = 1;
	}
	clear_row(st);
}

/* libcsv grows its field buffer by a fixed block (128 bytes), copying it
 * each time: a field of megabytes would cost a quadratic time.  Before
 * each line the block is made as large as the line or the buffer so
 * far, so that the buffer at least doubles when it grows. */
static void grow_by(struct csv_parser *p, size_t n)
{
	size_t b = n > p->entry_size ? n : p->entry_size;

	csv_set_blk_size(p, b > 128 ? b : 128);
}

static int blank_line(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

int st_csv_parse(const char *path, const char *data, size_t len,
                 st_csv_row_fn fn, void *ctx, struct st_error *err)
{
	return st_csv_parse_delim(path, data, len, ',', fn, ctx, err);
}

int st_csv_parse_delim(const char *path, const char *data, size_t len,
                       char delim, st_csv_row_fn fn, void *ctx,
                       struct st_error *err)
{
	struct csv_parser p;
	struct parse_state st;
	size_t off = 0;
	int rc = -1;

	memset(&st, 0, sizeof st);
	st.path = path;
	st.fn = fn;
	st.ctx = ctx;
	st.err = err;
	st.line = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return st_fail(err, path, 0, "cannot initialise CSV parser");
	csv_set_delim(&p, (unsigned char)delim);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		off = 3;
	/* Feed a line at a time (a line ends in LF, CRLF or a lone CR) so
	 * that errors can name their line and each row the line it starts
	 * on: libcsv itself counts no lines. */
	while (off < len && !st.failed) {
		size_t n = 0, used;
		int eol = 0;

		while (off + n < len && !eol) {
			char c = data[off + n++];
			if (c == '\n')
				eol = 1;
			else if (c == '\r') {
				if (off + n < len && data[off + n] == '\n')
					n++;
				eol = 1;
			}
		}
		if (!st.row_line && !blank_line(data + off, n))
			st.row_line = st.line;
		grow_by(&p, n);
		used = csv_parse(&p, data + off, n, on_field, on_row, &st);
		if (used != n) {
			st_fail(err, path, st.line, "malformed CSV: %s",
			        csv_strerror(csv_error(&p)));
			goto out;
		}
		off += n;
		if (eol)
			st.line++;
	}
	if (st.failed)
		goto out;
	if (csv_fini(&p, on_field, on_row, &st) != 0) {
		st_fail(err, path, st.row_line ? st.row_line : st.line,
		        "unterminated quoted field");
		goto out;
	}
	if (st.failed)
		goto out;
	rc = 0;
out:
	clear_row(&st);
	free(st.row.field);
	csv_free(&p);
	return rc;
}

int st_csv_col(const struct st_csv_row *header, const char *name)
{
	size_t i;

	for (i = 0; i < header->n; i++)
		if (strcmp(header->field[i], name) == 0)
			return (int)i;
	return -1;
}

void st_csv_writer_init(struct st_csv_writer *w, FILE *fp, int excel,
                        int safe)
{
	w->fp = fp;
	w->nfield = 0;
	st_buf_init(&w->scratch);
	w->excel = excel;
	w->safe = safe;
	if (excel)
		fputs("\xef\xbb\xbf", fp);
}

static int needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	          s[n - 1] == '\t'))
		return 1;
	for (i = 0; i < n; i++) {
		/* one test for most bytes: none of the four is above ',' */
		unsigned char c = (unsigned char)s[i];

		if (c <= ',' && (c == ',' || c == '"' || c == '\r' ||
		                 c == '\n'))
			return 1;
	}
	return 0;
}

static void put(struct st_csv_writer *w, const char *s, size_t n, int safe)
{
	if (w->nfield++)
		putc(',', w->fp);
	if (safe && n && strchr("=+-@\t\r", s[0])) {
		/* OWASP: a leading apostrophe makes the cell text */
		struct st_buf b = ST_BUF_INIT;

		st_buf_addc(&b, '\'');
		st_buf_add(&b, s, n);
		csv_fwrite(w->fp, b.s, b.len);
		st_buf_finish(&b);
		return;
	}
	if (needs_quotes(s, n)) {
		/* libcsv quotes into a buffer, written in one go: csv_fwrite
		 * would put a character at a time */
		size_t len;

		if (w->scratch.cap < 2 * n + 3) {
			w->scratch.s = st_xrealloc(w->scratch.s, 2 * n + 3);
			w->scratch.cap = 2 * n + 3;
		}
		len = csv_write(w->scratch.s, w->scratch.cap, s, n);
		fwrite(w->scratch.s, 1, len, w->fp);
	} else {
		fwrite(s, 1, n, w->fp);
	}
}

void st_csv_putn(struct st_csv_writer *w, const char *s, size_t n)
{
	put(w, s, n, w->safe);
}

void st_csv_put(struct st_csv_writer *w, const char *s)
{
	put(w, s ? s : "", s ? strlen(s) : 0, w->safe);
}

void st_csv_putraw(struct st_csv_writer *w, const char *s)
{
	put(w, s, strlen(s), 0);
}

void st_csv_putl(struct st_csv_writer *w, long v)
{
	/* no snprintf: a row of quotes has three numbers */
	char tmp[32], *p = tmp + sizeof tmp;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	put(w, p, (size_t)(tmp + sizeof tmp - p), 0);
}

void st_csv_putd(struct st_csv_writer *w, double v, int decimals)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	put(w, tmp, strlen(tmp), 0);
}

void st_csv_writer_finish(struct st_csv_writer *w)
{
	st_buf_finish(&w->scratch);
}

void st_csv_endrow(struct st_csv_writer *w)
{
	fputs(w->excel ? "\r\n" : "\n", w->fp);
	w->nfield = 0;
}

/* ---- reading a row at a time ----------------------------------------- */

struct queued {
	char **field;
	size_t n;
	long line;
};

struct st_csv_reader {
	const char *path;
	FILE *fp;
	struct csv_parser p;
	struct st_csv_row row;		/* handed out */
	struct queued *q;		/* rows completed by the last block */
	size_t nq, capq, next;
	struct queued cur;		/* the row being parsed */
	size_t capf;
	long line, row_line;
	int bom_checked, eof, done;
	/* The bytes read and not yet parsed: data.s[pos..data.len), of which
	 * the first scan - pos were already searched for a line end.  A line
	 * longer than a block grows data and is scanned once, not again with
	 * every block; data is compacted only when half of it is parsed. */
	struct st_buf data;
	size_t pos, scan;
};

#define BLOCK 65536

static void r_field(void *s, size_t n, void *data)
{
	struct st_csv_reader *r = data;

	if (r->cur.n == r->capf) {
		r->capf = r->capf ? r->capf * 2 : 16;
		r->cur.field = st_xrealloc(r->cur.field,
		                           r->capf * sizeof *r->cur.field);
	}
	r->cur.field[r->cur.n++] = st_xstrndup(s ? s : "", s ? n : 0);
}

static void r_row(int c, void *data)
{
	struct st_csv_reader *r = data;

	(void)c;
	if (r->nq == r->capq) {
		r->capq = r->capq ? r->capq * 2 : 16;
		r->q = st_xrealloc(r->q, r->capq * sizeof *r->q);
	}
	r->q[r->nq].field = r->cur.field;
	r->q[r->nq].n = r->cur.n;
	r->q[r->nq].line = r->row_line ? r->row_line : r->line;
	r->nq++;
	r->cur.field = NULL;
	r->cur.n = 0;
	r->capf = 0;
	r->row_line = 0;
}

struct st_csv_reader *st_csv_reader_open(const char *path,
                                         struct st_error *err)
{
	struct st_csv_reader *r = st_xcalloc(1, sizeof *r);
	int is_stdin = strcmp(path, "-") == 0;

	r->path = is_stdin ? "<stdin>" : path;
	r->fp = is_stdin ? stdin : fopen(path, "rb");
	if (!r->fp) {
		st_fail(err, path, 0, "cannot open: %s", strerror(errno));
		free(r);
		return NULL;
	}
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	r->line = 1;
	return r;
}

static void free_queued(struct queued *q)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		free(q->field[i]);
	free(q->field);
	q->field = NULL;
	q->n = 0;
}

static size_t count_nl(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* Lines are checked whole, so no UTF-8 sequence is ever cut in two. */
static int check_utf8(struct st_csv_reader *r, const char *s, size_t n,
                      struct st_error *err)
{
	if (st_check_text(r->path, s, n, err) == 0)
		return 0;
	err->line += r->line - 1;
	return -1;
}

/* Feed one line (ending in LF, CRLF or CR, or the file's last bytes). */
static int feed(struct st_csv_reader *r, const char *s, size_t n, int eol,
                struct st_error *err)
{
	if (!r->row_line && !blank_line(s, n))
		r->row_line = r->line;
	grow_by(&r->p, n);
	if (csv_parse(&r->p, s, n, r_field, r_row, r) != n)
		return st_fail(err, r->path, r->line, "malformed CSV: %s",
		               csv_strerror(csv_error(&r->p)));
	if (eol)
		r->line++;
	return 0;
}

/* Read a block and parse the lines it completes; the tail of a line that
 * goes on in the next block stays in data. */
static int fill(struct st_csv_reader *r, struct st_error *err)
{
	struct st_buf *d = &r->data;
	size_t n, old, off, start;

	if (r->pos && r->pos >= d->len / 2) {
		memmove(d->s, d->s + r->pos, d->len - r->pos);
		d->len -= r->pos;
		r->scan -= r->pos;
		r->pos = 0;
	}
	old = d->len;
	if (d->cap < d->len + BLOCK + 1) {
		size_t cap = d->cap ? d->cap : BLOCK + 1;
		while (cap < d->len + BLOCK + 1)
			cap *= 2;
		d->s = st_xrealloc(d->s, cap);
		d->cap = cap;
	}
	n = fread(d->s + d->len, 1, BLOCK, r->fp);
	if (ferror(r->fp))
		return st_fail(err, r->path, r->line, "read error: %s",
		               strerror(errno));
	d->len += n;
	d->s[d->len] = '\0';
	if (n == 0)
		r->eof = 1;
	if (!r->bom_checked) {
		if (d->len < 3 && !r->eof)
			return 0;
		r->bom_checked = 1;
		if (d->len >= 3 && memcmp(d->s, "\xef\xbb\xbf", 3) == 0)
			r->pos = r->scan = 3;
	}
	{
		/* only the new bytes can hold a NUL not seen before */
		size_t from = old > r->pos ? old : r->pos;
		const char *z = memchr(d->s + from, '\0', d->len - from);
		if (z)
			return st_fail(err, r->path, r->line + (long)count_nl(
			               d->s + r->pos, (size_t)(z - d->s) - r->pos),
			               "NUL byte");
	}
	start = r->pos;
	off = r->scan;
	while (off < d->len) {
		char c = d->s[off++];
		int eol = c == '\n';

		if (c == '\r') {
			if (off == d->len && !r->eof) {
				off--;	/* CR at the end: CRLF or not? */
				break;
			}
			if (off < d->len && d->s[off] == '\n')
				off++;
			eol = 1;
		}
		if (eol) {
			if (check_utf8(r, d->s + start, off - start, err) ||
			    feed(r, d->s + start, off - start, 1, err))
				return -1;
			start = off;
		}
	}
	r->pos = start;
	r->scan = off;
	if (r->eof) {
		if (start < d->len &&
		    (check_utf8(r, d->s + start, d->len - start, err) ||
		     feed(r, d->s + start, d->len - start, 0, err)))
			return -1;
		r->pos = r->scan = d->len;
		if (csv_fini(&r->p, r_field, r_row, r) != 0)
			return st_fail(err, r->path, r->row_line ? r->row_line
			               : r->line, "unterminated quoted field");
	}
	return 0;
}

int st_csv_next(struct st_csv_reader *r, const struct st_csv_row **row,
                struct st_error *err)
{
	if (r->done)
		return 0;
	if (r->next > 0) {
		free_queued(&r->q[r->next - 1]);
		if (r->next == r->nq) {
			r->nq = 0;
			r->next = 0;
		}
	}
	while (r->next == r->nq) {
		r->nq = r->next = 0;
		if (r->eof) {
			r->done = 1;
			return 0;
		}
		if (fill(r, err))
			return -1;
	}
	r->row.field = r->q[r->next].field;
	r->row.n = r->q[r->next].n;
	r->row.line = r->q[r->next].line;
	r->next++;
	*row = &r->row;
	return 1;
}

void st_csv_reader_close(struct st_csv_reader *r)
{
	size_t i;

	if (!r)
		return;
	for (i = r->next ? r->next - 1 : 0; i < r->nq; i++)
		free_queued(&r->q[i]);
	free(r->q);
	free_queued(&r->cur);
	csv_free(&r->p);
	st_buf_finish(&r->data);
	if (r->fp && r->fp != stdin)
		fclose(r->fp);
	free(r);
}
