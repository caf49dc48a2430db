/* cv.c - grouped folds, cross-validation, the choice of C, scores. */
#include "learn/learn.h"
#include "core/core.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A small generator of our own: rand() belongs to libsvm, and the folds
 * must not depend on the C library's sequence. */
static unsigned long long next_rand(unsigned long long *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

struct group {
	long counts[ST_MAX_LABELS];
	long size;
	int fold;
	unsigned long long key;	/* shuffled order */
	size_t first;		/* first quote, for a stable tie-break */
};

static int cmp_group(const void *a, const void *b)
{
	const struct group *x = *(struct group *const *)a;
	const struct group *y = *(struct group *const *)b;

	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

void st_folds(const struct st_quotes *qs, char *const *labels, int nlabels,
              enum st_group_by by, int k, unsigned seed, int *fold)
{
	struct st_map ids;
	struct group *g = st_xcalloc(qs->n ? qs->n : 1, sizeof *g);
	struct group **order;
	double target[ST_MAX_LABELS] = { 0 };
	long (*have)[ST_MAX_LABELS] = st_xcalloc((size_t)k, sizeof *have);
	long *total = st_xcalloc((size_t)k, sizeof *total);
	int *gi = st_xmalloc((qs->n ? qs->n : 1) * sizeof *gi);
	unsigned long long s = 0x9e3779b97f4a7c15ULL ^ seed;
	size_t i, ng = 0;
	int f, l;

	st_map_init(&ids);
	for (i = 0; i < qs->n; i++) {
		const struct st_quote *q = &qs->q[i];
		struct st_buf key = ST_BUF_INIT;
		int *slot;

		if (by == ST_BY_ARTICLE)
			st_buf_adds(&key, q->article);
		else if (q->speaker[0])
			st_buf_addf(&key, "%s", q->speaker);
		else
			st_buf_addf(&key, "\x01%zu", i);	/* alone */
		slot = st_map_put(&ids, key.s, (int)ng);
		st_buf_finish(&key);
		if (*slot == (int)ng)
			g[ng++].first = i;
		gi[i] = *slot;
		g[*slot].size++;
		l = st_label_index(labels, nlabels, q->stance);
		if (l >= 0) {
			g[*slot].counts[l]++;
			target[l] += 1.0 / k;
		}
	}
	for (i = 0; i < ng; i++)
		g[i].key = next_rand(&s);
	order = st_xmalloc((ng ? ng : 1) * sizeof *order);
	for (i = 0; i < ng; i++)
		order[i] = &g[i];
	qsort(order, ng, sizeof *order, cmp_group);
	for (i = 0; i < ng; i++) {
		struct group *x = order[i];
		double best = 0;
		int bf = -1;

		for (f = 0; f < k; f++) {
			double cost = 0;
			for (l = 0; l < nlabels; l++) {
				double before = have[f][l] - target[l];
				double after = before + x->counts[l];
				cost += after * after - before * before;
			}
			if (bf < 0 || cost < best - 1e-9 ||
			    (fabs(cost - best) <= 1e-9 && total[f] < total[bf])) {
				best = cost;
				bf = f;
			}
		}
		x->fold = bf;
		total[bf] += x->size;
		for (l = 0; l < nlabels; l++)
			have[bf][l] += x->counts[l];
	}
	for (i = 0; i < qs->n; i++)
		fold[i] = g[gi[i]].fold;
	free(order);
	free(gi);
	free(total);
	free(have);
	free(g);
	st_map_finish(&ids);
}

void st_score(const int *gold, const int *pred, long n, int nlabels,
              struct st_scores *s)
{
	long i, right = 0, tot = 0;
	int l, m;

	memset(s, 0, sizeof *s);
	s->nlabels = nlabels;
	for (i = 0; i < n; i++) {
		if (pred[i] < 0 || gold[i] < 0)
			continue;
		s->confusion[gold[i]][pred[i]]++;
		right += gold[i] == pred[i];
		tot++;
	}
	s->n = tot;
	s->accuracy = tot ? (double)right / (double)tot : 0;
	for (l = 0; l < nlabels; l++) {
		long tp = s->confusion[l][l], fp = 0, fn = 0;
		for (m = 0; m < nlabels; m++) {
			if (m == l)
				continue;
			fp += s->confusion[m][l];
			fn += s->confusion[l][m];
		}
		s->support[l] = tp + fn;
		s->precision[l] = tp + fp ? (double)tp / (double)(tp + fp) : 0;
		s->recall[l] = tp + fn ? (double)tp / (double)(tp + fn) : 0;
		s->f1[l] = s->precision[l] + s->recall[l] > 0
		           ? 2 * s->precision[l] * s->recall[l] /
		             (s->precision[l] + s->recall[l]) : 0;
		s->macro_f1 += s->f1[l] / nlabels;
	}
}

/* ---- the choice of C ------------------------------------------------- */

#define GRID 11		/* C: 2^-5, 2^-3, ..., 2^15 */
#define GAMMAS 10	/* gamma: 2^-15, 2^-13, ..., 2^3 */

static double grid_C(int i)
{
	return pow(2.0, -5 + 2 * i);
}

int st_grid_points(const struct st_train_opts *o)
{
	return GRID + (o->rbf ? GRID * GAMMAS : 0);
}

/* Point i: the linear kernel's C first, then RBF's C x gamma. */
static void grid_point_params(int i, double *C, double *gamma)
{
	if (i < GRID) {
		*C = grid_C(i);
		*gamma = 0;
		return;
	}
	i -= GRID;
	*C = grid_C(i / GAMMAS);
	*gamma = pow(2.0, -15 + 2 * (i % GAMMAS));
}

struct grid_task {
	const struct st_docs *d;
	int nlabels;
	const struct st_train_opts *o;
	const char *use;
	const int *fold;
	int k;
};

/* Cross-validated macro-F1 of grid point i. */
static double grid_point(const struct grid_task *t, int i)
{
	const struct st_docs *d = t->d;
	int *pred = st_xmalloc((d->n ? d->n : 1) * sizeof *pred);
	char *train = st_xmalloc(d->n ? d->n : 1);
	char *test = st_xmalloc(d->n ? d->n : 1);
	struct st_scores sc;
	double C, gamma;
	size_t j;
	int f;

	grid_point_params(i, &C, &gamma);
	for (j = 0; j < d->n; j++)
		pred[j] = -1;
	for (f = 0; f < t->k; f++) {
		size_t ntest = 0;
		for (j = 0; j < d->n; j++) {
			int in = !t->use || t->use[j];
			test[j] = in && t->fold[j] == f;
			train[j] = in && t->fold[j] != f;
			ntest += (size_t)test[j];
		}
		if (ntest)
			st_fit_predict(d, t->nlabels, train, test, C, gamma,
			               t->o->min_df, pred);
	}
	st_score(d->y, pred, (long)d->n, t->nlabels, &sc);
	free(pred);
	free(train);
	free(test);
	return sc.macro_f1;
}

static void grid_fn(int i, void *arg, void *out)
{
	double f1 = grid_point(arg, i);
	memcpy(out, &f1, sizeof f1);
}

static void grid_done(int finished, int n, void *arg)
{
	const struct grid_task *t = arg;

	if (t->o->progress)
		t->o->progress(finished, n, t->o->progress_arg);
}

double st_choose_C(const struct st_docs *d, int nlabels,
                   const struct st_train_opts *o, const char *use,
                   const int *fold, int k, int parallel, double *gamma,
                   double *f1, struct st_error *err)
{
	struct grid_task t = { d, nlabels, o, use, fold, k };
	int n = st_grid_points(o), i, best = 0;
	double *scores = st_xmalloc((size_t)n * sizeof *scores), C;

	if (st_parallel(n, parallel ? o->jobs : 1, sizeof(double), grid_fn,
	                &t, scores, grid_done, err)) {
		free(scores);
		return -1;
	}
	for (i = 1; i < n; i++)
		if (scores[i] > scores[best] + 1e-12)
			best = i;
	*f1 = scores[best];
	grid_point_params(best, &C, gamma);
	free(scores);
	return C;
}

/* ---- cross-validation ------------------------------------------------ */

#define INNER_FOLDS 3

struct cv_task {
	const struct st_quotes *qs;
	const struct st_docs *d;
	char *const *labels;
	int nlabels;
	const struct st_train_opts *o;
	const int *fold;
	int k;
};

static void cv_fn(int f, void *arg, void *out)
{
	const struct cv_task *t = arg;
	const struct st_docs *d = t->d;
	int *pred = out;
	char *train = st_xmalloc(d->n ? d->n : 1);
	char *test = st_xmalloc(d->n ? d->n : 1);
	size_t j;

	for (j = 0; j < d->n; j++) {
		pred[j] = -1;
		test[j] = t->fold[j] == f;
		train[j] = !test[j] && d->y[j] >= 0;
	}
	if (!t->o->groups) {
		/* the majority baseline */
		long counts[ST_MAX_LABELS] = { 0 };
		int l, best = 0;

		for (j = 0; j < d->n; j++)
			if (train[j])
				counts[d->y[j]]++;
		for (l = 1; l < t->nlabels; l++)
			if (counts[l] > counts[best])
				best = l;
		for (j = 0; j < d->n; j++)
			if (test[j])
				pred[j] = best;
	} else {
		double C = t->o->C, f1, gamma = 0;

		if (C <= 0) {
			/* C chosen on the training articles alone, by an
			 * inner 3-fold split of them */
			int *inner = st_xmalloc((d->n ? d->n : 1) * sizeof *inner);
			st_folds(t->qs, t->labels, t->nlabels, ST_BY_ARTICLE,
			         INNER_FOLDS, t->o->seed + 1000u + (unsigned)f,
			         inner);
			C = st_choose_C(d, t->nlabels, t->o, train, inner,
			                INNER_FOLDS, 0, &gamma, &f1, NULL);
			free(inner);
		}
		st_fit_predict(d, t->nlabels, train, test, C, gamma,
		               t->o->min_df, pred);
	}
	free(train);
	free(test);
}

int st_cross_validate(const struct st_quotes *qs, char *const *labels,
                      int nlabels, const struct st_train_opts *o,
                      const int *fold, int k, int *pred,
                      struct st_error *err)
{
	struct st_docs d;
	struct cv_task t;
	int *parts = NULL, f, rc = -1;
	size_t j;

	if (st_docs_init(&d, qs, labels, nlabels, o->groups, err))
		return -1;
	t.qs = qs;
	t.d = &d;
	t.labels = labels;
	t.nlabels = nlabels;
	t.o = o;
	t.fold = fold;
	t.k = k;
	parts = st_xmalloc((size_t)k * (d.n ? d.n : 1) * sizeof *parts);
	if (st_parallel(k, o->jobs, (d.n ? d.n : 1) * sizeof *parts, cv_fn, &t,
	                parts, NULL, err))
		goto out;
	for (j = 0; j < d.n; j++) {
		pred[j] = -1;
		for (f = 0; f < k; f++)
			if (parts[(size_t)f * d.n + j] >= 0)
				pred[j] = parts[(size_t)f * d.n + j];
	}
	rc = 0;
out:
	free(parts);
	st_docs_finish(&d);
	return rc;
}
