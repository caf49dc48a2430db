/* tally.c - what the reports count: one label per person in an article,
 * what decided each quote's, and the batch's people with their quotes per
 * label. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

void st_article_init(struct st_article *a)
{
	memset(a, 0, sizeof *a);
	st_quotes_init(&a->q);
	st_map_init(&a->who);
	st_map_init(&a->roles);
}

/* Empty what is kept of speakers and roles. */
static void forget_who(struct st_article *a)
{
	size_t i;

	for (i = 0; i < a->nwho; i++) {
		free(a->who_key[i]);
		free(a->who_name[i]);
	}
	a->nwho = 0;
	st_map_finish(&a->who);
	st_map_init(&a->who);
	st_map_finish(&a->roles);
	st_map_init(&a->roles);
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
	forget_who(a);
	st_map_finish(&a->who);
	st_map_finish(&a->roles);
	free(a->who_actor);
	free(a->who_key);
	free(a->who_name);
}

/* The index in who_* of speaker s, looked up the first time. */
static size_t who_of(struct st_article *a, const struct st_actors *actors,
                     const char *s, struct st_buf *key, struct st_buf *name)
{
	int *slot = st_map_put(&a->who, s, (int)a->nwho);
	size_t w = a->nwho;

	if (*slot != (int)w)
		return (size_t)*slot;
	if (w >= a->capwho) {
		a->capwho = a->capwho ? 2 * a->capwho : 64;
		a->who_actor = st_xrealloc(a->who_actor, a->capwho *
		                           sizeof *a->who_actor);
		a->who_key = st_xrealloc(a->who_key, a->capwho *
		                         sizeof *a->who_key);
		a->who_name = st_xrealloc(a->who_name, a->capwho *
		                          sizeof *a->who_name);
	}
	a->who_actor[w] = s[0] ? st_actors_find(actors, s) : -1;
	st_buf_reset(key);
	st_buf_reset(name);
	st_speaker_key_of(actors, s, a->who_actor[w], key, name);
	a->who_key[w] = st_xstrdup(key->s ? key->s : "");
	a->who_name[w] = st_xstrdup(name->s ? name->s : "");
	a->nwho++;
	return w;
}

/* The actor of role r, looked up the first time. */
static int role_of(struct st_article *a, const struct st_actors *actors,
                   const char *r)
{
	int *slot = st_map_get(&a->roles, r);

	if (slot)
		return *slot;
	return *st_map_put(&a->roles, r, r[0] ? st_actors_find_role(actors, r)
	                                      : -1);
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
int st_article_decide(struct st_article *art, const struct st_actors *actors,
                      char *const *labels, int nlabels, int per_quote,
                      struct st_people *pp, struct st_error *err)
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
	int k, rc = 0;

	if (!n)
		return 0;
	keys = st_xcalloc(n, sizeof *keys);
	names = st_xcalloc(n, sizeof *names);
	sp_actor = st_xmalloc(n * sizeof *sp_actor);
	role_actor = st_xmalloc(n * sizeof *role_actor);
	canon = st_xmalloc(n * sizeof *canon);
	order = st_xmalloc(n * sizeof *order);
	start = st_xcalloc(n + 1, sizeof *start);
	fill = st_xmalloc(n * sizeof *fill);
	probs = st_xmalloc(n * (size_t)nlabels * sizeof *probs);
	/* each speaker's identity and actor, each role's actor (the keys
	 * and names are art's) */
	if (art->nwho + n > ST_WHO_MAX || art->roles.n + n > ST_WHO_MAX)
		forget_who(art);
	for (i = 0; i < n; i++) {
		size_t w = who_of(art, actors, a[i].speaker, &key, &name);

		keys[i] = art->who_key[w];
		names[i] = art->who_name[w];
		sp_actor[i] = art->who_actor[w];
		role_actor[i] = role_of(art, actors, a[i].role);
	}
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
	for (g = 0; g < n && pp && !rc; g++) {
		size_t m = start[g + 1] - start[g];
		const char **vars;
		const char *role = "";
		int *labs;

		if (!m || !keys[g][0])
			continue;
		vars = st_xmalloc(m * sizeof *vars);
		labs = st_xmalloc(m * sizeof *labs);
		for (j = 0; j < m; j++) {
			i = order[start[g] + j];
			vars[j] = a[i].speaker;
			if (!role[0] && a[i].role[0])
				role = a[i].role;
			labs[j] = rows[i].label;
			memcpy(probs + j * (size_t)nlabels, rows[i].prob,
			       (size_t)nlabels * sizeof *probs);
		}
		rc = st_people_add(pp, a[0].article, keys[g], names[g], role,
		                   vars, m, labs, probs, m, err);
		free(vars);
		free(labs);
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
	return rc;
}
