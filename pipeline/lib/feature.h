/* feature.h - from a quote to a sparse vector: terms, the vocabulary with
 * its IDF weights, and LIBSVM's text format.
 *
 * A quote's terms come in groups, each named by its prefix and each
 * switchable (ST_G_*):
 *   w:  the quote's words (normalised and stemmed, see tokens.h)
 *   b:  pairs of adjacent quote words
 *   n:  character 3-grams of the quote's words
 *   c:  attribution context words (the quote's sentence outside the
 *       quotation, names removed)
 *   r:  the speaker's role words
 *   l:  classes of role words from the speaker-role lexicon
 *       (pipeline/data/roles.txt), found in the role and the context
 *   a:  who the speaker is (actors.h): the codes and camps of the
 *       affiliations that the speaker and the role's organisation have on
 *       the article's date, as actor:CODE and actor_camp:CAMP (spaces in
 *       CAMP as _), or actor:none; so that the model learns codes, not
 *       names
 * A term's weight is (1 + ln tf) * idf; each group is L2-normalised on its
 * own and the vector scaled by 1/sqrt(groups), so that no group drowns the
 * others by sheer number of terms. */
#ifndef STANCE_FEATURE_H
#define STANCE_FEATURE_H

#include <stdio.h>
#include "quote.h"
#include "strmap.h"
#include "util.h"

enum {
	ST_G_WORDS = 1 << 0,
	ST_G_BIGRAMS = 1 << 1,
	ST_G_CHARS = 1 << 2,
	ST_G_CONTEXT = 1 << 3,
	ST_G_ROLE = 1 << 4,
	ST_G_LEXICON = 1 << 5,
	ST_G_ACTORS = 1 << 6,
	ST_G_ALL = (1 << 7) - 1
};
#define ST_G_DEFAULT (ST_G_WORDS | ST_G_BIGRAMS | ST_G_CONTEXT | ST_G_ROLE | \
                      ST_G_LEXICON | ST_G_ACTORS)

/* "words,bigrams,context" <-> bits.  st_groups_parse returns -1 on an
 * unknown name; st_groups_format writes into buf (at least 72 bytes). */
int st_groups_parse(const char *s, unsigned *groups);
void st_groups_format(unsigned groups, char *buf, size_t size);

struct st_featurizer;
struct st_actors;

/* NULL with err filled on failure.  Free with st_featurizer_free().  The
 * actor group uses the dictionary last given to st_featurizer_actors(),
 * or, when none was, the shipped one. */
struct st_featurizer *st_featurizer_new(struct st_error *err);
/* The actor dictionary of the featurizers made after this call (NULL: the
 * shipped one).  The caller keeps it alive until they are freed; a
 * program sets it once, before training or featurising. */
void st_featurizer_actors(const struct st_actors *a);
void st_featurizer_free(struct st_featurizer *f);

/* Count the terms of q in the enabled groups into terms (term -> count);
 * terms is reset first.  The quote's tokens column is used for its words
 * when it is filled, else the text is tokenised. */
void st_quote_terms(struct st_featurizer *f, const struct st_quote *q,
                    unsigned groups, struct st_map *terms);

/* The vocabulary: term -> 1-based feature index, in byte order of the
 * terms, with document frequency and IDF.  st_vocab_finish() frees it. */
struct st_vocab {
	struct st_map idx;
	long *df;		/* df[i - 1] for index i */
	double *idf;
	unsigned char *group;	/* group[i - 1]: the term's group, 0.. */
	long ndocs;
	unsigned groups;
};

void st_vocab_init(struct st_vocab *v);
void st_vocab_finish(struct st_vocab *v);
/* Build from the term maps of ndocs documents: a term enters when at
 * least min_df documents have it. */
void st_vocab_build(struct st_vocab *v, const struct st_map *docs,
                    size_t ndocs, unsigned groups, long min_df);
size_t st_vocab_size(const struct st_vocab *v);
/* Versioned text, IDF with %.17g under the C locale. */
void st_vocab_write(FILE *fp, const struct st_vocab *v);
int st_vocab_read(const char *path, const char *data, size_t len,
                  struct st_vocab *v, struct st_error *err);

/* A sparse vector with ascending 1-based indices. */
struct st_vec {
	int *idx;
	double *val;
	size_t n, cap;
};
void st_vec_init(struct st_vec *x);
void st_vec_finish(struct st_vec *x);
void st_vec_push(struct st_vec *x, int idx, double val);

/* Weight and normalise terms into x (reset first); unknown terms are
 * dropped. */
void st_vectorize(const struct st_vocab *v, const struct st_map *terms,
                  struct st_vec *x);

/* The vector of q straight from the vocabulary v, without a map of its
 * terms: st_quote_terms() and st_vectorize() in one step, with the same
 * result, for the hot path of stance-features. */
void st_quote_vector(struct st_featurizer *f, const struct st_quote *q,
                     const struct st_vocab *v, struct st_vec *x);

/* One line of LIBSVM's format: "label idx:val ...\n", values with nine
 * significant digits (a float's worth: the weights are not that exact). */
void st_vec_write(FILE *fp, int label, const struct st_vec *x);
/* Parse one line (without its newline) into *label and x.  Fails on a
 * malformed pair, an index that is zero, not ascending or above maxidx
 * (when maxidx > 0), or a value that is not a finite number. */
int st_vec_parse(const char *path, long line, const char *s, int *label,
                 struct st_vec *x, long maxidx, struct st_error *err);

#endif
