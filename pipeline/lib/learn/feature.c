/* feature.c - terms, vocabulary, weighting and LIBSVM lines. */
#include "learn/learn.h"
#include "extract/extract.h"
#include "core/core.h"
#include "text/text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	unsigned bit;
	char prefix;
} groups_tab[] = {
	{ "words", ST_G_WORDS, 'w' },
	{ "bigrams", ST_G_BIGRAMS, 'b' },
	{ "chars", ST_G_CHARS, 'n' },
	{ "context", ST_G_CONTEXT, 'c' },
	{ "role", ST_G_ROLE, 'r' },
	{ "lexicon", ST_G_LEXICON, 'l' },
	{ "actors", ST_G_ACTORS, 'a' },	/* its terms: actor:..., actor_camp:... */
};
#define NGROUPS (sizeof groups_tab / sizeof groups_tab[0])

int st_groups_parse(const char *s, unsigned *groups)
{
	unsigned g = 0;

	while (*s) {
		size_t n = strcspn(s, ","), k;

		for (k = 0; k < NGROUPS; k++)
			if (strlen(groups_tab[k].name) == n &&
			    strncmp(groups_tab[k].name, s, n) == 0)
				break;
		if (k == NGROUPS)
			return -1;
		g |= groups_tab[k].bit;
		s += n + (s[n] == ',');
	}
	if (!g)
		return -1;
	*groups = g;
	return 0;
}

void st_groups_format(unsigned groups, char *buf, size_t size)
{
	size_t k, len = 0;

	buf[0] = '\0';
	for (k = 0; k < NGROUPS; k++)
		if (groups & groups_tab[k].bit)
			len += (size_t)snprintf(buf + len, len < size ? size - len : 0,
			                        "%s%s", len ? "," : "",
			                        groups_tab[k].name);
}

static int group_of(const char *term)
{
	size_t k;

	for (k = 0; k < NGROUPS; k++)
		if (term[0] == groups_tab[k].prefix)
			return (int)k;
	return -1;
}

/* The actor group's affiliations per quote: more are ignored. */
#define MAX_AFFS 8

static const struct st_actors *actors_in_use;

void st_featurizer_actors(const struct st_actors *a)
{
	actors_in_use = a;
}

struct st_featurizer {
	struct st_tokenizer *tk;
	const struct st_actors *actors;
	struct st_actors *own_actors;	/* the shipped ones, when none set */
	struct st_map roles, classes;
	struct st_buf toks, term, pair, copy;
	/* in st_quote_vector: terms go straight to their index */
	const struct st_vocab *vocab;
	int *idx;
	size_t nidx, capidx;
};

struct st_featurizer *st_featurizer_new(struct st_error *err)
{
	struct st_featurizer *f = st_xcalloc(1, sizeof *f);

	f->tk = st_tokenizer_new(err);
	if (!f->tk) {
		free(f);
		return NULL;
	}
	st_map_init(&f->roles);
	st_map_init(&f->classes);
	st_map_load_classes(&f->roles, &f->classes, st_data_roles);
	f->actors = actors_in_use;
	if (!f->actors) {
		f->own_actors = st_actors_new();
		if (st_actors_load_default(f->own_actors, err)) {
			st_featurizer_free(f);
			return NULL;
		}
		f->actors = f->own_actors;
	}
	return f;
}

void st_featurizer_free(struct st_featurizer *f)
{
	if (!f)
		return;
	st_tokenizer_free(f->tk);
	st_actors_free(f->own_actors);
	st_map_finish(&f->roles);
	st_map_finish(&f->classes);
	st_buf_finish(&f->toks);
	st_buf_finish(&f->term);
	st_buf_finish(&f->pair);
	st_buf_finish(&f->copy);
	free(f->idx);
	free(f);
}

/* Count the term in f->term. */
static void count_term(struct st_featurizer *f, struct st_map *terms)
{
	int *idx;

	if (!f->vocab) {
		(*st_map_put(terms, f->term.s, 0))++;
		return;
	}
	idx = st_map_getn(&f->vocab->idx, f->term.s, f->term.len);
	if (!idx)
		return;		/* not in the vocabulary: no feature */
	if (f->nidx == f->capidx) {
		f->capidx = f->capidx ? f->capidx * 2 : 256;
		f->idx = st_xrealloc(f->idx, f->capidx * sizeof *f->idx);
	}
	f->idx[f->nidx++] = *idx;
}

static void count(struct st_featurizer *f, struct st_map *terms, char prefix,
                  const char *s, size_t n)
{
	st_buf_reset(&f->term);
	st_buf_addc(&f->term, prefix);
	st_buf_addc(&f->term, ':');
	st_buf_add(&f->term, s, n);
	count_term(f, terms);
}

/* The actor terms of q: each code and camp once, or actor:none. */
static void add_actors(struct st_featurizer *f, struct st_map *terms,
                       const struct st_quote *q)
{
	const struct st_aff *aff[2 * MAX_AFFS];
	const char *date = q->date ? q->date : "";
	size_t n = 0, i, j;
	int who;

	if (q->speaker[0]) {
		who = st_actors_find(f->actors, q->speaker);
		if (who >= 0)
			n = st_actors_affs(f->actors, who, date, aff, MAX_AFFS);
		if (n > MAX_AFFS)
			n = MAX_AFFS;
	}
	if (q->role[0]) {
		size_t m = 0;

		who = st_actors_find_role(f->actors, q->role);
		if (who >= 0)
			m = st_actors_affs(f->actors, who, date, aff + n, MAX_AFFS);
		n += m > MAX_AFFS ? MAX_AFFS : m;
	}
	if (!n) {
		st_buf_reset(&f->term);
		st_buf_adds(&f->term, "actor:none");
		count_term(f, terms);
		return;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(aff[j]->code, aff[i]->code); j++)
			;
		if (j == i) {
			st_buf_reset(&f->term);
			st_buf_addf(&f->term, "actor:%s", aff[i]->code);
			count_term(f, terms);
		}
		for (j = 0; j < i && strcmp(aff[j]->camp, aff[i]->camp); j++)
			;
		if (j == i) {
			char *c;

			st_buf_reset(&f->term);
			st_buf_addf(&f->term, "actor_camp:%s", aff[i]->camp);
			for (c = f->term.s; *c; c++)
				if (*c == ' ')
					*c = '_';
			count_term(f, terms);
		}
	}
}

/* Each space-separated token of toks as a term; with bigrams, each pair
 * too. */
static void add_tokens(struct st_featurizer *f, struct st_map *terms,
                       char prefix, const char *toks, int bigrams,
                       int chars)
{
	const char *p = toks, *prev = NULL;
	size_t prevn = 0;

	while (*p) {
		size_t n = strcspn(p, " ");

		if (n) {
			if (prefix)
				count(f, terms, prefix, p, n);
			if (bigrams && prev) {
				st_buf_reset(&f->pair);
				st_buf_add(&f->pair, prev, prevn);
				st_buf_addc(&f->pair, '_');
				st_buf_add(&f->pair, p, n);
				count(f, terms, 'b', f->pair.s, f->pair.len);
			}
			if (chars) {
				/* 3-grams of "<word>", by bytes */
				size_t i;
				st_buf_reset(&f->pair);
				st_buf_addc(&f->pair, '<');
				st_buf_add(&f->pair, p, n);
				st_buf_addc(&f->pair, '>');
				for (i = 0; i + 3 <= f->pair.len; i++)
					count(f, terms, 'n', f->pair.s + i, 3);
			}
			prev = p;
			prevn = n;
		}
		p += n + (p[n] == ' ');
	}
}

/* Lexicon classes of the plain lower-case words of s. */
static void add_lexicon(struct st_featurizer *f, struct st_map *terms,
                        const char *s)
{
	struct st_buf w = ST_BUF_INIT;
	const char *p = s;

	for (;;) {
		if (*p && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		           *p == '-')) {
			st_buf_addc(&w, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
		} else if (w.len) {
			int *c = st_map_get(&f->roles, w.s);
			if (c)
				count(f, terms, 'l', f->classes.keys[*c],
				      strlen(f->classes.keys[*c]));
			st_buf_reset(&w);
		}
		if (!*p)
			break;
		p++;
	}
	st_buf_finish(&w);
}

/* Every term of q in the enabled groups, to count(). */
static void terms_of(struct st_featurizer *f, const struct st_quote *q,
                     unsigned groups, struct st_map *terms)
{
	const char *qt = q->tokens;

	if (!qt || !*qt) {
		st_buf_reset(&f->toks);
		st_tokenize(f->tk, q->text, strlen(q->text), &f->toks);
		qt = f->toks.s ? f->toks.s : "";
	}
	if (groups & (ST_G_WORDS | ST_G_BIGRAMS | ST_G_CHARS)) {
		st_buf_reset(&f->copy);
		st_buf_adds(&f->copy, qt);	/* f->toks is reused below */
		add_tokens(f, terms, (groups & ST_G_WORDS) ? 'w' : 0,
		           f->copy.s ? f->copy.s : "",
		           (groups & ST_G_BIGRAMS) != 0,
		           (groups & ST_G_CHARS) != 0);
	}
	if (groups & ST_G_CONTEXT) {
		st_buf_reset(&f->toks);
		st_tokenize(f->tk, q->context, strlen(q->context), &f->toks);
		add_tokens(f, terms, 'c', f->toks.s ? f->toks.s : "", 0, 0);
	}
	if (groups & ST_G_ROLE) {
		st_buf_reset(&f->toks);
		st_tokenize(f->tk, q->role, strlen(q->role), &f->toks);
		add_tokens(f, terms, 'r', f->toks.s ? f->toks.s : "", 0, 0);
	}
	if (groups & ST_G_LEXICON) {
		add_lexicon(f, terms, q->role);
		add_lexicon(f, terms, q->context);
	}
	if (groups & ST_G_ACTORS)
		add_actors(f, terms, q);
}

void st_quote_terms(struct st_featurizer *f, const struct st_quote *q,
                    unsigned groups, struct st_map *terms)
{
	st_map_finish(terms);
	f->vocab = NULL;
	terms_of(f, q, groups, terms);
}

void st_vocab_init(struct st_vocab *v)
{
	memset(v, 0, sizeof *v);
	st_map_init(&v->idx);
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
		v->group[k] = (unsigned char)group_of(keys[k]);
		st_map_put(&v->idx, keys[k], (int)k + 1);
		v->df[k] = *st_map_get(&df, keys[k]);
		v->idf[k] = idf_of(v->ndocs, v->df[k]);
	}
	free(keys);
	st_map_finish(&df);
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
			    idx != k + 1 || group_of(f[1]) < 0 ||
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
			v->group[k] = (unsigned char)group_of(f[1]);
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
	rc = 0;
out:
	st_buf_finish(&line);
	if (rc)
		st_vocab_finish(v);
	return rc;
}

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

struct pair {
	int idx;
	double tf;
};

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *p = a, *q = b;
	return (p->idx > q->idx) - (p->idx < q->idx);
}

/* ps[0..n) sorted by index: weight, normalise each group, scale. */
static void weigh(const struct st_vocab *v, const struct pair *ps, size_t n,
                  struct st_vec *x)
{
	double norm[NGROUPS] = { 0 };
	size_t k, used = 0;
	unsigned g;

	x->n = 0;
	for (k = 0; k < n; k++) {
		double w = (1.0 + log(ps[k].tf)) * v->idf[ps[k].idx - 1];
		st_vec_push(x, ps[k].idx, w);
		norm[v->group[ps[k].idx - 1]] += w * w;
	}
	for (g = 0; g < NGROUPS; g++)
		if (v->groups & groups_tab[g].bit)
			used++;
	for (k = 0; k < x->n; k++)
		x->val[k] = x->val[k] / sqrt(norm[v->group[x->idx[k] - 1]]) /
		            sqrt((double)(used ? used : 1));
}

void st_vectorize(const struct st_vocab *v, const struct st_map *terms,
                  struct st_vec *x)
{
	struct pair *ps = st_xmalloc((terms->n ? terms->n : 1) * sizeof *ps);
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
	weigh(v, ps, n, x);
	free(ps);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void st_quote_vector(struct st_featurizer *f, const struct st_quote *q,
                     const struct st_vocab *v, struct st_vec *x)
{
	struct pair *ps;
	size_t k, n = 0;

	f->vocab = v;
	f->nidx = 0;
	terms_of(f, q, v->groups, NULL);
	f->vocab = NULL;
	if (f->nidx)
		qsort(f->idx, f->nidx, sizeof *f->idx, cmp_int);
	ps = st_xmalloc((f->nidx ? f->nidx : 1) * sizeof *ps);
	for (k = 0; k < f->nidx; k++) {
		if (n && ps[n - 1].idx == f->idx[k]) {
			ps[n - 1].tf += 1;
			continue;
		}
		ps[n].idx = f->idx[k];
		ps[n].tf = 1;
		n++;
	}
	weigh(v, ps, n, x);
	free(ps);
}

/* Append the decimal digits of v (v >= 0) to p; return the new end. */
static char *put_uint(char *p, unsigned long long v)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/* %.9g of a weight, which lies in (0, 1]: nine significant digits by
 * integer arithmetic, trailing zeros dropped; snprintf for anything else.
 * Returns the new end of p (room for 32 bytes). */
static char *put_value(char *p, double v)
{
	static const double scale[] = { 1e9, 1e10, 1e11, 1e12 };
	unsigned long long m;
	int zeros = 0, i;
	char digits[16], *d;

	if (!(v >= 1e-4 && v < 1))
		return p + snprintf(p, 32, "%.9g", v);
	while (zeros < 3 && v * scale[zeros] < 1e8)
		zeros++;
	m = (unsigned long long)(v * scale[zeros] + 0.5);
	if (m >= 1000000000ULL) {	/* rounded up to the next power */
		if (zeros == 0)
			return p + snprintf(p, 32, "%.9g", v);
		zeros--;
		m = (unsigned long long)(v * scale[zeros] + 0.5);
	}
	d = put_uint(digits, m);
	while (d > digits + 1 && d[-1] == '0')
		d--;
	*p++ = '0';
	*p++ = '.';
	for (i = 0; i < zeros; i++)
		*p++ = '0';
	memcpy(p, digits, (size_t)(d - digits));
	return p + (d - digits);
}

void st_vec_write(FILE *fp, int label, const struct st_vec *x)
{
	char *line = st_xmalloc(24 + x->n * 48), *p = line;
	size_t k;

	if (label < 0) {
		*p++ = '-';
		p = put_uint(p, (unsigned long long)-(long long)label);
	} else {
		p = put_uint(p, (unsigned long long)label);
	}
	for (k = 0; k < x->n; k++) {
		*p++ = ' ';
		p = put_uint(p, (unsigned long long)x->idx[k]);
		*p++ = ':';
		p = put_value(p, x->val[k]);
	}
	*p++ = '\n';
	fwrite(line, 1, (size_t)(p - line), fp);
	free(line);
}

/* A decimal such as 0.123456789 or 1.5e-05 whose digits fit in 2^53 and
 * whose power of ten is at most 22 is m / 10^k or m * 10^k with both
 * exact, so one IEEE division or multiplication rounds it correctly, the
 * same double strtod gives (Clinger's fast path).  Anything else goes to
 * strtod. */
static double parse_value(const char *s, char **end)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
		1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
		1e18, 1e19, 1e20, 1e21, 1e22 };
	const char *p = s;
	unsigned long long m = 0;
	int neg = 0, digits = 0, frac = 0, e = 0, eneg = 0, edigits = 0;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		m = m * 10 + (unsigned)(*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++, frac++)
			m = m * 10 + (unsigned)(*p - '0');
	if (digits == 0 || digits > 15)
		goto slow;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			eneg = *p++ == '-';
		for (; *p >= '0' && *p <= '9' && edigits < 4; p++, edigits++)
			e = e * 10 + (*p - '0');
		if (!edigits || (*p >= '0' && *p <= '9'))
			goto slow;
	}
	e = (eneg ? -e : e) - frac;
	if (e < -22 || e > 22)
		goto slow;
	*end = (char *)p;
	{
		double v = e < 0 ? (double)m / pow10[-e] : (double)m * pow10[e];
		return neg ? -v : v;
	}
slow:
	return strtod(s, end);
}

/* A whole number, without strtol's locale and base machinery. */
static long parse_index(const char *s, char **end)
{
	const char *p = s;
	long v = 0;
	int neg = 0;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9') {
		*end = (char *)s;
		return 0;
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > 100000000000L) {
			errno = ERANGE;
			break;
		}
		v = v * 10 + (*p - '0');
	}
	*end = (char *)p;
	return neg ? -v : v;
}

int st_vec_parse(const char *path, long line, const char *s, int *label,
                 struct st_vec *x, long maxidx, struct st_error *err)
{
	char *end;
	long lab, prev = 0;

	x->n = 0;
	errno = 0;
	lab = strtol(s, &end, 10);
	if (end == s || errno || (*end && *end != ' ' && *end != '\t') ||
	    lab < -1000000 || lab > 1000000)
		return st_fail(err, path, line, "bad label");
	*label = (int)lab;
	s = end;
	for (;;) {
		long idx;
		double val;

		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '\r')
			break;
		errno = 0;
		idx = parse_index(s, &end);
		if (end == s || *end != ':' || errno)
			return st_fail(err, path, line, "bad feature '%.20s'", s);
		if (idx <= 0)
			return st_fail(err, path, line,
			               "feature index %ld: indices start at 1", idx);
		if (idx <= prev)
			return st_fail(err, path, line,
			               "feature index %ld after %ld: indices must "
			               "ascend", idx, prev);
		if (maxidx > 0 && idx > maxidx)
			return st_fail(err, path, line,
			               "feature index %ld beyond the vocabulary "
			               "(%ld terms)", idx, maxidx);
		s = end + 1;
		errno = 0;
		val = parse_value(s, &end);
		if (end == s || errno || !isfinite(val) ||
		    (*end && *end != ' ' && *end != '\t' && *end != '\r'))
			return st_fail(err, path, line, "bad value for feature %ld",
			               idx);
		st_vec_push(x, (int)idx, val);
		prev = idx;
		s = end;
	}
	return 0;
}
