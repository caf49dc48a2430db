/* model.h - the model folder (models/ by default) and the one module that
 * touches libsvm's types.
 *
 * A model folder holds four files, written together:
 *   stance.model  libsvm's model (linear kernel, probability estimates)
 *   vocab.txt     the vocabulary with IDF (feature.h)
 *   labels.txt    "stance-labels 1", the FNV-1a checksums of the other
 *                 two files, then one "label NAME" line per class, in the
 *                 order of libsvm's class numbers 1, 2, ...
 *   metrics.txt   what training measured (for people, never read back)
 * Loading checks the checksums, so a model never meets a vocabulary it
 * was not trained with. */
#ifndef STANCE_MODEL_H
#define STANCE_MODEL_H

#include "feature.h"
#include "quote.h"
#include "util.h"

#define ST_MAX_LABELS 32

struct svm_model;

struct st_model {
	struct svm_model *svm;
	struct st_vocab vocab;
	char *labels[ST_MAX_LABELS];
	int nlabels;
	int *svm_order;		/* libsvm's class i is our label svm_order[i] */
	/* A linear model's support vectors collapsed at load time into one
	 * dense weight vector per pair of classes (libsvm's pair order):
	 * w[p * (nfeatures + 1) + f], so that a decision value is one sparse
	 * dot product instead of one per support vector.  NULL for other
	 * kernels, which libsvm predicts itself. */
	double *w;
	size_t nfeatures;
};

/* Load dir/{stance.model,vocab.txt,labels.txt}; fails (naming the file and
 * line) on a missing or malformed file or on files that do not belong
 * together.  st_model_finish() frees everything; it is safe on a model
 * whose load failed. */
int st_model_load(struct st_model *m, const char *dir, struct st_error *err);
void st_model_finish(struct st_model *m);

/* The index (into m->labels) of the predicted label of x; prob[i] is
 * the probability of label i (nlabels of them).  dec, when not NULL,
 * gets the nlabels*(nlabels-1)/2 one-vs-one decision values in libsvm's
 * order.  Labels, probabilities and decision values are libsvm's own
 * (svm_predict_probability), computed from the collapsed weights when the
 * kernel is linear; with use_libsvm set, by libsvm itself. */
int st_model_predict(const struct st_model *m, const struct st_vec *x,
                     double *prob);
int st_model_predict_ex(const struct st_model *m, const struct st_vec *x,
                        double *prob, double *dec, int use_libsvm);

/* Index of label name in labels[0..n), or -1. */
int st_label_index(char *const *labels, int n, const char *name);

/* A checksum of labels[0..n) in their order, NULs included, for
 * labels.txt. */
unsigned long long st_labels_sum(char *const *labels, int n);

/* Read a label list: one label per line, # comments and blank lines
 * skipped.  Fills labels (caller frees each) and returns the count, or -1
 * with err filled. */
int st_labels_parse(const char *path, const char *text, char **labels,
                    struct st_error *err);

/* Training. */
struct st_train_opts {
	unsigned groups;	/* feature groups, ST_G_* */
	double C;		/* > 0: use it; 0: choose by cross-validation */
	int folds;		/* article folds for choosing C */
	unsigned seed;		/* for the folds and libsvm's rand() */
	long min_df;
	int jobs;		/* processes for the grid search */
	int rbf;		/* also try an RBF kernel (C x gamma grid) and
				 * keep it if cross-validation prefers it */
	/* called after each grid point, for progress; may be NULL */
	void (*progress)(int done, int total, void *arg);
	void *progress_arg;
};
void st_train_opts_init(struct st_train_opts *o);

/* The terms of every quote, counted once and shared by every model
 * trained on them (folds, grid points). */
struct st_docs {
	struct st_map *terms;	/* per quote */
	int *y;			/* label index per quote, -1 when unlabelled */
	size_t n;
	unsigned groups;
};
/* Fails only on a quote whose stance is not empty and not a label. */
int st_docs_init(struct st_docs *d, const struct st_quotes *qs,
                 char *const *labels, int nlabels, unsigned groups,
                 struct st_error *err);
void st_docs_finish(struct st_docs *d);

/* Train an SVM (class-weighted, no probabilities) with cost C, linear
 * when gamma is 0 and RBF with that gamma otherwise, on the documents with
 * train[i] set, its vocabulary built from them alone, and store the
 * predicted label index of each document with test[i] set in pred[i]. */
void st_fit_predict(const struct st_docs *d, int nlabels, const char *train,
                    const char *test, double C, double gamma, long min_df,
                    int *pred);

/* Train on the labelled quotes (every q->stance one of labels) and write
 * the model folder dir, each file through a temporary name.  C is chosen
 * by grouped cross-validation over the articles unless o->C is set.
 * Returns 0 or -1 with err filled. */
int st_train(const struct st_quotes *qs, char *const *labels, int nlabels,
             const struct st_train_opts *o, const char *dir,
             struct st_error *err);

#endif
