/* text.h - text as the pipeline reads it: whether a file is UTF-8
 * (and what it likely is if not), and the one tokenizer of words and
 * stems.  Failures are an st_error naming the file and line of the first
 * bad byte. */
#ifndef STANCE_TEXT_H
#define STANCE_TEXT_H

#include "core/core.h"

#include <string.h>

/* Check that s[0..n) is UTF-8 without NUL bytes; on failure name the
 * 1-based line of the first bad byte in err (file is path). */
int st_check_text(const char *path, const char *s, size_t n,
                  struct st_error *err);

/* For text that st_check_text() refused: the encoding it is most likely
 * in, as iconv(1) names it ("UTF-16LE", "UTF-16BE" or "WINDOWS-1252"),
 * or NULL when no guess is safe (a truncated or corrupted UTF-8 file). */
const char *st_guess_encoding(const char *s, size_t n);

/* 1-based line number of byte offset off in s. */
long st_line_of(const char *s, size_t off);

/* match.h - a PCRE2 pattern over UTF-8 text (UTF + UCP, invalid UTF-8
 * never matched, JIT-compiled once) with an ASCII twin: a pattern without
 * UTF or UCP that matches ASCII text exactly as the first does and never
 * looks more than one byte past its match.  The twin runs over the ASCII
 * stretch of the subject that a match starts in, the first pattern only
 * where the twin cannot answer: most news is ASCII, and UCP classes cost
 * a table lookup a character. */

struct st_pattern;

/* NULL with err filled if either pattern does not compile.  Free with
 * st_pattern_free() (NULL is fine). */
struct st_pattern *st_pattern_new(const char *uni, const char *ascii,
                                  struct st_error *err);
void st_pattern_free(struct st_pattern *p);

/* The first match of the pattern in s[0..n) that starts at off or later:
 * 1 and its range [*a, *b), or 0 if there is none.  *ascii_end is where
 * the next byte above 0x7f is, kept between calls by the caller: 0 before
 * the first call over a subject, then passed back unchanged while off
 * grows. */
int st_pattern_next(struct st_pattern *p, const char *s, size_t n,
                    size_t off, size_t *ascii_end, size_t *a, size_t *b);

/* Where the ASCII stretch of s[0..n) that holds off ends: the first byte
 * above 0x7f at off or later, or n.  *ascii_end as for st_pattern_next(),
 * and shared with it over one subject. */
static inline size_t st_ascii_end(const char *s, size_t n, size_t off,
                                  size_t *ascii_end)
{
	size_t u = *ascii_end;

	if (off >= u) {
		/* eight bytes at a time while none is above 0x7f */
		for (u = off; u + 8 <= n; u += 8) {
			uint64_t x;

			memcpy(&x, s + u, 8);
			if (x & 0x8080808080808080ULL)
				break;
		}
		for (; u < n && !(s[u] & 0x80); u++)
			;
		*ascii_end = u;
	}
	return u;
}

/* Is c an ASCII letter or digit? */
static inline int st_ascii_alnum(char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

/* The end of the word [A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)* that starts at
 * s[a], an ASCII letter or digit, looking at s[a..u) only: what the word
 * patterns' ASCII twins (scan.c, tokens.c) match there, without PCRE2 and
 * its cost a call.  As for a twin, it is the Unicode pattern's match when
 * u is the end of the subject or the word ends two bytes or more before
 * u. */
size_t st_ascii_word_end(const char *s, size_t a, size_t u);

/* Does s[0..n) start with a code point of U+2010..U+2027 other than
 * U+2019 (dashes, quotation marks, the bullet, the ellipsis)?  Three bytes
 * in UTF-8, white space to no pattern, and punctuation that neither starts
 * nor continues a word of the word patterns: a token of its own where a
 * pattern has \S. */
static inline int st_punct3(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	return n >= 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0x90 &&
	       u[2] <= 0xa7 && u[2] != 0x99;
}

/* Is the word that st_ascii_word_end(s, a, u) ended at b, in s[0..n),
 * what the Unicode word patterns match there too?  Yes when u is n, or
 * when what follows cannot go on with the word: an ASCII byte other than
 * an apostrophe or hyphen, one of those two followed by ASCII, or either
 * followed by st_punct3() punctuation. */
static inline int st_ascii_word_whole(const char *s, size_t n, size_t b,
                                      size_t u)
{
	if (u == n || b + 1 < u)
		return 1;
	if (b + 1 == u && s[b] != '\'' && s[b] != '-')
		return 1;
	return st_punct3(s + u, n - u);
}

/* tokens.h - words as the classifier sees them: Unicode words found with a
 * PCRE2 pattern (UTF + UCP, JIT-compiled once), case-folded and normalised
 * with utf8proc (NFKC_Casefold), possessive 's dropped, and stemmed with
 * Snowball's English stemmer (libstemmer). */

struct st_tokenizer;

/* NULL with err filled if a pattern or the stemmer cannot be set up.
 * Free with st_tokenizer_free() (NULL is fine). */
struct st_tokenizer *st_tokenizer_new(struct st_error *err);
void st_tokenizer_free(struct st_tokenizer *t);

/* Append the tokens of s[0..n) to out, separated by single spaces (a space goes before each token if out is not empty).
 * Invalid UTF-8 is skipped.  Returns the number of tokens added. */
size_t st_tokenize(struct st_tokenizer *t, const char *s, size_t n,
                   struct st_buf *out);

/* How many words st_tokenize() has seen, and how many of them it found in
 * its cache of words already stemmed (for benchmarks: the hit rate says
 * how much of the speed comes from repeated words). */
void st_tokenizer_stats(const struct st_tokenizer *t,
                        unsigned long long *words, unsigned long long *hits);

/* s[0..n) without leading titles ("Prime Minister", "Mr.", "Dr",
 * "Archbishop", ...) and without surrounding white space and trailing
 * punctuation, appended to out with its case kept: "Prime Minister Nikol
 * Pashinyan" -> "Nikol Pashinyan".  A name that is nothing but titles is
 * kept whole. */
void st_name_strip_titles(const char *s, size_t n, struct st_buf *out);

/* Is the word w[0..n) a title ("minister", "mr", "dr", ...), compared by
 * its name key? */
int st_is_title(const char *w, size_t n);

/* The name key of s: case-folded words separated by single spaces,
 * with marks, dots, commas, hyphens and apostrophes
 * dropped (so "Ter-Petrosyan", "Ter Petrosyan" and "TER-PETROSYAN" are one
 * name), appended to out.
 * Invalid UTF-8 is skipped. */
void st_name_fold(const char *s, size_t n, struct st_buf *out);

#endif
