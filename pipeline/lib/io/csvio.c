/* csvio.c - CSV reading over libcsv (the writer is in csvwrite.c). */
#include "io/io.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

int st_csv_col(const struct st_csv_row *header, const char *name)
{
	size_t i;

	for (i = 0; i < header->n; i++)
		if (strcmp(header->field[i], name) == 0)
			return (int)i;
	return -1;
}

/* ---- reading a row at a time ----------------------------------------- */

struct queued {
	size_t first, n;	/* fields off[first..first + n) */
	long line;
};

/* Where the next CR or LF is: at is its index, or to when none is in the
 * bytes searched so far, which end at to. */
struct next {
	size_t at, to;
};

/* One reader for both forms: a file read a block at a time, or a buffer
 * the caller holds (st_csv_parse), which is then the whole of the data. */
struct st_csv_reader {
	const char *path;
	FILE *fp;		/* NULL over a buffer */
	int check;		/* refuse NUL bytes and invalid UTF-8 (files) */
	struct csv_parser p;
	struct st_csv_row row;		/* handed out */
	char **ptr;			/* row.field, made from off */
	size_t capptr;
	/* The fields of the rows completed and not handed out, then of the
	 * row being parsed (from cur), each ending in a NUL, in one buffer
	 * that is emptied when every row has been handed out. */
	struct st_buf text;
	size_t *off, *size, noff, capoff, capsize, cur;	/* size: row.len */
	struct queued *q;
	size_t nq, capq, next;
	long line, row_line;
	int bom_checked, eof, done;
	/* The bytes read and not yet parsed: s[pos..len), of which the first
	 * scan - pos were already searched for a line end.  From a file, s is
	 * data.s: a line longer than a block grows data and is scanned once,
	 * not again with every block; data is compacted only when half of it
	 * is parsed. */
	const char *s;
	size_t len, pos, scan;
	struct next cr, lf;
	struct st_buf data;
};

#define BLOCK 65536

static void r_field(void *s, size_t n, void *data)
{
	struct st_csv_reader *r = data;

	ST_GROW(r->off, r->noff, r->capoff, 64);
	ST_GROW(r->size, r->noff, r->capsize, 64);
	r->off[r->noff] = r->text.len;
	/* CSV_APPEND_NULL makes s a string, whose NUL is copied with it; an
	 * empty field may come as NULL */
	if (!s) {
		s = "";
		n = 0;
	}
	r->size[r->noff++] = n;
	st_buf_add(&r->text, s, n + 1);
}

static void r_row(int c, void *data)
{
	struct st_csv_reader *r = data;

	(void)c;
	ST_GROW(r->q, r->nq, r->capq, 16);
	r->q[r->nq].first = r->cur;
	r->q[r->nq].n = r->noff - r->cur;
	r->q[r->nq].line = r->row_line ? r->row_line : r->line;
	r->nq++;
	r->cur = r->noff;
	r->row_line = 0;
}

/* Forget the rows handed out, keeping the fields of the row being
 * parsed. */
static void drop_rows(struct st_csv_reader *r)
{
	size_t base = r->cur < r->noff ? r->off[r->cur] : r->text.len, i;

	if (base)
		memmove(r->text.s, r->text.s + base, r->text.len - base);
	r->text.len -= base;
	for (i = r->cur; i < r->noff; i++) {
		r->off[i - r->cur] = r->off[i] - base;
		r->size[i - r->cur] = r->size[i];
	}
	r->noff -= r->cur;
	r->cur = 0;
	r->nq = r->next = 0;
}

/* The index of the first c in s[from..len), or len; nx remembers the
 * search, so that the bytes past a line end are searched once, not again
 * for every line before the next c. */
static size_t next_of(struct next *nx, const char *s, size_t len, char c,
                      size_t from)
{
	const char *z;

	if (nx->at >= from && nx->at < nx->to)
		return nx->at;
	if (nx->at == nx->to && nx->to > from)
		from = nx->to;
	z = memchr(s + from, c, len - from);
	nx->to = len;
	nx->at = z ? (size_t)(z - s) : len;
	return nx->at;
}

/* The data moved down by k bytes. */
static void next_shift(struct next *nx, size_t k)
{
	if (nx->at < k) {
		nx->at = nx->to = 0;
	} else {
		nx->at -= k;
		nx->to -= k;
	}
}

static struct st_csv_reader *reader_new(const char *path, char delim)
{
	struct st_csv_reader *r = st_xcalloc(1, sizeof *r);

	r->path = path;
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_delim(&r->p, (unsigned char)delim);
	r->line = 1;
	return r;
}

struct st_csv_reader *st_csv_reader_open(const char *path,
                                         struct st_error *err)
{
	struct st_csv_reader *r;
	int is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");

	if (!fp) {
		st_fail(err, path, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	r = reader_new(is_stdin ? "<stdin>" : path, ',');
	r->fp = fp;
	r->check = 1;
	return r;
}

static size_t count_nl(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* Feed one line (ending in LF, CRLF or CR, or the data's last bytes);
 * lines are checked whole, so no UTF-8 sequence is ever cut in two. */
static int feed(struct st_csv_reader *r, const char *s, size_t n, int eol,
                struct st_error *err)
{
	if (r->check && st_check_text(r->path, s, n, err) != 0) {
		err->line += r->line - 1;
		return -1;
	}
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

/* Read a block from the file into data; the tail of a line that goes on
 * in the next block stays there. */
static int read_block(struct st_csv_reader *r, struct st_error *err)
{
	struct st_buf *d = &r->data;
	size_t n, old;

	if (r->pos && r->pos >= d->len / 2) {
		memmove(d->s, d->s + r->pos, d->len - r->pos);
		d->len -= r->pos;
		r->scan -= r->pos;
		next_shift(&r->cr, r->pos);
		next_shift(&r->lf, r->pos);
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
	r->s = d->s;
	r->len = d->len;
	if (n == 0)
		r->eof = 1;
	{
		/* only the new bytes can hold a NUL not seen before */
		size_t from = old > r->pos ? old : r->pos;
		const char *z = memchr(d->s + from, '\0', d->len - from);
		if (z)
			return st_fail(err, r->path, r->line + (long)count_nl(
			               d->s + r->pos, (size_t)(z - d->s) - r->pos),
			               "NUL byte");
	}
	return 0;
}

/* Parse lines until one completes a row, more data is needed, or the
 * data ends: rows come out in the order of their lines, each before
 * anything wrong in a later line. */
static int fill(struct st_csv_reader *r, struct st_error *err)
{
	size_t off, start;

	for (;;) {
		if (!r->bom_checked && (r->len >= 3 || r->eof)) {
			r->bom_checked = 1;
			if (r->len >= 3 && memcmp(r->s, "\xef\xbb\xbf", 3) == 0)
				r->pos = r->scan = 3;
		}
		start = r->pos;
		off = r->scan;
		while (r->bom_checked && off < r->len && r->nq == r->next) {
			size_t lf = next_of(&r->lf, r->s, r->len, '\n', off);
			size_t e = next_of(&r->cr, r->s, r->len, '\r', off);

			if (lf < e)
				e = lf;
			if (e == r->len) {
				off = e;
				break;
			}
			off = e + 1;
			if (r->s[e] == '\r') {
				if (off == r->len && !r->eof) {
					off--;	/* CR at the end: CRLF or not? */
					break;
				}
				if (off < r->len && r->s[off] == '\n')
					off++;
			}
			if (feed(r, r->s + start, off - start, 1, err))
				return -1;
			start = off;
		}
		r->pos = start;
		r->scan = off;
		if (r->nq > r->next)
			return 0;
		if (r->eof)
			break;
		if (read_block(r, err))
			return -1;
	}
	if (r->pos < r->len &&
	    feed(r, r->s + r->pos, r->len - r->pos, 0, err))
		return -1;
	r->pos = r->scan = r->len;
	if (csv_fini(&r->p, r_field, r_row, r) != 0)
		return st_fail(err, r->path, r->row_line ? r->row_line : r->line,
		               "unterminated quoted field");
	r->done = 1;
	return 0;
}

int st_csv_next(struct st_csv_reader *r, const struct st_csv_row **row,
                struct st_error *err)
{
	const struct queued *q;
	size_t i;

	while (r->next == r->nq) {
		drop_rows(r);
		if (r->done)
			return 0;
		if (fill(r, err))
			return -1;
	}
	q = &r->q[r->next++];
	if (q->n > r->capptr) {
		r->capptr = q->n;
		r->ptr = st_xrealloc(r->ptr, q->n * sizeof *r->ptr);
	}
	for (i = 0; i < q->n; i++)
		r->ptr[i] = r->text.s + r->off[q->first + i];
	r->row.field = r->ptr;
	r->row.len = r->size + q->first;
	r->row.n = q->n;
	r->row.line = q->line;
	*row = &r->row;
	return 1;
}

void st_csv_reader_close(struct st_csv_reader *r)
{
	if (!r)
		return;
	free(r->q);
	free(r->off);
	free(r->size);
	free(r->ptr);
	st_buf_finish(&r->text);
	csv_free(&r->p);
	st_buf_finish(&r->data);
	if (r->fp && r->fp != stdin)
		fclose(r->fp);
	free(r);
}

/* ---- a buffer at once, over the reader ------------------------------- */

int st_csv_parse(const char *path, const char *data, size_t len,
                 st_csv_row_fn fn, void *ctx, struct st_error *err)
{
	return st_csv_parse_delim(path, data, len, ',', fn, ctx, err);
}

int st_csv_parse_delim(const char *path, const char *data, size_t len,
                       char delim, st_csv_row_fn fn, void *ctx,
                       struct st_error *err)
{
	struct st_csv_reader *r = reader_new(path, delim);
	const struct st_csv_row *row;
	int rc;

	r->s = data;
	r->len = len;
	r->eof = 1;
	while ((rc = st_csv_next(r, &row, err)) > 0)
		if (fn(row, ctx, err) != 0) {
			rc = -1;
			break;
		}
	st_csv_reader_close(r);
	return rc;
}
