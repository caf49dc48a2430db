/* extract.c - quoted statements and their speakers: the passes of
 * extract/ run in order over one struct st_doc (extract/doc.h). */
#include "extract/extract.h"
#include "extract/doc.h"

#include <stdlib.h>
#include <string.h>

struct st_extractor {
	struct st_lexicon lx;
	struct st_scanner *sc;
	size_t *cut;		/* cut-off quotations of the last article */
	size_t ncut, capcut;
	struct st_buf tokens;	/* a quote's tokens, before st_set() */
	/* the last article's tokens and folded words, their memory lent to
	 * the next one's st_doc */
	struct st_tok *t;
	int capt;
	struct st_buf fold;
};

struct st_extractor *st_extractor_new(struct st_error *err)
{
	struct st_extractor *x = st_xcalloc(1, sizeof *x);

	x->sc = st_scanner_new(err);
	if (!x->sc) {
		free(x);
		return NULL;
	}
	st_lexicon_init(&x->lx);
	return x;
}

void st_extractor_free(struct st_extractor *x)
{
	if (!x)
		return;
	st_scanner_free(x->sc);
	free(x->cut);
	st_buf_finish(&x->tokens);
	free(x->t);
	st_buf_finish(&x->fold);
	st_lexicon_finish(&x->lx);
	free(x);
}

static void passes(struct st_extractor *x, struct st_doc *d)
{
	st_scan(d, x->sc);
	st_spans_pair(d);
	st_sentences(d);
	st_mentions(d);
	st_roles(d);
	st_coref(d);
	st_spans_judge(d);
	st_attribute(d);
}

void st_extract_doc(struct st_extractor *x, struct st_doc *d,
                    const char *text, size_t len)
{
	st_doc_init(d, &x->lx, text, len);
	passes(x, d);
}

void st_extract(struct st_extractor *x, struct st_tokenizer *tk,
                const char *id, const char *text, size_t len,
                struct st_quotes *out)
{
	struct st_doc d;
	int k, n = 0;

	st_doc_init(&d, &x->lx, text, len);
	/* the arrays that grow with the text, as large as the last
	 * article's already */
	if (x->t) {
		d.t = x->t;
		d.capt = x->capt;
		x->t = NULL;
	}
	/* apart from the tokens: an article without a token has a folded
	 * buffer all the same */
	if (x->fold.s) {
		st_buf_finish(&d.fold);
		d.fold = x->fold;
		st_buf_init(&x->fold);
		st_buf_reset(&d.fold);
		st_buf_addc(&d.fold, '\0');
	}
	passes(x, &d);
	x->ncut = 0;
	for (k = 0; k < d.nsp; k++) {
		const struct st_span *s = &d.sp[k];
		struct st_quote *q;

		if (s->drop)
			continue;
		if (s->open_end && s->para == d.np - 1) {
			/* still open where the text ends: a page cut off, not
			 * a statement */
			ST_GROW(x->cut, x->ncut, x->capcut, 4);
			x->cut[x->ncut++] = d.t[s->open].s;
			continue;
		}
		q = st_quotes_add(out);
		q->id = ++n;
		st_set(&q->article, id, strlen(id));
		q->paragraph = d.p[s->para].num;
		q->start = s->start;
		q->end = s->end;
		q->kind = s->full ? ST_FULL : ST_PARTIAL;
		if (s->person >= 0) {
			const struct st_person *pe = &d.pe[s->person];
			st_set(&q->speaker, pe->name, strlen(pe->name));
			if (pe->role)
				st_set(&q->role, pe->role, strlen(pe->role));
		} else if (s->group) {
			st_set(&q->speaker, s->group, strlen(s->group));
		}
		if (q->speaker[0])
			q->speaker_confidence = s->conf / 10.0;
		st_set(&q->text, text + s->start, s->end - s->start);
		if (s->context.s)
			st_set(&q->context, s->context.s, s->context.len);
		if (tk) {
			st_buf_reset(&x->tokens);
			st_tokenize(tk, text + s->start, s->end - s->start,
			            &x->tokens);
			st_set(&q->tokens, x->tokens.s ? x->tokens.s : "",
			       x->tokens.len);
		}
	}
	x->t = d.t;
	x->capt = d.capt;
	x->fold = d.fold;
	d.t = NULL;
	st_buf_init(&d.fold);
	st_doc_finish(&d);
}

size_t st_extract_cutoffs(const struct st_extractor *x, const size_t **at)
{
	*at = x->cut;
	return x->ncut;
}

int st_check_limits(const char *path, const char *text, size_t len,
                    const struct st_quotes *qs, struct st_error *err)
{
	size_t i;

	if (len > ST_MAX_ARTICLE)
		return st_fail(err, path, 1, "article of %zu bytes: the limit "
		               "is %d MiB", len, ST_MAX_ARTICLE >> 20);
	if (!qs)
		return 0;
	if (qs->n > ST_MAX_QUOTES)
		return st_fail(err, path, 1, "%zu quotes in one article: the "
		               "limit is %d", qs->n, ST_MAX_QUOTES);
	for (i = 0; i < qs->n; i++)
		if (qs->q[i].end - qs->q[i].start > ST_MAX_QUOTE)
			return st_fail(err, path, st_line_of(text, qs->q[i].start),
			               "quote of %zu bytes: the limit is %d KiB "
			               "(a quotation mark left open?)",
			               qs->q[i].end - qs->q[i].start,
			               ST_MAX_QUOTE >> 10);
	return 0;
}
