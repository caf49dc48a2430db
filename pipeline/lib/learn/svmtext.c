/* svmtext.c - LIBSVM's text lines: vectors written with a float
 * formatter of their own and parsed back with a checked parser. */
#include "learn/learn.h"
#include "core/core.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char pairs[] =
	"00010203040506070809101112131415161718192021222324"
	"25262728293031323334353637383940414243444546474849"
	"50515253545556575859606162636465666768697071727374"
	"75767778798081828384858687888990919293949596979899";

/* Append the decimal digits of v (v >= 0) to p; return the new end. */
static char *put_uint(char *p, unsigned long long v)
{
	char tmp[24], *t = tmp + sizeof tmp;
	size_t n;

	if (v < 10000) {	/* a feature index mostly is */
		unsigned u = (unsigned)v;

		if (u < 10) {
			*p = (char)('0' + u);
			return p + 1;
		}
		if (u < 100) {
			memcpy(p, pairs + 2 * u, 2);
			return p + 2;
		}
		if (u < 1000) {
			*p = (char)('0' + u / 100);
			memcpy(p + 1, pairs + 2 * (u % 100), 2);
			return p + 3;
		}
		memcpy(p, pairs + 2 * (u / 100), 2);
		memcpy(p + 2, pairs + 2 * (u % 100), 2);
		return p + 4;
	}

	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);

		v /= 100;
		t -= 2;
		memcpy(t, pairs + 2 * r, 2);
	}
	if (v >= 10) {
		t -= 2;
		memcpy(t, pairs + 2 * v, 2);
	} else {
		*--t = (char)('0' + v);
	}
	n = (size_t)(tmp + sizeof tmp - t);
	memcpy(p, t, n);
	return p + n;
}

/* The nine digits of m (10^8 <= m < 10^9) into d[0..9). */
static void nine_digits(char *d, uint32_t m)
{
	uint32_t hi = m / 10000, lo = m % 10000;

	d[0] = (char)('0' + hi / 10000);
	hi %= 10000;
	memcpy(d + 1, pairs + 2 * (hi / 100), 2);
	memcpy(d + 3, pairs + 2 * (hi % 100), 2);
	memcpy(d + 5, pairs + 2 * (lo / 100), 2);
	memcpy(d + 7, pairs + 2 * (lo % 100), 2);
}

/* %.9g of a weight, which lies in (0, 1]: nine significant digits by
 * integer arithmetic, trailing zeros dropped; snprintf for anything else.
 * Returns the new end of p (room for 32 bytes). */
static char *put_value(char *p, double v)
{
	static const double scale[] = { 1e9, 1e10, 1e11, 1e12 };
	unsigned long long m;
	int zeros = 0;

	if (!(v >= 1e-4 && v < 1))
		return p + snprintf(p, 32, "%.9g", v);
	while (zeros < 3 && v * scale[zeros] < 1e8)
		zeros++;
	m = (unsigned long long)(v * scale[zeros] + 0.5);
	if (m >= 1000000000ULL) {	/* rounded up to the next power */
		if (zeros == 0)
			return p + snprintf(p, 32, "%.9g", v);
		zeros--;
		m = (unsigned long long)(v * scale[zeros] + 0.5);
	}
	memcpy(p, "0.000", 5);	/* the zeros needed, the rest overwritten */
	p += 2 + zeros;
	if (m >= 100000000ULL && m < 1000000000ULL) {
		nine_digits(p, (uint32_t)m);
		p += 9;
	} else {
		char *d = p;

		p = put_uint(p, m);
		if (p == d + 1 && *d == '0')
			return p;	/* a lone 0 stays */
	}
	while (p[-1] == '0')	/* the first digit is not 0 */
		p--;
	return p;
}

size_t st_vec_format(char *buf, int label, const struct st_vec *x)
{
	char *p = buf;
	size_t k;

	if (label < 0) {
		*p++ = '-';
		p = put_uint(p, (unsigned long long)-(long long)label);
	} else {
		p = put_uint(p, (unsigned long long)label);
	}
	for (k = 0; k < x->n; k++) {
		*p++ = ' ';
		p = put_uint(p, (unsigned long long)x->idx[k]);
		*p++ = ':';
		p = put_value(p, x->val[k]);
	}
	return (size_t)(p - buf);
}

void st_vec_write(FILE *fp, int label, const struct st_vec *x)
{
	char small[4096], *line = small;
	size_t n;

	if (ST_VEC_LINE_MAX(x->n) > sizeof small)
		line = st_xmalloc(ST_VEC_LINE_MAX(x->n));
	n = st_vec_format(line, label, x);
	line[n++] = '\n';
	fwrite(line, 1, n, fp);
	if (line != small)
		free(line);
}

/* A decimal such as 0.123456789 or 1.5e-05 whose digits fit in 2^53 and
 * whose power of ten is at most 22 is m / 10^k or m * 10^k with both
 * exact, so one IEEE division or multiplication rounds it correctly, the
 * same double strtod gives (Clinger's fast path).  Anything else goes to
 * strtod. */
/* The run of digits at p appended to *m (which wraps when the run is
 * long: the caller counts the digits); returns the end of the run.  lim
 * is the end of the string: eight digits at a time while eight bytes are
 * left, where the bytes are in memory order (little-endian). */
static const char *add_digits(const char *p, const char *lim,
                              unsigned long long *m)
{
	unsigned long long v = *m;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (lim - p >= 8) {
		uint64_t c;

		memcpy(&c, p, 8);
		/* every byte '0'..'9': high nibble 3, and still 3 plus 6 */
		if (((c & 0xF0F0F0F0F0F0F0F0ULL) |
		     (((c + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >>
		      4)) != 0x3333333333333333ULL)
			break;
		/* pairs, then fours, then the eight: 10a+b, 100ab+cd, ... */
		c -= 0x3030303030303030ULL;
		c = c * 10 + (c >> 8);
		c = ((c & 0x000000FF000000FFULL) * 0x000F424000000064ULL +
		     ((c >> 16) & 0x000000FF000000FFULL) *
		     0x0000271000000001ULL) >> 32;
		v = v * 100000000ULL + (uint32_t)c;
		p += 8;
	}
#else
	(void)lim;
#endif
	for (; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (unsigned)(*p - '0');
	*m = v;
	return p;
}

static double parse_value(const char *s, const char *lim, char **end)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
		1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
		1e18, 1e19, 1e20, 1e21, 1e22 };
	const char *p = s, *q;
	unsigned long long m = 0;
	int neg = 0, digits = 0, frac = 0, e = 0, eneg = 0, edigits = 0;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (q = p; *p >= '0' && *p <= '9'; p++)
		m = m * 10 + (unsigned)(*p - '0');
	digits = (int)(p - q);
	if (*p == '.') {
		q = ++p;
		p = add_digits(p, lim, &m);
		frac = (int)(p - q);
		digits += frac;
	}
	if (digits == 0 || digits > 15)
		goto slow;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			eneg = *p++ == '-';
		for (; *p >= '0' && *p <= '9' && edigits < 4; p++, edigits++)
			e = e * 10 + (*p - '0');
		if (!edigits || (*p >= '0' && *p <= '9'))
			goto slow;
	}
	e = (eneg ? -e : e) - frac;
	if (e < -22 || e > 22)
		goto slow;
	*end = (char *)p;
	{
		double v = e < 0 ? (double)m / pow10[-e] : (double)m * pow10[e];
		return neg ? -v : v;
	}
slow:
	return strtod(s, end);
}

/* A whole number, without strtol's locale and base machinery. */
static long parse_index(const char *s, char **end)
{
	const char *p = s;
	long v = 0;
	int neg = 0, n;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9') {
		*end = (char *)s;
		return 0;
	}
	/* eleven digits stay below the bound checked next */
	for (n = 0; n < 11 && *p >= '0' && *p <= '9'; n++, p++)
		v = v * 10 + (*p - '0');
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > 100000000000L) {
			errno = ERANGE;
			break;
		}
		v = v * 10 + (*p - '0');
	}
	*end = (char *)p;
	return neg ? -v : v;
}

/* strtol(s, end, 10), with a shortcut for a few digits, optionally
 * negative, which is what a label is. */
static long parse_label(const char *s, char **end)
{
	const char *p = s + (*s == '-');
	long v = 0;
	int n;

	for (n = 0; n < 8 && p[n] >= '0' && p[n] <= '9'; n++)
		v = v * 10 + (p[n] - '0');
	if (n == 0 || n == 8)
		return strtol(s, end, 10);
	*end = (char *)(p + n);
	return *s == '-' ? -v : v;
}

int st_vec_parse(const char *path, long line, const char *s, int *label,
                 struct st_vec *x, long maxidx, struct st_error *err)
{
	const char *lim = s + strlen(s);
	char *end;
	long lab, prev = 0;

	x->n = 0;
	errno = 0;
	lab = parse_label(s, &end);
	if (end == s || errno || (*end && *end != ' ' && *end != '\t') ||
	    lab < -1000000 || lab > 1000000)
		return st_fail(err, path, line, "bad label (a vectors file holds "
		               "LIBSVM lines: LABEL INDEX:VALUE ...)");
	*label = (int)lab;
	s = end;
	for (;;) {
		long idx;
		double val;

		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '\r')
			break;
		errno = 0;
		idx = parse_index(s, &end);
		if (end == s || *end != ':' || errno)
			return st_fail(err, path, line, "bad feature '%.20s'", s);
		if (idx <= 0)
			return st_fail(err, path, line,
			               "feature index %ld: indices start at 1", idx);
		if (idx <= prev)
			return st_fail(err, path, line,
			               "feature index %ld after %ld: indices must "
			               "ascend", idx, prev);
		if (maxidx > 0 && idx > maxidx)
			return st_fail(err, path, line,
			               "feature index %ld beyond the vocabulary "
			               "(%ld terms)", idx, maxidx);
		s = end + 1;
		errno = 0;
		val = parse_value(s, lim, &end);
		if (end == s || errno || !isfinite(val) ||
		    (*end && *end != ' ' && *end != '\t' && *end != '\r'))
			return st_fail(err, path, line, "bad value for feature %ld",
			               idx);
		if (x->n < x->cap) {
			x->idx[x->n] = (int)idx;
			x->val[x->n++] = val;
		} else {
			st_vec_push(x, (int)idx, val);
		}
		prev = idx;
		s = end;
	}
	return 0;
}
