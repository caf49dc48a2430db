/* cv.h - honest evaluation: folds that keep an article (or a speaker)
 * whole, cross-validated predictions, the choice of C, and the scores.
 *
 * A fold split is "grouped" when every quote of a group (an article, or a
 * speaker) falls in the same fold, so that the model is never tested on an
 * article, or a person, it was trained on; and "stratified" when each
 * fold's mix of labels is close to the whole's. */
#ifndef STANCE_CV_H
#define STANCE_CV_H

#include "model.h"
#include "quote.h"
#include "util.h"

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

#endif
