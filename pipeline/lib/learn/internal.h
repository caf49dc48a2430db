/* internal.h - what the files of learn/ share among themselves and no
 * program uses: the group of a term, the weighting step.  Same rules
 * as learn.h: memory from st_xmalloc(), failures in a struct st_error,
 * nothing printed. */
#ifndef STANCE_LEARN_INTERNAL_H
#define STANCE_LEARN_INTERNAL_H

#include "learn/learn.h"

/* groups.c: the index (0..ST_NGROUPS-1) of the group whose prefix term
 * begins with, or -1. */
int st_group_of(const char *term);

/* vector.c: weight ps[0..n) (ascending indices, raw term counts) by
 * v's IDF, normalise each group and scale, into x (reset first). */
struct st_tf {
	int idx;
	double tf;
};
void st_weigh(const struct st_vocab *v, const struct st_tf *ps, size_t n,
              struct st_vec *x);

#endif
