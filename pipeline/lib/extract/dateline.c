/* dateline.c - an article's date and source from its first paragraphs or
 * its file name. */
#include "extract/extract.h"
#include "io/io.h"

#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* A paragraph up to this long may be a date or byline line. */
#define SHORT_LINE 120

static const char *const months[] = { "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december" };

static const char *const weekdays[] = { "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday" };

/* Agencies a dateline names in capitals, as they write themselves. */
static const struct {
	const char *caps, *name;
} agencies[] = {
	{ "ARMENPRESS", "Armenpress" }, { "REUTERS", "Reuters" },
	{ "TASS", "TASS" }, { "ARKA", "ARKA" }, { "AFP", "AFP" },
	{ "AP", "AP" }, { "INTERFAX", "Interfax" }, { "ARMINFO", "Arminfo" },
	{ "SPUTNIK", "Sputnik" }, { "NEWS.AM", "news.am" },
	{ "MEDIAMAX", "Mediamax" }, { "PANORAMA.AM", "Panorama.am" },
};
#define NAGENCIES (sizeof agencies / sizeof agencies[0])

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

int st_valid_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int i, y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(s[i]))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

/* Digits at p (at most max of them, and no more following): their
 * value, and their count in *n (0 when none). */
static int number(const char *p, const char *end, int max, int *n)
{
	int v = 0, k = 0;

	while (p + k < end && is_digit(p[k]) && k <= max)
		v = v * 10 + (p[k++] - '0');
	if (k > max || (p + k < end && is_alpha(p[k]) && !(k <= 2)))
		k = 0;
	*n = k;
	return v;
}

/* The month (1..12) whose name or abbreviation ("Jan", "Sept", with or
 * without a dot) stands at p as a whole word, with its length in *n; 0
 * when none. */
static int month_at(const char *p, const char *end, size_t *n)
{
	size_t k = 0;
	int m;

	while (p + k < end && is_alpha(p[k]))
		k++;
	if (k < 3)
		return 0;
	for (m = 0; m < 12; m++) {
		size_t full, i;

		if (lower(p[0]) != months[m][0])
			continue;
		full = strlen(months[m]);
		if (k > full || (k < full && k != 3 && !(m == 8 && k == 4)))
			continue;
		for (i = 0; i < k && lower(p[i]) == months[m][i]; i++)
			;
		if (i < k)
			continue;
		*n = k;
		if (k < full && p + k < end && p[k] == '.')
			(*n)++;
		return m + 1;
	}
	return 0;
}

/* A 4-digit year 1900..2099 at p, not inside a longer number. */
static int year_at(const char *p, const char *end)
{
	int n, v = number(p, end, 4, &n);

	if (n != 4 || v < 1900 || v > 2099 || (p + 4 < end && is_digit(p[4])))
		return 0;
	return v;
}

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* After a day and month at q: ", 2024" or " 2024" sets *y and returns
 * the end of the year; otherwise q, *y 0. */
static const char *optional_year(const char *q, const char *end, int *y)
{
	const char *r = q;

	if (r < end && *r == ',')
		r++;
	r = skip_spaces(r, end);
	if ((*y = year_at(r, end)) != 0)
		return r + 4;
	return q;
}

/* A date at p: "2024-06-12", "22.05.2023", "June 12, 2024", "June 12th",
 * "12 June 2024", "12 June".  *y is 0 when no year follows.  Returns the
 * end of the date, or NULL. */
static const char *date_at(const char *p, const char *end, int *y, int *m,
                           int *d)
{
	const char *q;
	size_t mn;
	int n, v;

	*y = 0;
	if (p > end || (p < end && !is_alpha(*p) && !is_digit(*p)))
		return NULL;
	v = number(p, end, 4, &n);
	if (n == 4 && p + 10 <= end && p[4] == '-' && p[7] == '-') {
		char s[11];
		memcpy(s, p, 10);
		s[10] = '\0';
		if (!st_valid_date(s) || (p + 10 < end && is_digit(p[10])))
			return NULL;
		*y = v;
		*m = (p[5] - '0') * 10 + (p[6] - '0');
		*d = (p[8] - '0') * 10 + (p[9] - '0');
		return p + 10;
	}
	if (n == 1 || n == 2) {
		*d = v;
		q = p + n;
		if (q < end && *q == '.') {	/* 22.05.2023 */
			int n2, n3, mm = number(q + 1, end, 2, &n2), yy;

			if (!n2 || q + 1 + n2 >= end || q[1 + n2] != '.')
				return NULL;
			yy = number(q + 2 + n2, end, 4, &n3);
			if (n3 != 4 || (q + 2 + n2 + 4 < end &&
			                is_digit(q[2 + n2 + 4])))
				return NULL;
			*m = mm;
			*y = yy;
			return q + 2 + n2 + 4;
		}
		q = skip_spaces(q, end);	/* 12 June 2024 */
		if (q == p + n || !(*m = month_at(q, end, &mn)))
			return NULL;
		q += mn;
		return optional_year(q, end, y);
	}
	if (n)
		return NULL;
	if (!(*m = month_at(p, end, &mn)))	/* June 12, 2024 */
		return NULL;
	q = skip_spaces(p + mn, end);
	if (q == p + mn)
		return NULL;
	v = number(q, end, 2, &n);
	if (!n)
		return NULL;
	*d = v;
	q += n;
	if (q + 2 <= end && (!strncmp(q, "st", 2) || !strncmp(q, "nd", 2) ||
	                     !strncmp(q, "rd", 2) || !strncmp(q, "th", 2)))
		q += 2;
	if (q < end && is_alpha(*q))
		return NULL;
	return optional_year(q, end, y);
}

/* Format y-m-d into out (11 bytes) if it is a real day. */
static int put_date(char *out, int y, int m, int d)
{
	char s[16];

	if (y < 1900 || y > 2099)
		return 0;
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	if (!st_valid_date(s))
		return 0;
	memcpy(out, s, 11);
	return 1;
}

static void put_source(char *out, size_t size, const char *s, size_t n)
{
	size_t k;

	if (!size)
		return;
	for (k = 0; k < NAGENCIES; k++)
		if (strlen(agencies[k].caps) == n &&
		    !strncmp(agencies[k].caps, s, n)) {
			s = agencies[k].name;
			break;
		}
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* The agency at p, after a dateline's place or date: "/ARKA/", "(AP)",
 * ", ARMENPRESS." */
static int source_at(const char *p, const char *end, char *out, size_t size)
{
	const char *q;

	p = skip_spaces(p, end);
	if (p < end && *p == ',')
		p = skip_spaces(p + 1, end);
	if (p < end && (*p == '/' || *p == '(')) {
		char close = *p == '/' ? '/' : ')';
		const char *s = p + 1;

		/* RFE/RL has a slash inside its parentheses */
		for (q = s; q < end && *q != close && q - s <= 40; q++)
			if (*q == '(' || *q == ')' ? close == '/' : 0)
				break;
		if (q < end && *q == close && q > s && q - s <= 40 &&
		    (is_alpha(*s) || is_digit(*s))) {
			put_source(out, size, s, (size_t)(q - s));
			return 1;
		}
		return 0;
	}
	for (q = p; q < end && (is_upper(*q) || *q == '.'); q++)
		;
	while (q > p && q[-1] == '.')
		q--;
	if (q - p >= 2) {
		size_t k, n = (size_t)(q - p);
		for (k = 0; k < NAGENCIES; k++)
			if (strlen(agencies[k].caps) == n &&
			    !strncmp(agencies[k].caps, p, n)) {
				put_source(out, size, p, n);
				return 1;
			}
	}
	return 0;
}

/* A dateline's place at p: one to four capitalised words, then a comma
 * (or, for a dateline with only an agency, a space).  Returns the end of
 * the place, or NULL. */
static const char *place_at(const char *p, const char *end)
{
	const char *q = p;
	int words = 0;

	while (q < end && words < 4) {
		if (!is_upper(*q))
			break;
		while (q < end && (is_alpha(*q) || *q == '-' || *q == '.' ||
		                   *q == '\''))
			q++;
		words++;
		if (q < end && *q == ' ' && q + 1 < end && is_upper(q[1]))
			q++;
		else
			break;
	}
	return words ? q : NULL;
}

/* The start of a paragraph's first word that is not a weekday or a
 * "Published:" label. */
static const char *skip_labels(const char *p, const char *end)
{
	for (;;) {
		const char *q = p;
		size_t n;
		int k, hit = 0;

		while (q < end && is_alpha(*q))
			q++;
		n = (size_t)(q - p);
		for (k = 0; k < 7 && !hit; k++)
			if ((n == strlen(weekdays[k]) || n == 3) && n >= 3) {
				size_t i;
				for (i = 0; i < n && lower(p[i]) == weekdays[k][i]; i++)
					;
				hit = i == n;
			}
		if (!hit && n >= 5 && q < end && *q == ':')
			hit = 1;	/* Published:, Updated:, Date: */
		if (!hit && n == 4 && q < end && *q == ':')
			hit = 1;
		if (!hit)
			return p;
		if (q < end && (*q == ',' || *q == ':' || *q == '.'))
			q++;
		p = skip_spaces(q, end);
	}
}

/* The first ASCII digit in [p, end), or end, looked for eight bytes at a
 * time while none of them is one. */
static const char *next_digit(const char *p, const char *end)
{
	const uint64_t high = 0x8080808080808080ULL;

	for (; end - p >= 8; p += 8) {
		uint64_t x, low;

		memcpy(&x, p, 8);
		/* a byte's high bit, its own cleared first, after adding 0x50
		 * says it is '0' or more, after adding 0x46 that it is past
		 * '9'; no sum carries into the next byte */
		low = x & ~high;
		if ((low + 0x5050505050505050ULL) &
		    ~(low + 0x4646464646464646ULL) & ~x & high)
			break;
	}
	while (p < end && !is_digit(*p))
		p++;
	return p;
}

int st_article_date(const char *id, const char *text, size_t len,
                    char *date, char *source, size_t size)
{
	const char *para[ST_DATELINE_PARAS], *pend[ST_DATELINE_PARAS];
	const char *p = text, *end = text + len, *lf = NULL;
	char file_date[11] = "";
	int npara = 0, k, ctx_year = 0, y, m, d;

	date[0] = '\0';
	if (size)
		source[0] = '\0';
	if (id && strlen(id) >= 10) {
		char s[11];
		memcpy(s, id, 10);
		s[10] = '\0';
		if (st_valid_date(s) && (!id[10] || !is_digit(id[10])))
			memcpy(file_date, s, 11);
	}
	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	while (p < end && npara < ST_DATELINE_PARAS) {
		const char *nl, *cr, *e;

		/* the next LF, looked for again only once passed: a text may
		 * have none, its lines ending at CR */
		if (!lf || lf < p) {
			lf = memchr(p, '\n', (size_t)(end - p));
			if (!lf)
				lf = end;
		}
		cr = memchr(p, '\r', (size_t)(lf - p));
		nl = cr ? cr : lf;
		e = nl;
		p = skip_spaces(p, e);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e > p) {
			para[npara] = p;
			pend[npara++] = e;
		}
		p = nl;
		while (p < end && (*p == '\n' || *p == '\r'))
			p++;
	}
	/* the year of a date without one: the file name's, else the first
	 * year of the opening paragraphs */
	if (file_date[0])
		ctx_year = (file_date[0] - '0') * 1000 + (file_date[1] - '0') * 100 +
		           (file_date[2] - '0') * 10 + (file_date[3] - '0');
	for (k = 0; k < npara && !ctx_year; k++) {
		const char *q;
		for (q = para[k]; !ctx_year &&
		     (q = next_digit(q, pend[k])) < pend[k]; q++)
			if (q == para[k] || !is_digit(q[-1]))
				ctx_year = year_at(q, pend[k]);
	}
	/* a dateline: PLACE, DATE [/AGENCY/ | (AGENCY) | AGENCY] */
	for (k = 0; k < npara; k++) {
		const char *q = place_at(para[k], pend[k]), *r;

		if (!q)
			continue;
		if (q < pend[k] && *q == ',') {
			r = date_at(skip_spaces(q + 1, pend[k]), pend[k], &y, &m, &d);
			if (r) {
				if (!source[0])
					source_at(r, pend[k], source, size);
				if (!y)
					y = ctx_year;
				if (put_date(date, y, m, d))
					return 1;
			}
		} else if (q < pend[k] && *q == ' ' && !source[0]) {
			/* YEREVAN (RFE/RL) - : an agency without a date */
			source_at(q, pend[k], source, size);
		}
	}
	/* a date line or byline, or a date opening a paragraph */
	for (k = 0; k < npara; k++) {
		const char *q = skip_labels(para[k], pend[k]);
		const char *lim = pend[k] - para[k] <= SHORT_LINE ? pend[k] : q + 1;

		for (; q < lim; q++) {
			if (q > para[k] && (is_alpha(q[-1]) || is_digit(q[-1])))
				continue;
			if (date_at(q, pend[k], &y, &m, &d) && y &&
			    put_date(date, y, m, d))
				return 1;
		}
	}
	if (file_date[0]) {
		memcpy(date, file_date, 11);
		return 1;
	}
	return 0;
}

void st_quotes_set_date(struct st_quotes *qs, size_t from, const char *date,
                        const char *source)
{
	size_t i;

	for (i = from; i < qs->n; i++) {
		st_set(&qs->q[i].date, date, strlen(date));
		st_set(&qs->q[i].source, source, strlen(source));
	}
}
