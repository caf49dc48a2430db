/* tokens.c - normalised, stemmed words for features. */
#include "text/text.h"
#include "core/core.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* One remembered word: as written (at most KEY_MAX bytes) and its token
 * (at most TOK_MAX), in one cache line. */
#define KEY_MAX 30
#define TOK_MAX 31
struct entry {
	unsigned char klen, tlen;
	char key[KEY_MAX];
	char tok[TOK_MAX + 1];
};

/* word as written -> its token: news repeats its words, and folding and
 * stemming cost more than a lookup.  Set-associative, WAYS entries a set,
 * the most recently used first, so a word seen once pushes out only the
 * least used of its set: bounded (SETS * WAYS entries, 17 MiB at most
 * with the tags, allocated when first used, its pages touched as they are
 * needed), and no emptying when full.  Room for some 260,000 words: the
 * bench's 20,000 articles hold about 140,000 different ones, and a stem
 * not remembered costs some 2,600 instructions.  tags[] holds 32 bits of
 * each entry's hash (0: empty), so a lookup reads one line of tags and,
 * on a hit, one entry. */
#define SETS 65536
#define WAYS 4

struct st_tokenizer {
	struct st_pattern *re;
	struct sb_stemmer *stem;
	struct st_buf word;
	uint32_t (*tags)[WAYS];
	struct entry (*ents)[WAYS];
	unsigned long long words, hits;	/* for st_tokenizer_stats() */
};

/* A word: letters and digits, with inner apostrophes (don't, Armenia's)
 * and hyphens (military-technical) kept inside it. */
static const char WORD_RE[] =
	"[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['\\x{2019}\\-][\\p{L}\\p{N}]+)*";
/* The same on ASCII text (st_pattern's twin) */
static const char WORD_RE_ASCII[] = "[A-Za-z0-9]+(?:['\\-][A-Za-z0-9]+)*";

struct st_tokenizer *st_tokenizer_new(struct st_error *err)
{
	struct st_tokenizer *t = st_xcalloc(1, sizeof *t);

	t->re = st_pattern_new(WORD_RE, WORD_RE_ASCII, err);
	if (!t->re)
		goto fail;
	t->stem = sb_stemmer_new("english", "UTF_8");
	if (!t->stem) {
		st_fail(err, NULL, 0, "cannot set up the tokenizer");
		goto fail;
	}
	return t;
fail:
	st_tokenizer_free(t);
	return NULL;
}

void st_tokenizer_free(struct st_tokenizer *t)
{
	if (!t)
		return;
	st_pattern_free(t->re);
	if (t->stem)
		sb_stemmer_delete(t->stem);
	st_buf_finish(&t->word);
	free(t->tags);
	free(t->ents);
	free(t);
}

/* Case-fold and normalise one word into t->word, turning the typographic
 * apostrophe into ' and dropping a possessive 's. */
static void fold(struct st_tokenizer *t, const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t len;
	size_t i;

	st_buf_reset(&t->word);
	for (i = 0; i < n && !(s[i] & 0x80); i++)
		;
	if (i == n) {
		/* ASCII: folding is lower-casing, and nothing to normalise */
		st_buf_add(&t->word, s, n);
		for (i = 0; i < n; i++)
			if (t->word.s[i] >= 'A' && t->word.s[i] <= 'Z')
				t->word.s[i] = (char)(t->word.s[i] + 32);
		goto possessive;
	}
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	                   &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                   UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
	                   UTF8PROC_IGNORE);
	if (len < 0) {
		st_buf_add(&t->word, s, n);
		return;
	}
	for (i = 0; i < (size_t)len; i++) {
		if (i + 2 < (size_t)len && memcmp(out + i, "\xe2\x80\x99", 3) == 0) {
			st_buf_addc(&t->word, '\'');
			i += 2;
		} else {
			st_buf_addc(&t->word, (char)out[i]);
		}
	}
	free(out);
possessive:
	if (t->word.len > 2 &&
	    strcmp(t->word.s + t->word.len - 2, "'s") == 0) {
		t->word.len -= 2;
		t->word.s[t->word.len] = '\0';
	}
}

/* The token of the word s[0..n) into t->word, "" for none: folded and
 * stemmed. */
static void token_of(struct st_tokenizer *t, const char *s, size_t n)
{
	const sb_symbol *st;

	fold(t, s, n);
	if (!t->word.len)
		return;
	st = sb_stemmer_stem(t->stem, (const sb_symbol *)t->word.s,
	                     (int)t->word.len);
	if (st) {
		st_buf_reset(&t->word);
		st_buf_add(&t->word, st, (size_t)sb_stemmer_length(t->stem));
	}
}

/* The set of the cache for the word of hash h. */
#define SET_OF(h) ((size_t)((h) & (SETS - 1)))

/* The token of the word s[0..n) of hash h (st_fnv1a(); any value when n >
 * KEY_MAX), NUL-terminated and valid until the next call, and its length
 * in *len, from the cache or made and remembered there. */
static const char *lookup(struct st_tokenizer *t, const char *s, size_t n,
                          unsigned long long h, size_t *len)
{
	uint32_t tag, *tags;
	struct entry *set, e;
	int w;

	t->words++;
	if (n > KEY_MAX) {
		token_of(t, s, n);
		*len = t->word.len;
		return t->word.s ? t->word.s : "";
	}
	tag = (uint32_t)(h >> 32) | 1;
	tags = t->tags[SET_OF(h)];
	set = t->ents[SET_OF(h)];
	for (w = 0; w < WAYS; w++)
		if (tags[w] == tag && set[w].klen == n &&
		    memcmp(set[w].key, s, n) == 0)
			break;
	if (w == 0) {
		/* first of its set already: nothing to copy or move */
		t->hits++;
		*len = set[0].tlen;
		return set[0].tok;
	}
	if (w < WAYS) {
		t->hits++;
		e = set[w];
	} else {
		token_of(t, s, n);
		*len = t->word.len;
		if (t->word.len > TOK_MAX)
			return t->word.s;
		w = WAYS - 1;	/* the least recently used goes */
		e.klen = (unsigned char)n;
		memcpy(e.key, s, n);
		e.tlen = (unsigned char)t->word.len;
		memcpy(e.tok, t->word.s ? t->word.s : "", t->word.len);
		e.tok[e.tlen] = '\0';
	}
	/* move to the front of its set */
	memmove(&tags[1], &tags[0], (size_t)w * sizeof *tags);
	memmove(&set[1], &set[0], (size_t)w * sizeof *set);
	tags[0] = tag;
	set[0] = e;
	*len = e.tlen;
	return set[0].tok;
}

/* Ask the processor for the tags and the two most recent entries of set
 * k, to be read some words later: the cache is larger than the
 * processor's, and waiting for memory is most of a lookup's time. */
static void prefetch(const struct st_tokenizer *t, size_t k)
{
#if defined(__GNUC__)
	__builtin_prefetch(t->tags[k]);
	__builtin_prefetch(&t->ents[k][0]);
	__builtin_prefetch(&t->ents[k][1]);
#else
	(void)t;
	(void)k;
#endif
}

/* The next word at off or later in s[0..n) when it needs no PCRE2: the
 * ASCII twin of WORD_RE finds it, past st_punct3() punctuation if need
 * be, and st_ascii_word_whole() says it is whole.  1 and [*a, *b), or 0
 * to ask the pattern from off, *ascii_end unchanged. */
static int quick_word(const char *s, size_t n, size_t off,
                      size_t *ascii_end, size_t *a, size_t *b)
{
	size_t end = *ascii_end, u, p = off;

	for (;;) {
		u = st_ascii_end(s, n, p, &end);
		/* only an ASCII letter or digit starts a word in ASCII */
		for (; p < u; p++)
			if (st_ascii_alnum(s[p]))
				break;
		if (p < u)
			break;
		if (!st_punct3(s + u, n - u))
			return 0;
		p = u + 3;
	}
	*a = p;
	*b = st_ascii_word_end(s, p, u);
	if (!st_ascii_word_whole(s, n, *b, u))
		return 0;
	*ascii_end = end;
	return 1;
}

/* Words are found BATCH at a time, their sets asked for, then looked up. */
#define BATCH 32

size_t st_tokenize(struct st_tokenizer *t, const char *s, size_t n,
                   struct st_buf *out)
{
	struct {
		size_t a, b;
		unsigned long long h;
	} w[BATCH];
	size_t off = 0, count = 0, ascii_end = 0, a, b;
	int more = 1, nw, i;

	if (!t->tags) {
		t->tags = st_xcalloc(SETS, sizeof *t->tags);
		t->ents = st_xcalloc(SETS, sizeof *t->ents);
	}
	while (more) {
		for (nw = 0; nw < BATCH; nw++) {
			if (!(off < n &&
			      (quick_word(s, n, off, &ascii_end, &a, &b) ||
			       st_pattern_next(t->re, s, n, off, &ascii_end,
			                       &a, &b)))) {
				more = 0;
				break;
			}
			off = b > a ? b : a + 1;
			w[nw].a = a;
			w[nw].b = b;
			w[nw].h = 0;
			if (b - a <= KEY_MAX) {
				w[nw].h = st_fnv1a(s + a, b - a, ST_FNV_INIT);
				prefetch(t, SET_OF(w[nw].h));
			}
		}
		for (i = 0; i < nw; i++) {
			size_t len;
			const char *tok = lookup(t, s + w[i].a,
			                         w[i].b - w[i].a, w[i].h, &len);
			if (!len)
				continue;
			/* a space before it unless first, written in place */
			st_buf_reserve(out, len + 1);
			if (out->len)
				out->s[out->len++] = ' ';
			memcpy(out->s + out->len, tok, len);
			out->len += len;
			out->s[out->len] = '\0';
			count++;
		}
	}
	return count;
}

void st_tokenizer_stats(const struct st_tokenizer *t,
                        unsigned long long *words, unsigned long long *hits)
{
	*words = t->words;
	*hits = t->hits;
}
