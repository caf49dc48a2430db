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

/* The memo's size in strings and in bytes: past either, everything is
 * forgotten and the memo starts again, so that memory does not grow with
 * the input. */
#define MEMO_MAX 65536
#define MEMO_BYTES (16u << 20)

struct st_featurizer {
	struct st_tokenizer *tk;
	const struct st_actors *actors;
	struct st_actors *own_actors;	/* the shipped ones, when none set */
	struct st_map roles, classes;
	struct st_buf toks, part;	/* the quote's tokens, another's */
	char *term, *low;		/* the term being looked up, a word */
	size_t termcap, lowcap;
	/* in st_quote_vector: terms go straight to their index */
	const struct st_vocab *vocab;
	int *idx;
	size_t nidx, capidx;
	struct st_tf *ps;
	size_t capps;
	int *tf;		/* tf[i]: index i's count, ntf of them */
	uint64_t *bits;		/* bit i: tf[i] is counting */
	size_t ntf;
	/* What st_quote_vector remembers, for the vocabulary of this serial
	 * and groups: 'c' + context and 'r' + role -> their indices (a
	 * role's after its organisation), 's' + speaker -> the actor. */
	unsigned long serial;
	unsigned groups;
	int role_known, role_who;	/* the role's actor, from the memo */
	struct st_memo memo;
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
	st_memo_init(&f->memo, MEMO_MAX, MEMO_BYTES);
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
	st_memo_finish(&f->memo);
	st_buf_finish(&f->toks);
	st_buf_finish(&f->part);
	free(f->term);
	free(f->low);
	free(f->idx);
	free(f->ps);
	free(f->tf);
	free(f->bits);
	free(f);
}

/* Room for n bytes in *p of *cap. */
static char *room(char **p, size_t *cap, size_t n)
{
	if (n > *cap) {
		*cap = n + 64;
		*p = st_xrealloc(*p, *cap);
	}
	return *p;
}

/* Count the term t[0..n): into terms, or, with a vocabulary, as its
 * index.  Returns whether the vocabulary has it (1 without one). */
static int count_term(struct st_featurizer *f, struct st_map *terms,
                      const char *t, size_t n)
{
	int *idx;

	if (!f->vocab) {
		(*st_map_putn(terms, t, n, 0))++;
		return 1;
	}
	idx = st_map_getn(&f->vocab->idx, t, n);
	if (!idx)
		return 0;	/* not in the vocabulary: no feature */
	ST_GROW(f->idx, f->nidx, f->capidx, 256);
	f->idx[f->nidx++] = *idx;
	return 1;
}

/* The term "prefix:s[0..n)". */
static int count(struct st_featurizer *f, struct st_map *terms, char prefix,
                 const char *s, size_t n)
{
	char *t = room(&f->term, &f->termcap, n + 2);

	t[0] = prefix;
	t[1] = ':';
	memcpy(t + 2, s, n);
	return count_term(f, terms, t, n + 2);
}

/* The term "head" followed by s, with its spaces as '_' when under. */
static void count_named(struct st_featurizer *f, struct st_map *terms,
                        const char *head, const char *s, int under)
{
	size_t h = strlen(head), n = strlen(s), i;
	char *t = room(&f->term, &f->termcap, h + n);

	memcpy(t, head, h);
	memcpy(t + h, s, n);
	if (under)
		for (i = h; i < h + n; i++)
			if (t[i] == ' ')
				t[i] = '_';
	count_term(f, terms, t, h + n);
}

/* What st_actors_find says of the speaker s, remembered in vocabulary
 * mode. */
static int who_of(struct st_featurizer *f, const char *s);

/* The actor terms of q: each code and camp once, or actor:none. */
static void add_actors(struct st_featurizer *f, struct st_map *terms,
                       const struct st_quote *q)
{
	const struct st_aff *aff[2 * MAX_AFFS];
	const char *date = q->date ? q->date : "";
	size_t n = 0, i, j;
	int who;

	if (q->speaker[0]) {
		who = who_of(f, q->speaker);
		if (who >= 0)
			n = st_actors_affs(f->actors, who, date, aff, MAX_AFFS);
		if (n > MAX_AFFS)
			n = MAX_AFFS;
	}
	if (q->role[0]) {
		size_t m = 0;

		who = f->role_known ? f->role_who :
		      st_actors_find_role(f->actors, q->role);
		if (who >= 0)
			m = st_actors_affs(f->actors, who, date, aff + n, MAX_AFFS);
		n += m > MAX_AFFS ? MAX_AFFS : m;
	}
	if (!n) {
		count_term(f, terms, "actor:none", 10);
		return;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(aff[j]->code, aff[i]->code); j++)
			;
		if (j == i)
			count_named(f, terms, "actor:", aff[i]->code, 0);
		for (j = 0; j < i && strcmp(aff[j]->camp, aff[i]->camp); j++)
			;
		if (j == i)
			count_named(f, terms, "actor_camp:", aff[i]->camp, 1);
	}
}

/* Each space-separated token of toks as a term; with bigrams, each pair
 * too.  A pair is not looked up when a word of it is not a term and the
 * vocabulary's pairs are closed (pairs_closed): it cannot be one either. */
static void add_tokens(struct st_featurizer *f, struct st_map *terms,
                       char prefix, const char *toks, int bigrams,
                       int chars)
{
	const char *p = toks, *prev = NULL;
	size_t prevn = 0;
	int known, prevknown = 1;
	int skip = f->vocab && f->vocab->pairs_closed && prefix == 'w';

	while (*p) {
		const char *e = p;
		size_t n;

		while (*e && *e != ' ')
			e++;
		n = (size_t)(e - p);
		if (n) {
			known = prefix ? count(f, terms, prefix, p, n) : 1;
			if (bigrams && prev &&
			    !(skip && !(known && prevknown))) {
				char *t = room(&f->term, &f->termcap,
				               prevn + n + 3);

				t[0] = 'b';
				t[1] = ':';
				memcpy(t + 2, prev, prevn);
				t[2 + prevn] = '_';
				memcpy(t + 3 + prevn, p, n);
				count_term(f, terms, t, prevn + n + 3);
			}
			if (chars) {
				/* 3-grams of "<word>", by bytes */
				char *w = room(&f->low, &f->lowcap, n + 2);
				size_t i;

				w[0] = '<';
				memcpy(w + 1, p, n);
				w[n + 1] = '>';
				for (i = 0; i + 3 <= n + 2; i++)
					count(f, terms, 'n', w + i, 3);
			}
			prev = p;
			prevn = n;
			prevknown = known;
		}
		p = e + (*e == ' ');
	}
}

/* Lexicon classes of the plain lower-case words of s. */
static void add_lexicon(struct st_featurizer *f, struct st_map *terms,
                        const char *s)
{
	const char *p = s;

	while (*p) {
		const char *w = p;
		size_t n, i;
		int *c;
		char *low;

		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		       *p == '-')
			p++;
		n = (size_t)(p - w);
		if (!n) {
			p++;
			continue;
		}
		low = room(&f->low, &f->lowcap, n);
		for (i = 0; i < n; i++)
			low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 :
			                w[i]);
		c = st_map_getn(&f->roles, low, n);
		if (c)
			count(f, terms, 'l', f->classes.keys[*c],
			      f->classes.lens[*c]);
	}
}

/* The terms of a word group over the tokens of s (prefix 'c' or 'r'). */
static void add_part(struct st_featurizer *f, struct st_map *terms,
                     char prefix, const char *s)
{
	st_buf_reset(&f->part);
	st_tokenize(f->tk, s, strlen(s), &f->part);
	add_tokens(f, terms, prefix, f->part.s ? f->part.s : "", 0, 0);
}

static int who_of(struct st_featurizer *f, const char *s)
{
	size_t len = strlen(s), n;
	const int *v;
	int who;

	if (f->vocab && (v = st_memo_get(&f->memo, 's', s, len, &n)))
		return v[0];
	who = st_actors_find(f->actors, s);
	if (f->vocab)
		st_memo_put(&f->memo, 's', s, len, NULL, &who, 1);
	return who;
}

/* The indices of s's word group (prefix 'c' or 'r', when in groups) and
 * of its lexicon classes (when in groups), from the memo or found and
 * remembered.  A role's entry begins with the organisation it names
 * (st_actors_find_role, when the actor group is on), which is returned
 * (-1 for a context). */
static int add_part_memo(struct st_featurizer *f, char prefix, unsigned g,
                         unsigned groups, const char *s)
{
	size_t len = strlen(s), n, start = f->nidx;
	const int *v = st_memo_get(&f->memo, prefix, s, len, &n);
	int who = -1, role = prefix == 'r';

	if (v) {
		if (role) {
			who = *v++;
			n--;
		}
		while (f->nidx + n > f->capidx) {
			f->capidx = f->capidx ? f->capidx * 2 : 256;
			f->idx = st_xrealloc(f->idx,
			                     f->capidx * sizeof *f->idx);
		}
		memcpy(f->idx + f->nidx, v, n * sizeof *v);
		f->nidx += n;
		return who;
	}
	if (role && (groups & ST_G_ACTORS) && s[0])
		who = st_actors_find_role(f->actors, s);
	if (groups & g)
		add_part(f, NULL, prefix, s);
	if (groups & ST_G_LEXICON)
		add_lexicon(f, NULL, s);
	st_memo_put(&f->memo, prefix, s, len, role ? &who : NULL,
	            f->idx + start, f->nidx - start);
	return who;
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
	if (groups & (ST_G_WORDS | ST_G_BIGRAMS | ST_G_CHARS))
		add_tokens(f, terms, (groups & ST_G_WORDS) ? 'w' : 0, qt,
		           (groups & ST_G_BIGRAMS) != 0,
		           (groups & ST_G_CHARS) != 0);
	if (f->vocab) {
		if (groups & (ST_G_CONTEXT | ST_G_LEXICON))
			add_part_memo(f, 'c', ST_G_CONTEXT, groups, q->context);
		if (groups & (ST_G_ROLE | ST_G_LEXICON | ST_G_ACTORS)) {
			f->role_who = add_part_memo(f, 'r', ST_G_ROLE, groups,
			                            q->role);
			f->role_known = 1;
		}
	} else {
		if (groups & ST_G_CONTEXT)
			add_part(f, terms, 'c', q->context);
		if (groups & ST_G_ROLE)
			add_part(f, terms, 'r', q->role);
		if (groups & ST_G_LEXICON) {
			add_lexicon(f, terms, q->role);
			add_lexicon(f, terms, q->context);
		}
	}
	if (groups & ST_G_ACTORS)
		add_actors(f, terms, q);
	f->role_known = 0;
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

/* Sort v[0..n) ascending: by insertion when short, as a quote's terms
 * mostly are, else by qsort. */
static void sort_ints(int *v, size_t n)
{
	size_t i, j;

	if (n > 64) {
		qsort(v, n, sizeof *v, cmp_int);
		return;
	}
	for (i = 1; i < n; i++) {
		int x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* f->idx[0..nidx), indices 1..size of a vocabulary, into f->ps in
 * ascending order with their counts; returns how many.  When the
 * vocabulary's bitmap is short beside the list, the indices are counted
 * in place and read back from the bitmap; else they are sorted. */
static size_t tally(struct st_featurizer *f, size_t size)
{
	size_t words = size / 64 + 1, k, n = 0;

	if (f->nidx > f->capps) {
		f->capps = f->nidx * 2;
		f->ps = st_xrealloc(f->ps, f->capps * sizeof *f->ps);
	}
	if (f->nidx > 1 && words <= 4 * f->nidx) {
		if (size + 1 > f->ntf) {	/* both kept all zero */
			free(f->tf);
			free(f->bits);
			f->ntf = size + 1;
			f->tf = st_xcalloc(f->ntf, sizeof *f->tf);
			f->bits = st_xcalloc(f->ntf / 64 + 1, sizeof *f->bits);
		}
		for (k = 0; k < f->nidx; k++) {
			int i = f->idx[k];

			if (!f->tf[i]++)
				f->bits[i / 64] |= 1ULL << (i % 64);
		}
		for (k = 0; k < words; k++) {
			uint64_t b = f->bits[k];

			if (!b)
				continue;
			f->bits[k] = 0;
			for (; b; b &= b - 1) {
				int i = (int)(k * 64) + __builtin_ctzll(b);

				f->ps[n].idx = i;
				f->ps[n].tf = f->tf[i];
				f->tf[i] = 0;
				n++;
			}
		}
		return n;
	}
	sort_ints(f->idx, f->nidx);
	for (k = 0; k < f->nidx; k++) {
		if (n && f->ps[n - 1].idx == f->idx[k]) {
			f->ps[n - 1].tf += 1;
			continue;
		}
		f->ps[n].idx = f->idx[k];
		f->ps[n].tf = 1;
		n++;
	}
	return n;
}

void st_quote_vector(struct st_featurizer *f, const struct st_quote *q,
                     const struct st_vocab *v, struct st_vec *x)
{
	size_t n;

	if (v->serial != f->serial || v->groups != f->groups) {
		st_memo_forget(&f->memo);
		f->serial = v->serial;
		f->groups = v->groups;
	}
	f->vocab = v;
	f->nidx = 0;
	terms_of(f, q, v->groups, NULL);
	f->vocab = NULL;
	n = tally(f, st_vocab_size(v));
	st_weigh(v, f->ps, n, x);
}
