/* attribution.c - who says each quote, and the words around it.
 *
 * Reads: everything before it (spans judged, sentences, cues, resolved
 * mentions, roles).  Sets st_span.person or st_span.group (a group that
 * can speak: "officials", "the Kremlin", "the ministry"), st_span.inherited
 * for a quote that takes the speaker of the one before it, and
 * st_span.context (the quote's sentence outside any quotation, without
 * the names of people).  A partial quote that nobody says is dropped as
 * scare quotes.
 *
 * The speaker is, in order: the subject of a cue verb after a full quote
 * ("Q," X said / "Q," said X / "Q" - X) or before it (X said: "Q" /
 * According to X, "Q"); for a partial quote the subject of its sentence;
 * the speaker of a lead-in paragraph that ends in a colon; the speaker of
 * the quote before it in the same or the previous paragraph.  Searches
 * are bounded (SUBJECT_LOOKBACK tokens in subject.c, BEFORE_CUES cues),
 * so that a sentence of many cue verbs or quotes stays linear.
 *
 * Each speaker gets st_span.conf, how sure it is, from the rule that
 * gave it (doc.h's ST_SC_*, in tenths; reported as speaker_confidence):
 *
 *   1.0  NAME       a full name is the subject of the cue verb (in the
 *                   quote's sentence, or in a lead-in paragraph that
 *                   ends in a colon), follows "according to" or a dash
 *                   after the quote, or labels the paragraph ("Aram
 *                   Sahakyan: “Q”")
 *   0.9  SURNAME    the same with a surname ("Sahakyan said"), which
 *                   stands for the full name named before it, or for a
 *                   person the article names only so
 *   0.8  NEAR       a pronoun ("he said") whose person was mentioned in
 *                   its sentence or the one before; a group that is the
 *                   subject ("officials said", "the Kremlin said")
 *   0.6  FAR        a pronoun two or more sentences after its person, or
 *                   found only by coref.c's fallbacks; a nominal ("the
 *                   politician said", "the minister") resolved to the
 *                   last person who fits
 *   0.5  INHERITED  a quote with no attribution of its own that takes
 *                   the speaker of the quote in the paragraph before;
 *                   the subject of the paragraph before a paragraph that
 *                   is all quote; the last person a lead-in paragraph
 *                   ending in a colon names, when no cue verb there has
 *                   a subject
 *   0.4  WEAK       a guess: the first person named in the sentence of a
 *                   quote that no cue verb attributes; "according to the
 *                   ministry"; a group after the verb ("shouted
 *                   demonstrators"); the words before a comma or dash at
 *                   the sentence start; a one-word label ("Zhamanak:")
 *
 * A rule that reaches the speaker through a mention gives the smaller of
 * its own value and the mention's: "he said" three sentences after the
 * name is 0.6 whatever the rule, and the first person named in the
 * sentence is 0.4 even when it is a full name.  A quote in
 * the same paragraph as the one it takes the speaker from, or continuing
 * its quotation, keeps that one's value.  A rival lowers a value above
 * 0.6 to 0.6: another confirmed person named in the quote's sentence
 * outside the quotation marks, or in the sentence before when the
 * quote's own sentence does not name the person ("X, whose party Y
 * leads, said", "X replied to Y. He said: ..."), since those are the
 * sentences where the wrong person gets picked.  A quote without a
 * speaker has 0 (an empty speaker_confidence). */
#include "extract/doc.h"

#include <limits.h>
#include <stdlib.h>

/* How many cue verbs before a quote are tried. */
#define BEFORE_CUES 16

/* How many tokens on each side of a quote, and back from its sentence,
 * are read for a rival speaker (SUBJECT_LOOKBACK's reach). */
#define RIVAL_WINDOW 64

static int min_conf(int a, int b)
{
	return a < b ? a : b;
}

/* The speaker w, at most as sure as cap. */
static void set_speaker(struct st_doc *d, struct st_span *s, struct st_who w,
                        int cap)
{
	s->person = w.person;
	if (w.person < 0 && w.g0 >= 0)
		s->group = st_text_of(d, w.g0, w.g1 - 1);
	s->conf = min_conf(w.conf, cap);
}

/* How sure person p is at token i when only a pronoun there points at
 * it: ST_SC_NEAR if p was mentioned in i's sentence or the one before
 * (within ST_COREF_WINDOW tokens), no surer than that mention. */
static int pronoun_conf(const struct st_doc *d, int p, int i)
{
	int j;

	for (j = i - 1; j >= 0 && j > i - ST_COREF_WINDOW; j--)
		if (st_person_at(d, j) == p)
			return d->t[i].sent - d->t[j].sent > 1 ? ST_SC_FAR
			       : min_conf(ST_SC_NEAR, st_conf_at(d, j));
	return ST_SC_FAR;
}

/* After a full quote: "Q," X said / "Q," said X / "Q" - X. */
static int after_quote(struct st_doc *d, const struct st_span *s,
                       struct st_who *w)
{
	int c = s->close, i, stop, se = st_sent_end(d, c);

	/* up to the next quotation that is a statement */
	stop = se;
	for (i = c + 1; i < se; i++)
		if (d->t[i].type == ST_T_MARK &&
		    !(d->t[i].q >= 0 && d->sp[d->t[i].q].drop)) {
			stop = i;
			break;
		}
	if (c + 1 < stop && st_is_dash(d, c + 1)) {
		for (i = c + 2; i < stop && i < c + 6; i++)
			if (st_person_at(d, i) >= 0) {
				w->person = st_person_at(d, i);
				w->conf = st_conf_at(d, i);
				return 1;
			}
	}
	for (i = c + 1; i < stop && i < c + 40; i++)
		if (st_cue_at(d, i)) {
			*w = st_subject(d, i, c + 1, stop);
			return st_found(d, w);
		}
	return 0;
}

/* Does the sentence go on after the quote's closing mark c to a comma and
 * then a cue verb in the same clause: Armenia has "frozen" its
 * membership, X said (not: ..., and X said)? */
static int comma_then_cue(const struct st_doc *d, int c)
{
	int i, se = st_sent_end(d, c), comma = 0;

	for (i = c + 1; i < se && i < c + 40; i++) {
		if (d->t[i].type == ST_T_MARK &&
		    !(d->t[i].q >= 0 && d->sp[d->t[i].q].drop))
			return 0;
		if (st_cue_at(d, i))
			return comma;
		if (st_is_punct(d, i, ","))
			comma = !st_has(d, i + 1, ST_W_CONJ);
	}
	return 0;
}

/* Before the quote in its sentence: X said: "Q" / X told Y that "Q" /
 * According to X, "Q".  With want_person, a cue whose subject is a group
 * gives way to an earlier one whose subject is a person (X said the bloc
 * failed when Armenia asked, and that it was "Q"). */
static int before_quote(struct st_doc *d, const struct st_span *s,
                        struct st_who *w, int want_person)
{
	int o = s->open, ss = st_sent_start(d, o), v, have = 0, cues = 0;
	struct st_who first = { -1, -1, -1, 0, ST_SC_NONE };

	for (v = o - 1; v >= ss && cues < BEFORE_CUES; v--) {
		struct st_who t;

		if (d->t[v].q >= 0 || !st_cue_at(d, v))
			continue;
		cues++;
		t = st_subject(d, v, ss, o);
		if (!st_found(d, &t))
			continue;
		if (t.person >= 0 || !want_person) {
			*w = t;
			return 1;
		}
		if (!have) {
			first = t;
			have = 1;
		}
	}
	if (have)
		*w = first;
	return have;
}

/* The first confirmed person named in the sentence of token o before o,
 * outside quotes, or -1; *conf the confidence of that mention.  first[]
 * caches it per sentence (-2: not yet known), so each sentence is read
 * once. */
static int first_named(const struct st_doc *d, int o, int *first, int *conf)
{
	int sent = d->t[o].sent, i, p = -1;

	if (first[sent] == -2) {
		int se = st_sent_end(d, o);

		first[sent] = -1;
		for (i = st_sent_start(d, o); i < se; i++) {
			p = st_person_at(d, i);
			if (p >= 0 && d->t[i].q < 0 &&
			    d->pe[p].confirmed_at != INT_MAX) {
				first[sent] = i;
				break;
			}
		}
	}
	i = first[sent];
	if (i < 0 || i >= o)
		return -1;
	*conf = st_conf_at(d, i);
	return st_person_at(d, i);
}

/* A label at the paragraph start: "Sahakyan: “Q”", "Aram Sahakyan: “Q”"
 * (headlines, interviews, press reviews).  1 if the quote has one: the
 * speaker is the person it names, here or anywhere in the article (a
 * headline comes before the full name), or a single word that is no title
 * ("Zhamanak"), or nobody ("Expert"); never the quote before it. */
static int label(struct st_doc *d, struct st_span *s, struct st_map *surnames)
{
	const struct st_para *p = &d->p[s->para];
	int o = s->open, i, n = o - 1 - p->t0, *v;
	struct st_buf key = ST_BUF_INIT;

	if (n < 1 || n > 4 || !st_is_punct(d, o - 1, ":"))
		return 0;
	for (i = p->t0; i < o - 1; i++)
		if (d->t[i].type != ST_T_WORD || !d->t[i].cap || d->t[i].q >= 0)
			return 0;
	if (!surnames->n)
		for (i = 0; i < d->npe; i++)
			st_map_put(surnames, d->pe[i].surname, i);
	for (i = p->t0; i < o - 1; i++)
		if (st_person_at(d, i) >= 0) {
			s->person = st_person_at(d, i);
			s->conf = st_conf_at(d, i);
			return 1;
		}
	st_name_key(d, o - 2, o - 1, &key);
	v = st_map_getn(surnames, key.s, key.len);
	st_buf_finish(&key);
	if (v) {
		s->person = *v;
		s->conf = ST_SC_SURNAME;
	} else if (n == 1 && !st_role_word(d, p->t0) &&
	         !st_map_getn(&d->lx->nonames, d->text + d->t[p->t0].s,
	                      d->t[p->t0].e - d->t[p->t0].s) &&
	         strlen(st_low(d, p->t0)) > 1) {
		s->group = st_text_of(d, p->t0, p->t0);
		s->conf = ST_SC_WEAK;
	}
	return 1;
}

/* "In his words, ... “Q”", "In her view, ...": the person the pronoun
 * stands for.  1 if that gave a speaker. */
static int in_his_words(struct st_doc *d, struct st_span *s)
{
	int ss = st_sent_start(d, s->open), female;

	if (s->open - ss < 4 || !st_is_word(d, ss, "in") ||
	    !st_clause_word(d, ss + 2, ST_CW_OPINION) ||
	    !st_is_punct(d, ss + 3, ","))
		return 0;
	if (st_is_word(d, ss + 1, "his"))
		female = 0;
	else if (st_is_word(d, ss + 1, "her"))
		female = 1;
	else
		return 0;
	s->person = st_resolve_back(d, ss, female, NULL, ss);
	if (s->person < 0)
		return 0;
	s->conf = pronoun_conf(d, s->person, ss);
	return 1;
}

static void attribute(struct st_doc *d, int k, int prev, int *first,
                      struct st_map *surnames)
{
	struct st_span *s = &d->sp[k];
	const struct st_para *p = &d->p[s->para];
	int o = s->open, i, v;
	int comma = s->close >= 0 &&
	            (st_is_punct(d, s->close + 1, ",") ||
	             (s->end > s->start && d->text[s->end - 1] == ','));
	struct st_who w = { -1, -1, -1, 0, ST_SC_NONE };

	if (s->full) {
		if ((s->close >= 0 && after_quote(d, s, &w)) ||
		    before_quote(d, s, &w, 0)) {
			set_speaker(d, s, w, ST_SC_NAME);
			return;
		}
	} else {
		/* words in the reporter's sentence belong to its subject,
		 * before the quote or after it (reported speech: Armenia
		 * has "frozen" its membership, X said) */
		if (before_quote(d, s, &w, 1) ||
		    ((comma || (s->close >= 0 && comma_then_cue(d, s->close))) &&
		     after_quote(d, s, &w))) {
			set_speaker(d, s, w, ST_SC_NAME);
			return;
		}
	}
	if (!s->full || st_is_punct(d, o - 1, ":")) {
		w.person = first_named(d, o, first, &w.conf);
		if (w.person >= 0) {
			set_speaker(d, s, w, ST_SC_WEAK);
			return;
		}
	}
	if (label(d, s, surnames))
		return;
	if (in_his_words(d, s))
		return;
	/* a lead-in paragraph that ends in a colon */
	if (o == p->t0 && s->para > 0 && !s->cont) {
		const struct st_para *pp = &d->p[s->para - 1];

		if (pp->t1 > pp->t0 && st_is_punct(d, pp->t1 - 1, ":")) {
			int ps = st_sent_start(d, pp->t1 - 1);

			for (v = pp->t1 - 2; v >= ps; v--)
				if (st_cue_at(d, v) && d->t[v].q < 0) {
					w = st_subject(d, v, ps, pp->t1);
					if (st_found(d, &w)) {
						set_speaker(d, s, w, ST_SC_NAME);
						return;
					}
					break;
				}
			for (i = pp->t1 - 1; i >= ps; i--)
				if (st_person_at(d, i) >= 0 && d->t[i].q < 0) {
					w.person = st_person_at(d, i);
					w.conf = st_conf_at(d, i);
					set_speaker(d, s, w, ST_SC_INHERITED);
					return;
				}
		}
	}
	/* a continued quotation, or a quote with no attribution of its own
	 * right after another one: the same speaker */
	if (prev >= 0 && (d->sp[prev].para == s->para ||
	                  d->sp[prev].para == s->para - 1 || s->cont)) {
		s->person = d->sp[prev].person;
		if (d->sp[prev].group)
			s->group = st_xstrdup(d->sp[prev].group);
		s->inherited = prev + 1;
		s->conf = d->sp[prev].para == s->para || s->cont
		          ? d->sp[prev].conf
		          : min_conf(d->sp[prev].conf, ST_SC_INHERITED);
		return;
	}
	/* a paragraph that is all quote, after one whose subject spoke:
	 * "X commented on the statement on Monday.\n“Q.”" */
	if (s->full && o == p->t0 && s->para > 0 && !s->cont &&
	    (s->close < 0 || s->close + 2 >= p->t1)) {
		const struct st_para *pp = &d->p[s->para - 1];

		for (v = pp->t1 - 1; v >= pp->t0 && v > pp->t1 - 200; v--)
			if (st_cue_at(d, v) && d->t[v].q < 0) {
				w = st_subject(d, v, st_sent_start(d, v), pp->t1);
				if (st_found(d, &w) && w.person >= 0) {
					s->person = w.person;
					s->conf = min_conf(w.conf, ST_SC_INHERITED);
					return;
				}
			}
	}
}

/* Does a person other than span s's speaker (a confirmed one: not a
 * place) stand in tokens [a, b) outside quotation marks?  *own is set
 * when the speaker is named there by a name or surname. */
static int rival_in(const struct st_doc *d, const struct st_span *s, int a,
                    int b, int *own)
{
	int i, rival = 0;

	for (i = a; i < b; i++) {
		int m = d->t[i].ment, p;

		if (m < 0 || d->t[i].q >= 0 || (p = d->m[m].person) < 0)
			continue;
		if (p == s->person) {
			if (d->m[m].kind == ST_MK_FULL ||
			    d->m[m].kind == ST_MK_SURNAME)
				*own = 1;
		} else if (d->pe[p].confirmed_at != INT_MAX) {
			rival = 1;
		}
	}
	return rival;
}

/* Is there another person the quote could be by: named in its sentence,
 * or, when that sentence does not name the person who speaks (a pronoun,
 * a nominal, an inherited speaker), in the sentence before?  A group
 * names itself where it speaks. */
static int rival(const struct st_doc *d, const struct st_span *s)
{
	const struct st_para *p = &d->p[s->para];
	int c = s->close >= 0 ? s->close : p->t1 - 1;
	int o = s->open, ss = st_sent_start(d, o), se = st_sent_end(d, c);
	int own = 0, ps, r;

	r = rival_in(d, s, o - RIVAL_WINDOW > ss ? o - RIVAL_WINDOW : ss, o,
	             &own);
	r |= rival_in(d, s, c + 1, c + 1 + RIVAL_WINDOW < se ?
	              c + 1 + RIVAL_WINDOW : se, &own);
	if (r)
		return 1;
	if (own || ss == 0 || s->person < 0)
		return 0;
	ps = st_sent_start(d, ss - 1);
	return rival_in(d, s, ss - RIVAL_WINDOW > ps ? ss - RIVAL_WINDOW : ps,
	                ss, &own);
}

/* The attribution context: the quote's sentence outside any quotation,
 * without the names of people. */
static void context(struct st_doc *d, int k)
{
	struct st_span *s = &d->sp[k];
	const struct st_para *p = &d->p[s->para];
	int c = s->close >= 0 ? s->close : p->t1 - 1;
	int i, ss = st_sent_start(d, s->open), se = st_sent_end(d, c);

	for (i = ss; i < se; i++) {
		int m = d->t[i].ment;

		if (d->t[i].q >= 0 || d->t[i].type != ST_T_WORD)
			continue;
		if (m >= 0 && d->m[m].person >= 0 && d->t[i].cap) {
			i = d->m[m].t1 - 1;
			continue;
		}
		if (s->context.len)
			st_buf_addc(&s->context, ' ');
		st_buf_add(&s->context, d->text + d->t[i].s,
		           d->t[i].e - d->t[i].s);
	}
}

void st_attribute(struct st_doc *d)
{
	int k, prev = -1, i;
	int *first = st_xmalloc(((size_t)d->nsent + 2) * sizeof *first);
	struct st_map surnames;	/* the first person of each surname */

	st_map_init(&surnames);
	for (i = 0; i < d->nsent + 2; i++)
		first[i] = -2;
	for (k = 0; k < d->nsp; k++) {
		struct st_span *s = &d->sp[k];

		if (s->drop)
			continue;
		attribute(d, k, prev, first, &surnames);
		if (s->person < 0 && !s->group)
			s->conf = ST_SC_NONE;
		if (!s->full && s->person < 0 && !s->group && !s->inherited) {
			s->drop = 1;	/* scare quotes: nobody says them */
			continue;
		}
		if (s->conf > ST_SC_FAR && rival(d, s))
			s->conf = ST_SC_FAR;
		prev = k;
		if (s->inherited) {
			const struct st_span *from = &d->sp[s->inherited - 1];
			st_buf_adds(&s->context, from->context.s ? from->context.s
			                                         : "");
		} else {
			context(d, k);
		}
	}
	/* the first paragraphs of a quotation whose attribution comes at
	 * its end: "“Q1\n“Q2,” X added." */
	for (k = d->nsp - 2; k >= 0; k--) {
		struct st_span *s = &d->sp[k];
		const struct st_span *n = &d->sp[k + 1];

		if (!s->drop && s->open_end && n->cont && !n->drop &&
		    s->person < 0 && !s->group && !s->inherited &&
		    (n->person >= 0 || n->group)) {
			s->person = n->person;
			if (n->group)
				s->group = st_xstrdup(n->group);
			s->conf = n->conf;
		}
	}
	free(first);
	st_map_finish(&surnames);
}
