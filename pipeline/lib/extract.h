/* extract.h - finding the quoted statements of an article and who made
 * them.
 *
 * An article is UTF-8 text, one paragraph per line.  A quoted statement is
 * the text inside one pair of quotation marks within one paragraph: ASCII
 * and curly double quotes, „ “, « », ‹ ›, two apostrophes, and the HTML
 * entities for them.  Single curly quotes outside a word are marks in an
 * article that quotes a sentence or more with them (the British style);
 * elsewhere they are apostrophes, scare quotes or nested quotes, which
 * stay inside the outer quote.  A paragraph whose
 * quotation is not closed runs to its end; if the next paragraph opens
 * with a mark, that quotation continues there with the same speaker (and
 * in up to three paragraphs without an opening mark, each ending a
 * sentence, when one of them closes it).
 * Paragraphs end at LF, CRLF or a lone CR; a leading byte order mark is
 * skipped.  A quotation still open where the text ends is a page cut off,
 * not a statement: it is left out (see st_extract_cutoffs).
 *
 * Each quote gets a kind (full sentence or partial words inside the
 * reporter's sentence), a speaker (a person's full name, resolved from
 * surnames, pronouns and "the minister"; or a group such as "officials"),
 * the speaker's role from the first mention that gives one, and the
 * attribution context.  Names, titles and scare quotes in quotation marks
 * are left out.  Cue verbs, role words and the words that are never names
 * come from pipeline/data/. */
#ifndef STANCE_EXTRACT_H
#define STANCE_EXTRACT_H

#include <stddef.h>
#include "quote.h"
#include "tokens.h"
#include "util.h"

struct st_extractor;

/* Compile the patterns and load the word lists once per process.  NULL
 * with err filled on failure; free with st_extractor_free() (NULL is
 * fine). */
struct st_extractor *st_extractor_new(struct st_error *err);
void st_extractor_free(struct st_extractor *x);

/* Append the quotes of the article text[0..len) to out, ids numbered from
 * 1, article set to id, tokens filled with tk (which may be NULL to leave
 * them empty).  text must be valid UTF-8 (see st_check_text); the offsets
 * are byte offsets into it. */
void st_extract(struct st_extractor *x, struct st_tokenizer *tk,
                const char *id, const char *text, size_t len,
                struct st_quotes *out);

/* The quotations that the last st_extract() call left out because they
 * were still open where the text ends (a page cut off): their number, and
 * in *at the byte offsets of their opening marks, valid until the next
 * call.  The caller decides whether to warn. */
size_t st_extract_cutoffs(const struct st_extractor *x, const size_t **at);

/* Limits, so that a runaway input is an error and not a long wait:
 * the largest article, the most quotes in one, the longest quote. */
#define ST_MAX_ARTICLE (64 << 20)
#define ST_MAX_QUOTES 100000
#define ST_MAX_QUOTE (256 << 10)

/* Check text[0..len) (named path in messages) and, when qs is not NULL,
 * its quotes against the limits; -1 with err naming the line if one is
 * passed. */
int st_check_limits(const char *path, const char *text, size_t len,
                    const struct st_quotes *qs, struct st_error *err);

#endif
