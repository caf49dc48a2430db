/* trainer.c - training, above cross-validation: C chosen by grouped
 * cross-validation (or the given C scored by it), the final fit with
 * probability estimates, and the model folder written. */
#include "learn/learn.h"
#include "learn/internal.h"
#include "core/core.h"

#include <stdlib.h>
#include <string.h>

void st_train_opts_init(struct st_train_opts *o)
{
	memset(o, 0, sizeof *o);
	o->groups = ST_G_DEFAULT;
	o->folds = 5;
	o->seed = 1;
	o->min_df = 2;
	o->jobs = 1;
}

static long count_articles(const struct st_quotes *qs)
{
	struct st_map seen;
	size_t i;
	long n;

	st_map_init(&seen);
	for (i = 0; i < qs->n; i++)
		st_map_put(&seen, qs->q[i].article, 0);
	n = (long)seen.n;
	st_map_finish(&seen);
	return n;
}

/* The macro-F1 of C (linear) cross-validated over the folds fold[]. */
static double score_C(const struct st_docs *d, int nlabels, double C,
                      const int *fold, int k, long min_df)
{
	int *pred = st_xmalloc(d->n * sizeof *pred);
	char *test = st_xmalloc(d->n), *train = st_xmalloc(d->n);
	struct st_scores sc;
	size_t i;
	int f;

	for (i = 0; i < d->n; i++)
		pred[i] = -1;
	for (f = 0; f < k; f++) {
		for (i = 0; i < d->n; i++) {
			test[i] = fold[i] == f;
			train[i] = !test[i];
		}
		st_fit_predict(d, nlabels, train, test, C, 0, min_df, pred);
	}
	st_score(d->y, pred, (long)d->n, nlabels, &sc);
	free(pred);
	free(test);
	free(train);
	return sc.macro_f1;
}

int st_train(const struct st_quotes *qs, char *const *labels, int nlabels,
             const struct st_train_opts *o, const char *dir,
             struct st_error *err)
{
	struct st_docs d;
	struct st_fit *fit = NULL;
	struct st_fit_facts ff;
	double C = o->C, f1 = 0, gamma = 0;
	int *fold = NULL, rc = -1, k;

	if (qs->n < (size_t)(2 * nlabels))
		return st_fail(err, NULL, 0, "too few labelled quotes (%zu)",
		               qs->n);
	if (st_docs_init(&d, qs, labels, nlabels, o->groups, err))
		return -1;
	for (k = 0; k < nlabels; k++) {
		size_t i;
		for (i = 0; i < d.n && d.y[i] != k; i++)
			;
		if (i == d.n) {
			st_fail(err, NULL, 0, "no quote is labelled '%s'",
			        labels[k]);
			goto out;
		}
	}
	/* C by cross-validation over whole articles, without probabilities */
	fold = st_xmalloc(d.n * sizeof *fold);
	st_folds(qs, labels, nlabels, ST_BY_ARTICLE, o->folds, o->seed, fold);
	if (C <= 0) {
		C = st_choose_C(&d, nlabels, o, NULL, fold, o->folds, 1, &gamma,
		                &f1, err);
		if (C <= 0)
			goto out;
	} else {
		f1 = score_C(&d, nlabels, C, fold, o->folds, o->min_df);
	}
	/* the final model, with probability estimates */
	fit = st_fit_new(&d, nlabels, C, gamma, o->min_df, o->seed, err);
	if (!fit)
		goto out;
	ff.o = o;
	ff.C = C;
	ff.gamma = gamma;
	ff.f1 = f1;
	ff.articles = count_articles(qs);
	if (st_model_save(dir, fit, labels, nlabels, &ff, err))
		goto out;
	rc = 0;
out:
	free(fold);
	st_fit_free(fit);
	st_docs_finish(&d);
	return rc;
}
