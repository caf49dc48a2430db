/* csvio.c - CSV reading and writing over libcsv. */
#include "csvio.h"

#include <csv.h>
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
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
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
	if (needs_quotes(s, n))
		csv_fwrite(w->fp, s, n);
	else
		fwrite(s, 1, n, w->fp);
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
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%ld", v);
	put(w, tmp, strlen(tmp), 0);
}

void st_csv_putd(struct st_csv_writer *w, double v, int decimals)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	put(w, tmp, strlen(tmp), 0);
}

void st_csv_endrow(struct st_csv_writer *w)
{
	fputs(w->excel ? "\r\n" : "\n", w->fp);
	w->nfield = 0;
}
