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
 * length; 0 when snprintf() must say: only 0 <= v < 2^30 (not -0) and
 * d <= 9 are done here.  v is M / 2^sh exactly (M its 53-bit
 * significand), so v * 10^d is M * 10^d / 2^sh, whose quotient and
 * remainder, in 128 bits, round to nearest with ties to even as printf
 * does; that integer's digits are the number's. */
static size_t fixed(char *tmp, double v, int d)
{
	__extension__ typedef unsigned __int128 u128;
	unsigned long long q = 0, bits, scale = 1, ip;
	char dig[24];
	size_t n = 0;
	int ex, sh, i, k = 0;

	if (d < 0 || d > 9 || signbit(v) || !(v < 1073741824.0) ||
	    sizeof bits != sizeof v)
		return 0;
	for (i = 0; i < d; i++)
		scale *= 10;
	memcpy(&bits, &v, sizeof bits);
	ex = (int)(bits >> 52);		/* the sign bit is 0 */
	sh = 1075 - ex;
	if (ex != 0 && sh < 120) {	/* else 0, subnormal or below 2^-66 */
		u128 m = (u128)((bits & 0xFFFFFFFFFFFFFULL) |
		                0x10000000000000ULL) * scale;
		u128 r = m & (((u128)1 << sh) - 1), half = (u128)1 << (sh - 1);

		q = (unsigned long long)(m >> sh);
		if (r > half || (r == half && (q & 1)))
			q++;
	}
	/* the integer part, then the point and d digits */
	ip = q / scale;
	do
		dig[k++] = (char)('0' + ip % 10);
	while (ip /= 10);
	while (k)
		tmp[n++] = dig[--k];
	if (d) {
		unsigned long long f = q % scale;

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
