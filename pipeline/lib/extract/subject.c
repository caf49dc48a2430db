/* subject.c - who is the subject of a cue verb: part of the attribution
 * pass (attribution.c), which calls st_subject() for each cue it tries.
 *
 * Reads: tokens, cues, spans (judged), resolved mentions and roles.
 * Adds nothing to st_doc: it answers with a struct st_who (doc.h).  The
 * subject is the latest confirmed person to the left of the verb within
 * its clause, or the person right after it ("said Ara X"), or a nominal
 * ("the politician", "said the Armenian PM": the person named before who
 * fits), or a group that can speak ("officials", "the Kremlin"); never a
 * verb phrase ("Armenia cannot unilaterally").  st_who.conf says how
 * (the values of the table in attribution.c): the mention's own
 * confidence for a person named or resolved (coref.c); ST_SC_FAR for a
 * nominal; ST_SC_NEAR for a group that is the verb's subject (or a paper
 * named in marks); ST_SC_WEAK for "according to the ministry", a group
 * after the verb ("shouted demonstrators") and the words before a comma
 * or dash at the sentence start. */
#include "extract/doc.h"

#include <limits.h>
#include <stdlib.h>

/* How far left of a cue verb its subject is looked for. */
#define SUBJECT_LOOKBACK 64

static int function_word(const struct st_doc *d, int i)
{
	return st_has(d, i, ST_W_FUNC);
}

static int nominal_head(const struct st_doc *d, int g0, int g1);

/* May the words after the cue at v be its subject: is v right after a
 * quote, a comma, a dash or a colon, or at its sentence's start? */
static int inverted(const struct st_doc *d, int v)
{
	return v == 0 || d->t[v - 1].q >= 0 || d->t[v - 1].type == ST_T_MARK ||
	       st_is_punct(d, v - 1, ",;:") || st_is_dash(d, v - 1) ||
	       st_sent_start(d, v) == v;
}
static int nominal_person(const struct st_doc *d, int g0, int h);

struct st_who st_subject(const struct st_doc *d, int v, int lo, int hi)
{
	struct st_who w = { -1, -1, -1, 0, ST_SC_NONE };
	int i, n = st_cue_at(d, v), stop;

	if (st_according_to(d, v)) {
		for (i = v + 2; i < hi && i < v + 10 &&
		     d->t[i].type != ST_T_MARK; i++)
			if (st_mention_at(d, i) >= 0) {
				w.person = st_person_at(d, i);
				w.conf = st_conf_at(d, i);
				return w;
			}
		/* "according to the ministry" */
		if (v + 2 < hi && d->t[v + 2].type == ST_T_WORD) {
			int e = v + 2;
			while (e < hi && d->t[e].type == ST_T_WORD && e < v + 7)
				e++;
			w.g0 = v + 2;
			w.g1 = e;
			w.weak = 1;
			w.conf = ST_SC_WEAK;
		}
		return w;
	}
	stop = v - SUBJECT_LOOKBACK > lo ? v - SUBJECT_LOOKBACK : lo;
	/* “Zhoghovurd” says / brands: the paper named in marks */
	if (v > 0 && d->t[v - 1].q >= 0) {
		const struct st_span *s = &d->sp[d->t[v - 1].q];

		if (s->drop && s->close == v - 1 && s->close - s->open >= 2 &&
		    s->close - s->open <= 4) {
			for (i = s->open + 1; i < s->close && d->t[i].cap; i++)
				;
			if (i == s->close) {
				w.g0 = s->open + 1;
				w.g1 = s->close;
				w.conf = ST_SC_NEAR;
				return w;
			}
		}
	}
	/* "X, whose party is led by Y, said": X, before the appositive */
	i = v - 1;
	while (i > stop && st_has(d, i, ST_W_SKIP))
		i--;
	if (i > stop && st_is_punct(d, i, ",")) {
		int j, k;

		for (j = i - 1; j > stop && d->t[j].q < 0 &&
		     d->t[j].type != ST_T_MARK && !st_is_punct(d, j, ";:"); j--) {
			if (!st_is_punct(d, j, ","))
				continue;
			for (k = j - 1; k >= stop && k >= j - 4; k--)
				if (st_mention_at(d, k) >= 0 &&
				    d->m[d->t[k].ment].t1 == j) {
					w.person = st_person_at(d, k);
					w.conf = st_conf_at(d, k);
					if (w.person >= 0)
						return w;
				}
			break;
		}
	}
	/* to the left, within the clause: the latest name or pronoun */
	for (i = v - 1; i >= stop; i--) {
		if (d->t[i].q >= 0 && d->sp[d->t[i].q].drop) {
			/* a name in marks: "head of the “Unity” faction" */
			i = d->sp[d->t[i].q].open;
			continue;
		}
		if (d->t[i].type == ST_T_MARK || st_is_punct(d, i, ";:"))
			break;
		if (d->t[i].q >= 0)
			break;
		if (st_mention_at(d, i) >= 0) {
			int p = st_person_at(d, i);
			if (p >= 0 && d->pe[p].confirmed_at == INT_MAX)
				continue;	/* a place, a channel */
			w.person = p;
			w.conf = st_conf_at(d, i);
			if (w.person >= 0)
				return w;
			break;
		}
	}
	/* inverted: "“Q,” said Ara X", ", said Ara X"; not "the ministry
	 * said Ara X was" */
	for (i = v + n; inverted(d, v) && i < hi && i < v + n + 4; i++) {
		if (d->t[i].type == ST_T_MARK || d->t[i].q >= 0)
			break;
		if (st_person_at(d, i) >= 0) {
			w.person = st_person_at(d, i);
			w.conf = st_conf_at(d, i);
			return w;
		}
	}
	/* inverted nominal right after the quote: "Q," said the former
	 * minister / "Q" - said the Armenian PM */
	if (st_is_word(d, v + n, "the") &&
	    ((v > 0 && d->t[v - 1].q >= 0) ||
	     (v > 1 && st_is_dash(d, v - 1) && d->t[v - 2].q >= 0))) {
		int e = v + n + 1, h;

		while (e < hi && e < v + n + 8 && d->t[e].type == ST_T_WORD &&
		       d->t[e].q < 0)
			e++;
		h = nominal_head(d, v + n, e);
		if (h >= 0 && (w.person = nominal_person(d, v + n, h)) >= 0) {
			w.conf = ST_SC_FAR;
			return w;
		}
	}
	/* a group: "officials said", "the Kremlin said in a statement",
	 * "The opposition — which ... — has called" */
	i = v - 1;
	while (i >= lo && st_has(d, i, ST_W_SKIP))
		i--;
	{
		int e = i, s = i;

		while (s >= lo && d->t[s].type == ST_T_WORD && d->t[s].q < 0 &&
		       e - s < 5 && !st_cue_at(d, s))
			s--;
		s++;
		if (s <= e && !(e == s && function_word(d, s))) {
			w.g0 = s;
			w.g1 = e + 1;
			w.conf = ST_SC_NEAR;
			return w;
		}
		/* inverted: "shouted demonstrators outside the building" */
		for (s = v + n, e = s; e < hi && e < s + 4 &&
		     d->t[e].type == ST_T_WORD && d->t[e].q < 0 &&
		     !function_word(d, e) && !st_has(d, e, ST_W_PREP); e++)
			;
		if (e > s && v > 0 && d->t[v - 1].q >= 0) {
			w.g0 = s;
			w.g1 = e;
			w.weak = 1;
			w.conf = ST_SC_WEAK;
			return w;
		}
		/* the clause before a dash or comma at the sentence start */
		s = st_sent_start(d, v);
		if (s < lo)
			return w;
		for (e = s; e < v && d->t[e].type == ST_T_WORD && d->t[e].q < 0 &&
		     e - s < 5; e++)
			;
		if (e > s && e < v && (st_is_punct(d, e, ",") || st_is_dash(d, e))) {
			w.g0 = s;
			w.g1 = e;
			w.conf = ST_SC_WEAK;
		}
	}
	return w;
}

/* Is the group [g0, g1) a noun phrase for one person: an optional "the",
 * then words whose head is a person noun, last or before a function word
 * ("the Armenian premier", "Russian Foreign Minister", "head of the
 * government", "the spokesman for the Kremlin")?  The head's token, or
 * -1. */
/* A person noun, or a word that ends in one: "ex-president". */
static int person_noun(const struct st_doc *d, int i)
{
	const char *w, *h;
	int *c;

	if (st_has(d, i, ST_W_PERSON))
		return 1;
	if (i < 0 || i >= d->nt || d->t[i].type != ST_T_WORD)
		return 0;
	w = st_low(d, i);
	h = strrchr(w, '-');
	c = h ? st_map_get(&d->lx->classes, h + 1) : NULL;
	return c && (*c & ST_W_PERSON);
}

static int nominal_head(const struct st_doc *d, int g0, int g1)
{
	int i, s = g0;

	if (st_is_word(d, s, "the"))
		s++;
	else if (st_has(d, s, ST_W_DET))
		return -1;	/* "an expert" is somebody new */
	for (i = s; i < g1; i++)
		if (st_has(d, i, ST_W_FUNC))
			return i > s && person_noun(d, i - 1) ? i - 1 : -1;
	return s < g1 && person_noun(d, g1 - 1) ? g1 - 1 : -1;
}

static int resolve_role(const struct st_doc *d, int at, const char *s,
                        size_t n)
{
	struct st_buf role = ST_BUF_INIT;
	int p;

	st_fold_add(&role, s, n);
	st_buf_addc(&role, '\0');
	p = st_resolve_back(d, at, -1, role.s, INT_MAX);
	st_buf_finish(&role);
	return p;
}

/* The person a nominal with head h stands for: the last one named whose
 * role holds the noun or what it is short for ("pm": "prime minister");
 * else, after "the" or before a function word ("head of the
 * government"), the last person named at all. */
static int nominal_person(const struct st_doc *d, int g0, int h)
{
	const struct st_lexicon *lx = d->lx;
	const char *w = st_low(d, h);
	int p = resolve_role(d, g0, w, strlen(w)), *a;

	if (p < 0 && (a = st_map_get(&lx->aliases, w)) != NULL)
		p = resolve_role(d, g0, lx->alias_of.keys[*a],
		                 lx->alias_of.lens[*a]);
	if (p < 0 && (st_is_word(d, g0, "the") || st_has(d, h + 1, ST_W_FUNC)))
		p = st_resolve_back(d, g0, -1, NULL, INT_MAX);
	return p;
}

/* "the ministry", "the channel", "the source": the organisation named in
 * full before, "The Russian Foreign Ministry", "The Kentron TV channel",
 * "A senior source in the Russian Foreign Ministry" (within 400 tokens,
 * with a capital in it); w is changed to it if there is one. */
static void org_antecedent(const struct st_doc *d, struct st_who *w)
{
	const char *head;
	int j, s, e, k, caps;

	if (w->g1 - w->g0 != 2 || !st_is_word(d, w->g0, "the") ||
	    !st_has(d, w->g0 + 1, ST_W_ORG))
		return;
	head = st_low(d, w->g0 + 1);
	for (j = w->g0 - 1; j >= 0 && j > w->g0 - 400; j--) {
		if (d->t[j].type != ST_T_WORD || d->t[j].q >= 0 ||
		    strcmp(st_low(d, j), head) != 0)
			continue;
		for (s = j; s > 0 && j - s < 6 &&
		     d->t[s - 1].type == ST_T_WORD && d->t[s - 1].q < 0 &&
		     d->t[s - 1].para == d->t[j].para &&
		     !st_has(d, s, ST_W_DET); s--)
			;
		if (!st_has(d, s, ST_W_DET) || j - s < 1)
			continue;
		/* "in the Russian Foreign Ministry" */
		e = j + 1;
		if (st_has(d, e, ST_W_FUNC) && !st_has(d, e, ST_W_DET)) {
			int last = -1;

			k = e + 1;
			while (k < d->nt && k < e + 7 && d->t[k].type == ST_T_WORD &&
			       (d->t[k].cap || st_has(d, k, ST_W_DET))) {
				if (d->t[k].cap)
					last = k;
				k++;
			}
			if (last >= 0)
				e = last + 1;
		}
		for (k = s, caps = 0; k < e; k++)
			caps += d->t[k].cap && !st_has(d, k, ST_W_DET);
		if (!caps)
			continue;
		w->g0 = s;
		w->g1 = e;
		return;
	}
}

/* Trim a group noun phrase to something that can speak. */
static int good_group(const struct st_doc *d, struct st_who *w)
{
	int i;

	if (w->g0 < 0)
		return 0;
	while (w->g0 < w->g1 && function_word(d, w->g0) &&
	       !st_has(d, w->g0, ST_W_DET))
		w->g0++;
	if (w->g0 >= w->g1)
		return 0;
	/* a group that can speak: officials, the Kremlin, the ministry,
	 * the opposition; not "the political temperature" */
	{
		int h = w->g1 - 1;
		const char *hw = st_low(d, h);
		size_t n = strlen(hw);

		if (w->weak && !(d->t[h].cap || st_role_word(d, h) ||
		                 st_org_noun(d, h) ||
		                 (n > 3 && hw[n - 1] == 's' && hw[n - 2] != 's')))
			return 0;
	}
	if (w->g1 - w->g0 == 1 && (function_word(d, w->g0) ||
	                           st_has(d, w->g0, ST_W_PRON)))
		return 0;
	for (i = w->g0; i < w->g1; i++)
		if (d->t[i].type != ST_T_WORD || (d->t[i].cls & ST_W_NOGROUP))
			return 0;
	/* "the minister", "the deputy prime minister" is a person */
	if (w->g1 - w->g0 >= 2 && st_is_word(d, w->g0, "the") &&
	    st_role_word(d, w->g1 - 1)) {
		int p = resolve_role(d, w->g0, d->text + d->t[w->g0 + 1].s,
		                     d->t[w->g1 - 1].e - d->t[w->g0 + 1].s);

		if (p >= 0) {
			w->person = p;
			w->g0 = -1;
			w->conf = ST_SC_FAR;
			return 1;
		}
	}
	/* one person named before: "the expert", "the Armenian premier" */
	i = nominal_head(d, w->g0, w->g1);
	if (i >= 0 && (i = nominal_person(d, w->g0, i)) >= 0) {
		w->person = i;
		w->g0 = -1;
		w->conf = ST_SC_FAR;
		return 1;
	}
	org_antecedent(d, w);
	return 1;
}

int st_found(const struct st_doc *d, struct st_who *w)
{
	return w->person >= 0 || good_group(d, w);
}
