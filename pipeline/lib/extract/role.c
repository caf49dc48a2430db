/* role.c - what each person is: the role words next to a full mention.
 *
 * Reads: tokens, cues, spans and the mentions (mentions.c).  Adds:
 * st_person.role (and its folded form, role_at) from the first full
 * mention that gives one and is not a possessive, and
 * st_person.confirmed_at: the first full mention with a role (given
 * there or before) or next to a cue verb.  A title right before the name
 * ("opposition lawmaker Ara X"), an appositive after it ("Ara X, a
 * political analyst at the Y Institute, said") or before it ("the
 * spokesman of the Defence Ministry, Ara X") is a role when it holds a
 * word of roles.txt. */
#include "extract/doc.h"

#include <stdlib.h>

static int noname(const struct st_doc *d, int i)
{
	return st_map_getn(&d->lx->nonames, d->text + d->t[i].s,
	                   d->t[i].e - d->t[i].s) != NULL;
}

/* Does a mention start at token j, as the article stands at that point
 * (a surname counts once a full name with it has been seen)? */
static int mention_before(const struct st_doc *d, int j,
                          const struct st_map *seen, struct st_buf *key)
{
	const struct st_mention *m;

	if (d->t[j].ment < 0)
		return 0;
	m = &d->m[d->t[j].ment];
	if (m->kind != ST_MK_SURNAME)
		return 1;
	st_name_key(d, m->t0, m->t1, key);
	return st_map_getn(seen, key->s, key->len) != NULL;
}

/* Does a short name in quotation marks open at token e, inside an
 * appositive: "head of the “Unity Front” faction"? */
static int short_name(const struct st_doc *d, int e)
{
	const struct st_span *s;
	int i;

	if (d->t[e].type != ST_T_MARK || d->t[e].q < 0)
		return 0;
	s = &d->sp[d->t[e].q];
	if (s->open != e || s->close < 0 || s->close - e > 8 ||
	    s->close + 1 >= d->nt || d->t[s->close + 1].type != ST_T_WORD ||
	    d->t[s->close + 1].cap)
		return 0;
	for (i = e + 1; i < s->close; i++)
		if (d->t[i].type == ST_T_WORD && !d->t[i].cap &&
		    !(d->t[i].cls & ST_W_FUNC))
			return 0;
	return 1;
}

static int relative(const struct st_doc *d, int i)
{
	return st_clause_word(d, i, ST_CW_RELATIVE);
}

/* The role words next to a person's full mention at tokens [a, b). */
static char *find_role(const struct st_doc *d, int a, int b,
                       const struct st_map *seen, struct st_buf *key)
{
	int j, i, has = 0, role = 0;

	/* 1. a title right before the name: "opposition lawmaker Ara X",
	 * "Deputy Foreign Minister Ara X"; with a role word in it, not just
	 * the end of an organisation's name ("the Centre for Regional
	 * Studies Ara X") */
	for (j = a - 1; j >= 0 && a - j <= 6 && d->t[j].q < 0 &&
	     d->t[j].type == ST_T_WORD && d->t[j + 1].s == d->t[j].e + 1 &&
	     d->text[d->t[j].e] == ' ' && d->t[j + 1].para == d->t[j].para &&
	     !(d->t[j].cls & ST_W_FUNC) && !st_cue_at(d, j) &&
	     !mention_before(d, j, seen, key); j--) {
		has |= st_role_word(d, j) || noname(d, j);
		role |= st_role_word(d, j);
	}
	if (j + 1 < a && has && role)
		return st_text_of(d, j + 1, a - 1);
	/* 2. an appositive after the name, not a relative clause ("X, whose
	 * party is led by Y,") */
	if (b < d->nt && st_is_punct(d, b, ",") && d->t[b].para == d->t[a].para &&
	    !relative(d, b + 1)) {
		int s = b + 1, e, and_cut = 0;

		if (st_has(d, s, ST_W_DET))
			s++;
		for (e = s, has = 0; e < d->nt && d->t[e].para == d->t[a].para &&
		     (d->t[e].type == ST_T_WORD || short_name(d, e)) &&
		     /* a cue verb ends it, but "think tank" is a role */
		     (!st_cue_at(d, e) ||
		      (st_role_word(d, e) && st_role_word(d, e + 1))); e++) {
			if (d->t[e].type != ST_T_WORD) {
				e = d->sp[d->t[e].q].close;
				continue;
			}
			if (d->t[e].q >= 0)
				break;
			/* "X, a deputy minister and former envoy": the first role */
			if (st_is_word(d, e, "and") && has &&
			    (st_clause_word(d, e + 1, ST_CW_ROLE_JOIN) ||
			     st_has(d, e + 1, ST_W_DET))) {
				and_cut = 1;
				break;
			}
			has |= st_role_word(d, e);
		}
		if (has && e > s && (e - s) <= 16 &&
		    (and_cut || e >= d->nt || d->t[e].type != ST_T_WORD ||
		     d->t[e].para != d->t[a].para))
			return st_text_of(d, s, e - 1);
		if (has && e > s && e - s <= 16 && st_cue_at(d, e) &&
		    !st_is_punct(d, e - 1, ","))
			return st_text_of(d, s, e - 1);
	}
	/* 3. an appositive before the name */
	if (a >= 2 && st_is_punct(d, a - 1, ",")) {
		int e = a - 2, s = e, first = -1;

		while (s >= 0 && d->t[s].type == ST_T_WORD && d->t[s].q < 0 &&
		       d->t[s].para == d->t[a].para && e - s < 16)
			s--;
		s++;
		for (i = s; i <= e; i++)
			if (st_role_word(d, i)) {
				first = i;
				break;
			}
		if (first >= 0) {
			int from = s;
			for (i = first; i >= s; i--)
				if (st_has(d, i, ST_W_DET)) {
					from = i + 1;
					break;
				}
			if (from <= e && !st_cue_at(d, from))
				return st_text_of(d, from, e);
		}
	}
	return NULL;
}

void st_roles(struct st_doc *d)
{
	struct st_map seen;	/* surnames of the full names so far */
	struct st_buf key = ST_BUF_INIT;
	int k;

	st_map_init(&seen);
	for (k = 0; k < d->nm; k++) {
		const struct st_mention *m = &d->m[k];
		struct st_person *pe;

		if (m->kind != ST_MK_FULL)
			continue;
		pe = &d->pe[m->person];
		if (!pe->role && !m->poss) {
			pe->role = find_role(d, m->t0, m->t1, &seen, &key);
			if (pe->role) {
				struct st_buf f = ST_BUF_INIT;

				st_fold_add(&f, pe->role, strlen(pe->role));
				st_buf_addc(&f, '\0');
				pe->role_fold = st_buf_detach(&f);
				pe->role_at = m->t0;
			}
		}
		if ((pe->role || st_near_cue(d, m->r0, m->t1)) &&
		    pe->confirmed_at > m->t0)
			pe->confirmed_at = m->t0;
		st_map_put(&seen, pe->surname, 1);
	}
	st_buf_finish(&key);
	st_map_finish(&seen);
}
