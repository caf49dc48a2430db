/* csvwrite.c - CSV writing: libcsv quotes a field that needs it, numbers
 * are written as printf would, a cell a spreadsheet would run is
 * neutralised, and the bytes written are counted. */
#include "io/io.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void st_csv_writer_init(struct st_csv_writer *w, FILE *fp, int excel,
                        int safe)
{
	w->fp = fp;
	w->nfield = 0;
	st_buf_init(&w->scratch);
	w->excel = excel;
	w->safe = safe;
	w->bytes = 0;
	if (excel) {
		fputs("\xef\xbb\xbf", fp);
		w->bytes = 3;
	}
}

/* s[0..n), with s[n] NUL and no NUL before it. */
static int needs_quotes(const char *s, size_t n)
{
	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	          s[n - 1] == '\t'))
		return 1;
	return strcspn(s, ",\"\r\n") < n;
}

/* The field s, a string of length n. */
static void put(struct st_csv_writer *w, const char *s, size_t n, int safe)
{
	struct st_buf b = ST_BUF_INIT;
	int neutral = safe && n && strchr("=+-@\t\r", s[0]);

	if (w->nfield++) {
		putc(',', w->fp);
		w->bytes++;
	}
	if (neutral) {
		/* OWASP: a leading apostrophe makes the cell text (and the
		 * cell is quoted) */
		st_buf_addc(&b, '\'');
		st_buf_add(&b, s, n);
		s = b.s;
		n = b.len;
	}
	if (neutral || needs_quotes(s, n)) {
		/* libcsv quotes into a buffer, written in one go: csv_fwrite
		 * would put a character at a time */
		size_t len;

		if (w->scratch.cap < 2 * n + 3) {
			w->scratch.s = st_xrealloc(w->scratch.s, 2 * n + 3);
			w->scratch.cap = 2 * n + 3;
		}
		len = csv_write(w->scratch.s, w->scratch.cap, s, n);
		fwrite(w->scratch.s, 1, len, w->fp);
		w->bytes += (long long)len;
	} else {
		fwrite(s, 1, n, w->fp);
		w->bytes += (long long)n;
	}
	st_buf_finish(&b);
}

void st_csv_put(struct st_csv_writer *w, const char *s)
{
	put(w, s ? s : "", s ? strlen(s) : 0, w->safe);
}

void st_csv_putraw(struct st_csv_writer *w, const char *s)
{
	put(w, s, strlen(s), 0);
}

/* A number: digits, a sign, a point, "inf" or "nan", never quoted or
 * neutralised. */
static void put_number(struct st_csv_writer *w, const char *s, size_t n)
{
	if (w->nfield++) {
		putc(',', w->fp);
		w->bytes++;
	}
	fwrite(s, 1, n, w->fp);
	w->bytes += (long long)n;
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
	put_number(w, p, (size_t)(tmp + sizeof tmp - p));
}

/* v with d decimals into tmp (32 bytes or more) as %.*f writes it, and its
 * length; 0 when snprintf() must say.  Only for v >= 0 (not -0) and d <= 6
 * with v * 10^d below 1e9, where that product is within 1.2e-7 of its
 * exact value: unless its fraction is within 1e-6 of a half, rounding it
 * to the nearest integer rounds the exact value as %f does, and that
 * integer's digits are the number's. */
static size_t fixed(char *tmp, double v, int d)
{
	static const double scale[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	unsigned long long u, div = 1;
	double x, r;
	size_t n = 0;
	char dig[24];
	int k = 0, i;

	if (d < 0 || d > 6 || signbit(v) || !(v >= 0))
		return 0;
	x = v * scale[d];
	if (!(x < 1e9))
		return 0;
	r = floor(x);
	if (fabs(x - r - 0.5) < 1e-6)
		return 0;
	u = (unsigned long long)r + (x - r > 0.5);
	for (i = 0; i < d; i++)
		div *= 10;
	/* the integer part, then the point and d digits */
	{
		unsigned long long ip = u / div;

		do
			dig[k++] = (char)('0' + ip % 10);
		while (ip /= 10);
		while (k)
			tmp[n++] = dig[--k];
	}
	if (d) {
		unsigned long long f = u % div;

		tmp[n++] = '.';
		for (i = d - 1; i >= 0; i--) {
			tmp[n + (size_t)i] = (char)('0' + f % 10);
			f /= 10;
		}
		n += (size_t)d;
	}
	return n;
}

void st_csv_putd(struct st_csv_writer *w, double v, int decimals)
{
	char tmp[64];
	size_t n = fixed(tmp, v, decimals);

	if (!n) {
		snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
		n = strlen(tmp);
	}
	put_number(w, tmp, n);
}

void st_csv_writer_finish(struct st_csv_writer *w)
{
	st_buf_finish(&w->scratch);
}

void st_csv_endrow(struct st_csv_writer *w)
{
	fputs(w->excel ? "\r\n" : "\n", w->fp);
	w->bytes += w->excel ? 2 : 1;
	w->nfield = 0;
}
