/* coref.c - the person each surname, pronoun and nominal stands for.
 *
 * Reads: the mentions (mentions.c) and the roles and confirmations
 * (role.c).  Walks the mentions in text order and fills
 * st_mention.person: a surname is the person whose full name was seen
 * last before it with that surname (and confirms that person when a cue
 * verb is next to it); "he" and "she" the latest mention of a confirmed
 * person of that gender (or any, when none fits); "the minister" the
 * latest person whose role holds the word.  A surname that names nobody
 * yet is a new person when it is the subject of a cue verb ("Pashinian
 * said"), and otherwise no mention (st_tok.ment is cleared); a pronoun or nominal that
 * resolves to nobody stays, with person -1.  Each resolution looks back
 * over a bounded number of mentions, so the pass is linear.
 *
 * Each resolved mention gets st_mention.conf (doc.h's ST_SC_*): a full
 * name ST_SC_NAME; a surname ST_SC_SURNAME; a pronoun ST_SC_NEAR when
 * its person was mentioned last in its sentence or the one before (and
 * that mention is as sure), ST_SC_FAR when further back, when only the
 * fallbacks found it (a person of the other gender, the first person
 * named after it); a nominal ST_SC_FAR. */
#include "extract/doc.h"

#include <limits.h>
#include <stdlib.h>

/* Does the folded role hay contain needle? */
static int role_has(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

int st_resolve_back(const struct st_doc *d, int i, int want_female,
                    const char *role, int asof)
{
	int k, seen = 0;

	/* k: the last mention that starts before token i (they are in
	 * text order) */
	int lo = 0, hi = d->nm;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (d->m[mid].t0 < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	k = lo - 1;
	for (; k >= 0 && seen < ST_COREF_WINDOW; k--, seen++) {
		const struct st_mention *m = &d->m[k];
		const struct st_person *pe;

		if (m->person < 0)
			continue;
		pe = &d->pe[m->person];
		if (role) {
			if (pe->role_at >= 0 && pe->role_at < asof &&
			    role_has(pe->role_fold, role))
				return m->person;
			continue;
		}
		if (pe->confirmed_at >= asof)
			continue;
		if (want_female < 0 || pe->female < 0 ||
		    pe->female == want_female)
			return m->person;
	}
	if (!role && want_female >= 0) {
		int p = st_resolve_back(d, i, -1, NULL, asof);

		/* nobody confirmed: a person whose first name says the
		 * gender ("Tatevik Arzumanyan ran home.  ... she said") */
		for (k = lo - 1, seen = 0; p < 0 && k >= 0 &&
		     seen < ST_COREF_WINDOW; k--, seen++)
			if (d->m[k].person >= 0 &&
			    d->pe[d->m[k].person].female == want_female)
				p = d->m[k].person;
		return p;
	}
	return -1;
}

/* Is the unresolved surname m the subject of a cue verb ("Pashinian
 * said", "Pashinian has also said"; not the object: "told Eurasianet"),
 * and a word that may be a surname (not a possessive, not a plural:
 * "Protesters said")? */
static int surname_speaks(const struct st_doc *d, const struct st_mention *m,
                          const struct st_buf *key)
{
	int b = m->t1;
	size_t n = d->t[m->t0].e - d->t[m->t0].s;

	if (!(st_cue_at(d, b) ||
	      (st_has(d, b, ST_W_SKIP) && st_cue_at(d, b + 1))))
		return 0;
	if (key->len < 3 || key->len != n || key->s[key->len - 1] == 's')
		return 0;
	return 1;
}

/* How many mentions back a pronoun's person is looked for, to tell how
 * near it is. */
#define NEAR_WINDOW 64

/* The confidence of pronoun k resolved to its person by st_resolve_back()
 * (its person's latest mention before it, how far back). */
static int pronoun_conf(const struct st_doc *d, int k)
{
	const struct st_mention *m = &d->m[k];
	const struct st_person *pe = &d->pe[m->person];
	int j;

	if (pe->female >= 0 && pe->female != m->female)
		return ST_SC_FAR;
	for (j = k - 1; j >= 0 && j >= k - NEAR_WINDOW; j--) {
		const struct st_mention *a = &d->m[j];

		if (a->person != m->person || d->t[a->t0].ment != j)
			continue;
		if (d->t[m->t0].sent - d->t[a->t0].sent > 1)
			return ST_SC_FAR;
		return a->conf < ST_SC_NEAR ? a->conf : ST_SC_NEAR;
	}
	return ST_SC_FAR;
}

void st_coref(struct st_doc *d)
{
	struct st_map last;	/* surname -> person named in full last */
	struct st_buf key = ST_BUF_INIT;
	int k;

	st_map_init(&last);
	for (k = 0; k < d->nm; k++) {
		struct st_mention *m = &d->m[k];
		int *v;

		switch (m->kind) {
		case ST_MK_FULL:
			m->conf = ST_SC_NAME;
			*st_map_put(&last, d->pe[m->person].surname, 0) = m->person;
			break;
		case ST_MK_SURNAME:
			st_name_key(d, m->t0, m->t1, &key);
			v = st_map_getn(&last, key.s, key.len);
			if (!v && surname_speaks(d, m, &key)) {
				/* "Pashinian said": a person known by the
				 * surname alone */
				int p = st_person_new(d, key.s, key.len);
				v = st_map_put(&last, key.s, p);
			}
			if (!v) {
				d->t[m->t0].ment = -1;
				break;
			}
			m->person = *v;
			m->conf = ST_SC_SURNAME;
			if (st_near_cue(d, m->t0, m->t1) &&
			    d->pe[*v].confirmed_at > m->t0)
				d->pe[*v].confirmed_at = m->t0;
			break;
		case ST_MK_PRONOUN:
			m->person = st_resolve_back(d, m->t0, m->female, NULL,
			                            m->t0);
			if (m->person >= 0)
				m->conf = pronoun_conf(d, k);
			/* "she said": whoever she is speaks */
			if (m->person >= 0 && st_near_cue(d, m->t0, m->t1) &&
			    d->pe[m->person].confirmed_at > m->t0)
				d->pe[m->person].confirmed_at = m->t0;
			break;
		case ST_MK_NOMINAL:
			m->person = st_resolve_back(d, m->t0 + 1, -1,
			                            st_low(d, m->t0 + 1),
			                            m->t0 + 1);
			m->conf = ST_SC_FAR;
			break;
		}
	}
	/* a pronoun before anybody is named (an excerpt, a standfirst):
	 * the first person named after it, in its paragraph or the next */
	for (k = 0; k < d->nm; k++) {
		struct st_mention *m = &d->m[k];
		int j;

		if (m->kind != ST_MK_PRONOUN || m->person >= 0)
			continue;
		for (j = k + 1; j < d->nm && j < k + 8 &&
		     d->t[d->m[j].t0].para <= d->t[m->t0].para + 1; j++) {
			int p = d->m[j].person;

			if (p < 0 || d->t[d->m[j].t0].ment != j)
				continue;
			if (d->pe[p].female < 0 || d->pe[p].female == m->female) {
				m->person = p;
				m->conf = ST_SC_FAR;
			}
			break;
		}
	}
	st_buf_finish(&key);
	st_map_finish(&last);
}
