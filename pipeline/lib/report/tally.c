/* tally.c - what the reports count: one label per person in an article,
 * what decided each quote's, and the batch's people with their quotes per
 * label. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

void st_people_init(struct st_people *pp)
{
	memset(pp, 0, sizeof *pp);
	st_map_init(&pp->index);
}

static void person_finish(struct st_person *sp)
{
	size_t v;

	free(sp->key);
	free(sp->name);
	free(sp->role);
	for (v = 0; v < sp->nvar; v++)
		free(sp->var[v]);
	free(sp->var);
}

void st_people_finish(struct st_people *pp)
{
	size_t j;

	for (j = 0; j < pp->n; j++)
		person_finish(&pp->p[j]);
	free(pp->p);
	st_map_finish(&pp->index);
}

/* The entry of identity key (shown as name), made when new. */
static struct st_person *person_of(struct st_people *pp, const char *key,
                                   const char *name)
{
	int *slot = st_map_put(&pp->index, key, (int)pp->n);
	struct st_person *sp;

	if (*slot == (int)pp->n) {
		if (pp->n == pp->cap) {
			pp->cap = pp->cap ? pp->cap * 2 : 64;
			pp->p = st_xrealloc(pp->p, pp->cap * sizeof *pp->p);
		}
		memset(&pp->p[pp->n], 0, sizeof pp->p[pp->n]);
		pp->p[pp->n].key = st_xstrdup(key);
		pp->p[pp->n].name = st_xstrdup(name);
		pp->n++;
	}
	sp = &pp->p[*slot];
	if (strlen(name) > strlen(sp->name)) {
		free(sp->name);
		sp->name = st_xstrdup(name);
	}
	return sp;
}

/* Add name to the person's variants unless it is there. */
static void add_variant(struct st_person *sp, const char *name)
{
	size_t k;

	for (k = 0; k < sp->nvar; k++)
		if (strcmp(sp->var[k], name) == 0)
			return;
	sp->var = st_xrealloc(sp->var, (sp->nvar + 1) * sizeof *sp->var);
	sp->var[sp->nvar++] = st_xstrdup(name);
}

static int cmp_person(const void *a, const void *b)
{
	const struct st_person *x = a, *y = b;

	if (x->quotes != y->quotes)
		return x->quotes > y->quotes ? -1 : 1;
	return strcmp(x->name, y->name);
}

void st_people_settle(struct st_people *pp, int nlabels)
{
	size_t n = pp->n ? pp->n : 1, i, j, kept = 0;
	char **keys = st_xmalloc(n * sizeof *keys);
	char **names = st_xmalloc(n * sizeof *names);
	size_t *canon = st_xmalloc(n * sizeof *canon);
	int k;

	for (i = 0; i < pp->n; i++) {
		keys[i] = pp->p[i].key;
		names[i] = pp->p[i].name;
	}
	st_speaker_merge(keys, names, pp->n, canon);
	for (i = 0; i < pp->n; i++) {
		struct st_person *from = &pp->p[i], *to = &pp->p[canon[i]];

		if (canon[i] == i)
			continue;
		to->quotes += from->quotes;
		to->articles += from->articles;
		for (k = 0; k < nlabels; k++) {
			to->counts[k] += from->counts[k];
			to->mass[k] += from->mass[k];
		}
		for (j = 0; j < from->nvar; j++)
			add_variant(to, from->var[j]);
		if (!to->role && from->role) {
			to->role = from->role;
			from->role = NULL;
		}
		from->quotes = 0;	/* merged: dropped below */
	}
	free(keys);
	free(names);
	free(canon);
	for (i = 0; i < pp->n; i++) {
		if (pp->p[i].quotes)
			pp->p[kept++] = pp->p[i];
		else
			person_finish(&pp->p[i]);
	}
	pp->n = kept;
	/* the index named entries that moved: it is of no more use */
	st_map_finish(&pp->index);
	st_map_init(&pp->index);
	if (pp->n)
		qsort(pp->p, pp->n, sizeof *pp->p, cmp_person);
}

int st_person_majority(const struct st_person *sp, int nlabels)
{
	int best = 0, k;

	/* most quotes; a tie goes to the larger total probability */
	for (k = 1; k < nlabels; k++)
		if (sp->counts[k] > sp->counts[best] ||
		    (sp->counts[k] == sp->counts[best] &&
		     sp->mass[k] > sp->mass[best] + 1e-12))
			best = k;
	return best;
}

void st_article_init(struct st_article *a)
{
	memset(a, 0, sizeof *a);
	st_quotes_init(&a->q);
}

void st_article_clear(struct st_article *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->evidence[i]);
		a->evidence[i] = NULL;
	}
	a->n = 0;
}

void st_article_finish(struct st_article *a)
{
	st_article_clear(a);
	st_quotes_finish(&a->q);
	free(a->pred);
	free(a->evidence);
}

void st_article_add(struct st_article *a, struct st_quote *q,
                    const struct st_pred *p)
{
	struct st_quote *c;
	char *t;

	if (a->n == a->q.n)
		st_quotes_add(&a->q);
	if (a->q.n > a->cap) {
		a->cap = a->q.cap;
		a->pred = st_xrealloc(a->pred, a->cap * sizeof *a->pred);
		a->evidence = st_xrealloc(a->evidence,
		                          a->cap * sizeof *a->evidence);
	}
	c = &a->q.q[a->n];
	c->id = q->id;
	c->paragraph = q->paragraph;
	c->start = q->start;
	c->end = q->end;
	c->kind = q->kind;
	c->speaker_confidence = q->speaker_confidence;
	if (a->n == 0)	/* the article's id, once */
		st_set(&c->article, q->article, strlen(q->article));
	/* the strings change hands, not bytes: the reader replaces its own
	 * at the next quote */
#define SWAP(f) (t = c->f, c->f = q->f, q->f = t)
	SWAP(speaker);
	SWAP(role);
	SWAP(text);
	SWAP(date);
	SWAP(source);
#undef SWAP
	a->pred[a->n] = *p;
	a->evidence[a->n] = NULL;
	a->n++;
}

/* Work that depends only on the speaker (or speaker, role and label) is
 * done once per article for each, as one person is quoted again and
 * again. */
void st_article_decide(struct st_article *art, const struct st_actors *actors,
                       char *const *labels, int nlabels, int per_quote,
                       struct st_people *pp)
{
	const struct st_quote *a = art->q.q;
	struct st_pred *rows = art->pred;
	size_t n = art->n, i, j, g;
	char **keys, **names;
	int *sp_actor, *role_actor;
	size_t *canon, *order, *start, *fill;
	double *probs, comb[ST_MAX_LABELS];
	struct st_buf key = ST_BUF_INIT, name = ST_BUF_INIT, ev = ST_BUF_INIT;
	struct st_map seen;
	int k;

	if (!n)
		return;
	keys = st_xcalloc(n, sizeof *keys);
	names = st_xcalloc(n, sizeof *names);
	sp_actor = st_xmalloc(n * sizeof *sp_actor);
	role_actor = st_xmalloc(n * sizeof *role_actor);
	canon = st_xmalloc(n * sizeof *canon);
	order = st_xmalloc(n * sizeof *order);
	start = st_xcalloc(n + 1, sizeof *start);
	fill = st_xmalloc(n * sizeof *fill);
	probs = st_xmalloc(n * (size_t)nlabels * sizeof *probs);
	/* each speaker's identity and actor, each role's actor */
	st_map_init(&seen);
	for (i = 0; i < n; i++) {
		int *slot = st_map_put(&seen, a[i].speaker, (int)i);

		if (*slot != (int)i) {
			keys[i] = st_xstrdup(keys[*slot]);
			names[i] = st_xstrdup(names[*slot]);
			sp_actor[i] = sp_actor[*slot];
			continue;
		}
		sp_actor[i] = a[i].speaker[0]
		              ? st_actors_find(actors, a[i].speaker) : -1;
		st_buf_reset(&key);
		st_buf_reset(&name);
		st_speaker_key_of(actors, a[i].speaker, sp_actor[i], &key,
		                  &name);
		keys[i] = st_xstrdup(key.s ? key.s : "");
		names[i] = st_xstrdup(name.s ? name.s : "");
	}
	st_map_finish(&seen);
	st_map_init(&seen);
	for (i = 0; i < n; i++) {
		int *slot = st_map_put(&seen, a[i].role, (int)i);

		role_actor[i] = *slot != (int)i ? role_actor[*slot]
		                : a[i].role[0]
		                ? st_actors_find_role(actors, a[i].role) : -1;
	}
	st_map_finish(&seen);
	st_speaker_merge(keys, names, n, canon);
	/* the quotes by person: order[start[g]..start[g + 1]) are those
	 * whose canon is g, in text order (a counting sort) */
	for (i = 0; i < n; i++)
		start[canon[i] + 1]++;
	for (g = 0; g < n; g++)
		start[g + 1] += start[g];
	memcpy(fill, start, n * sizeof *fill);
	for (i = 0; i < n; i++)
		order[fill[canon[i]]++] = i;
	/* a person's quotes: their probabilities combined */
	for (g = 0; g < n && !per_quote; g++) {
		size_t m = start[g + 1] - start[g];

		if (m < 2 || !keys[g][0] || keys[g][0] == 'R')
			continue;
		for (j = 0; j < m; j++)
			memcpy(probs + j * (size_t)nlabels,
			       rows[order[start[g] + j]].prob,
			       (size_t)nlabels * sizeof *probs);
		k = st_combine_probs(probs, m, nlabels, comb);
		for (j = 0; j < m; j++) {
			rows[order[start[g] + j]].label = k;
			rows[order[start[g] + j]].conf = comb[k];
		}
	}
	/* what decided each label, once per speaker, role and label */
	st_map_init(&seen);
	for (i = 0; i < n; i++) {
		const struct st_quote *q = &a[i];
		int *slot;

		st_buf_reset(&key);
		st_buf_adds(&key, q->speaker);
		st_buf_addc(&key, '\037');
		st_buf_adds(&key, q->role);
		st_buf_addc(&key, '\037');
		st_buf_adds(&key, labels[rows[i].label]);
		slot = st_map_put(&seen, key.s, (int)i);
		if (*slot == (int)i) {
			st_buf_reset(&ev);
			st_evidence_of(actors, sp_actor[i], role_actor[i],
			               q->role[0] != '\0', q->date,
			               labels[rows[i].label], &ev);
			art->evidence[i] = st_xstrdup(ev.s ? ev.s : "");
		} else {
			art->evidence[i] = st_xstrdup(art->evidence[*slot]);
		}
	}
	st_map_finish(&seen);
	/* each person once per article */
	for (g = 0; g < n && pp; g++) {
		struct st_person *sp;

		if (start[g + 1] == start[g] || !keys[g][0])
			continue;
		sp = person_of(pp, keys[g], names[g]);
		sp->articles++;
		for (j = start[g]; j < start[g + 1]; j++) {
			i = order[j];
			add_variant(sp, a[i].speaker);
			if (!sp->role && a[i].role[0])
				sp->role = st_xstrdup(a[i].role);
			sp->quotes++;
			sp->counts[rows[i].label]++;
			for (k = 0; k < nlabels; k++)
				sp->mass[k] += rows[i].prob[k];
		}
	}
	for (i = 0; i < n; i++) {
		free(keys[i]);
		free(names[i]);
	}
	free(keys);
	free(names);
	free(sp_actor);
	free(role_actor);
	free(canon);
	free(order);
	free(start);
	free(fill);
	free(probs);
	st_buf_finish(&key);
	st_buf_finish(&name);
	st_buf_finish(&ev);
}
