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
 * so that a sentence of many cue verbs or quotes stays linear. */
#include "extract/doc.h"

#include <limits.h>
#include <stdlib.h>

/* How many cue verbs before a quote are tried. */
#define BEFORE_CUES 16

static void set_speaker(struct st_doc *d, struct st_span *s, struct st_who w)
{
	s->person = w.person;
	if (w.person < 0 && w.g0 >= 0)
		s->group = st_text_of(d, w.g0, w.g1 - 1);
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
	struct st_who first = { -1, -1, -1, 0 };

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
 * outside quotes, or -1.  first[] caches it per sentence (-2: not yet
 * known), so each sentence is read once. */
static int first_named(const struct st_doc *d, int o, int *first)
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
	return i >= 0 && i < o ? st_person_at(d, i) : -1;
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
			return 1;
		}
	st_name_key(d, o - 2, o - 1, &key);
	v = st_map_getn(surnames, key.s, key.len);
	st_buf_finish(&key);
	if (v)
		s->person = *v;
	else if (n == 1 && !st_role_word(d, p->t0) &&
	         !st_map_getn(&d->lx->nonames, d->text + d->t[p->t0].s,
	                      d->t[p->t0].e - d->t[p->t0].s) &&
	         strlen(st_low(d, p->t0)) > 1)
		s->group = st_text_of(d, p->t0, p->t0);
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
	return s->person >= 0;
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
	struct st_who w = { -1, -1, -1, 0 };

	if (s->full) {
		if ((s->close >= 0 && after_quote(d, s, &w)) ||
		    before_quote(d, s, &w, 0)) {
			set_speaker(d, s, w);
			return;
		}
	} else {
		/* words in the reporter's sentence belong to its subject,
		 * before the quote or after it (reported speech: Armenia
		 * has "frozen" its membership, X said) */
		if (before_quote(d, s, &w, 1) ||
		    ((comma || (s->close >= 0 && comma_then_cue(d, s->close))) &&
		     after_quote(d, s, &w))) {
			set_speaker(d, s, w);
			return;
		}
	}
	if (!s->full || st_is_punct(d, o - 1, ":")) {
		w.person = first_named(d, o, first);
		if (w.person >= 0) {
			set_speaker(d, s, w);
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
						set_speaker(d, s, w);
						return;
					}
					break;
				}
			for (i = pp->t1 - 1; i >= ps; i--)
				if (st_person_at(d, i) >= 0 && d->t[i].q < 0) {
					w.person = st_person_at(d, i);
					set_speaker(d, s, w);
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
					return;
				}
			}
	}
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
		if (!s->full && s->person < 0 && !s->group && !s->inherited) {
			s->drop = 1;	/* scare quotes: nobody says them */
			continue;
		}
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
		}
	}
	free(first);
	st_map_finish(&surnames);
}
