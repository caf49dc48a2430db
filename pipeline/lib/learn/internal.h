/* internal.h - what the files of learn/ share among themselves and no
 * program uses: the group of a term, the weighting step, libsvm's side
 * (svm.c, the only file that includes libsvm's header), the model text
 * check, the linear prediction and the model folder's writer.  Same rules
 * as learn.h: memory from st_xmalloc(), failures in a struct st_error,
 * nothing printed. */
#ifndef STANCE_LEARN_INTERNAL_H
#define STANCE_LEARN_INTERNAL_H

#include "learn/learn.h"

/* groups.c: the index (0..ST_NGROUPS-1) of the group whose prefix term
 * begins with, or -1. */
int st_group_of(const char *term);

/* memo.c: what is remembered of strings, a list of ints for each kind
 * byte and string, up to max strings and about max_bytes of strings and
 * ints: past either, all is forgotten and the memo starts again, so that
 * memory does not grow with the input.  st_memo_finish() frees it. */
struct st_memo {
	struct st_map map;	/* kind + string -> offset in pool */
	int *pool;		/* at an offset: the count, then the ints */
	size_t npool, cappool, max, max_bytes, bytes;
	char *key;		/* the key being looked up */
	size_t keycap;
};
void st_memo_init(struct st_memo *m, size_t max, size_t max_bytes);
void st_memo_finish(struct st_memo *m);
void st_memo_forget(struct st_memo *m);
/* The ints remembered for kind + s[0..len) (their number in *n), or NULL;
 * they stay until the next st_memo_put() or st_memo_forget(). */
const int *st_memo_get(struct st_memo *m, char kind, const char *s,
                       size_t len, size_t *n);
/* Remember *head (when head is not NULL) and v[0..n) for kind + s. */
void st_memo_put(struct st_memo *m, char kind, const char *s, size_t len,
                 const int *head, const int *v, size_t n);

/* vector.c: weight ps[0..n) (ascending indices, raw term counts) by
 * v's IDF, normalise each group and scale, into x (reset first). */
struct st_tf {
	int idx;
	double tf;
};
void st_weigh(const struct st_vocab *v, const struct st_tf *ps, size_t n,
              struct st_vec *x);

/* modeltext.c: check the text of libsvm's model file b (named path in
 * messages) against the format libsvm writes, for nlabels classes over
 * nfeatures features, before libsvm's loader (which trusts its input)
 * sees it.  0, or -1 with err naming the line. */
int st_model_text_check(const char *path, const struct st_buf *b,
                        int nlabels, size_t nfeatures,
                        struct st_error *err);

/* svm.c: libsvm's model path into m (whose labels and vocabulary are
 * loaded): m->svm, m->svm_order and, for a linear kernel, the collapsed
 * weights m->w with m->rho, m->probA and m->probB.  Fails on a model
 * libsvm cannot read or that does not fit m's labels and vocabulary;
 * what was set is freed by st_model_finish(). */
int st_svm_load(struct st_model *m, const char *path, struct st_error *err);
/* Free m->svm (NULL afterwards; safe when it is NULL). */
void st_svm_free(struct st_model *m);
/* libsvm's own svm_predict_probability: est[i] for libsvm's class i, dec
 * (when not NULL) the pairwise decision values; returns the class label
 * (1-based). */
int st_svm_predict(const struct st_model *m, const struct st_vec *x,
                   double *est, double *dec);

/* svm.c: the final model, with probability estimates, over every
 * labelled document of d (cost C; linear when gamma is 0, else RBF),
 * its vocabulary built from them; srand(seed) first, for libsvm's
 * internal folds.  NULL with err filled when libsvm refuses the
 * parameters.  st_fit_free() frees it (NULL is fine): libsvm's model
 * points into the training vectors, which it keeps. */
struct st_fit;
struct st_fit *st_fit_new(const struct st_docs *d, int nlabels, double C,
                          double gamma, long min_df, unsigned seed,
                          struct st_error *err);
void st_fit_free(struct st_fit *f);
const struct st_vocab *st_fit_vocab(const struct st_fit *f);
long st_fit_count(const struct st_fit *f, int label);	/* its quotes */
int st_fit_quotes(const struct st_fit *f);
int st_fit_support_vectors(const struct st_fit *f);
/* Write libsvm's model file into dir under a temporary name, which *tmp
 * gets (the caller renames it and frees the string); on failure nothing
 * is left behind and *tmp is NULL. */
int st_fit_save(const struct st_fit *f, const char *dir, char **tmp,
                struct st_error *err);

/* linear.c: svm_predict_probability's answer from m's collapsed weights
 * (m->w set): est[i] for libsvm's class i, dec (when not NULL) the
 * decision values; returns the class's position i (m->svm_order[i] is
 * its label). */
int st_linear_predict(const struct st_model *m, const struct st_vec *x,
                      double *est, double *dec);

/* modeldir.c: the model folder dir (made when missing) from fit:
 * stance.model, vocab.txt, labels.txt with their checksums and
 * metrics.txt with what ff says of the training, each file whole through
 * a temporary name.  0, or -1 with err filled. */
struct st_fit_facts {
	const struct st_train_opts *o;
	double C, gamma, f1;	/* the chosen C and gamma, their CV score */
	long articles;
};
int st_model_save(const char *dir, const struct st_fit *fit,
                  char *const *labels, int nlabels,
                  const struct st_fit_facts *ff, struct st_error *err);

#endif
