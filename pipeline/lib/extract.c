/* extract.c - quote detection, speakers, roles and attribution context. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "extract.h"
#include "data.h"
#include "strmap.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { T_WORD, T_PUNCT, T_MARK };
enum { F_STRAIGHT = 1, F_CURLY, F_LOW, F_GUIL, F_SGUIL, F_TWO };
enum { M_OPEN = 1, M_CLOSE, M_AMBIG };
enum { P_NONE, P_HE, P_SHE };

struct tok {
	size_t s, e;		/* byte range in the article */
	size_t lo;		/* lower-cased copy in the arena */
	int para;		/* paragraph index */
	int q;			/* span this token is inside or marks, -1 */
	int sent;		/* sentence number */
	int ment;		/* mention starting here, -1 */
	unsigned short cls;	/* W_* classes of the lower-cased word */
	unsigned char cue;	/* words of the cue starting here, or 0 */
	unsigned char type, cap, fam, dir;
};

/* Word classes, looked up once per token. */
enum { W_FUNC = 1, W_DET = 2, W_PREP = 4, W_SKIP = 8, W_ORG = 16,
       W_ABBR = 32, W_ROLE = 64, W_CUE = 128, W_PHRASE = 256 };

static const char *const function_words[] = { "the", "a", "an", "of", "in",
	"on", "at", "by", "for", "from", "to", "with", "and", "or", "but",
	"as", "that", "which", "who", "whom", "whose", "while", "when",
	"after", "before", "since", "is", "was", "were", "are", "has", "have",
	"had", "will", "would", "also", "then", "said", "he", "she", "they",
	"it", "this", "his", "her", "its", "their", "meanwhile", "however",
	"later", "earlier", "now", NULL };
static const char *const determiners[] = { "the", "a", "an", NULL };
/* prepositions that end an inverted group speaker ("shouted
 * demonstrators outside the building") */
static const char *const prepositions[] = { "outside", "inside", "near",
	"during", "under", "over", "against", "about", "through", "into",
	"across", "behind", "beyond", "without", "within", "amid", "on", "at",
	"in", "after", "before", NULL };
/* words between a subject and its cue verb: "Ara X has also said" */
static const char *const skippables[] = { "has", "have", "had", "was",
	"were", "is", "are", "will", "would", "also", "later", "then", "again",
	"previously", "reportedly", "repeatedly", "publicly", "recently",
	"been", "once", "further", "flatly", "bluntly", "openly", "sharply",
	"quickly", "simply", "just", "already", "even", "only", "often",
	"did", "does", "do", NULL };
/* a lower-case word that makes the capitalised words before it the name
 * of an organisation or a place: "the Homeland Unity faction" */
static const char *const org_nouns[] = { "faction", "party", "bloc",
	"alliance", "movement", "coalition", "group", "institute", "center",
	"centre", "foundation", "university", "agency", "newspaper", "channel",
	"ministry", "committee", "council", "union", "club", "network",
	"initiative", "fund", "programme", "program", "forum", "daily",
	"weekly", "website", "portal", "station", "service", "office",
	"department", "commission", "assembly", "parliament", "government",
	"mission", "base", "treaty", "organisation", "organization", "summit",
	"company", "firm", "bank", "school", "academy", "college", "report",
	"think-tank", "outlet", "magazine", "radio", "television", "tv",
	"show", "programmes", "list", "platform", "province", "region",
	"district", "city", "town", "village", "square", "street", "valley",
	"river", "lake", "airport", "secretariat", NULL };
/* words before a full stop that does not end a sentence */
static const char *const abbreviations[] = { "mr", "mrs", "ms", "dr", "st",
	"gen", "col", "lt", "prof", "jr", "sr", "vs", "no", "u.s", "sgt",
	"maj", "capt", "rep", "sen", "gov", "jan", "feb", "aug", "sept", "oct",
	"nov", "dec", NULL };

struct para {
	size_t s, e;		/* text range without the line end */
	int t0, t1;		/* token range */
	long num;		/* 1-based paragraph number */
};

struct span {
	int open, close;	/* mark tokens; close -1: runs to paragraph end */
	size_t start, end;	/* inner byte range */
	int para;
	int open_end;		/* not closed in its paragraph */
	int cont;		/* continues the previous paragraph's quotation */
	int drop;
	int full;
	int person;		/* speaker, or -1 */
	char *group;		/* group speaker, or NULL */
	int inherited;
	struct st_buf context;
};

struct person {
	char *name;
	const char *surname;	/* points into name */
	char *role;
	int female;
	int last_full;		/* token of the latest full mention */
	int confirmed;		/* seen with a role or a cue verb: a person,
				 * not a place or a TV channel */
};

struct mention {
	int t0, t1;		/* token range */
	int person;		/* resolved person, or -1 */
};

struct st_extractor {
	pcre2_code *re;
	pcre2_match_data *md;
	struct st_map cues;		/* single-word cue forms */
	struct st_map phrases;		/* multi-word cues, value = words */
	struct st_map roles, role_classes;
	struct st_map nonames, female, male;
	struct st_map classes;		/* lower-case word -> W_* bits */
};

/* Everything one article needs; reset between articles. */
struct doc {
	struct st_extractor *x;
	const char *text;
	size_t len;
	struct tok *t;
	int nt, capt;
	struct st_buf arena;
	struct para *p;
	int np, capp;
	struct span *sp;
	int nsp, capsp;
	struct person *pe;
	int npe, cappe;
	struct mention *m;
	int nm, capm;
};

static const char TOKEN_RE[] =
	"&(?:quot|ldquo|rdquo|bdquo|laquo|raquo|lsaquo|rsaquo|#34|#x22"
	"|#8220|#8221|#8222|#171|#187|#x201[cCdDeE]|#x[aA][bB]|#x[bB][bB]);"
	"|''"
	"|[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['\\x{2019}\\-][\\p{L}\\p{N}]+)*"
	"|\\S";

static void add_class(struct st_extractor *x, const char *const *words,
                      unsigned bit)
{
	for (; *words; words++)
		*st_map_put(&x->classes, *words, 0) |= (int)bit;
}

struct st_extractor *st_extractor_new(struct st_error *err)
{
	struct st_extractor *x = st_xcalloc(1, sizeof *x);
	const char *p;
	int ec;
	PCRE2_SIZE eo;

	x->re = pcre2_compile((PCRE2_SPTR)TOKEN_RE, PCRE2_ZERO_TERMINATED,
	                      PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
	                      &ec, &eo, NULL);
	if (!x->re) {
		st_fail(err, NULL, 0, "token pattern: error %d at %zu", ec,
		        (size_t)eo);
		st_extractor_free(x);
		return NULL;
	}
	pcre2_jit_compile(x->re, PCRE2_JIT_COMPLETE);
	x->md = pcre2_match_data_create_from_pattern(x->re, NULL);
	st_map_init(&x->cues);
	st_map_init(&x->phrases);
	/* a line of forms of one verb, or "phrase: according to" */
	for (p = st_data_cues; *p;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		struct st_buf line = ST_BUF_INIT;

		st_buf_add(&line, p, n);
		if (strncmp(line.s, "phrase: ", 8) == 0) {
			int words = 1;
			size_t i;

			for (i = 8; i < n; i++)
				words += line.s[i] == ' ';
			st_map_put(&x->phrases, line.s + 8, words);
		} else if (n && *p != '#') {
			st_map_load_words(&x->cues, line.s, 1);
		}
		st_buf_finish(&line);
		p = eol ? eol + 1 : p + n;
	}
	st_map_init(&x->roles);
	st_map_init(&x->role_classes);
	st_map_load_classes(&x->roles, &x->role_classes, st_data_roles);
	st_map_init(&x->nonames);
	st_map_load_words(&x->nonames, st_data_nonames, 1);
	st_map_init(&x->classes);
	add_class(x, function_words, W_FUNC);
	add_class(x, determiners, W_DET);
	add_class(x, prepositions, W_PREP);
	add_class(x, skippables, W_SKIP);
	add_class(x, org_nouns, W_ORG);
	add_class(x, abbreviations, W_ABBR);
	{
		size_t i;
		for (i = 0; i < x->roles.n; i++)
			*st_map_put(&x->classes, x->roles.keys[i], 0) |= W_ROLE;
		for (i = 0; i < x->cues.n; i++)
			*st_map_put(&x->classes, x->cues.keys[i], 0) |= W_CUE;
		for (i = 0; i < x->phrases.n; i++)
			*st_map_putn(&x->classes, x->phrases.keys[i],
			             strcspn(x->phrases.keys[i], " "), 0) |=
				W_PHRASE;
	}
	st_map_init(&x->female);
	st_map_load_words(&x->female, st_data_female_names, 1);
	st_map_init(&x->male);
	st_map_load_words(&x->male, st_data_male_names, 1);
	return x;
}

void st_extractor_free(struct st_extractor *x)
{
	if (!x)
		return;
	pcre2_match_data_free(x->md);
	pcre2_code_free(x->re);
	st_map_finish(&x->cues);
	st_map_finish(&x->phrases);
	st_map_finish(&x->roles);
	st_map_finish(&x->role_classes);
	st_map_finish(&x->nonames);
	st_map_finish(&x->female);
	st_map_finish(&x->male);
	st_map_finish(&x->classes);
	free(x);
}

/* ---- tokens ---------------------------------------------------------- */

static const char *low(const struct doc *d, int i)
{
	return d->arena.s + d->t[i].lo;
}

static int is_word(const struct doc *d, int i, const char *w)
{
	return i >= 0 && i < d->nt && d->t[i].type == T_WORD &&
	       strcmp(low(d, i), w) == 0;
}

static int is_punct(const struct doc *d, int i, const char *chars)
{
	size_t n;

	if (i < 0 || i >= d->nt || d->t[i].type != T_PUNCT)
		return 0;
	n = d->t[i].e - d->t[i].s;
	/* one ASCII character, or a dash */
	if (n == 1)
		return strchr(chars, d->text[d->t[i].s]) != NULL;
	if (strchr(chars, '-') && n == 3 &&
	    (memcmp(d->text + d->t[i].s, "\xe2\x80\x94", 3) == 0 ||
	     memcmp(d->text + d->t[i].s, "\xe2\x80\x93", 3) == 0))
		return 1;
	return 0;
}

static int is_dash(const struct doc *d, int i)
{
	return is_punct(d, i, "-");
}

static void classify_mark(struct tok *t, const char *s, size_t n)
{
	static const struct {
		const char *m;
		unsigned char fam, dir;
	} marks[] = {
		{ "\"", F_STRAIGHT, M_AMBIG },
		{ "&quot;", F_STRAIGHT, M_AMBIG },
		{ "&#34;", F_STRAIGHT, M_AMBIG },
		{ "&#x22;", F_STRAIGHT, M_AMBIG },
		{ "''", F_TWO, M_AMBIG },
		{ "\xe2\x80\x9c", F_CURLY, M_OPEN },
		{ "&ldquo;", F_CURLY, M_OPEN },
		{ "&#8220;", F_CURLY, M_OPEN },
		{ "\xe2\x80\x9d", F_CURLY, M_CLOSE },
		{ "&rdquo;", F_CURLY, M_CLOSE },
		{ "&#8221;", F_CURLY, M_CLOSE },
		{ "\xe2\x80\x9e", F_LOW, M_OPEN },
		{ "&bdquo;", F_LOW, M_OPEN },
		{ "&#8222;", F_LOW, M_OPEN },
		{ "\xc2\xab", F_GUIL, M_OPEN },
		{ "&laquo;", F_GUIL, M_OPEN },
		{ "&#171;", F_GUIL, M_OPEN },
		{ "\xc2\xbb", F_GUIL, M_CLOSE },
		{ "&raquo;", F_GUIL, M_CLOSE },
		{ "&#187;", F_GUIL, M_CLOSE },
		{ "\xe2\x80\xb9", F_SGUIL, M_OPEN },
		{ "&lsaquo;", F_SGUIL, M_OPEN },
		{ "\xe2\x80\xba", F_SGUIL, M_CLOSE },
		{ "&rsaquo;", F_SGUIL, M_CLOSE },
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		if (strlen(marks[i].m) == n && memcmp(marks[i].m, s, n) == 0) {
			t->type = T_MARK;
			t->fam = marks[i].fam;
			t->dir = marks[i].dir;
			return;
		}
	}
	if (n == 8 && s[0] == '&' && s[1] == '#' && (s[2] | 0x20) == 'x') {
		/* &#x201c; &#x201d; &#x201e; &#xab; &#xbb;, either case */
		char d = (char)(s[5] | 0x20);

		t->type = T_MARK;
		if (d == 'c' || d == 'd' || d == 'e') {
			t->fam = d == 'e' ? F_LOW : F_CURLY;
			t->dir = d == 'd' ? M_CLOSE : M_OPEN;
		} else {
			t->fam = F_GUIL;
			t->dir = (s[3] | 0x20) == 'a' ? M_OPEN : M_CLOSE;
		}
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

static void add_token(struct doc *d, size_t s, size_t e, int para)
{
	struct tok *t;
	size_t i;

	if (d->nt == d->capt) {
		d->capt = d->capt ? d->capt * 2 : 256;
		d->t = st_xrealloc(d->t, (size_t)d->capt * sizeof *d->t);
	}
	t = &d->t[d->nt++];
	memset(t, 0, sizeof *t);
	t->s = s;
	t->e = e;
	t->para = para;
	t->q = -1;
	t->ment = -1;
	t->lo = d->arena.len;
	st_buf_add(&d->arena, d->text + s, e - s);
	st_buf_addc(&d->arena, '\0');
	{
		char *lo = d->arena.s + t->lo;
		for (i = 0; i < e - s; i++)
			if (lo[i] >= 'A' && lo[i] <= 'Z')
				lo[i] = (char)(lo[i] + 32);
	}
	if (e - s == 0)
		return;
	{
		const char *w = d->text + s;
		utf8proc_int32_t cp;
		int ascii_word = !(w[0] & 0x80) &&
		                 ((w[0] | 0x20) >= 'a' && (w[0] | 0x20) <= 'z');
		int ascii_other = !(w[0] & 0x80) && !ascii_word &&
		                  !(w[0] >= '0' && w[0] <= '9');

		if (ascii_other)
			cp = -1;	/* ASCII punctuation: no lookup */
		else if (ascii_word)
			cp = 'a';
		else
			utf8proc_iterate((const utf8proc_uint8_t *)w,
			                 (utf8proc_ssize_t)(e - s), &cp);
		if (cp >= 0 && (utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO ||
		                (utf8proc_category(cp) >= UTF8PROC_CATEGORY_ND &&
		                 utf8proc_category(cp) <= UTF8PROC_CATEGORY_NO)) &&
		    utf8proc_category(cp) != UTF8PROC_CATEGORY_CN) {
			int *c = st_map_getn(&d->x->classes, d->arena.s + t->lo,
			                     e - s);
			t->type = T_WORD;
			t->cap = (unsigned char)first_is_upper(w, e - s);
			t->cls = c ? (unsigned short)*c : 0;
		} else {
			t->type = T_PUNCT;
			/* every mark starts with one of these bytes */
			if (strchr("\"'&\xc2\xe2", w[0]))
				classify_mark(t, w, e - s);
		}
	}
}

static void tokenize(struct doc *d)
{
	size_t pos = 0;
	long num = 0;

	/* a byte order mark is no part of the first paragraph */
	if (d->len >= 3 && memcmp(d->text, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < d->len) {
		/* a paragraph ends at LF, CRLF or a lone CR (old Mac files) */
		size_t end = pos, e, s = pos;
		struct para *p;
		PCRE2_SIZE off;

		while (end < d->len && d->text[end] != '\n' && d->text[end] != '\r')
			end++;
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
		if (d->np == d->capp) {
			d->capp = d->capp ? d->capp * 2 : 32;
			d->p = st_xrealloc(d->p, (size_t)d->capp * sizeof *d->p);
		}
		p = &d->p[d->np];
		p->s = s;
		p->e = e;
		p->num = ++num;
		p->t0 = d->nt;
		off = s;
		while (off < e) {
			int rc = pcre2_match(d->x->re, (PCRE2_SPTR)d->text, e, off,
			                     0, d->x->md, NULL);
			PCRE2_SIZE *ov;

			if (rc < 0)
				break;
			ov = pcre2_get_ovector_pointer(d->x->md);
			add_token(d, ov[0], ov[1], d->np);
			off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
		p->t1 = d->nt;
		d->np++;
	}
}

static int skippable(const struct doc *d, int i);

/* ---- quotation marks ------------------------------------------------- */

static int space_at(const struct doc *d, size_t off, size_t lo, size_t hi)
{
	if (off < lo || off >= hi)
		return 1;	/* paragraph edge */
	return d->text[off] == ' ' || d->text[off] == '\t';
}

/* Can mark token i open a quotation?  ASCII marks have no direction: one
 * opens where it stands after a space (or the paragraph start, a bracket
 * or a dash) and is not followed by a space. */
static int can_open(const struct doc *d, int i, const struct para *p)
{
	const struct tok *t = &d->t[i];
	char prev;

	if (t->dir == M_OPEN)
		return 1;
	if (t->dir != M_AMBIG)
		return 0;
	if (i == p->t0)
		return 1;
	prev = d->text[t->s - 1];
	if (!(space_at(d, t->s - 1, p->s, p->e) || strchr("([{/", prev) ||
	      (i > p->t0 && (is_dash(d, i - 1) || d->t[i - 1].type == T_MARK))))
		return 0;
	return !space_at(d, t->e, p->s, p->e);
}

static int can_close(const struct doc *d, int i, int fam)
{
	const struct tok *t = &d->t[i];

	switch (fam) {
	case F_STRAIGHT:
		return t->fam == F_STRAIGHT;
	case F_TWO:
		return t->fam == F_TWO;
	case F_CURLY:
		/* ” closes; so does a stray “ that ends a word */
		return t->fam == F_CURLY &&
		       (t->dir == M_CLOSE ||
		        (t->s > 0 && d->text[t->s - 1] != ' ' &&
		         (t->e >= d->len || strchr(" ,.;:!?)", d->text[t->e]))));
	case F_LOW:
		return t->fam == F_CURLY;
	case F_GUIL:
	case F_SGUIL:
		return t->fam == fam && t->dir == M_CLOSE;
	}
	return 0;
}

static struct span *add_span(struct doc *d, int open, int close, int para)
{
	struct span *s;

	if (d->nsp == d->capsp) {
		d->capsp = d->capsp ? d->capsp * 2 : 32;
		d->sp = st_xrealloc(d->sp, (size_t)d->capsp * sizeof *d->sp);
	}
	s = &d->sp[d->nsp++];
	memset(s, 0, sizeof *s);
	s->open = open;
	s->close = close;
	s->para = para;
	s->person = -1;
	return s;
}

static void pair_marks(struct doc *d)
{
	int pi;

	for (pi = 0; pi < d->np; pi++) {
		const struct para *p = &d->p[pi];
		int i, open = -1, stray = -1;

		for (i = p->t0; i < p->t1; i++) {
			if (d->t[i].type != T_MARK || i == stray)
				continue;
			if (open < 0) {
				if (can_open(d, i, p))
					open = i;
			} else if (can_close(d, i, d->t[open].fam)) {
				add_span(d, open, i, pi);
				open = -1;
			}
			if (i == p->t1 - 1 && open >= 0 && open != p->t0 &&
			    !is_punct(d, open - 1, ":")) {
				/* an unmatched mark inside the paragraph:
				 * take it as stray and read on after it */
				stray = open;
				i = open;
				open = -1;
			}
		}
		if (open >= 0) {
			struct span *s = add_span(d, open, -1, pi);
			s->open_end = 1;
		}
	}
}

/* Inner byte ranges, the tokens inside, continuation, and empty spans. */
static void span_ranges(struct doc *d)
{
	int k;

	for (k = 0; k < d->nsp; k++) {
		struct span *s = &d->sp[k];
		const struct para *p = &d->p[s->para];
		int i, last = s->close >= 0 ? s->close : p->t1 - 1;
		int letters = 0;

		s->start = d->t[s->open].e;
		s->end = s->close >= 0 ? d->t[s->close].s : p->e;
		for (i = s->open; i <= last; i++) {
			d->t[i].q = k;
			if (i != s->open && i != s->close &&
			    d->t[i].type == T_WORD)
				letters = 1;
		}
		if (!letters)
			s->drop = 1;
		if (k > 0 && s->open == p->t0 && d->sp[k - 1].open_end &&
		    d->sp[k - 1].para == s->para - 1)
			s->cont = 1;
	}
}

/* ---- sentences ------------------------------------------------------- */

static int abbreviation(const struct doc *d, int i)
{
	if (i < 0 || d->t[i].type != T_WORD)
		return 0;
	/* an initial, or a word that takes a full stop */
	return strlen(low(d, i)) == 1 || (d->t[i].cls & W_ABBR);
}

static int ends_sentence_inside(const struct doc *d, const struct span *s)
{
	size_t e = s->end;

	while (e > s->start && d->text[e - 1] == ' ')
		e--;
	return e > s->start && strchr(".?!", d->text[e - 1]);
}

static int starts_sentence(const struct doc *d, int i)
{
	return d->t[i].cap || d->t[i].type == T_MARK ||
	       (d->t[i].type == T_WORD && d->text[d->t[i].s] >= '0' &&
	        d->text[d->t[i].s] <= '9');
}

static int cue_at(const struct doc *d, int i);

/* "Q?" Melkonyan said. -- the sentence goes on after a question mark
 * when a name and a cue verb follow. */
static int attribution_follows(const struct doc *d, int i)
{
	int k;

	for (k = 0; k < 4 && i + k < d->nt && d->t[i + k].cap; k++)
		if (cue_at(d, i + k + 1))
			return 1;
	return 0;
}

static void sentences(struct doc *d)
{
	int pi, sent = 0;

	for (pi = 0; pi < d->np; pi++) {
		const struct para *p = &d->p[pi];
		int i;

		sent++;
		for (i = p->t0; i < p->t1; i++) {
			int next = i + 1;

			d->t[i].sent = sent;
			if (next >= p->t1 || !starts_sentence(d, next))
				continue;
			if (d->t[i].q < 0 && is_punct(d, i, ".?!") &&
			    !(is_punct(d, i, ".") && abbreviation(d, i - 1)))
				sent++;
			else if (d->t[i].q >= 0 && d->sp[d->t[i].q].close == i &&
			         ends_sentence_inside(d, &d->sp[d->t[i].q]) &&
			         (d->t[next].type == T_MARK ||
			          (d->t[next].cap &&
			           !attribution_follows(d, next))))
				sent++;
		}
	}
}

/* ---- people ---------------------------------------------------------- */

static int adjacent(const struct doc *d, int i)
{
	/* token i+1 follows token i after exactly one space */
	return i + 1 < d->nt && d->t[i + 1].para == d->t[i].para &&
	       d->t[i + 1].s == d->t[i].e + 1 && d->text[d->t[i].e] == ' ';
}

static int noname(const struct doc *d, int i)
{
	return st_map_getn(&d->x->nonames, d->text + d->t[i].s,
	                   d->t[i].e - d->t[i].s) != NULL;
}

static int role_word(const struct doc *d, int i)
{
	const char *w, *h;

	if (i < 0 || i >= d->nt || d->t[i].type != T_WORD)
		return 0;
	if (d->t[i].cls & W_ROLE)
		return 1;
	/* "Secretary-General", "vice-speaker" */
	w = low(d, i);
	if (!strchr(w, '-'))
		return 0;
	for (h = strchr(w, '-'); h; w = h + 1, h = strchr(w, '-'))
		if (st_map_getn(&d->x->roles, w, (size_t)(h - w)))
			return 1;
	return st_map_get(&d->x->roles, w) != NULL;
}

/* ASCII case-insensitive strstr. */
static const char *find_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++) {
		size_t k;
		for (k = 0; k < n; k++) {
			char a = hay[k], b = needle[k];
			if (!a)
				return NULL;
			if (a >= 'A' && a <= 'Z')
				a = (char)(a + 32);
			if (b >= 'A' && b <= 'Z')
				b = (char)(b + 32);
			if (a != b)
				break;
		}
		if (k == n)
			return hay;
	}
	return NULL;
}

/* Length of the cue at token i (1 for a verb, the phrase's words for a
 * phrase), or 0. */
static int cue_at(const struct doc *d, int i)
{
	if (i < 0 || i >= d->nt || d->t[i].q >= 0)
		return 0;
	return d->t[i].cue;
}

/* The cue that starts at each token: a phrase of the cue list, matched
 * word by word, or a single verb. */
static void find_cues(struct doc *d)
{
	int i;

	for (i = 0; i < d->nt; i++) {
		size_t k;

		if (d->t[i].type != T_WORD)
			continue;
		for (k = 0; (d->t[i].cls & W_PHRASE) && k < d->x->phrases.n; k++) {
			const char *w = d->x->phrases.keys[k];
			int words = d->x->phrases.vals[k], j;

			for (j = 0; j < words; j++) {
				size_t n = strcspn(w, " ");
				if (i + j >= d->nt || d->t[i + j].type != T_WORD ||
				    strncmp(low(d, i + j), w, n) != 0 ||
				    low(d, i + j)[n] != '\0')
					break;
				w += n + (w[n] == ' ');
			}
			if (j == words)
				break;
		}
		if ((d->t[i].cls & W_PHRASE) && k < d->x->phrases.n)
			d->t[i].cue = (unsigned char)d->x->phrases.vals[k];
		else if (d->t[i].cls & W_CUE)
			d->t[i].cue = 1;
	}
}

static int according_to(const struct doc *d, int i)
{
	return is_word(d, i, "according") && is_word(d, i + 1, "to");
}

static int function_word(const struct doc *d, int i)
{
	return (d->t[i].cls & W_FUNC) != 0;
}

static int determiner(const struct doc *d, int i)
{
	return i >= 0 && i < d->nt && (d->t[i].cls & W_DET);
}

static char *text_of(const struct doc *d, int a, int b)
{
	/* tokens a..b inclusive, as in the article */
	return st_xstrndup(d->text + d->t[a].s, d->t[b].e - d->t[a].s);
}

/* The role words next to a person's full mention at tokens [a, b). */
static char *find_role(const struct doc *d, int a, int b)
{
	int j, i, has = 0;

	/* 1. a title right before the name: "opposition lawmaker Ara X",
	 * "Deputy Foreign Minister Ara X" */
	for (j = a - 1; j >= 0 && a - j <= 6 && d->t[j].q < 0 &&
	     d->t[j].type == T_WORD && adjacent(d, j) &&
	     !function_word(d, j) && !cue_at(d, j) && d->t[j].ment < 0; j--)
		has |= role_word(d, j) || noname(d, j);
	if (j + 1 < a && has)
		return text_of(d, j + 1, a - 1);
	/* 2. an appositive after the name: "Ara X, a political analyst at
	 * the Y Institute, said" */
	if (b < d->nt && is_punct(d, b, ",") && d->t[b].para == d->t[a].para) {
		int s = b + 1, e;

		if (determiner(d, s))
			s++;
		int and_cut = 0;

		for (e = s, has = 0; e < d->nt && d->t[e].para == d->t[a].para &&
		     d->t[e].type == T_WORD && d->t[e].q < 0 && !cue_at(d, e);
		     e++) {
			if (is_word(d, e, "and") && has &&
			    (is_word(d, e + 1, "member") ||
			     is_word(d, e + 1, "head") ||
			     is_word(d, e + 1, "former") ||
			     determiner(d, e + 1))) {
				and_cut = 1;
				break;
			}
			has |= role_word(d, e);
		}
		if (has && e > s && (e - s) <= 16 &&
		    (and_cut || e >= d->nt || d->t[e].type != T_WORD ||
		     d->t[e].para != d->t[a].para))
			return text_of(d, s, e - 1);
		if (has && e > s && e - s <= 16 && cue_at(d, e) &&
		    !is_punct(d, e - 1, ","))
			return text_of(d, s, e - 1);
	}
	/* 3. an appositive before the name: "the secretary of the Security
	 * Council, Ara X" */
	if (a >= 2 && is_punct(d, a - 1, ",")) {
		int e = a - 2, s = e, first = -1;

		while (s >= 0 && d->t[s].type == T_WORD && d->t[s].q < 0 &&
		       d->t[s].para == d->t[a].para && e - s < 16)
			s--;
		s++;
		for (i = s; i <= e; i++)
			if (role_word(d, i)) {
				first = i;
				break;
			}
		if (first >= 0) {
			int from = s;
			for (i = first; i >= s; i--)
				if (determiner(d, i)) {
					from = i + 1;
					break;
				}
			if (from <= e && !cue_at(d, from))
				return text_of(d, from, e);
		}
	}
	return NULL;
}

/* A lower-case word that makes the capitalised words before it the name
 * of an organisation: "the Homeland Unity faction". */
static int org_noun(const struct doc *d, int i)
{
	return i < d->nt && i > 0 && d->t[i].type == T_WORD && !d->t[i].cap &&
	       d->t[i].para == d->t[i - 1].para && (d->t[i].cls & W_ORG);
}

/* 1 female, 0 male, -1 unknown (matches both "he" and "she"). */
static int guess_female(const struct doc *d, const char *first, size_t n)
{
	if (st_map_getn(&d->x->female, first, n))
		return 1;
	if (st_map_getn(&d->x->male, first, n))
		return 0;
	return n > 1 && first[n - 1] == 'a' ? 1 : -1;
}

static int add_mention(struct doc *d, int t0, int t1, int person)
{
	struct mention *m;

	if (d->nm == d->capm) {
		d->capm = d->capm ? d->capm * 2 : 32;
		d->m = st_xrealloc(d->m, (size_t)d->capm * sizeof *d->m);
	}
	m = &d->m[d->nm];
	m->t0 = t0;
	m->t1 = t1;
	m->person = person;
	d->t[t0].ment = d->nm;
	return d->nm++;
}

static int find_person(struct doc *d, const char *name)
{
	int i;

	for (i = 0; i < d->npe; i++)
		if (strcmp(d->pe[i].name, name) == 0)
			return i;
	if (d->npe == d->cappe) {
		d->cappe = d->cappe ? d->cappe * 2 : 16;
		d->pe = st_xrealloc(d->pe, (size_t)d->cappe * sizeof *d->pe);
	}
	memset(&d->pe[d->npe], 0, sizeof d->pe[d->npe]);
	d->pe[d->npe].name = st_xstrdup(name);
	d->pe[d->npe].surname = strrchr(d->pe[d->npe].name, ' ');
	d->pe[d->npe].surname = d->pe[d->npe].surname
	                        ? d->pe[d->npe].surname + 1
	                        : d->pe[d->npe].name;
	d->pe[d->npe].female = guess_female(d, name, strcspn(name, " "));
	d->pe[d->npe].last_full = -1;
	return d->npe++;
}

/* Length of token i without a possessive 's. */
static size_t name_len(const struct doc *d, int i, int *possessive)
{
	size_t n = d->t[i].e - d->t[i].s;
	const char *w = d->text + d->t[i].s;

	*possessive = 0;
	if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') {
		*possessive = 1;
		return n - 2;
	}
	if (n > 4 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0) {
		*possessive = 1;
		return n - 4;
	}
	return n;
}

/* The person a pronoun or "the minister" stands for: the latest mention
 * before token i that fits. */
static int resolve_back(const struct doc *d, int i, int want_female,
                        const char *role)
{
	int k;

	for (k = d->nm - 1; k >= 0; k--) {
		const struct mention *m = &d->m[k];
		const struct person *pe;

		if (m->t0 >= i || m->person < 0)
			continue;
		pe = &d->pe[m->person];
		if (role) {
			if (pe->role && find_nocase(pe->role, role))
				return m->person;
			continue;
		}
		if (!pe->confirmed)
			continue;
		if (want_female < 0 || pe->female < 0 ||
		    pe->female == want_female)
			return m->person;
	}
	if (!role && want_female >= 0)
		return resolve_back(d, i, -1, NULL);
	return -1;
}

/* Is the name at tokens [a, b) the subject or object of a cue verb:
 * "said Ara X", "Ara X said", "Ara X also told"? */
static int near_cue(const struct doc *d, int a, int b)
{
	if (cue_at(d, a - 1) || cue_at(d, b))
		return 1;
	return b + 1 < d->nt && skippable(d, b) && cue_at(d, b + 1);
}

static void people(struct doc *d)
{
	int i = 0;

	while (i < d->nt) {
		int a = i, b, k, poss = 0, i0 = i;

		if (d->t[i].q >= 0 || d->t[i].type != T_WORD) {
			i++;
			continue;
		}
		if (!d->t[i].cap) {
			const char *w = low(d, i);
			int pron = strcmp(w, "he") == 0 ? P_HE
			           : strcmp(w, "she") == 0 ? P_SHE : P_NONE;

			if (pron)
				add_mention(d, i, i + 1,
				            resolve_back(d, i, pron == P_SHE, NULL));
			else if (i > 0 && is_word(d, i - 1, "the") &&
			         role_word(d, i) &&
			         (cue_at(d, i + 1) || cue_at(d, i + 2)))
				add_mention(d, i - 1, i + 1,
				            resolve_back(d, i, -1, w));
			i++;
			continue;
		}
		if (is_word(d, i, "he") || is_word(d, i, "she")) {
			add_mention(d, i, i + 1,
			            resolve_back(d, i, is_word(d, i, "she"), NULL));
			i++;
			continue;
		}
		/* a run of capitalised words, ended by a possessive */
		b = i;
		while (b < d->nt && d->t[b].cap && d->t[b].q < 0 &&
		       d->t[b].type == T_WORD) {
			name_len(d, b, &poss);
			b++;
			if (poss || !adjacent(d, b - 1))
				break;
		}
		i = b;
		while (a < b && (noname(d, a) || role_word(d, a)))
			a++;
		if (a == i0 && a < b && a > 0 && d->t[a - 1].type == T_WORD &&
		    d->t[a - 1].para == d->t[a].para && determiner(d, a - 1))
			continue;	/* "the Sevan Herald" is no person */
		for (k = a; k < b; k++)
			if (noname(d, k))
				break;
		if (k < b || a == b || org_noun(d, b))
			continue;
		if (b - a >= 2 && b - a <= 4) {
			struct st_buf name = ST_BUF_INIT;
			int pi;

			for (k = a; k < b; k++) {
				int ps;
				if (k > a)
					st_buf_addc(&name, ' ');
				st_buf_add(&name, d->text + d->t[k].s,
				           name_len(d, k, &ps));
			}
			pi = find_person(d, name.s);
			st_buf_finish(&name);
			d->pe[pi].last_full = a;
			add_mention(d, a, b, pi);
			if (!d->pe[pi].role && !poss)
				d->pe[pi].role = find_role(d, a, b);
			if (d->pe[pi].role || near_cue(d, i0, b))
				d->pe[pi].confirmed = 1;
		} else if (b - a == 1) {
			/* a surname: the person whose full mention is
			 * nearest before it */
			int ps, best = -1;
			size_t n = name_len(d, a, &ps);

			for (k = 0; k < d->npe; k++)
				if (strlen(d->pe[k].surname) == n &&
				    memcmp(d->pe[k].surname, d->text + d->t[a].s,
				           n) == 0 &&
				    (best < 0 ||
				     d->pe[k].last_full > d->pe[best].last_full))
					best = k;
			if (best >= 0) {
				add_mention(d, a, b, best);
				if (near_cue(d, a, b))
					d->pe[best].confirmed = 1;
			}
		}
	}
}

/* ---- attribution ----------------------------------------------------- */

struct who {
	int person;		/* -1 if none */
	int g0, g1;		/* group noun phrase tokens [g0, g1), or g0 < 0 */
	int weak;		/* the group is not the verb's plain subject */
};

static int sent_start(const struct doc *d, int i)
{
	while (i > 0 && d->t[i - 1].sent == d->t[i].sent)
		i--;
	return i;
}

static int sent_end(const struct doc *d, int i)
{
	while (i + 1 < d->nt && d->t[i + 1].sent == d->t[i].sent)
		i++;
	return i + 1;
}

static int skippable(const struct doc *d, int i)
{
	return (d->t[i].cls & W_SKIP) != 0;
}

static int preposition(const struct doc *d, int i)
{
	return i >= 0 && i < d->nt && (d->t[i].cls & W_PREP);
}

static int mention_at(const struct doc *d, int i)
{
	return i >= 0 && i < d->nt ? d->t[i].ment : -1;
}

/* Who is the subject of the cue at token v, looking no further than
 * [lo, hi)? */
static struct who subject(const struct doc *d, int v, int lo, int hi)
{
	struct who w = { -1, -1, -1, 0 };
	int i, n = cue_at(d, v);

	if (according_to(d, v)) {
		for (i = v + 2; i < hi && i < v + 10 && d->t[i].type != T_MARK; i++)
			if (mention_at(d, i) >= 0) {
				w.person = d->m[d->t[i].ment].person;
				return w;
			}
		/* "according to the ministry" */
		if (v + 2 < hi && d->t[v + 2].type == T_WORD) {
			int e = v + 2;
			while (e < hi && d->t[e].type == T_WORD && e < v + 7)
				e++;
			w.g0 = v + 2;
			w.g1 = e;
			w.weak = 1;
		}
		return w;
	}
	/* to the left, within the clause: the latest name or pronoun */
	for (i = v - 1; i >= lo; i--) {
		if (d->t[i].type == T_MARK || is_punct(d, i, ";:"))
			break;
		if (d->t[i].q >= 0)
			break;
		if (mention_at(d, i) >= 0) {
			int p = d->m[d->t[i].ment].person;
			if (p >= 0 && !d->pe[p].confirmed)
				continue;	/* a place, a channel */
			w.person = p;
			if (w.person >= 0)
				return w;
			break;
		}
	}
	/* inverted: "said Ara X" */
	for (i = v + n; i < hi && i < v + n + 4; i++) {
		if (d->t[i].type == T_MARK || d->t[i].q >= 0)
			break;
		if (mention_at(d, i) >= 0 && d->m[d->t[i].ment].person >= 0) {
			w.person = d->m[d->t[i].ment].person;
			return w;
		}
	}
	/* a group: "officials said", "the Kremlin said in a statement",
	 * "The opposition — which ... — has called" */
	i = v - 1;
	while (i >= lo && skippable(d, i))
		i--;
	{
		int e = i, s = i;

		while (s >= lo && d->t[s].type == T_WORD && d->t[s].q < 0 &&
		       e - s < 5 && !cue_at(d, s))
			s--;
		s++;
		if (s <= e && !(e == s && function_word(d, s))) {
			w.g0 = s;
			w.g1 = e + 1;
			return w;
		}
		/* inverted: "shouted demonstrators outside the building" */
		for (s = v + n, e = s; e < hi && e < s + 4 &&
		     d->t[e].type == T_WORD && d->t[e].q < 0 &&
		     !function_word(d, e) && !preposition(d, e); e++)
			;
		if (e > s && v > 0 && d->t[v - 1].q >= 0) {
			w.g0 = s;
			w.g1 = e;
			w.weak = 1;
			return w;
		}
		/* the clause before a dash or comma at the sentence start */
		s = sent_start(d, v);
		if (s < lo)
			return w;
		for (e = s; e < v && d->t[e].type == T_WORD && d->t[e].q < 0 &&
		     e - s < 5; e++)
			;
		if (e > s && e < v && (is_punct(d, e, ",") || is_dash(d, e))) {
			w.g0 = s;
			w.g1 = e;
		}
	}
	return w;
}

/* Trim a group noun phrase to something that can speak. */
static int good_group(const struct doc *d, struct who *w)
{
	int i;

	if (w->g0 < 0)
		return 0;
	while (w->g0 < w->g1 && function_word(d, w->g0) &&
	       !determiner(d, w->g0))
		w->g0++;
	if (w->g0 >= w->g1)
		return 0;
	/* a group that can speak: officials, the Kremlin, the ministry,
	 * the opposition; not "the political temperature" */
	{
		int h = w->g1 - 1;
		const char *hw = low(d, h);
		size_t n = strlen(hw);

		if (w->weak && !(d->t[h].cap || role_word(d, h) || org_noun(d, h) ||
		      (n > 3 && hw[n - 1] == 's' && hw[n - 2] != 's')))
			return 0;
	}
	if (w->g1 - w->g0 == 1 && (function_word(d, w->g0) ||
	                           is_word(d, w->g0, "it") ||
	                           is_word(d, w->g0, "they") ||
	                           is_word(d, w->g0, "we") ||
	                           is_word(d, w->g0, "i")))
		return 0;
	for (i = w->g0; i < w->g1; i++)
		if (d->t[i].type != T_WORD)
			return 0;
	/* "the minister", "the deputy prime minister" is a person */
	if (w->g1 - w->g0 >= 2 && is_word(d, w->g0, "the") &&
	    role_word(d, w->g1 - 1)) {
		int p;
		char *role = text_of(d, w->g0 + 1, w->g1 - 1);

		p = resolve_back(d, w->g0, -1, role);
		free(role);
		if (p >= 0) {
			w->person = p;
			w->g0 = -1;
			return 1;
		}
	}
	return 1;
}

static int found(const struct doc *d, struct who *w)
{
	return w->person >= 0 || good_group(d, w);
}

static void set_speaker(struct doc *d, struct span *s, struct who w)
{
	s->person = w.person;
	if (w.person < 0 && w.g0 >= 0)
		s->group = text_of(d, w.g0, w.g1 - 1);
}

/* Is span k a name or title in quotation marks rather than a statement? */
static int not_a_statement(const struct doc *d, const struct span *s)
{
	static const char *const before[] = { "so-called", "dubbed",
		"nicknamed", "titled", "entitled", "named", "headlined",
		"newspaper", "daily", "weekly", "magazine", "channel", "show",
		"programme", "program", "bloc", "party", "faction", "alliance",
		"movement", "report", "book", "operation", "as", NULL };
	static const char *const after[] = { "bloc", "party", "faction",
		"alliance", "movement", "newspaper", "daily", "weekly",
		"channel", "programme", "program", "show", "report", "book",
		"magazine", "agency", "doctrine", "plan", "initiative",
		"website", "portal", "group", "coalition", "operation", NULL };
	int o = s->open, c = s->close, i, words = 0, caps = 0, k;

	if (s->full)
		goto title;
	/* so-called "peacekeepers"; the newspaper "Golos" (a name: capitals) */
	for (k = 0; before[k]; k++)
		if (is_word(d, o - 1, before[k])) {
			if (strcmp(before[k], "as") == 0)
				return is_word(d, o - 2, "known");
			return k < 7 || (o + 1 < d->nt && d->t[o + 1].cap);
		}
	if (is_word(d, o - 2, "so") && is_word(d, o - 1, "called"))
		return 1;
	for (k = 0; c >= 0 && after[k]; k++)
		if (is_word(d, c + 1, after[k]) && o + 1 < d->nt &&
		    d->t[o + 1].cap)
			return 1;
	/* a nickname between a first name and a surname */
	if (o > 0 && c >= 0 && d->t[o - 1].cap && c + 1 < d->nt &&
	    d->t[c + 1].cap && d->t[o - 1].para == d->t[c + 1].para &&
	    d->t[o - 1].type == T_WORD && d->t[c + 1].type == T_WORD)
		return 1;
title:
	/* A Title In Capitals */
	for (i = o + 1; i < (c >= 0 ? c : o); i++) {
		if (d->t[i].type != T_WORD)
			continue;
		words++;
		caps += d->t[i].cap || function_word(d, i);
	}
	if (words && caps == words && words <= 8 && !ends_sentence_inside(d, s))
		return 1;
	return 0;
}

static int is_full(const struct doc *d, const struct span *s)
{
	int o = s->open, prev = o - 1;

	if (o == d->p[s->para].t0)
		return 1;
	if (is_punct(d, prev, ":"))
		return 1;
	if (d->t[prev].sent != d->t[o].sent)
		return 1;
	if (d->t[prev].type == T_MARK)
		return 1;
	/* the second half of a split quote: "Q1," he said, "Q2." */
	if (is_punct(d, prev, ",") && (cue_at(d, prev - 1) ||
	                               mention_at(d, prev - 1) >= 0))
		return 1;
	/* a sentence of its own after a cue: X told Y "Q." / According to
	 * X, "Q." (but not: X said that "Q.") */
	if (o + 1 < d->nt && d->t[o + 1].cap && !is_word(d, prev, "that") &&
	    !is_word(d, prev, "whether") && !determiner(d, prev)) {
		int i, words = 0;
		for (i = o + 1; i < d->nt && d->t[i].q == d->t[o].q; i++)
			words += d->t[i].type == T_WORD;
		if (words >= 3)
			for (i = prev; i >= 0 && d->t[i].sent == d->t[o].sent; i--)
				if (d->t[i].q < 0 && (cue_at(d, i) ||
				                      according_to(d, i)))
					return 1;
	}
	return 0;
}

/* After a full quote: "Q," X said / "Q," said X / "Q" - X. */
static int after_quote(struct doc *d, const struct span *s, struct who *w)
{
	int c = s->close, i, stop, se = sent_end(d, c);

	stop = se;
	for (i = c + 1; i < se; i++)
		if (d->t[i].type == T_MARK) {
			stop = i;
			break;
		}
	if (c + 1 < stop && is_dash(d, c + 1)) {
		for (i = c + 2; i < stop && i < c + 6; i++)
			if (mention_at(d, i) >= 0 &&
			    d->m[d->t[i].ment].person >= 0) {
				w->person = d->m[d->t[i].ment].person;
				return 1;
			}
	}
	for (i = c + 1; i < stop && i < c + 40; i++)
		if (cue_at(d, i)) {
			*w = subject(d, i, c + 1, stop);
			return found(d, w);
		}
	return 0;
}

/* Before the quote in its sentence: X said: "Q" / X told Y that "Q" /
 * According to X, "Q".  With want_person, a cue whose subject is a group
 * gives way to an earlier one whose subject is a person (Khanzadyan said
 * the bloc failed when Armenia asked, and that it was "Q"). */
static int before_quote(struct doc *d, const struct span *s, struct who *w,
                        int want_person)
{
	int o = s->open, ss = sent_start(d, o), v, have = 0;
	struct who first = { -1, -1, -1, 0 };

	for (v = o - 1; v >= ss; v--) {
		struct who t;

		if (d->t[v].q >= 0 || !cue_at(d, v))
			continue;
		t = subject(d, v, ss, o);
		if (!found(d, &t))
			continue;
		if (t.person >= 0 || !want_person) {
			*w = t;
			return 1;
		}
		if (!have) {
			first = t;
			have = 1;
		}
	}
	if (have)
		*w = first;
	return have;
}

static void attribute(struct doc *d, int k)
{
	struct span *s = &d->sp[k];
	const struct para *p = &d->p[s->para];
	int o = s->open, ss = sent_start(d, o), i, v;
	int comma = s->close >= 0 &&
	            (is_punct(d, s->close + 1, ",") ||
	             (s->end > s->start && d->text[s->end - 1] == ','));
	struct who w = { -1, -1, -1, 0 };

	if (s->full) {
		if ((s->close >= 0 && after_quote(d, s, &w)) ||
		    before_quote(d, s, &w, 0)) {
			set_speaker(d, s, w);
			return;
		}
	} else {
		/* words in the reporter's sentence belong to its subject */
		if (before_quote(d, s, &w, 1) ||
		    (comma && after_quote(d, s, &w))) {
			set_speaker(d, s, w);
			return;
		}
	}
	if (!s->full || is_punct(d, o - 1, ":")) {
		for (i = ss; i < o; i++)
			if (mention_at(d, i) >= 0 && d->t[i].q < 0 &&
			    d->m[d->t[i].ment].person >= 0 &&
			    d->pe[d->m[d->t[i].ment].person].confirmed) {
				w.person = d->m[d->t[i].ment].person;
				set_speaker(d, s, w);
				return;
			}
	}
	/* a lead-in paragraph that ends in a colon */
	if (o == p->t0 && s->para > 0 && !s->cont) {
		const struct para *pp = &d->p[s->para - 1];

		if (pp->t1 > pp->t0 && is_punct(d, pp->t1 - 1, ":")) {
			int ps = sent_start(d, pp->t1 - 1);

			for (v = pp->t1 - 2; v >= ps; v--)
				if (cue_at(d, v) && d->t[v].q < 0) {
					w = subject(d, v, ps, pp->t1);
					if (found(d, &w)) {
						set_speaker(d, s, w);
						return;
					}
					break;
				}
			for (i = pp->t1 - 1; i >= ps; i--)
				if (mention_at(d, i) >= 0 && d->t[i].q < 0 &&
				    d->m[d->t[i].ment].person >= 0) {
					w.person = d->m[d->t[i].ment].person;
					set_speaker(d, s, w);
					return;
				}
		}
	}
	/* a continued quotation, or a quote with no attribution of its own
	 * right after another one: the same speaker */
	for (i = k - 1; i >= 0; i--) {
		if (d->sp[i].drop)
			continue;
		if (d->sp[i].para == s->para || d->sp[i].para == s->para - 1 ||
		    s->cont) {
			s->person = d->sp[i].person;
			if (d->sp[i].group)
				s->group = st_xstrdup(d->sp[i].group);
			s->inherited = i + 1;
		}
		break;
	}
}

/* The attribution context: the quote's sentence outside any quotation,
 * without the names of people. */
static void context(struct doc *d, int k)
{
	struct span *s = &d->sp[k];
	const struct para *p = &d->p[s->para];
	int c = s->close >= 0 ? s->close : p->t1 - 1;
	int i, ss = sent_start(d, s->open), se = sent_end(d, c);

	for (i = ss; i < se; i++) {
		int m = d->t[i].ment;

		if (d->t[i].q >= 0 || d->t[i].type != T_WORD)
			continue;
		if (m >= 0 && d->m[m].person >= 0 && d->t[i].cap) {
			i = d->m[m].t1 - 1;
			continue;
		}
		if (s->context.len)
			st_buf_addc(&s->context, ' ');
		st_buf_add(&s->context, d->text + d->t[i].s,
		           d->t[i].e - d->t[i].s);
	}
}

static void doc_finish(struct doc *d)
{
	int i;

	for (i = 0; i < d->nsp; i++) {
		free(d->sp[i].group);
		st_buf_finish(&d->sp[i].context);
	}
	for (i = 0; i < d->npe; i++) {
		free(d->pe[i].name);
		free(d->pe[i].role);
	}
	free(d->t);
	free(d->p);
	free(d->sp);
	free(d->pe);
	free(d->m);
	st_buf_finish(&d->arena);
}

void st_extract(struct st_extractor *x, struct st_tokenizer *tk,
                const char *id, const char *text, size_t len,
                struct st_quotes *out)
{
	struct doc d;
	int k, n = 0;

	memset(&d, 0, sizeof d);
	d.x = x;
	d.text = text;
	d.len = len;
	tokenize(&d);
	find_cues(&d);
	pair_marks(&d);
	span_ranges(&d);
	sentences(&d);
	people(&d);
	for (k = 0; k < d.nsp; k++) {
		struct span *s = &d.sp[k];

		if (s->drop)
			continue;
		s->full = is_full(&d, s);
		if (not_a_statement(&d, s)) {
			s->drop = 1;
			continue;
		}
		attribute(&d, k);
		if (!s->full && s->person < 0 && !s->group && !s->inherited) {
			s->drop = 1;	/* scare quotes: nobody says them */
			continue;
		}
		if (s->inherited)
			st_buf_adds(&s->context,
			            d.sp[s->inherited - 1].context.s
			            ? d.sp[s->inherited - 1].context.s : "");
		else
			context(&d, k);
	}
	for (k = 0; k < d.nsp; k++) {
		const struct span *s = &d.sp[k];
		struct st_quote *q;

		if (s->drop)
			continue;
		q = st_quotes_add(out);
		q->id = ++n;
		st_set(&q->article, id, strlen(id));
		q->paragraph = d.p[s->para].num;
		q->start = s->start;
		q->end = s->end;
		q->kind = s->full ? ST_FULL : ST_PARTIAL;
		if (s->person >= 0) {
			const struct person *pe = &d.pe[s->person];
			st_set(&q->speaker, pe->name, strlen(pe->name));
			if (pe->role)
				st_set(&q->role, pe->role, strlen(pe->role));
		} else if (s->group) {
			st_set(&q->speaker, s->group, strlen(s->group));
		}
		st_set(&q->text, text + s->start, s->end - s->start);
		if (s->context.s)
			st_set(&q->context, s->context.s, s->context.len);
		if (tk) {
			struct st_buf b = ST_BUF_INIT;
			st_tokenize(tk, text + s->start, s->end - s->start, &b);
			free(q->tokens);
			q->tokens = st_buf_detach(&b);
		}
	}
	doc_finish(&d);
}

int st_check_limits(const char *path, const char *text, size_t len,
                    const struct st_quotes *qs, struct st_error *err)
{
	size_t i;

	if (len > ST_MAX_ARTICLE)
		return st_fail(err, path, 1, "article of %zu bytes: the limit "
		               "is %d MiB", len, ST_MAX_ARTICLE >> 20);
	if (!qs)
		return 0;
	if (qs->n > ST_MAX_QUOTES)
		return st_fail(err, path, 1, "%zu quotes in one article: the "
		               "limit is %d", qs->n, ST_MAX_QUOTES);
	for (i = 0; i < qs->n; i++)
		if (qs->q[i].end - qs->q[i].start > ST_MAX_QUOTE)
			return st_fail(err, path, st_line_of(text, qs->q[i].start),
			               "quote of %zu bytes: the limit is %d KiB "
			               "(a quotation mark left open?)",
			               qs->q[i].end - qs->q[i].start,
			               ST_MAX_QUOTE >> 10);
	return 0;
}
