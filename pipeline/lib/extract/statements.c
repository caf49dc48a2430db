/* statements.c - which spans are statements: the second half of the spans
 * pass (spans.c).
 *
 * st_spans_judge reads the spans, sentences, cues and mentions and sets
 * st_span.full (a sentence or more, not words inside the reporter's
 * sentence) and st_span.drop for what is not a statement: names and
 * titles in quotation marks (the newspaper "Golos", a Title In Capitals,
 * the so-called "peacekeepers", "Lusaber" says), headline terms, headings
 * and charges.  The words that decide are name-context.txt. */
#include "extract/doc.h"

#include <stdlib.h>

static int name_context(const struct st_map *m, const struct st_doc *d,
                        int i)
{
	int *v;

	if (i < 0 || i >= d->nt || d->t[i].type != ST_T_WORD)
		return 0;
	v = st_map_get(m, st_low(d, i));
	return v ? *v : 0;
}

/* Is span s a name or title in quotation marks rather than a statement? */
static int not_a_statement(const struct st_doc *d, const struct st_span *s)
{
	int o = s->open, c = s->close, i, words = 0, caps = 0, v = 0;
	/* a capital, or a number: the newspaper "Golos", the weekly "7 Days" */
	int capital = o + 1 < d->nt && (d->t[o + 1].cap ||
	              (d->t[o + 1].type == ST_T_WORD &&
	               d->text[d->t[o + 1].s] >= '0' &&
	               d->text[d->t[o + 1].s] <= '9'));
	const struct st_para *pa = &d->p[s->para];

	/* a headline's term: Sahakyan: “strategic patience” is over */
	if (c >= 0 && c + 1 < pa->t1 && d->t[c + 1].type == ST_T_WORD &&
	    !d->t[c + 1].cap && !st_cue_at(d, c + 1) && o >= 2 &&
	    st_is_punct(d, o - 1, ":") && o - 1 - pa->t0 <= 4) {
		for (i = pa->t0; i < o - 1 && d->t[i].cap; i++)
			;
		if (i == o - 1 && i > pa->t0)
			return 1;
	}
	/* a heading: a paragraph that is a few words in marks, no more */
	if (o == pa->t0 && c >= 0 && c == pa->t1 - 1 &&
	    !st_ends_sentence_inside(d, s)) {
		for (i = o + 1; i < c; i++)
			words += d->t[i].type == ST_T_WORD;
		if (words && words <= 4)
			return 1;
		words = 0;
	}
	if (s->full)
		goto title;
	/* so-called "peacekeepers"; the newspaper "Golos" (a name: capitals);
	 * two words before one ("known as") */
	if (o >= 2 && d->t[o - 2].type == ST_T_WORD &&
	    d->t[o - 1].type == ST_T_WORD) {
		struct st_buf two = ST_BUF_INIT;
		int *p;

		st_buf_adds(&two, st_low(d, o - 2));
		st_buf_addc(&two, ' ');
		st_buf_adds(&two, st_low(d, o - 1));
		p = st_map_get(&d->lx->before, two.s);
		v = p ? *p : 0;
		st_buf_finish(&two);
	}
	if (!v)
		v = name_context(&d->lx->before, d, o - 1);
	if (v == ST_NC_ALWAYS)
		return 1;
	if (v == ST_NC_NEVER)
		return 0;
	if (v == ST_NC_CAPITAL)
		return capital;
	if (c >= 0 && capital && name_context(&d->lx->after, d, c + 1))
		return 1;
	/* a nickname between a first name and a surname */
	if (o > 0 && c >= 0 && d->t[o - 1].cap && c + 1 < d->nt &&
	    d->t[c + 1].cap && d->t[o - 1].para == d->t[c + 1].para &&
	    d->t[o - 1].type == ST_T_WORD && d->t[c + 1].type == ST_T_WORD)
		return 1;
title:
	/* A Title In Capitals */
	for (i = o + 1; i < (c >= 0 ? c : o); i++) {
		if (d->t[i].type != ST_T_WORD)
			continue;
		/* a number may open a name: "168 Hours" */
		caps += d->t[i].cap || (d->t[i].cls & ST_W_FUNC) ||
		        (!words && d->text[d->t[i].s] >= '0' &&
		         d->text[d->t[i].s] <= '9');
		words++;
	}
	if (words && caps == words && words <= 8 &&
	    !st_ends_sentence_inside(d, s))
		return 1;
	/* a paper's name as the subject of a cue verb: “Zhamanak” says,
	 * “Q,” writes “Zhamanak.” */
	if (!s->full && words && caps == words && words <= 3 && c >= 0 &&
	    (st_cue_at(d, c + 1) ||
	     (st_cue_at(d, o - 1) && o >= 2 && d->t[o - 2].q >= 0 &&
	      d->sp[d->t[o - 2].q].close == o - 2)))
		return 1;
	return 0;
}

/* How far back a quote's sentence is searched for a cue that makes it a
 * sentence of its own: enough for any attribution, and it keeps a
 * sentence of many quotes linear. */
#define CUE_LOOKBACK 64

static int is_full(const struct st_doc *d, const struct st_span *s)
{
	int o = s->open, prev = o - 1;

	if (o == d->p[s->para].t0)
		return 1;
	if (st_is_punct(d, prev, ":"))
		return 1;
	if (d->t[prev].sent != d->t[o].sent)
		return 1;
	if (d->t[prev].type == ST_T_MARK)
		return 1;
	/* the second half of a split quote: "Q1," he said, "Q2." */
	if (st_is_punct(d, prev, ",") && (st_cue_at(d, prev - 1) ||
	                                  st_mention_at(d, prev - 1) >= 0))
		return 1;
	/* a sentence of its own after a cue: X told Y "Q." / According to
	 * X, "Q." (but not: X said that "Q.") */
	if (o + 1 < d->nt && d->t[o + 1].cap &&
	    !st_clause_word(d, prev, ST_CW_THAT) && !st_has(d, prev, ST_W_DET)) {
		int i, words = 0, stop = st_sent_start(d, o);

		for (i = o + 1; i < d->nt && d->t[i].q == d->t[o].q &&
		     words < 3; i++)
			words += d->t[i].type == ST_T_WORD;
		if (stop < prev - CUE_LOOKBACK)
			stop = prev - CUE_LOOKBACK;
		if (words >= 3)
			for (i = prev; i >= stop; i--)
				if (d->t[i].q < 0 && (st_cue_at(d, i) ||
				                      st_according_to(d, i)))
					return 1;
	}
	return 0;
}

void st_spans_judge(struct st_doc *d)
{
	int k;

	for (k = 0; k < d->nsp; k++) {
		struct st_span *s = &d->sp[k];

		if (s->drop)
			continue;
		s->full = is_full(d, s);
		if (not_a_statement(d, s))
			s->drop = 1;
	}
}
