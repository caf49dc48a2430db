/* actors.c - the actor dictionary: its tables, name matching and dated
 * affiliations (loading is in actors-load.c). */
#include "extract/actor-table.h"

#include <stdlib.h>
#include <string.h>

const char *const st_actor_kinds[] = { "person", "party", "bloc", "faction",
	"ministry", "institution", "thinktank", "state", NULL };

struct st_actors *st_actors_new(void)
{
	struct st_actors *a = st_xcalloc(1, sizeof *a);

	st_map_init(&a->ids);
	st_map_init(&a->names);
	st_map_init(&a->orgs);
	st_map_init(&a->surnames);
	st_map_init(&a->first);
	return a;
}

void st_actor_clear(struct actor *c)
{
	size_t k;

	free(c->id);
	free(c->kind);
	for (k = 0; k < c->nvar; k++)
		free(c->var[k]);
	free(c->var);
}

void st_aff_clear(struct aff_rec *r)
{
	free((char *)r->a.from);
	free((char *)r->a.to);
	free((char *)r->a.camp);
	free((char *)r->a.code);
	free((char *)r->a.role);
}

void st_actors_free(struct st_actors *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->nac; i++)
		st_actor_clear(&a->ac[i]);
	for (i = 0; i < a->naf; i++)
		st_aff_clear(&a->af[i]);
	free(a->ac);
	free(a->af);
	st_map_finish(&a->ids);
	st_map_finish(&a->names);
	st_map_finish(&a->orgs);
	st_map_finish(&a->surnames);
	st_map_finish(&a->first);
	free(a);
}

size_t st_actors_count(const struct st_actors *a)
{
	return a->nac;
}

const char *st_actor_id(const struct st_actors *a, int i)
{
	return a->ac[i].id;
}

const char *st_actor_kind(const struct st_actors *a, int i)
{
	return a->ac[i].kind;
}

const char *st_actor_name(const struct st_actors *a, int i)
{
	return a->ac[i].var[0];
}


static void index_name(struct st_map *m, const char *key, int v)
{
	int *slot = st_map_put(m, key, v);

	if (*slot != v)
		*slot = -2;
}

void st_actors_index(struct st_actors *a)
{
	struct st_buf k = ST_BUF_INIT;
	size_t i, j;

	st_map_finish(&a->names);
	st_map_finish(&a->orgs);
	st_map_finish(&a->surnames);
	st_map_finish(&a->first);
	for (i = 0; i < a->nac; i++) {
		const struct actor *c = &a->ac[i];

		for (j = 0; j < c->nvar; j++) {
			char *sp;

			st_buf_reset(&k);
			st_name_fold(c->var[j], strlen(c->var[j]), &k);
			if (!k.len)
				continue;
			index_name(&a->names, k.s, (int)i);
			if (!c->person) {
				size_t nf = strcspn(k.s, " ");
				int words = 1, *mx;
				const char *q;

				index_name(&a->orgs, k.s, (int)i);
				for (q = k.s; *q; q++)
					words += *q == ' ';
				mx = st_map_putn(&a->first, k.s, nf, words);
				if (*mx < words)
					*mx = words;
				continue;
			}
			/* the surname is the variant's last word as written:
			 * "Ter-Petrosyan", not "Petrosyan" */
			sp = strrchr(c->var[j], ' ');
			st_buf_reset(&k);
			sp = sp ? sp + 1 : c->var[j];
			st_name_fold(sp, strlen(sp), &k);
			if (k.len)
				index_name(&a->surnames, k.s, (int)i);
		}
	}
	st_buf_finish(&k);
}

static int lookup(const struct st_map *m, const char *key)
{
	int *v = st_map_get(m, key);

	return v && *v >= 0 ? *v : -1;
}

int st_actors_find(const struct st_actors *a, const char *speaker)
{
	struct st_buf k = ST_BUF_INIT, s = ST_BUF_INIT;
	int r = -1;
	char *sp;

	st_name_fold(speaker, strlen(speaker), &k);
	if (!k.len)
		goto out;
	if ((r = lookup(&a->names, k.s)) >= 0)
		goto out;
	if (strncmp(k.s, "the ", 4) == 0 &&
	    (r = lookup(&a->names, k.s + 4)) >= 0)
		goto out;
	st_name_strip_titles(speaker, strlen(speaker), &s);
	st_buf_reset(&k);
	st_name_fold(s.s ? s.s : "", s.len, &k);
	if (!k.len)
		goto out;
	if ((r = lookup(&a->names, k.s)) >= 0)
		goto out;
	sp = strrchr(k.s, ' ');
	if (!sp) {
		r = lookup(&a->surnames, k.s);
	} else {
		/* first and last words: "Nikol V. Pashinyan" */
		char *first_end = strchr(k.s, ' ');
		if (first_end != sp) {
			memmove(first_end, sp, strlen(sp) + 1);
			r = lookup(&a->names, k.s);
		}
		if (r >= 0 && !a->ac[r].person)
			r = -1;
	}
out:
	st_buf_finish(&k);
	st_buf_finish(&s);
	return r;
}

/* Does the word w[0..n) before a variant keep the variant from naming
 * the speaker's organisation?  "former" and "ex" up to two words before
 * it ("a former deputy foreign minister"); "pro", "anti" and a foreign
 * country's adjective right before it ("pro-government", "the French
 * foreign minister"). */
static int disowns(const char *w, size_t n, int adjacent)
{
	static const char *const far[] = { "former", "ex", NULL };
	static const char *const near[] = { "pro", "anti", "russian",
		"russia", "french", "france", "us", "american", "america",
		"azerbaijani", "azerbaijan", "iranian", "iran", "turkish",
		"turkey", "georgian", "georgia", "belarusian", "belarus",
		"kazakh", "kazakhstan", "kyrgyz", "tajik", "eu", "un",
		"european", "german", "british", "chinese", "indian",
		"ukrainian", "nato", NULL };
	int k;

	for (k = 0; far[k]; k++)
		if (strlen(far[k]) == n && !strncmp(far[k], w, n))
			return 1;
	for (k = 0; adjacent && near[k]; k++)
		if (strlen(near[k]) == n && !strncmp(near[k], w, n))
			return 1;
	return 0;
}

/* A word of a role as written, for st_actors_find_role(). */
struct rword {
	size_t key, keylen;	/* its key in the key buffer */
	int cap;		/* written with a capital */
	int hyph_before, hyph_after;	/* joined by a hyphen: EU-Armenia */
};

/* Does byte sequence s[0..) start a character that separates words of a
 * role?  Sets *n to its length. */
static int role_sep(const unsigned char *s, size_t left, size_t *n)
{
	*n = 1;
	if (s[0] < 0x80)
		return !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
		         (s[0] >= '0' && s[0] <= '9') || s[0] == '\'');
	if (left >= 3 && s[0] == 0xe2 && s[1] == 0x80) {
		*n = 3;
		return s[2] != 0x99;	/* U+2019 joins like ' */
	}
	if (left >= 2 && s[0] == 0xc2) {	/* no-break space, guillemets */
		*n = 2;
		return 1;
	}
	return 0;
}

int st_actors_find_role(const struct st_actors *a, const char *role)
{
	struct st_buf k = ST_BUF_INIT, span = ST_BUF_INIT;
	struct rword w[256];
	const unsigned char *p = (const unsigned char *)role;
	size_t rn = strlen(role), pos = 0, n = 0, i, len, best_len = 0;
	int best = -1;

	/* the role's words, each keyed, with how it was written */
	while (pos < rn && n < 256) {
		size_t cl, start;

		while (pos < rn && role_sep(p + pos, rn - pos, &cl))
			pos += cl;
		start = pos;
		while (pos < rn && !role_sep(p + pos, rn - pos, &cl))
			pos += cl;
		if (pos == start)
			break;
		w[n].key = k.len;
		st_name_fold(role + start, pos - start, &k);
		if (k.len == w[n].key)
			continue;
		w[n].keylen = k.len - w[n].key;
		st_buf_addc(&k, ' ');
		w[n].cap = p[start] >= 'A' && p[start] <= 'Z';
		w[n].hyph_before = start > 0 && p[start - 1] == '-';
		w[n].hyph_after = pos < rn && p[pos] == '-';
		n++;
	}
	for (i = 0; i < n; i++) {
		const char *prev = i ? k.s + w[i - 1].key : NULL;

		if ((i >= 1 && disowns(prev, w[i - 1].keylen, 1)) ||
		    (i >= 2 && disowns(k.s + w[i - 2].key, w[i - 2].keylen, 0)) ||
		    w[i].hyph_before)
			continue;
		/* "the opposition Sovereign Armenia bloc": a capitalised word
		 * before a capitalised match makes it part of a longer name */
		if (i >= 1 && w[i].cap && w[i - 1].cap &&
		    !st_is_title(prev, w[i - 1].keylen))
			continue;
		{
			int *mx = st_map_getn(&a->first, k.s + w[i].key,
			                      w[i].keylen);
			if (!mx)
				continue;	/* no variant starts with it */
			len = n - i < (size_t)*mx ? n - i : (size_t)*mx;
		}
		for (; len > best_len; len--) {
			int r;

			if (w[i + len - 1].hyph_after)
				continue;
			st_buf_reset(&span);
			st_buf_add(&span, k.s + w[i].key,
			           w[i + len - 1].key + w[i + len - 1].keylen -
			           w[i].key);
			r = lookup(&a->orgs, span.s);
			if (r >= 0 && strcmp(a->ac[r].kind, "state") != 0) {
				best = r;
				best_len = len;
				break;
			}
		}
	}
	st_buf_finish(&k);
	st_buf_finish(&span);
	return best;
}

/* ---- affiliations ----------------------------------------------------- */

size_t st_actors_affs(const struct st_actors *a, int i, const char *date,
                      const struct st_aff **out, size_t max)
{
	const char *last = NULL;
	int open = 0;
	size_t k, n = 0;

	if (i < 0 || (size_t)i >= a->nac)
		return 0;
	if (date && *date) {
		for (k = 0; k < a->naf; k++) {
			const struct st_aff *f = &a->af[k].a;

			if (a->af[k].actor != i ||
			    (f->from[0] && strcmp(date, f->from) < 0) ||
			    (f->to[0] && strcmp(date, f->to) > 0))
				continue;
			if (n < max)
				out[n] = f;
			n++;
		}
		return n;
	}
	/* no date: the affiliations still open, or else those that ended
	 * last */
	for (k = 0; k < a->naf; k++) {
		const struct st_aff *f = &a->af[k].a;

		if (a->af[k].actor != i)
			continue;
		if (!f->to[0])
			open = 1;
		else if (!last || strcmp(f->to, last) > 0)
			last = f->to;
	}
	for (k = 0; k < a->naf; k++) {
		const struct st_aff *f = &a->af[k].a;

		if (a->af[k].actor != i ||
		    (open ? f->to[0] != '\0' : !last || strcmp(f->to, last)))
			continue;
		if (n < max)
			out[n] = f;
		n++;
	}
	return n;
}

size_t st_actors_resolve(const struct st_actors *a, const char *speaker,
                         const char *role, const char *date, int *actor,
                         const struct st_aff **out, size_t max)
{
	int i = speaker && *speaker ? st_actors_find(a, speaker) : -1;
	size_t n = i >= 0 ? st_actors_affs(a, i, date, out, max) : 0;

	if (!n && role && *role) {
		i = st_actors_find_role(a, role);
		n = i >= 0 ? st_actors_affs(a, i, date, out, max) : 0;
	}
	*actor = n ? i : -1;
	return n;
}

