/* tokens.c - normalised, stemmed words for features. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "text/text.h"
#include "core/core.h"

#include <libstemmer.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct st_tokenizer {
	pcre2_code *re;
	pcre2_match_data *md;
	struct sb_stemmer *stem;
	struct st_buf word;
	/* word as written -> its token: news repeats its words, and folding
	 * and stemming cost more than a lookup.  Bounded: emptied when full,
	 * so memory stays the same whatever the input. */
	struct st_map cache;
	struct st_buf stems;	/* the tokens, NUL-separated; cache values
				 * are offsets into it */
	unsigned long long words, hits;	/* for st_tokenizer_stats() */
};

#define CACHE_MAX 16384

/* A word: letters and digits, with inner apostrophes (don't, Armenia's)
 * and hyphens (military-technical) kept inside it. */
static const char WORD_RE[] =
	"[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['\\x{2019}\\-][\\p{L}\\p{N}]+)*";

struct st_tokenizer *st_tokenizer_new(struct st_error *err)
{
	struct st_tokenizer *t = st_xcalloc(1, sizeof *t);
	int ec;
	PCRE2_SIZE eo;

	t->re = pcre2_compile((PCRE2_SPTR)WORD_RE, PCRE2_ZERO_TERMINATED,
	                      PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
	                      &ec, &eo, NULL);
	if (!t->re) {
		st_fail(err, NULL, 0, "word pattern: error %d at %zu", ec,
		        (size_t)eo);
		goto fail;
	}
	pcre2_jit_compile(t->re, PCRE2_JIT_COMPLETE);
	t->md = pcre2_match_data_create_from_pattern(t->re, NULL);
	t->stem = sb_stemmer_new("english", "UTF_8");
	st_map_init(&t->cache);
	if (!t->md || !t->stem) {
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
	pcre2_match_data_free(t->md);
	pcre2_code_free(t->re);
	if (t->stem)
		sb_stemmer_delete(t->stem);
	st_buf_finish(&t->word);
	st_map_finish(&t->cache);
	st_buf_finish(&t->stems);
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

size_t st_tokenize(struct st_tokenizer *t, const char *s, size_t n,
                   struct st_buf *out)
{
	PCRE2_SIZE off = 0;
	size_t count = 0;

	while (off < n) {
		int rc = pcre2_match(t->re, (PCRE2_SPTR)s, n, off, 0, t->md,
		                     NULL);
		PCRE2_SIZE *ov;
		const sb_symbol *st;
		const char *tok;
		int *hit;

		if (rc < 0)
			break;
		ov = pcre2_get_ovector_pointer(t->md);
		off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		hit = st_map_getn(&t->cache, s + ov[0], ov[1] - ov[0]);
		t->words++;
		t->hits += hit != NULL;
		if (!hit) {
			int at;

			fold(t, s + ov[0], ov[1] - ov[0]);
			if (t->cache.n >= CACHE_MAX) {
				st_map_finish(&t->cache);
				st_buf_reset(&t->stems);
			}
			at = (int)t->stems.len;
			if (t->word.len) {
				st = sb_stemmer_stem(t->stem,
				                     (const sb_symbol *)t->word.s,
				                     (int)t->word.len);
				if (st)
					st_buf_add(&t->stems, st, (size_t)
					           sb_stemmer_length(t->stem));
				else
					st_buf_add(&t->stems, t->word.s,
					           t->word.len);
			}
			st_buf_addc(&t->stems, '\0');
			hit = st_map_putn(&t->cache, s + ov[0], ov[1] - ov[0], at);
		}
		tok = t->stems.s + *hit;
		if (!*tok)
			continue;
		if (out->len)
			st_buf_addc(out, ' ');
		st_buf_adds(out, tok);
		count++;
	}
	return count;
}

void st_tokenizer_stats(const struct st_tokenizer *t,
                        unsigned long long *words, unsigned long long *hits)
{
	*words = t->words;
	*hits = t->hits;
}
