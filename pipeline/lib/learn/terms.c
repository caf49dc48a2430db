/* terms.c - a quote's terms in each feature group, counted into a map or
 * straight into the indices of a vocabulary. */
#include "learn/learn.h"
#include "learn/internal.h"
#include "extract/extract.h"
#include "core/core.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

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
	ST_GROW(f->idx, f->nidx, f->capidx, 256);
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

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void st_quote_vector(struct st_featurizer *f, const struct st_quote *q,
                     const struct st_vocab *v, struct st_vec *x)
{
	struct st_tf *ps;
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
	st_weigh(v, ps, n, x);
	free(ps);
}
