/* scan.c - the first pass: paragraphs, tokens, quotation marks and cues.
 *
 * Reads: st_doc.text.  Adds: st_doc.p (paragraphs: a line ends at LF,
 * CRLF or a lone CR; blank lines and a leading byte order mark are no
 * part of any), st_doc.t (tokens with their folded word in st_doc.fold,
 * word classes, capital, mark family and direction) and st_tok.cue (the
 * cue verb or phrase that starts at a token).  A word may hold a soft
 * hyphen or a zero-width space or joiner, which its folded form leaves
 * out; a run of one ASCII punctuation character ("...", "--") is one
 * token, so that memory stays a small multiple of the text. */
#include "extract/doc.h"
#include "text/text.h"

#include <stdlib.h>
#include <utf8proc.h>

struct st_scanner {
	struct st_pattern *re;
};

/* Marks (and their HTML entities), then words, then any other character.
 * \x{AD} and \x{200B}-\x{200D} may sit inside a word. */
#define ENTITIES \
	"&(?:quot|ldquo|rdquo|bdquo|laquo|raquo|lsaquo|rsaquo|#34|#x22" \
	"|#8220|#8221|#8222|#171|#187|#x201[cCdDeE]|#x[aA][bB]|#x[bB][bB]);"
static const char TOKEN_RE[] =
	ENTITIES
	"|''"
	"|[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}\\x{AD}\\x{200B}-\\x{200D}]*"
	"(?:['\\x{2019}\\-][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}\\x{AD}"
	"\\x{200B}-\\x{200D}]*)*"
	"|\\S";
/* The same on ASCII text (text.h's twin) */
static const char TOKEN_RE_ASCII[] =
	ENTITIES
	"|''"
	"|[A-Za-z0-9]+(?:['\\-][A-Za-z0-9]+)*"
	"|\\S";

struct st_scanner *st_scanner_new(struct st_error *err)
{
	struct st_scanner *sc = st_xcalloc(1, sizeof *sc);

	sc->re = st_pattern_new(TOKEN_RE, TOKEN_RE_ASCII, err);
	if (!sc->re) {
		free(sc);
		return NULL;
	}
	return sc;
}

void st_scanner_free(struct st_scanner *sc)
{
	if (!sc)
		return;
	st_pattern_free(sc->re);
	free(sc);
}

static void classify_mark(struct st_tok *t, const char *s, size_t n)
{
	static const struct {
		const char *m;
		unsigned char fam, dir;
	} marks[] = {
		{ "\"", ST_F_STRAIGHT, ST_M_AMBIG },
		{ "&quot;", ST_F_STRAIGHT, ST_M_AMBIG },
		{ "&#34;", ST_F_STRAIGHT, ST_M_AMBIG },
		{ "&#x22;", ST_F_STRAIGHT, ST_M_AMBIG },
		{ "''", ST_F_TWO, ST_M_AMBIG },
		{ "\xe2\x80\x9c", ST_F_CURLY, ST_M_OPEN },
		{ "&ldquo;", ST_F_CURLY, ST_M_OPEN },
		{ "&#8220;", ST_F_CURLY, ST_M_OPEN },
		{ "\xe2\x80\x9d", ST_F_CURLY, ST_M_CLOSE },
		{ "&rdquo;", ST_F_CURLY, ST_M_CLOSE },
		{ "&#8221;", ST_F_CURLY, ST_M_CLOSE },
		{ "\xe2\x80\x9e", ST_F_LOW, ST_M_OPEN },
		{ "&bdquo;", ST_F_LOW, ST_M_OPEN },
		{ "&#8222;", ST_F_LOW, ST_M_OPEN },
		{ "\xc2\xab", ST_F_GUIL, ST_M_OPEN },
		{ "&laquo;", ST_F_GUIL, ST_M_OPEN },
		{ "&#171;", ST_F_GUIL, ST_M_OPEN },
		{ "\xc2\xbb", ST_F_GUIL, ST_M_CLOSE },
		{ "&raquo;", ST_F_GUIL, ST_M_CLOSE },
		{ "&#187;", ST_F_GUIL, ST_M_CLOSE },
		{ "\xe2\x80\xb9", ST_F_SGUIL, ST_M_OPEN },
		{ "&lsaquo;", ST_F_SGUIL, ST_M_OPEN },
		{ "\xe2\x80\xba", ST_F_SGUIL, ST_M_CLOSE },
		{ "&rsaquo;", ST_F_SGUIL, ST_M_CLOSE },
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		if (marks[i].m[0] == s[0] && strlen(marks[i].m) == n &&
		    memcmp(marks[i].m, s, n) == 0) {
			t->type = ST_T_MARK;
			t->fam = marks[i].fam;
			t->dir = marks[i].dir;
			return;
		}
	}
	if (n == 8 && s[0] == '&' && s[1] == '#' && (s[2] | 0x20) == 'x') {
		/* &#x201c; &#x201d; &#x201e;, either case */
		char c = (char)(s[6] | 0x20);

		t->type = ST_T_MARK;
		t->fam = c == 'e' ? ST_F_LOW : ST_F_CURLY;
		t->dir = c == 'd' ? ST_M_CLOSE : ST_M_OPEN;
	} else if (n == 6 && s[0] == '&' && s[1] == '#' &&
	           (s[2] | 0x20) == 'x') {
		/* &#xab; &#xbb; */
		t->type = ST_T_MARK;
		t->fam = ST_F_GUIL;
		t->dir = (s[3] | 0x20) == 'a' ? ST_M_OPEN : ST_M_CLOSE;
	}
}

static int first_is_upper(const char *s, size_t n)
{
	utf8proc_int32_t cp;

	if (!(s[0] & 0x80))
		return s[0] >= 'A' && s[0] <= 'Z';
	if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	                     &cp) <= 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Is the token that starts with code point cp a word (a letter or a
 * number)? */
static int word_start(const char *w, size_t n)
{
	utf8proc_int32_t cp;
	int c;

	if (!(w[0] & 0x80))
		return ((w[0] | 0x20) >= 'a' && (w[0] | 0x20) <= 'z') ||
		       (w[0] >= '0' && w[0] <= '9');
	if (utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n,
	                     &cp) <= 0)
		return 0;
	c = utf8proc_category(cp);
	return c != UTF8PROC_CATEGORY_CN && (c <= UTF8PROC_CATEGORY_LO ||
	       (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO));
}

/* What a byte is to the scanner, one load: \s of a pattern without UCP
 * (tab, LF, VT, FF, CR, space); ASCII punctuation that repeats in runs
 * ("...", "--", "!!!"), never a quotation mark; the first byte of a mark
 * or entity. */
enum { B_SPACE = 1, B_RUN = 2, B_MARK = 4 };
static const unsigned char byte_class[256] = {
	['\t'] = B_SPACE, ['\n'] = B_SPACE, ['\v'] = B_SPACE,
	['\f'] = B_SPACE, ['\r'] = B_SPACE, [' '] = B_SPACE,
	['.'] = B_RUN, [','] = B_RUN, [';'] = B_RUN, [':'] = B_RUN,
	['!'] = B_RUN, ['?'] = B_RUN, ['-'] = B_RUN, ['*'] = B_RUN,
	['='] = B_RUN, ['_'] = B_RUN, ['~'] = B_RUN, ['#'] = B_RUN,
	['+'] = B_RUN, ['/'] = B_RUN, ['\\'] = B_RUN, ['|'] = B_RUN,
	['<'] = B_RUN, ['>'] = B_RUN, ['^'] = B_RUN,
	['"'] = B_MARK, ['\''] = B_MARK, ['&'] = B_MARK, [0xc2] = B_MARK,
	[0xe2] = B_MARK,
};

static int runs(char c)
{
	return byte_class[(unsigned char)c] & B_RUN;
}

static void add_token(struct st_doc *d, size_t s, size_t e, int para)
{
	struct st_tok *t;
	const char *w = d->text + s;

	ST_GROW(d->t, d->nt, d->capt, 256);
	t = &d->t[d->nt++];
	memset(t, 0, sizeof *t);
	t->s = (uint32_t)s;
	t->e = (uint32_t)e;
	t->para = para;
	t->q = -1;
	t->ment = -1;
	if (e == s)
		return;
	if (word_start(w, e - s)) {
		size_t at = d->fold.len;
		int c;

		st_fold_add(&d->fold, w, e - s);
		c = st_classes_of(d->lx, d->fold.s + at, d->fold.len - at);
		/* the NUL after the word, in the room st_fold_add() leaves */
		if (d->fold.len + 2 <= d->fold.cap)
			d->fold.s[++d->fold.len] = '\0';
		else
			st_buf_addc(&d->fold, '\0');
		t->fold = (uint32_t)at;
		t->type = ST_T_WORD;
		t->cap = (unsigned char)first_is_upper(w, e - s);
		t->cls = (uint16_t)c;
	} else {
		t->type = ST_T_PUNCT;
		if (byte_class[(unsigned char)w[0]] & B_MARK)
			classify_mark(t, w, e - s);
		/* a single curly quote outside a word: a mark in the
		 * British style, or an apostrophe ("the members’ votes") */
		if (e - s == 3 && memcmp(w, "\xe2\x80\x98", 3) == 0) {
			t->fam = ST_F_SINGLE;
			t->dir = ST_M_OPEN;
		} else if (e - s == 3 && memcmp(w, "\xe2\x80\x99", 3) == 0) {
			t->fam = ST_F_SINGLE;
			t->dir = ST_M_CLOSE;
		}
	}
}

/* The cue that starts at token i: a phrase of the cue list, matched word
 * by word, or a single verb. */
static void find_cue(struct st_doc *d, int i)
{
	const struct st_lexicon *lx = d->lx;
	size_t k;

	if (d->t[i].type != ST_T_WORD)
		return;
	for (k = 0; (d->t[i].cls & ST_W_PHRASE) && k < lx->phrases.n; k++) {
		const char *w = lx->phrases.keys[k];
		int words = lx->phrases.vals[k], j;

		for (j = 0; j < words; j++) {
			const char *low;
			size_t n;

			if (i + j >= d->nt || d->t[i + j].type != ST_T_WORD)
				break;
			/* the first bytes compared first: most phrases
			 * differ there */
			low = st_low(d, i + j);
			if (low[0] != w[0])
				break;
			n = strcspn(w, " ");
			if (strncmp(low, w, n) != 0 || low[n] != '\0')
				break;
			w += n + (w[n] == ' ');
		}
		if (j == words) {
			d->t[i].cue = (uint8_t)words;
			return;
		}
	}
	if (d->t[i].cls & ST_W_CUE)
		d->t[i].cue = 1;
}


/* The next token at off or later in text[0..e) when it needs no PCRE2: a
 * word that the ASCII twin of TOKEN_RE finds and st_ascii_word_whole()
 * says is whole, one ASCII character that starts no mark, entity or word,
 * or st_punct3() punctuation.  1 and [*a, *b), or 0 to ask the pattern. */
static int quick_token(const char *text, size_t e, size_t off,
                       size_t *ascii_end, size_t *a, size_t *b)
{
	size_t u = st_ascii_end(text, e, off, ascii_end), p = off;
	char c;

	while (p < u && (byte_class[(unsigned char)text[p]] & B_SPACE))
		p++;
	if (p == u) {
		if (!st_punct3(text + u, e - u))
			return 0;
		*a = u;
		*b = u + 3;
		return 1;
	}
	c = text[p];
	if (c == '&' || c == '\'')
		return 0;
	*a = p;
	if (!st_ascii_alnum(c)) {
		*b = p + 1;
		return 1;
	}
	*b = st_ascii_word_end(text, p, u);
	return st_ascii_word_whole(text, e, *b, u);
}

static void tokenize_para(struct st_doc *d, struct st_scanner *sc, size_t s,
                          size_t e)
{
	size_t off = s, ascii_end = 0, a, b;

	while (off < e &&
	       (quick_token(d->text, e, off, &ascii_end, &a, &b) ||
	        st_pattern_next(sc->re, d->text, e, off, &ascii_end, &a, &b))) {
		if (b == a + 1 && runs(d->text[a]))
			while (b < e && d->text[b] == d->text[a])
				b++;
		add_token(d, a, b, d->np);
		off = b > a ? b : a + 1;
	}
}

/* The first byte c at pos or later in text[0..len), or len. */
static size_t next_byte(const char *text, size_t pos, size_t len, char c)
{
	const char *at = memchr(text + pos, c, len - pos);

	return at ? (size_t)(at - text) : len;
}

void st_scan(struct st_doc *d, struct st_scanner *sc)
{
	size_t pos = 0, lf, cr;
	long num = 0;
	int i;

	/* a byte order mark is no part of the first paragraph */
	if (d->len >= 3 && memcmp(d->text, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	/* the next LF and CR, each looked for again only once passed: a
	 * text may have only one of them */
	lf = next_byte(d->text, pos, d->len, '\n');
	cr = next_byte(d->text, pos, d->len, '\r');
	while (pos < d->len) {
		/* a paragraph ends at LF, CRLF or a lone CR (old Mac files) */
		size_t end, e, s = pos;
		struct st_para *p;

		if (lf < pos)
			lf = next_byte(d->text, pos, d->len, '\n');
		if (cr < pos)
			cr = next_byte(d->text, pos, d->len, '\r');
		end = lf < cr ? lf : cr;
		e = end;
		while (e > s && (d->text[e - 1] == ' ' || d->text[e - 1] == '\t'))
			e--;
		while (s < e && (d->text[s] == ' ' || d->text[s] == '\t'))
			s++;
		pos = end;
		if (pos < d->len && d->text[pos] == '\r')
			pos++;
		if (pos < d->len && d->text[pos] == '\n')
			pos++;
		if (s == e)
			continue;
		ST_GROW(d->p, d->np, d->capp, 32);
		p = &d->p[d->np];
		p->s = s;
		p->e = e;
		p->num = ++num;
		p->t0 = d->nt;
		tokenize_para(d, sc, s, e);
		d->p[d->np].t1 = d->nt;
		d->np++;
	}
	for (i = 0; i < d->nt; i++)
		find_cue(d, i);
}
