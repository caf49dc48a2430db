/* vocab.c - the vocabulary: terms and their indices, document frequency
 * and IDF, and its versioned text file. */
#include "learn/learn.h"
#include "learn/internal.h"
#include "core/core.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void st_vocab_init(struct st_vocab *v)
{
	static unsigned long serials;

	memset(v, 0, sizeof *v);
	st_map_init(&v->idx);
	v->serial = ++serials;
}

void st_vocab_finish(struct st_vocab *v)
{
	st_map_finish(&v->idx);
	free(v->df);
	free(v->idf);
	free(v->group);
	st_vocab_init(v);
}

size_t st_vocab_size(const struct st_vocab *v)
{
	return v->idx.n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static double idf_of(long ndocs, long df)
{
	/* smoothed, as if one extra document held every term */
	return log((1.0 + (double)ndocs) / (1.0 + (double)df)) + 1.0;
}

/* What v->pairs_closed says. */
static int pairs_closed(const struct st_vocab *v)
{
	struct st_buf t = ST_BUF_INIT;
	size_t k, i;
	int closed = 1;

	for (k = 0; k < v->idx.n && closed; k++) {
		const char *b = v->idx.keys[k];
		size_t n = v->idx.lens[k];

		if (n < 2 || b[0] != 'b' || b[1] != ':')
			continue;
		for (i = 2; i < n && closed; i++) {
			if (b[i] != '_')
				continue;
			st_buf_reset(&t);
			st_buf_adds(&t, "w:");
			st_buf_add(&t, b + 2, i - 2);
			if (!st_map_getn(&v->idx, t.s, t.len))
				closed = 0;
			st_buf_reset(&t);
			st_buf_adds(&t, "w:");
			st_buf_add(&t, b + i + 1, n - i - 1);
			if (!st_map_getn(&v->idx, t.s, t.len))
				closed = 0;
		}
	}
	st_buf_finish(&t);
	return closed;
}

void st_vocab_build(struct st_vocab *v, const struct st_map *docs,
                    size_t ndocs, unsigned groups, long min_df)
{
	struct st_map df;
	char **keys;
	size_t i, k, n = 0;

	st_vocab_finish(v);
	st_map_init(&df);
	for (i = 0; i < ndocs; i++)
		for (k = 0; k < docs[i].n; k++)
			(*st_map_put(&df, docs[i].keys[k], 0))++;
	keys = st_xmalloc((df.n ? df.n : 1) * sizeof *keys);
	for (k = 0; k < df.n; k++)
		if (df.vals[k] >= min_df)
			keys[n++] = df.keys[k];
	qsort(keys, n, sizeof *keys, cmp_str);
	v->df = st_xmalloc((n ? n : 1) * sizeof *v->df);
	v->idf = st_xmalloc((n ? n : 1) * sizeof *v->idf);
	v->group = st_xmalloc(n ? n : 1);
	v->ndocs = (long)ndocs;
	v->groups = groups;
	for (k = 0; k < n; k++) {
		v->group[k] = (unsigned char)st_group_of(keys[k]);
		st_map_put(&v->idx, keys[k], (int)k + 1);
		v->df[k] = *st_map_get(&df, keys[k]);
		v->idf[k] = idf_of(v->ndocs, v->df[k]);
	}
	free(keys);
	st_map_finish(&df);
	v->pairs_closed = pairs_closed(v);
}

void st_vocab_write(FILE *fp, const struct st_vocab *v)
{
	char g[128];
	size_t k;

	st_groups_format(v->groups, g, sizeof g);
	fprintf(fp, "stance-vocab 1\ndocuments %ld\ngroups %s\nterms %zu\n",
	        v->ndocs, g, v->idx.n);
	for (k = 0; k < v->idx.n; k++)
		fprintf(fp, "%zu\t%s\t%ld\t%.17g\n", k + 1, v->idx.keys[k],
		        v->df[k], v->idf[k]);
}

/* Split s at its first space into key and value (both in s). */
static int header_line(const char *s, const char *key, const char **val)
{
	size_t n = strlen(key);

	if (strncmp(s, key, n) != 0 || s[n] != ' ')
		return -1;
	*val = s + n + 1;
	return 0;
}

int st_vocab_read(const char *path, const char *data, size_t len,
                  struct st_vocab *v, struct st_error *err)
{
	struct st_buf line = ST_BUF_INIT;
	const char *p = data, *end = data + len, *val;
	long lineno = 0, terms = -1, k = 0;
	int rc = -1;

	st_vocab_finish(v);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		st_buf_reset(&line);
		st_buf_add(&line, p, n);
		p += n + (nl != NULL);
		if (lineno == 1) {
			if (strcmp(line.s, "stance-vocab 1") != 0) {
				st_fail(err, path, lineno,
				        "not a stance vocabulary (version 1)");
				goto out;
			}
		} else if (lineno == 2) {
			if (header_line(line.s, "documents", &val) ||
			    st_parse_long(val, &v->ndocs) || v->ndocs < 0) {
				st_fail(err, path, lineno, "bad documents line");
				goto out;
			}
		} else if (lineno == 3) {
			if (header_line(line.s, "groups", &val) ||
			    st_groups_parse(val, &v->groups)) {
				st_fail(err, path, lineno, "bad groups line");
				goto out;
			}
		} else if (lineno == 4) {
			if (header_line(line.s, "terms", &val) ||
			    st_parse_long(val, &terms) || terms < 0 ||
			    terms > 100000000) {
				st_fail(err, path, lineno, "bad terms line");
				goto out;
			}
			v->df = st_xmalloc((size_t)(terms ? terms : 1) *
			                   sizeof *v->df);
			v->group = st_xmalloc((size_t)(terms ? terms : 1));
			v->idf = st_xmalloc((size_t)(terms ? terms : 1) *
			                    sizeof *v->idf);
		} else {
			char *f[4];
			char *s = line.s;
			long idx;
			int i;

			for (i = 0; i < 4; i++) {
				f[i] = s;
				s = strchr(s, '\t');
				if (i < 3) {
					if (!s)
						break;
					*s++ = '\0';
				}
			}
			if (i < 4 || k >= terms || st_parse_long(f[0], &idx) ||
			    idx != k + 1 || st_group_of(f[1]) < 0 ||
			    st_parse_long(f[2], &v->df[k]) ||
			    st_parse_double(f[3], &v->idf[k])) {
				st_fail(err, path, lineno, "bad vocabulary entry");
				goto out;
			}
			if (k > 0 && strcmp(v->idx.keys[k - 1], f[1]) >= 0) {
				st_fail(err, path, lineno,
				        "terms out of order or repeated");
				goto out;
			}
			st_map_put(&v->idx, f[1], (int)idx);
			v->group[k] = (unsigned char)st_group_of(f[1]);
			k++;
		}
	}
	if (lineno < 4) {
		st_fail(err, path, lineno ? lineno : 1, "truncated vocabulary");
		goto out;
	}
	if (k != terms) {
		st_fail(err, path, lineno, "expected %ld terms, found %ld",
		        terms, k);
		goto out;
	}
	v->pairs_closed = pairs_closed(v);
	rc = 0;
out:
	st_buf_finish(&line);
	if (rc)
		st_vocab_finish(v);
	return rc;
}
