/* names.c - people's names as text: titles stripped, and the key that
 * compares "Ter-Petrosyan" and "TER PETROSYAN" as one name. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>


/* Does code point cp separate words of a name? */
static int separates(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return !(c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
	         c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LM ||
	         c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND ||
	         c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO);
}

/* st_name_fold() of ASCII text, without utf8proc's allocation: most
 * names and roles in English news are ASCII. */
static void ascii_key(const char *s, size_t n, struct st_buf *out)
{
	char tmp[256], *o = n < sizeof tmp ? tmp : st_xmalloc(n + 1);
	size_t k, m = 0;
	int space = 0;

	for (k = 0; k < n; k++) {
		char c = s[k];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')) {
			if (space && m)
				o[m++] = ' ';
			space = 0;
			o[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		} else if (c == '\'') {
			/* a possessive 's goes */
			if (k + 1 < n && (s[k + 1] == 's' || s[k + 1] == 'S') &&
			    (k + 2 == n || !((s[k + 2] >= 'a' && s[k + 2] <= 'z') ||
			                     (s[k + 2] >= 'A' && s[k + 2] <= 'Z') ||
			                     (s[k + 2] >= '0' && s[k + 2] <= '9'))))
				k++;
		} else {
			space = 1;
		}
	}
	if (m)
		st_buf_add(out, o, m);
	if (o != tmp)
		free(o);
}

void st_name_fold(const char *s, size_t n, struct st_buf *out)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len, i = 0;
	size_t start = out->len, ascii;
	int space = 0;

	for (ascii = 0; ascii < n && (unsigned char)s[ascii] < 0x80; ascii++)
		;
	if (ascii == n) {
		ascii_key(s, n, out);
		return;
	}
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	                   &folded, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                   UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	if (len < 0) {
		/* invalid UTF-8: keep the ASCII letters and digits, folded */
		size_t k;
		for (k = 0; k < n; k++) {
			char c = s[k];
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9')) {
				if (space && out->len > start)
					st_buf_addc(out, ' ');
				space = 0;
				st_buf_addc(out, (char)(c >= 'A' && c <= 'Z'
				                        ? c + 32 : c));
			} else if (c != '\'') {
				space = 1;
			}
		}
		return;
	}
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(folded + i, len - i, &cp);

		if (k <= 0)
			break;
		if (cp == '\'' || cp == 0x2019 || cp == 0x02bc) {
			/* O'Brien: apostrophes join; a possessive 's goes */
			utf8proc_ssize_t j = i + k;
			utf8proc_int32_t next = -1;

			if (j < len && folded[j] == 's') {
				if (j + 1 >= len)
					k++;
				else if (utf8proc_iterate(folded + j + 1, len - j - 1,
				                          &next) > 0 &&
				         separates(next))
					k++;
			}
		} else if (separates(cp)) {
			space = 1;
		} else {
			if (space && out->len > start)
				st_buf_addc(out, ' ');
			space = 0;
			st_buf_add(out, folded + i, (size_t)k);
		}
		i += k;
	}
	free(folded);
}

/* Title words stripped from the front of a speaker's name, as keys, in
 * byte order for bsearch(). */
static const char *const titles[] = {
	"acting", "ambassador", "archbishop", "armenia", "armenian",
	"assembly", "bishop", "captain", "catholicos", "chair", "chairman",
	"chairwoman", "chief", "col", "colonel", "council", "csto", "dame",
	"defence", "defense", "deputy", "doctor", "dr", "economy", "ex",
	"father", "finance", "first", "foreign", "former", "gen", "general",
	"head", "interior", "junior", "justice", "kremlin", "lawmaker",
	"leader", "lieutenant", "lt", "madam", "major", "minister", "miss",
	"mister", "mp", "mr", "mrs", "ms", "national", "of", "opposition",
	"parliament", "parliamentary", "president", "press", "prime", "prof",
	"professor", "russia", "russian", "secretary", "security", "senator",
	"senior", "sir", "speaker", "spokesman", "spokesperson",
	"spokeswoman", "then", "top", "vice",
};
#define NTITLES (sizeof titles / sizeof titles[0])

static int cmp_title(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

int st_is_title(const char *w, size_t n)
{
	struct st_buf k = ST_BUF_INIT;
	char buf[32];
	const char *key = buf;
	size_t m = 0, i;
	int found;

	/* an ASCII word keyed on the stack: this runs for every word */
	for (i = 0; i < n && (unsigned char)w[i] < 0x80; i++)
		;
	if (i == n && n < sizeof buf) {
		for (i = 0; i < n; i++) {
			char c = w[i];
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				buf[m++] = c;
			else if (c >= 'A' && c <= 'Z')
				buf[m++] = (char)(c + 32);
			else if (c == '\'' && i + 2 == n &&
			         (w[i + 1] == 's' || w[i + 1] == 'S'))
				break;
			else if (c != '\'' && c != '.' && c != ',')
				return 0;	/* two words: no title */
		}
		buf[m] = '\0';
	} else {
		st_name_fold(w, n, &k);
		key = k.s ? k.s : "";
	}
	found = key[0] && bsearch(key, titles, NTITLES, sizeof *titles,
	                          cmp_title) != NULL;
	st_buf_finish(&k);
	return found;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void st_name_strip_titles(const char *s, size_t n, struct st_buf *out)
{
	const char *p = s, *end = s + n, *rest;

	while (p < end && blank(*p))
		p++;
	while (end > p && (blank(end[-1]) || end[-1] == ',' ||
	                   end[-1] == '.' || end[-1] == ';' ||
	                   end[-1] == ':'))
		end--;
	rest = p;
	for (;;) {
		const char *w = rest, *we;

		while (w < end && blank(*w))
			w++;
		we = w;
		while (we < end && !blank(*we))
			we++;
		if (we == w || we == end)
			break;		/* the last word is never a title */
		if (!st_is_title(w, (size_t)(we - w)))
			break;
		rest = we;
	}
	while (rest < end && blank(*rest))
		rest++;
	{
		/* nothing but titles ("Defence Minister"): kept whole */
		const char *last = end;
		while (last > rest && !blank(last[-1]))
			last--;
		if (st_is_title(last, (size_t)(end - last)))
			rest = p;
	}
	st_buf_add(out, rest, (size_t)(end - rest));
}

/* Put key -> v into m, or mark it -2 when another actor has it. */
