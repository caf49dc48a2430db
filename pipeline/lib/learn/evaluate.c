/* evaluate.c - stance-eval's runs: the full model, the baselines and the
 * ablations, cross-validated by article (repeated) and by speaker. */
#include "learn/learn.h"
#include "core/core.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The full model and the baselines, run over every repeat and on both
 * splits; the ablations after them only on the first repeat. */
#define NBASE 4

struct config {
	const char *name;
	unsigned groups;	/* 0: the majority baseline */
};

void st_eval_opts_init(struct st_eval_opts *o)
{
	memset(o, 0, sizeof *o);
	st_train_opts_init(&o->train);
	o->folds = 5;
	o->repeats = 3;
	o->ablation = 1;
}

static double sd(const double *x, int n)
{
	double m = 0, v = 0;
	int i;

	if (n < 2)
		return 0;
	for (i = 0; i < n; i++)
		m += x[i] / n;
	for (i = 0; i < n; i++)
		v += (x[i] - m) * (x[i] - m) / (n - 1);
	return sqrt(v);
}

static int run(const struct st_quotes *qs, char *const *labels,
                    int nlabels, const struct st_train_opts *base,
                    const struct config *cf, enum st_group_by by, int k,
                    int repeats, int *fold_first, struct st_eval_result *r,
                    struct st_error *err)
{
	struct st_train_opts o = *base;
	int *fold = st_xmalloc((qs->n ? qs->n : 1) * sizeof *fold);
	int *pred = st_xmalloc((qs->n ? qs->n : 1) * sizeof *pred);
	int *gold = st_xmalloc((qs->n ? qs->n : 1) * sizeof *gold);
	double f1s[64], accs[64];
	size_t i;
	int rep, l, rc = -1;

	o.groups = cf->groups;
	memset(r, 0, sizeof *r);
	r->model = cf->name;
	r->split = by == ST_BY_ARTICLE ? "article" : "speaker";
	r->repeats = repeats;
	r->mean.nlabels = nlabels;
	for (i = 0; i < qs->n; i++)
		gold[i] = st_label_index(labels, nlabels, qs->q[i].stance);
	for (rep = 0; rep < repeats; rep++) {
		struct st_scores sc;

		st_folds(qs, labels, nlabels, by, k, base->seed + (unsigned)rep,
		         fold);
		if (rep == 0 && fold_first)
			memcpy(fold_first, fold, qs->n * sizeof *fold);
		if (st_cross_validate(qs, labels, nlabels, &o, fold, k, pred, err))
			goto out;
		st_score(gold, pred, (long)qs->n, nlabels, &sc);
		if (rep == 0) {
			r->first = sc;
			r->pred = st_xmalloc((qs->n ? qs->n : 1) * sizeof *r->pred);
			memcpy(r->pred, pred, qs->n * sizeof *pred);
		}
		for (l = 0; l < nlabels; l++) {
			r->mean.precision[l] += sc.precision[l] / repeats;
			r->mean.recall[l] += sc.recall[l] / repeats;
			r->mean.f1[l] += sc.f1[l] / repeats;
			r->mean.support[l] = sc.support[l];
		}
		r->mean.macro_f1 += sc.macro_f1 / repeats;
		r->mean.accuracy += sc.accuracy / repeats;
		r->mean.n = sc.n;
		f1s[rep] = sc.macro_f1;
		accs[rep] = sc.accuracy;
	}
	r->f1_sd = sd(f1s, repeats);
	r->acc_sd = sd(accs, repeats);
	rc = 0;
out:
	free(fold);
	free(pred);
	free(gold);
	return rc;
}

/* The models to evaluate, in the order of the results; names[] holds the
 * ablations' names.  Returns how many. */
static int configs(const struct st_eval_opts *o, struct config *cf,
                   char names[][32])
{
	int n = 0, i;

	cf[n++] = (struct config){ "full", ST_G_DEFAULT };
	cf[n++] = (struct config){ "majority label", 0 };
	cf[n++] = (struct config){ "role words only", ST_G_ROLE };
	/* the quote's own words, without who said it */
	cf[n++] = (struct config){ "text only", ST_G_WORDS | ST_G_BIGRAMS |
	                           ST_G_LEXICON };
	if (o->ablation) {
		for (i = 0; i < ST_NGROUPS; i++) {
			unsigned bit = 1u << i;
			if (!(ST_G_DEFAULT & bit))
				continue;
			snprintf(names[i], 32, "without %s", st_group_name(i));
			cf[n++] = (struct config){ names[i], ST_G_DEFAULT & ~bit };
		}
		cf[n++] = (struct config){ "with chars",
		                           ST_G_DEFAULT | ST_G_CHARS };
	}
	return n;
}

int st_eval_runs(const struct st_eval_opts *o)
{
	struct config cf[ST_EVAL_MAX];
	char names[ST_NGROUPS][32];

	return configs(o, cf, names) + NBASE;
}

int st_evaluate(struct st_eval *ev, const struct st_quotes *qs,
                char *const *labels, int nlabels,
                const struct st_eval_opts *o, struct st_error *err)
{
	struct config cf[ST_EVAL_MAX];
	struct st_train_opts base = o->train;
	int ncf, i, total;

	memset(ev, 0, sizeof *ev);
	if (o->repeats < 1 || o->repeats > 64)
		return st_fail(err, NULL, 0, "bad number of repeats %d",
		               o->repeats);
	ncf = configs(o, cf, ev->names);
	total = ncf + NBASE;
	base.folds = o->folds;
	ev->nmodels = ncf;
	ev->fold_article = st_xmalloc((qs->n ? qs->n : 1) *
	                              sizeof *ev->fold_article);
	ev->fold_speaker = st_xmalloc((qs->n ? qs->n : 1) *
	                              sizeof *ev->fold_speaker);
	/* the full model and the baselines over every repeat; the
	 * ablations, which only compare with the full model, over the first */
	for (i = 0; i < total; i++) {
		int by_article = i < ncf;
		const struct config *c = &cf[by_article ? i : i - ncf];

		if (run(qs, labels, nlabels, &base, c,
		        by_article ? ST_BY_ARTICLE : ST_BY_SPEAKER, o->folds,
		        by_article && i < NBASE ? o->repeats : 1,
		        by_article ? ev->fold_article : ev->fold_speaker,
		        &ev->r[ev->n++], err))
			return -1;
		if (o->progress)
			o->progress(i + 1, total, o->progress_arg);
	}
	return 0;
}

void st_eval_finish(struct st_eval *ev)
{
	int i;

	for (i = 0; i < ev->n; i++)
		free(ev->r[i].pred);
	free(ev->fold_article);
	free(ev->fold_speaker);
	memset(ev, 0, sizeof *ev);
}
