/* learn.h - from quotes to a model and back: terms and
 * the vocabulary, LIBSVM text, the model folder, cross-validation,
 * training, evaluation, and the labelled set.  Failures are an st_error
 * naming the file and line (a model file, a vocabulary, a sheet row).
 *
 * The files, bottom up: groups.c (the group table), terms.c (a quote's
 * terms), vocab.c (the vocabulary and its file), vector.c (weighting),
 * svmtext.c (LIBSVM lines), docs.c (a training set's terms), svm.c (the
 * only file that touches libsvm's types: fit, libsvm's model file,
 * libsvm's prediction), modeltext.c (libsvm's model text checked),
 * linear.c (the collapsed linear prediction), modeldir.c (the model
 * folder), cv.c (folds, scores, cross-validation, the choice of C),
 * trainer.c (st_train, above cv.c), evaluate.c and evalfiles.c
 * (stance-eval's runs and files),
 * labelled.c and retrain.c.  internal.h is what they share. */
#ifndef STANCE_LEARN_H
#define STANCE_LEARN_H

#include "core/core.h"
#include "text/text.h"
#include "io/io.h"
#include "extract/extract.h"
#include <stdio.h>

/* Features - from a quote to a sparse vector: terms, the vocabulary with
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
/* The number of groups: group k is the bit 1 << k. */
#define ST_NGROUPS 7

/* "words,bigrams,context" <-> bits.  st_groups_parse returns -1 on an
 * unknown name; st_groups_format writes into buf (at least 72 bytes). */
int st_groups_parse(const char *s, unsigned *groups);
void st_groups_format(unsigned groups, char *buf, size_t size);
/* The name of group k ("words" for 0, the bit ST_G_WORDS), or NULL when k
 * is not in [0, ST_NGROUPS); a static string. */
const char *st_group_name(int k);

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
	/* A number no other vocabulary made in this process has had: each
	 * st_vocab_init(), st_vocab_build() and st_vocab_read() gives a new
	 * one, so that a featurizer knows when what it remembered of the
	 * previous vocabulary no longer holds (see st_quote_vector). */
	unsigned long serial;
	/* Is every bigram term "b:x_y", at each of its underscores, made of
	 * two word terms "w:x" and "w:y"?  A vocabulary built from documents
	 * is (a document with the pair has both words, so no pair is more
	 * frequent than its words), and then a pair whose word is not a term
	 * cannot be one.  Set by st_vocab_build() and st_vocab_read(). */
	int pairs_closed;
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
 * result, for the hot path of stance-features.  f remembers the indices
 * of the context and role strings it has seen with v (and which actor a
 * speaker or role names), a bounded number of them, and forgets them all
 * when it is given a vocabulary with another serial or groups: a
 * vocabulary changed by hand rather than by st_vocab_build() or
 * st_vocab_read() needs a new featurizer. */
void st_quote_vector(struct st_featurizer *f, const struct st_quote *q,
                     const struct st_vocab *v, struct st_vec *x);

/* One line of LIBSVM's format: "label idx:val ...\n", values with nine
 * significant digits (a float's worth: the weights are not that exact). */
void st_vec_write(FILE *fp, int label, const struct st_vec *x);
/* The same line without its newline into buf, which has room for
 * ST_VEC_LINE_MAX(x->n) bytes (not NUL-terminated); returns its length. */
#define ST_VEC_LINE_MAX(n) (24 + (size_t)(n) * 48)
size_t st_vec_format(char *buf, int label, const struct st_vec *x);
/* Parse one line (without its newline) into *label and x.  Fails on a
 * malformed pair, an index that is zero, not ascending or above maxidx
 * (when maxidx > 0), or a value that is not a finite number. */
int st_vec_parse(const char *path, long line, const char *s, int *label,
                 struct st_vec *x, long maxidx, struct st_error *err);

/* The model folder (models/ by default); svm.c is the one file that
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

struct svm_model;

struct st_model {
	struct svm_model *svm;
	struct st_vocab vocab;
	char *labels[ST_MAX_LABELS];
	int nlabels;
	int *svm_order;		/* libsvm's class i is our label svm_order[i] */
	/* A linear model's support vectors collapsed at load time into one
	 * dense weight vector per pair of classes (libsvm's pair order),
	 * feature by feature: w[f * npairs + p] for the npairs pairs, so that
	 * a decision value is one sparse dot product instead of one per
	 * support vector, and one pass over a vector makes all of them.
	 * NULL for other kernels, which libsvm predicts itself. */
	double *w;
	size_t nfeatures;
	/* libsvm's per-pair rho, probA and probB, copied with w */
	double *rho, *probA, *probB;
};

/* Load dir/{stance.model,vocab.txt,labels.txt}; fails (naming the file and
 * line) on a missing or malformed file or on files that do not belong
 * together.  st_model_finish() frees everything; it is safe on a model
 * whose load failed. */
int st_model_load(struct st_model *m, const char *dir, struct st_error *err);
/* What featurising needs, without stance.model: dir/labels.txt (checked
 * as st_model_load() checks it) and dir/vocab.txt (checked against
 * labels.txt's checksum, which ties it to the model it was trained
 * with), into m->labels, m->nlabels and m->vocab (whose groups are the
 * feature settings).  m->svm stays NULL: such a model cannot predict.
 * st_model_finish() frees it; on failure there is nothing to free. */
int st_model_load_vocab(struct st_model *m, const char *dir,
                        struct st_error *err);
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

/* st_label_index(), st_labels_sum() and st_labels_parse(), the label
 * files' parser, are io.h's. */

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

/* Cross-validation - honest evaluation: folds that keep an article (or a speaker)
 * whole, cross-validated predictions, the choice of C, and the scores.
 *
 * A fold split is "grouped" when every quote of a group (an article, or a
 * speaker) falls in the same fold, so that the model is never tested on an
 * article, or a person, it was trained on; and "stratified" when each
 * fold's mix of labels is close to the whole's. */

enum st_group_by { ST_BY_ARTICLE, ST_BY_SPEAKER };

/* fold[i] in [0, k) for each quote of qs (labels give the strata).  Groups
 * are taken in an order shuffled with seed, largest first, and each goes
 * to the fold where it does the least harm to the label balance.  A quote
 * without a speaker is a group of its own under ST_BY_SPEAKER. */
void st_folds(const struct st_quotes *qs, char *const *labels, int nlabels,
              enum st_group_by by, int k, unsigned seed, int *fold);

/* Scores of predictions against gold label indices. */
struct st_scores {
	int nlabels;
	long n;
	double precision[ST_MAX_LABELS], recall[ST_MAX_LABELS];
	double f1[ST_MAX_LABELS];
	long support[ST_MAX_LABELS];
	double macro_f1, accuracy;
	long confusion[ST_MAX_LABELS][ST_MAX_LABELS];	/* [gold][pred] */
};
/* Only the quotes with pred[i] >= 0 count. */
void st_score(const int *gold, const int *pred, long n, int nlabels,
              struct st_scores *s);

/* Cross-validated predictions: for each fold f, a model trained on the
 * other folds alone (its own vocabulary; its own C, chosen by an inner
 * 3-fold grouped cross-validation over the training articles, when o->C
 * is 0)
 * predicts the quotes of f into pred[i] (a label index).  Folds run in
 * o->jobs processes.  With o->groups == 0 every quote gets the training
 * folds' most frequent label (the majority baseline). */
int st_cross_validate(const struct st_quotes *qs, char *const *labels,
                      int nlabels, const struct st_train_opts *o,
                      const int *fold, int k, int *pred,
                      struct st_error *err);

/* The C of the log2 grid 2^-5, 2^-3, ..., 2^15 with the best
 * cross-validated macro-F1 over the article folds fold[], for the quotes
 * with use[i] set (all when use is NULL); with o->rbf, also the points of
 * that grid times gamma 2^-15, 2^-13, ..., 2^3 for an RBF kernel.  A tie
 * goes to the linear kernel and the smaller C.  *gamma gets 0 for linear
 * (or the chosen gamma), *f1 the score.  Grid points run in o->jobs
 * processes when parallel is set; progress goes to o->progress.  Returns
 * C, or -1 with err filled. */
double st_choose_C(const struct st_docs *d, int nlabels,
                   const struct st_train_opts *o, const char *use,
                   const int *fold, int k, int parallel, double *gamma,
                   double *f1, struct st_error *err);

/* The number of grid points st_choose_C() tries with these options. */
int st_grid_points(const struct st_train_opts *o);

/* Evaluation (evaluate.c, evalfiles.c) - what stance-eval measures: the
 * full model (ST_G_DEFAULT), the majority label, the role words alone and
 * the quote's own words alone (words, bigrams, lexicon), over o->repeats
 * stratified article splits (seeds o->train.seed, seed + 1, ...) and one
 * speaker split; with o->ablation, also the full model less each of its
 * groups and with character n-grams added, over the first article split
 * only.  In every training fold the vocabulary and C are chosen on that
 * fold alone (st_cross_validate()). */

#define ST_EVAL_MAX 32	/* results at most */

struct st_eval_opts {
	struct st_train_opts train;	/* seed, jobs, rbf, C, min_df; the
					 * groups are each model's own */
	int folds;		/* k, 2.. */
	int repeats;		/* of the article split, 1..64 */
	int ablation;
	/* called after each evaluation (of st_eval_runs()), for progress;
	 * may be NULL */
	void (*progress)(int done, int total, void *arg);
	void *progress_arg;
};
/* Defaults: st_train_opts_init(), 5 folds, 3 repeats, ablation on. */
void st_eval_opts_init(struct st_eval_opts *o);

/* One model on one split. */
struct st_eval_result {
	const char *split;	/* "article" or "speaker" (static) */
	const char *model;	/* static, or in the st_eval's names */
	int repeats;
	struct st_scores mean;	/* per-label figures averaged */
	double f1_sd, acc_sd;	/* spread of macro-F1 and accuracy */
	struct st_scores first;	/* the first repeat, for the confusion */
	int *pred;		/* the first repeat's predictions */
};

/* Every result: r[0..nmodels) by article, in the order above (r[0] is the
 * full model), then the full model and the three baselines by speaker
 * (r[nmodels] is the full model).  The struct points into itself: do not
 * copy it.  st_eval_finish() frees what it holds. */
struct st_eval {
	struct st_eval_result r[ST_EVAL_MAX];
	int n, nmodels;
	int *fold_article, *fold_speaker;	/* the first repeat's folds */
	char names[ST_NGROUPS][32];
};

/* The number of evaluations st_evaluate() runs with these options. */
int st_eval_runs(const struct st_eval_opts *o);
/* Run them on the labelled quotes qs (every stance one of labels).
 * Fails (-1, err filled) when a fold's processes fail, or when
 * o->repeats is out of range; ev is then still to be finished. */
int st_evaluate(struct st_eval *ev, const struct st_quotes *qs,
                char *const *labels, int nlabels,
                const struct st_eval_opts *o, struct st_error *err);
void st_eval_finish(struct st_eval *ev);

/* The files, as CSV on a stream the caller owns (and checks):
 *   metrics:   split,model,label,precision,recall,f1,f1_sd,support, per
 *              label, then 'macro avg' and 'accuracy' rows, per result;
 *   confusion: split,model,gold, then one column per predicted label,
 *              the full model's first repeat on either split;
 *   folds:     each quote of qs (the quotes ev was run on) with its folds
 *              and the full model's predictions. */
void st_eval_write_metrics(FILE *fp, const struct st_eval *ev,
                           char *const *labels, int nlabels);
void st_eval_write_confusion(FILE *fp, const struct st_eval *ev,
                             char *const *labels, int nlabels);
void st_eval_write_folds(FILE *fp, const struct st_eval *ev,
                         const struct st_quotes *qs, char *const *labels);

/* Labelled quotes - labelled quotes from annotation sheets, matched to the
 * quotes of their articles.
 *
 * An annotation sheet is a CSV with at least the columns article, quote
 * and stance (others, such as speaker, role, suggested and confidence, are
 * ignored), as a spreadsheet saves it: comma or semicolon separated (told
 * from the header line), with or without a byte order mark, CRLF or LF,
 * and with the apostrophe of the CSV-injection defence ('=...) taken off
 * again.  A stance matches its label without regard to case and to white
 * space at either end.  Each row's quote is found, by its text (white
 * space and the punctuation at either end do not count), among the quotes
 * of its article: those of the quotes files that stance-tokenize wrote
 * (st_labelled_add_quotes), so that training sees the very speaker, role,
 * context, tokens and date that prediction sees; or, when no quotes file
 * was given, those the extractor finds in ARTICLES/<article>.txt, as
 * stance-tokenize would.  Each quote matches one row of a sheet at most.
 *
 * Sheets are loaded one after another into one st_labelled, which
 * remembers every quote labelled so far: a row that labels a quote again
 * with the same label counts once; with another label, the row of the
 * newer sheet (annotations.h: st_sheet_age_cmp; within one sheet, the
 * later row) wins, and both rows are named in a warning.  The quotes come
 * out in the order they were first labelled. */

struct st_labelled_state;

/* Zero it, set the first fields, add the quotes files, load sheets, then
 * st_labelled_finish(). */
struct st_labelled {
	/* The articles folder (the caller's): the quotes are extracted from
	 * its articles when no quotes file was added; with quotes files, an
	 * article they lack is only read to tell why (it is missing, or not
	 * text), never extracted. */
	const char *articles_dir;
	char *const *labels;		/* the caller's */
	int nlabels;
	/* An article that cannot be read stops the load, unless keep_going
	 * is set: then its rows are warned about and skipped. */
	int keep_going;
	/* Called for a row that is skipped but does not stop the load (its
	 * quote is not in its article, or the article cannot be read under
	 * keep_going) and for a quote labelled twice differently, with err
	 * naming the annotation file and line.  May be NULL. */
	void (*warn)(const struct st_error *err, void *arg);
	void *warn_arg;
	long skipped;		/* rows with an empty stance */
	long not_found;		/* rows skipped with a warning */
	long duplicates;	/* rows that repeat a quote and its label */
	long conflicts;		/* rows that label a quote differently */
	struct st_labelled_state *state;	/* st_labelled_finish() frees */
};

/* Read the quotes file path (quote.h; "-" for stdin), a batch of
 * stance-tokenize's output, before the sheets: their rows are then
 * matched among the quotes of the files added, and no article is
 * extracted.  The quotes are kept until st_labelled_finish().  Fails on
 * a file that cannot be read or a bad row (quote.h), and on an article
 * whose quotes come in two places (the quotes files of two runs given
 * together), naming the file and line. */
int st_labelled_add_quotes(struct st_labelled *l, const char *path,
                           struct st_error *err);

/* Append to out the labelled quotes of the annotation file path (contents
 * data[0..len)), each with its stance set to the label as the labels list
 * spells it; a quote labelled before (into the same out) has its stance
 * replaced when this row wins.  With rows set, the numbers in messages are
 * row numbers (the header is row 1), for a sheet converted from a
 * workbook; else lines.  Fails on CSV that does not parse, a missing
 * column, an unknown label (listing the valid ones), a bad article id or,
 * without keep_going, an article that cannot be read, naming the line; the
 * file's age is taken from path (st_sheet_age). */
int st_labelled_load_sheet(struct st_labelled *l, const char *path,
                           const char *data, size_t len, int rows,
                           struct st_quotes *out, struct st_error *err);
/* The same with line numbers. */
int st_labelled_load(struct st_labelled *l, const char *path,
                     const char *data, size_t len, struct st_quotes *out,
                     struct st_error *err);
/* Read and load each of the sheets files[0..nfiles) in order: CSV as it
 * is, .xlsx and .ods converted through LibreOffice (st_sheet_convert) in
 * a temporary folder under $TMPDIR (or /tmp), removed before returning.
 * Fails on the first file that cannot be read or loaded, naming it. */
int st_labelled_load_files(struct st_labelled *l, char *const *files,
                           int nfiles, struct st_quotes *out,
                           struct st_error *err);
/* Free what the loads remembered (the quotes stay in out). */
void st_labelled_finish(struct st_labelled *l);

/* Leave out of labels[0..nlabels) each label that no quote of qs has
 * (none when qs is empty), keeping the others in order: the left-out
 * strings go to dropped[] (room for nlabels; the caller frees them, as
 * it does the labels kept), their number to *ndropped.  Returns the
 * number of labels kept.  So that a corpus labelled with fewer of the
 * default labels still trains. */
int st_labels_drop_unused(char **labels, int nlabels,
                          const struct st_quotes *qs, char **dropped,
                          int *ndropped);

/* Retraining - what a retraining changed: the previous model's figures
 * (from its metrics.txt) beside the new one's, and how many quotes of the
 * corpus the two models label differently. */

/* The figures of a model folder's metrics.txt that a retraining compares. */
struct st_metrics {
	int have;		/* 0: no metrics.txt (no model there) */
	double cv_f1;		/* cv_macro_f1, or -1 when absent */
	long quotes;		/* -1 when absent */
	char *labels[ST_MAX_LABELS];	/* owned; st_metrics_finish() */
	long count[ST_MAX_LABELS];	/* quotes[label] */
	int nlabels;
};

/* Read dir/metrics.txt into m (zeroed first).  A missing file gives
 * m->have 0 and no error; other read errors fail. */
int st_metrics_read(const char *dir, struct st_metrics *m,
                    struct st_error *err);
void st_metrics_finish(struct st_metrics *m);
/* quotes[label] of m, or -1 when it lists no such label. */
long st_metrics_count(const struct st_metrics *m, const char *label);

/* Extract the quotes of every ARTICLES/ *.txt (in name order; articles
 * that cannot be read are passed over and counted in *unread) and predict
 * each with the models in old_dir and new_dir: *nquotes gets the number of
 * quotes, *changed the number whose predicted label (by name) differs.
 * Fails when a model cannot be loaded or the folder cannot be listed. */
int st_prediction_changes(const char *old_dir, const char *new_dir,
                          const char *articles_dir, long *nquotes,
                          long *changed, long *unread, struct st_error *err);

/* The same over the quotes of the quotes files files[0..nfiles) (the
 * articles' as stance-tokenize wrote them, read a quote at a time), with
 * no extraction: *unread counts the ARTICLES/ *.txt that have no quote in
 * those files and cannot be read (what stance-tokenize skipped).  Also
 * fails on a quotes file that cannot be read or has a bad row. */
int st_prediction_changes_quotes(const char *old_dir, const char *new_dir,
                                 char *const *files, int nfiles,
                                 const char *articles_dir, long *nquotes,
                                 long *changed, long *unread,
                                 struct st_error *err);

#endif
