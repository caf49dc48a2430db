/* spans.c - quotation marks paired into spans, and sentences.
 *
 * st_spans_pair reads the tokens and their marks (scan.c) and adds
 * st_doc.sp: each pair of marks in one paragraph, or an opening mark left
 * open to the paragraph end (open_end; cont when it goes on in the next
 * paragraph), with its inner byte range; st_tok.q for the tokens inside.
 * A span without a word is dropped.  Every mark is looked at a fixed
 * number of times, so pairing is linear in the marks of a paragraph.
 *
 * st_sentences reads the spans and adds st_tok.sent and st_doc.sent0.
 *
 * Which spans are statements is the second half of this pass, in
 * statements.c. */
#include "extract/doc.h"

#include <stdlib.h>

static int space_at(const struct st_doc *d, size_t off, size_t lo, size_t hi)
{
	if (off < lo || off >= hi)
		return 1;	/* paragraph edge */
	return d->text[off] == ' ' || d->text[off] == '\t';
}

/* Can mark token i open a quotation?  ASCII marks have no direction: one
 * opens where it stands after a space (or the paragraph start, a bracket
 * or a dash) and is not followed by a space. */
static int can_open(const struct st_doc *d, int i, const struct st_para *p)
{
	const struct st_tok *t = &d->t[i];
	char prev;

	if (t->fam == ST_F_SINGLE)
		/* ‘ before a word, after a space, a bracket, a dash or a mark */
		return t->dir == ST_M_OPEN && !space_at(d, t->e, p->s, p->e) &&
		       (i == p->t0 || space_at(d, t->s - 1, p->s, p->e) ||
		        strchr("([{/", d->text[t->s - 1]) ||
		        st_is_dash(d, i - 1) || d->t[i - 1].type == ST_T_MARK);
	if (t->dir == ST_M_OPEN)
		return 1;
	if (t->dir != ST_M_AMBIG)
		return 0;
	if (i == p->t0)
		return 1;
	prev = d->text[t->s - 1];
	if (!(space_at(d, t->s - 1, p->s, p->e) || strchr("([{/", prev) ||
	      (i > p->t0 && (st_is_dash(d, i - 1) ||
	                     d->t[i - 1].type == ST_T_MARK))))
		return 0;
	return !space_at(d, t->e, p->s, p->e);
}

/* Can mark token i close a quotation opened by a mark of family fam? */
static int can_close(const struct st_doc *d, int i, int fam)
{
	const struct st_tok *t = &d->t[i];

	switch (fam) {
	case ST_F_STRAIGHT:
		/* or ”, when the two styles are mixed: "We stay,” he said */
		return t->fam == ST_F_STRAIGHT ||
		       (t->fam == ST_F_CURLY && t->dir == ST_M_CLOSE);
	case ST_F_TWO:
		return t->fam == ST_F_TWO;
	case ST_F_CURLY:
		/* ” closes; so does a stray “ that ends a word, or one typed
		 * for ” after the quote's comma and before the attribution:
		 * "“We stay, “he said.", "“We stay, “ he said." */
		return t->fam == ST_F_CURLY &&
		       (t->dir == ST_M_CLOSE ||
		        (t->s > 0 && d->text[t->s - 1] != ' ' &&
		         (t->e >= d->len || strchr(" ,.;:!?)", d->text[t->e]))) ||
		        (t->s >= 2 && d->text[t->s - 1] == ' ' &&
		         strchr(",.?!", d->text[t->s - 2]) && t->e < d->len &&
		         ((d->text[t->e] >= 'a' && d->text[t->e] <= 'z') ||
		          (d->text[t->e] == ' ' && t->e + 1 < d->len &&
		           d->text[t->e + 1] >= 'a' &&
		           d->text[t->e + 1] <= 'z'))));
	case ST_F_LOW:
		return t->fam == ST_F_CURLY;
	case ST_F_GUIL:
	case ST_F_SGUIL:
		return t->fam == fam && t->dir == ST_M_CLOSE;
	case ST_F_SINGLE:
		/* ’ after the quote's last character and before a space,
		 * punctuation or the end; not "the members’ votes" */
		if (t->fam != ST_F_SINGLE || t->dir != ST_M_CLOSE || t->s == 0 ||
		    d->text[t->s - 1] == ' ')
			return 0;
		if (t->e >= d->len || strchr(",.;:!?)-\n\r", d->text[t->e]))
			return 1;
		return d->text[t->e] == ' ' &&
		       !((d->text[t->s - 1] == 's' || d->text[t->s - 1] == 'S') &&
		         t->e + 1 < d->len && d->text[t->e + 1] >= 'a' &&
		         d->text[t->e + 1] <= 'z');
	}
	return 0;
}

/* Is mark token i a “ after a space, before a word: a quotation opened
 * inside another one (not one typed for ”)? */
static int inner_open(const struct st_doc *d, int i)
{
	const struct st_tok *t = &d->t[i];

	return t->fam == ST_F_CURLY && t->dir == ST_M_OPEN && t->s > 0 &&
	       d->text[t->s - 1] == ' ' && t->e < d->len &&
	       d->text[t->e] != ' ' && !can_close(d, i, ST_F_CURLY);
}

static struct st_span *add_span(struct st_doc *d, int open, int close,
                                int para)
{
	struct st_span *s;

	ST_GROW(d->sp, d->nsp, d->capsp, 32);
	s = &d->sp[d->nsp++];
	memset(s, 0, sizeof *s);
	s->open = open;
	s->close = close;
	s->para = para;
	s->person = -1;
	return s;
}

/* Does paragraph pi end a sentence (or a quotation), as a paragraph does
 * and a hard-wrapped line need not? */
static int para_ends_sentence(const struct st_doc *d, int pi)
{
	const struct st_para *p = &d->p[pi];
	const char *e = d->text + p->e;

	return strchr(".?!\"", e[-1]) ||
	       (p->e - p->s >= 3 && (memcmp(e - 3, "\xe2\x80\x9d", 3) == 0 ||
	                             memcmp(e - 2, "\xc2\xbb", 2) == 0));
}

/* The first mark of paragraph pi, a closing one at token c, opens
 * nothing: "... donors. Nobody will fund it twice,” said the analyst."
 * With a cue verb right after it, the quotation is taken to start at its
 * sentence's start (a bare span); 1 if it was. */
static int lone_closer(struct st_doc *d, int pi, int c)
{
	const struct st_para *p = &d->p[pi];
	int s = c - 1;

	/* not the end of a quotation hard-wrapped over lines */
	if (pi > 0 && !para_ends_sentence(d, pi - 1))
		return 0;
	if (!(st_cue_at(d, c + 1) || (st_is_punct(d, c + 1, ",") &&
	                              st_cue_at(d, c + 2)) ||
	      (c + 1 < p->t1 && d->t[c + 1].type == ST_T_WORD &&
	       st_cue_at(d, c + 2))))
		return 0;
	/* nothing before the mark in its paragraph: no quotation to end */
	if (c <= p->t0)
		return 0;
	while (s > p->t0 && !(st_is_punct(d, s - 1, ".?!") && d->t[s].cap))
		s--;
	if (s >= c || d->t[s].type != ST_T_WORD)
		return 0;
	add_span(d, s, c, pi)->bare = 1;
	return 1;
}

/* Pair the marks of paragraph pi.  An opening mark pairs with the first
 * mark after it that can close it.  If none can and the paragraph ends in
 * a mark, the opening mark is stray and pairing reads on after it; else
 * it opens a quotation that runs to the paragraph end.  next[f][k] is the
 * first closer for family f at or after the k-th mark, found once from
 * the end, so no mark is scanned again for every opener. */
static void pair_para(struct st_doc *d, int pi, int **next, int *marks,
                      int from)
{
	const struct st_para *p = &d->p[pi];
	int n = 0, k, f;
	int ends_in_mark = p->t1 > p->t0 && d->t[p->t1 - 1].type == ST_T_MARK;

	for (k = from; k < p->t1; k++)
		if (d->t[k].type == ST_T_MARK || d->t[k].fam == ST_F_SINGLE)
			marks[n++] = k;
	for (f = 1; f < ST_F_NFAM; f++) {
		next[f][n] = -1;
		for (k = n - 1; k >= 0; k--)
			next[f][k] = can_close(d, marks[k], f) ? k : next[f][k + 1];
	}
	/* next[0]: the next “ that opens a quotation inside another */
	next[0][n] = -1;
	for (k = n - 1; k >= 0; k--)
		next[0][k] = inner_open(d, marks[k]) ? k : next[0][k + 1];
	if (n && from == p->t0 && d->t[marks[0]].dir == ST_M_CLOSE &&
	    d->t[marks[0]].fam != ST_F_SINGLE && lone_closer(d, pi, marks[0]))
		k = 1;
	else
		k = 0;
	for (; k < n; k++) {
		int o = marks[k], c;

		if (!can_open(d, o, p))
			continue;
		c = next[d->t[o].fam][k + 1];
		/* “The so-called “freeze” is over,”: one level of nesting */
		if (c >= 0 && d->t[o].fam == ST_F_CURLY && next[0][k + 1] >= 0 &&
		    next[0][k + 1] < c && next[ST_F_CURLY][c + 1] >= 0 &&
		    (next[0][c + 1] < 0 ||
		     next[0][c + 1] > next[ST_F_CURLY][c + 1]))
			c = next[ST_F_CURLY][c + 1];
		/* "They call it “patience”; we call it waiting," a straight
		 * quotation with a curly one inside: the ” closes the inner
		 * “, and the next straight mark the outer one */
		if (c >= 0 && d->t[o].fam == ST_F_STRAIGHT &&
		    d->t[marks[c]].fam == ST_F_CURLY && next[0][k + 1] >= 0 &&
		    next[0][k + 1] < c) {
			int c2 = next[ST_F_STRAIGHT][c + 1];

			while (c2 >= 0 && d->t[marks[c2]].fam != ST_F_STRAIGHT)
				c2 = next[ST_F_STRAIGHT][c2 + 1];
			if (c2 >= 0)
				c = c2;
		}
		if (c >= 0) {
			add_span(d, o, marks[c], pi);
			k = c;
			continue;
		}
		if (ends_in_mark && o != p->t0 && !st_is_punct(d, o - 1, ":"))
			continue;	/* stray: read on after it */
		if (d->t[o].fam == ST_F_SINGLE && o != p->t0)
			continue;	/* ‘80s: an apostrophe */
		add_span(d, o, -1, pi)->open_end = 1;
		break;
	}
}

/* An article that quotes with double marks uses single ones for scare
 * quotes and headlines (‘freeze’); one that quotes whole sentences in
 * single marks (the British style) quotes with them.  So single-mark
 * spans are dropped when the article has a double-mark span and no
 * single-mark span of four words or more. */
static void single_marks_primary(struct st_doc *d)
{
	int k, doubles = 0, long_singles = 0;

	for (k = 0; k < d->nsp; k++) {
		const struct st_span *s = &d->sp[k];
		int i, words = 0;
		int last = s->close >= 0 ? s->close : d->p[s->para].t1 - 1;

		if (d->t[s->open].fam != ST_F_SINGLE) {
			doubles++;
			continue;
		}
		for (i = s->open + 1; i < last && words < 4; i++)
			words += d->t[i].type == ST_T_WORD;
		long_singles += words >= 4;
	}
	if (doubles && !long_singles)
		for (k = 0; k < d->nsp; k++)
			if (d->t[d->sp[k].open].fam == ST_F_SINGLE)
				d->sp[k].drop = 1;
}

/* A quotation left open at the end of paragraph pi - 1 (family fam) whose
 * next paragraphs do not open with a mark: it goes on in them when, within
 * three paragraphs, one holds a mark that closes it before any other mark
 * ("“Q1.\nQ2.\nQ3,” she said."), and each paragraph before it ends a
 * sentence (not a hard-wrapped line).  Those paragraphs become spans from
 * their start (bare); returns the paragraph of the closing mark and sets
 * *after to the token after it, or returns -1. */
static int unmarked_continuation(struct st_doc *d, int pi, int fam,
                                 int *after)
{
	int q, r, i;

	/* real paragraphs end a sentence; hard-wrapped lines need not */
	if (!strchr(".?!", d->text[d->p[pi - 1].e - 1]))
		return -1;
	for (q = pi; q < d->np && q < pi + 3; q++) {
		const struct st_para *p = &d->p[q];

		for (i = p->t0; i < p->t1 && d->t[i].type != ST_T_MARK; i++)
			;
		if (i == p->t1) {
			/* no mark: maybe a middle paragraph */
			if (!strchr(".?!", d->text[p->e - 1]))
				return -1;
			continue;
		}
		if (i == p->t0 || can_open(d, i, p) || !can_close(d, i, fam))
			return -1;
		for (r = pi; r <= q; r++) {
			struct st_span *s = add_span(d, d->p[r].t0, r < q ? -1 : i,
			                             r);
			s->bare = 1;
			s->open_end = r < q;
		}
		*after = i + 1;
		return q;
	}
	return -1;
}

void st_spans_pair(struct st_doc *d)
{
	int pi, most = 0, f, k;
	int *next[ST_F_NFAM], *marks;

	for (pi = 0; pi < d->np; pi++)
		if (d->p[pi].t1 - d->p[pi].t0 > most)
			most = d->p[pi].t1 - d->p[pi].t0;
	marks = st_xmalloc(((size_t)most + 1) * sizeof *marks);
	for (f = 0; f < ST_F_NFAM; f++)
		next[f] = st_xmalloc(((size_t)most + 1) * sizeof *next[f]);
	for (pi = 0; pi < d->np; pi++) {
		int from = d->p[pi].t0, q;
		const struct st_span *last = d->nsp ? &d->sp[d->nsp - 1] : NULL;

		if (last && last->open_end && last->para == pi - 1 &&
		    d->t[from].type != ST_T_MARK &&
		    (q = unmarked_continuation(d, pi,
		                               d->t[last->open].fam, &from)) >= 0)
			pi = q;
		pair_para(d, pi, next, marks, from);
	}
	for (f = 0; f < ST_F_NFAM; f++)
		free(next[f]);
	free(marks);

	single_marks_primary(d);

	/* inner byte ranges, the tokens inside, continuation, empty spans */
	for (k = 0; k < d->nsp; k++) {
		struct st_span *s = &d->sp[k];
		const struct st_para *p = &d->p[s->para];
		int i, last = s->close >= 0 ? s->close : p->t1 - 1;
		int letters = 0;

		s->start = s->bare ? d->t[s->open].s : d->t[s->open].e;
		s->end = s->close >= 0 ? d->t[s->close].s : p->e;
		/* a space before the closing mark is no part of the quote */
		while (s->end > s->start && d->text[s->end - 1] == ' ')
			s->end--;
		for (i = s->open; i <= last; i++) {
			d->t[i].q = k;
			if ((i != s->open || s->bare) && i != s->close &&
			    d->t[i].type == ST_T_WORD)
				letters = 1;
		}
		if (!letters)
			s->drop = 1;
		if (k > 0 && s->open == p->t0 && d->sp[k - 1].open_end &&
		    d->sp[k - 1].para == s->para - 1)
			s->cont = 1;
		/* the first word of a bare span is inside it */
		if (s->bare)
			d->t[s->open].q = k;
	}
}

/* ---- sentences ------------------------------------------------------- */

static int abbreviation(const struct st_doc *d, int i)
{
	if (i < 0 || d->t[i].type != ST_T_WORD)
		return 0;
	/* an initial, or a word that takes a full stop */
	return strlen(st_low(d, i)) == 1 || (d->t[i].cls & ST_W_ABBR);
}

static int starts_sentence(const struct st_doc *d, int i)
{
	return d->t[i].cap || d->t[i].type == ST_T_MARK ||
	       (d->t[i].type == ST_T_WORD && d->text[d->t[i].s] >= '0' &&
	        d->text[d->t[i].s] <= '9');
}

/* "Q?" Melkonyan said. -- the sentence goes on after a question mark
 * when a name and a cue verb follow. */
static int attribution_follows(const struct st_doc *d, int i)
{
	int k;

	for (k = 0; k < 4 && i + k < d->nt && d->t[i + k].cap; k++)
		if (st_cue_at(d, i + k + 1))
			return 1;
	return 0;
}

/* A full stop that may close a sentence: not the one after an initial or
 * an abbreviation ("Dr.", "U.S."); a run ("...") always may. */
static int full_stop_ends(const struct st_doc *d, int i)
{
	if (!st_is_punct(d, i, ".?!"))
		return 0;
	return !(d->t[i].e - d->t[i].s == 1 && d->text[d->t[i].s] == '.' &&
	         abbreviation(d, i - 1));
}

void st_sentences(struct st_doc *d)
{
	int pi, sent = 0, cap = 64;

	d->sent0 = st_xmalloc((size_t)cap * sizeof *d->sent0);
	for (pi = 0; pi < d->np; pi++) {
		const struct st_para *p = &d->p[pi];
		int i;

		for (i = p->t0; i < p->t1; i++) {
			int next = i + 1;

			if (i == p->t0 || d->t[i - 1].sent != sent) {
				/* a new sentence starts at token i */
				if (i == p->t0)
					sent++;
				if (sent + 2 > cap) {
					cap *= 2;
					d->sent0 = st_xrealloc(d->sent0, (size_t)cap *
					                       sizeof *d->sent0);
				}
				d->sent0[sent] = i;
			}
			d->t[i].sent = sent;
			if (next >= p->t1 || !starts_sentence(d, next))
				continue;
			if (d->t[i].q < 0 && full_stop_ends(d, i))
				sent++;
			else if (d->t[i].q >= 0 && d->sp[d->t[i].q].close == i &&
			         st_ends_sentence_inside(d, &d->sp[d->t[i].q]) &&
			         (d->t[next].type == ST_T_MARK ||
			          (d->t[next].fam == ST_F_SINGLE &&
			           d->t[next].dir == ST_M_OPEN) ||
			          (d->t[next].cap &&
			           !attribution_follows(d, next))))
				sent++;
		}
	}
	d->nsent = sent;
}
