/* docs.c - the training set's terms, counted once per quote and shared by
 * every model trained on them (folds, grid points, the final model). */
#include "learn/learn.h"
#include "core/core.h"
#include "io/io.h"

#include <stdlib.h>
#include <string.h>

int st_docs_init(struct st_docs *d, const struct st_quotes *qs,
                 char *const *labels, int nlabels, unsigned groups,
                 struct st_error *err)
{
	struct st_featurizer *f;
	size_t i;

	memset(d, 0, sizeof *d);
	f = st_featurizer_new(err);
	if (!f)
		return -1;
	d->n = qs->n;
	d->groups = groups;
	d->terms = st_xcalloc(qs->n ? qs->n : 1, sizeof *d->terms);
	d->y = st_xmalloc((qs->n ? qs->n : 1) * sizeof *d->y);
	for (i = 0; i < qs->n; i++) {
		const char *st = qs->q[i].stance;

		d->y[i] = st[0] ? st_label_index(labels, nlabels, st) : -1;
		if (st[0] && d->y[i] < 0) {
			st_featurizer_free(f);
			st_docs_finish(d);
			return st_fail(err, NULL, 0, "unknown label '%s'", st);
		}
		st_map_init(&d->terms[i]);
		if (groups)
			st_quote_terms(f, &qs->q[i], groups, &d->terms[i]);
	}
	st_featurizer_free(f);
	return 0;
}

void st_docs_finish(struct st_docs *d)
{
	size_t i;

	for (i = 0; d->terms && i < d->n; i++)
		st_map_finish(&d->terms[i]);
	free(d->terms);
	free(d->y);
	memset(d, 0, sizeof *d);
}
