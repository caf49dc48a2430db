/* speakers.c - speaker identities, one camp per person, evidence. */
#include "report/report.h"
#include "core/core.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Words of s that start with a capital (ASCII or any non-ASCII letter,
 * as Armenian and Cyrillic names are), or -1 when a word does not. */
static int capitalised_words(const char *s)
{
	int n = 0;

	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (!((*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0x80))
			return -1;
		n++;
		while (*s && *s != ' ')
			s++;
	}
	return n;
}

enum st_ident_kind st_speaker_key(const struct st_actors *a,
                                  const char *speaker, struct st_buf *key,
                                  struct st_buf *name)
{
	return st_speaker_key_of(a, speaker,
	                         speaker[0] && a ? st_actors_find(a, speaker) : -1,
	                         key, name);
}

enum st_ident_kind st_speaker_key_of(const struct st_actors *a,
                                     const char *speaker, int i,
                                     struct st_buf *key, struct st_buf *name)
{
	struct st_buf bare = ST_BUF_INIT;
	enum st_ident_kind kind;
	int words;

	if (!speaker[0])
		return ST_ID_NONE;
	if (i >= 0) {
		st_buf_adds(key, "A:");
		st_buf_adds(key, st_actor_id(a, i));
		st_buf_adds(name, st_actor_name(a, i));
		return ST_ID_ACTOR;
	}
	st_name_strip_titles(speaker, strlen(speaker), &bare);
	words = capitalised_words(bare.s ? bare.s : "");
	if (words >= 1) {
		kind = words == 1 ? ST_ID_SURNAME : ST_ID_NAME;
		st_buf_adds(key, kind == ST_ID_NAME ? "N:" : "S:");
		st_name_fold(bare.s, bare.len, key);
		st_buf_add(name, bare.s, bare.len);
	} else {
		kind = ST_ID_OTHER;
		st_buf_adds(key, "R:");
		st_buf_adds(key, speaker);
		st_buf_adds(name, speaker);
	}
	st_buf_finish(&bare);
	return kind;
}

/* The first and last words of a name key (after its "N:" or "S:"). */
static void ends(const char *key, const char **first, size_t *nfirst,
                 const char **last)
{
	const char *s = key + 2, *sp = strrchr(s, ' ');

	*first = s;
	*nfirst = strcspn(s, " ");
	*last = sp ? sp + 1 : s;
}

/* "FIRST LAST" of a name key into k (emptied first); returns its last
 * word. */
static const char *first_last(const char *key, struct st_buf *k)
{
	const char *f, *l;
	size_t nf;

	ends(key, &f, &nf, &l);
	st_buf_reset(k);
	st_buf_add(k, f, nf);
	st_buf_addc(k, ' ');
	st_buf_adds(k, l);
	return l;
}

void st_speaker_merge(char *const *keys, char *const *names, size_t n,
                      size_t *canon)
{
	struct st_map same, full, by_surname;
	struct st_buf k = ST_BUF_INIT;
	size_t i;

	st_map_init(&same);	/* key -> its first index */
	st_map_init(&full);	/* "first last" -> the longest name's */
	st_map_init(&by_surname);	/* last -> that, or -2 for several */
	for (i = 0; i < n; i++)
		canon[i] = (size_t)*st_map_put(&same, keys[i], (int)i);
	/* the longest full name per first and last word */
	for (i = 0; i < n; i++) {
		int *slot;

		if (keys[i][0] != 'N' || canon[i] != i)
			continue;
		first_last(keys[i], &k);
		slot = st_map_put(&full, k.s, (int)i);
		if (strlen(names[i]) > strlen(names[*slot]))
			*slot = (int)i;
	}
	for (i = 0; i < n; i++) {
		const char *l;
		int *slot;

		if (keys[i][0] != 'N')
			continue;
		if (canon[i] != i) {	/* the same key as an earlier one */
			canon[i] = canon[canon[i]];
			continue;
		}
		l = first_last(keys[i], &k);
		canon[i] = (size_t)*st_map_get(&full, k.s);
		/* one person per surname, or -2 */
		slot = st_map_put(&by_surname, l, (int)canon[i]);
		if (*slot != (int)canon[i])
			*slot = -2;
	}
	for (i = 0; i < n; i++) {
		int *slot;

		if (keys[i][0] != 'S')
			continue;
		if (canon[i] != i) {
			canon[i] = canon[canon[i]];
			continue;
		}
		slot = st_map_get(&by_surname, keys[i] + 2);
		if (slot && *slot >= 0)
			canon[i] = (size_t)*slot;
	}
	st_buf_finish(&k);
	st_map_finish(&same);
	st_map_finish(&full);
	st_map_finish(&by_surname);
}

int st_combine_probs(const double *prob, size_t n, int nlabels, double *out)
{
	double top = -HUGE_VAL, sum = 0;
	size_t i;
	int k, best = 0;

	for (k = 0; k < nlabels; k++) {
		out[k] = 0;
		for (i = 0; i < n; i++) {
			double p = prob[i * (size_t)nlabels + (size_t)k];
			out[k] += log(p > 1e-12 ? p : 1e-12);
		}
		if (out[k] > top) {
			top = out[k];
			best = k;
		}
	}
	for (k = 0; k < nlabels; k++) {
		out[k] = exp(out[k] - top);
		sum += out[k];
	}
	for (k = 0; k < nlabels; k++)
		out[k] /= sum;
	return best;
}

/* The year of a date, or "" */
static void year(struct st_buf *out, const char *date)
{
	if (date[0])
		st_buf_add(out, date, 4);
}

void st_evidence(const struct st_actors *a, const char *speaker,
                 const char *role, const char *date, const char *label,
                 struct st_buf *out)
{
	st_evidence_of(a, a && speaker[0] ? st_actors_find(a, speaker) : -1,
	               a && role[0] ? st_actors_find_role(a, role) : -1,
	               role[0] != '\0', date, label, out);
}

/* The affiliation of actor i on date whose camp is label, put into out
 * as evidence; 0 when it has none. */
static int actor_evidence(const struct st_actors *a, int i, const char *date,
                          const char *label, struct st_buf *out)
{
	const struct st_aff *f[8];
	size_t n = i >= 0 ? st_actors_affs(a, i, date, f, 8) : 0, k;

	for (k = 0; k < n && k < 8; k++) {
		if (strcmp(f[k]->camp, label))
			continue;
		st_buf_adds(out, "actor ");
		st_buf_adds(out, st_actor_name(a, i));
		st_buf_adds(out, ": ");
		st_buf_adds(out, f[k]->role);
		if (f[k]->from[0] || f[k]->to[0]) {
			st_buf_adds(out, " (");
			year(out, f[k]->from);
			st_buf_addc(out, '-');
			year(out, f[k]->to);
			st_buf_addc(out, ')');
		}
		st_buf_addc(out, ' ');
		st_buf_adds(out, f[k]->camp);
		return 1;
	}
	return 0;
}

void st_evidence_of(const struct st_actors *a, int speaker_actor,
                    int role_actor, int has_role, const char *date,
                    const char *label, struct st_buf *out)
{
	/* as st_actors_resolve: the speaker's affiliations when there are
	 * any on the date, else the role's organisation's */
	const struct st_aff *f[1];
	int who = -1;

	if (a && speaker_actor >= 0 &&
	    st_actors_affs(a, speaker_actor, date, f, 1))
		who = speaker_actor;
	else if (a && role_actor >= 0 && st_actors_affs(a, role_actor, date, f, 1))
		who = role_actor;
	if (who >= 0 && actor_evidence(a, who, date, label, out))
		return;
	st_buf_adds(out, has_role ? "role words" : "text");
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
