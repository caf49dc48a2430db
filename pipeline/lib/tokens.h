/* tokens.h - words as the classifier sees them: Unicode words found with a
 * PCRE2 pattern (UTF + UCP, JIT-compiled once), case-folded and normalised
 * with utf8proc (NFKC_Casefold), possessive 's dropped, and stemmed with
 * Snowball's English stemmer (libstemmer). */
#ifndef STANCE_TOKENS_H
#define STANCE_TOKENS_H

#include "util.h"

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

#endif
