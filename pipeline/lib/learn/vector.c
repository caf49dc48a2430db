/* vector.c - sparse vectors, and the weighting of a quote's terms into
 * one: (1 + ln tf) * idf, each group L2-normalised. */
#include "learn/learn.h"
#include "learn/internal.h"
#include "core/core.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void st_vec_init(struct st_vec *x)
{
	memset(x, 0, sizeof *x);
}

void st_vec_finish(struct st_vec *x)
{
	free(x->idx);
	free(x->val);
	st_vec_init(x);
}

void st_vec_push(struct st_vec *x, int idx, double val)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->idx = st_xrealloc(x->idx, x->cap * sizeof *x->idx);
		x->val = st_xrealloc(x->val, x->cap * sizeof *x->val);
	}
	x->idx[x->n] = idx;
	x->val[x->n] = val;
	x->n++;
}

static int cmp_pair(const void *a, const void *b)
{
	const struct st_tf *p = a, *q = b;
	return (p->idx > q->idx) - (p->idx < q->idx);
}

void st_weigh(const struct st_vocab *v, const struct st_tf *ps, size_t n,
              struct st_vec *x)
{
	double norm[ST_NGROUPS] = { 0 }, root[ST_NGROUPS], scale;
	size_t k, used = 0;
	unsigned g;

	if (n > x->cap) {
		x->cap = n > 64 ? n : 64;
		x->idx = st_xrealloc(x->idx, x->cap * sizeof *x->idx);
		x->val = st_xrealloc(x->val, x->cap * sizeof *x->val);
	}
	for (k = 0; k < n; k++) {
		int i = ps[k].idx - 1;
		/* ln 1 is 0: a term seen once weighs its IDF */
		double w = ps[k].tf == 1 ? v->idf[i] :
		           (1.0 + log(ps[k].tf)) * v->idf[i];

		x->idx[k] = ps[k].idx;
		x->val[k] = w;
		norm[v->group[i]] += w * w;
	}
	x->n = n;
	for (g = 0; g < ST_NGROUPS; g++) {
		if (v->groups & (1u << g))
			used++;
		root[g] = sqrt(norm[g]);
	}
	scale = sqrt((double)(used ? used : 1));
	for (k = 0; k < n; k++)
		x->val[k] = x->val[k] / root[v->group[x->idx[k] - 1]] / scale;
}

void st_vectorize(const struct st_vocab *v, const struct st_map *terms,
                  struct st_vec *x)
{
	struct st_tf *ps = st_xmalloc((terms->n ? terms->n : 1) * sizeof *ps);
	size_t k, n = 0;

	for (k = 0; k < terms->n; k++) {
		int *idx = st_map_get(&v->idx, terms->keys[k]);
		if (!idx)
			continue;
		ps[n].idx = *idx;
		ps[n].tf = terms->vals[k];
		n++;
	}
	qsort(ps, n, sizeof *ps, cmp_pair);
	st_weigh(v, ps, n, x);
	free(ps);
}
