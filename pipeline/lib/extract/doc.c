/* doc.c - the document model's life cycle and the questions about
 * tokens that every pass asks (doc.h). */
#include "extract/doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void st_doc_init(struct st_doc *d, const struct st_lexicon *lx,
                 const char *text, size_t len)
{
	memset(d, 0, sizeof *d);
	d->lx = lx;
	d->text = text;
	d->len = len;
	st_buf_init(&d->fold);
	/* offset 0 is the empty string that tokens other than words get */
	st_buf_addc(&d->fold, '\0');
	st_map_init(&d->names);
}

void st_doc_finish(struct st_doc *d)
{
	int i;

	for (i = 0; i < d->nsp; i++) {
		free(d->sp[i].group);
		st_buf_finish(&d->sp[i].context);
	}
	for (i = 0; i < d->npe; i++) {
		free(d->pe[i].name);
		free(d->pe[i].role);
		free(d->pe[i].role_fold);
	}
	free(d->t);
	free(d->p);
	free(d->sp);
	free(d->pe);
	free(d->m);
	free(d->sent0);
	st_map_finish(&d->names);
	st_buf_finish(&d->fold);
	memset(d, 0, sizeof *d);
}

int st_is_punct(const struct st_doc *d, int i, const char *chars)
{
	size_t n;
	unsigned char c;

	if (i < 0 || i >= d->nt || d->t[i].type != ST_T_PUNCT)
		return 0;
	n = d->t[i].e - d->t[i].s;
	c = (unsigned char)d->text[d->t[i].s];
	/* one ASCII character or a run of it (the scanner makes a run of
	 * one ASCII character one token), or a dash */
	if (c < 0x80)
		return strchr(chars, c) != NULL;
	if (strchr(chars, '-') && n == 3 &&
	    (memcmp(d->text + d->t[i].s, "\xe2\x80\x94", 3) == 0 ||
	     memcmp(d->text + d->t[i].s, "\xe2\x80\x93", 3) == 0))
		return 1;
	return 0;
}

char *st_text_of(const struct st_doc *d, int a, int b)
{
	return st_xstrndup(d->text + d->t[a].s, d->t[b].e - d->t[a].s);
}

int st_ends_sentence_inside(const struct st_doc *d, const struct st_span *s)
{
	size_t e = s->end;

	while (e > s->start && d->text[e - 1] == ' ')
		e--;
	return e > s->start && strchr(".?!", d->text[e - 1]);
}

int st_clause_word(const struct st_doc *d, int i, int cw)
{
	int *v;

	if (i < 0 || i >= d->nt || d->t[i].type != ST_T_WORD)
		return 0;
	v = st_map_get(&d->lx->clause, st_low(d, i));
	return v && *v == cw;
}

int st_role_word(const struct st_doc *d, int i)
{
	const char *w, *h;

	if (i < 0 || i >= d->nt || d->t[i].type != ST_T_WORD)
		return 0;
	if (d->t[i].cls & ST_W_ROLE)
		return 1;
	/* "Secretary-General", "vice-speaker" */
	w = st_low(d, i);
	if (!strchr(w, '-'))
		return 0;
	for (h = strchr(w, '-'); h; w = h + 1, h = strchr(w, '-'))
		if (st_map_getn(&d->lx->roles, w, (size_t)(h - w)))
			return 1;
	return st_map_get(&d->lx->roles, w) != NULL;
}

int st_org_noun(const struct st_doc *d, int i)
{
	return i < d->nt && i > 0 && d->t[i].type == ST_T_WORD &&
	       !d->t[i].cap && d->t[i].para == d->t[i - 1].para &&
	       (d->t[i].cls & ST_W_ORG);
}

int st_near_cue(const struct st_doc *d, int a, int b)
{
	if (st_cue_at(d, a - 1) || st_cue_at(d, b))
		return 1;
	return b + 1 < d->nt && st_has(d, b, ST_W_SKIP) && st_cue_at(d, b + 1);
}

static void add_utf8(struct st_buf *out, utf8proc_int32_t cp)
{
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t k = utf8proc_encode_char(cp, u);

	st_buf_add(out, u, (size_t)k);
}

#define HIGH8 0x8080808080808080ULL

/* The eight ASCII bytes in x with A-Z made a-z: a byte's high bit after
 * adding 0x3f says it is 'A' or more, after adding 0x25 that it is past
 * 'Z', and no sum carries into the next byte. */
static uint64_t lower8(uint64_t x)
{
	uint64_t ge_a = x + 0x3f3f3f3f3f3f3f3fULL;
	uint64_t gt_z = x + 0x2525252525252525ULL;

	return x | ((ge_a & ~gt_z & HIGH8) >> 2);
}

static void fold_rest(struct st_buf *out, const char *s, size_t i,
                      size_t n);

void st_fold_add(struct st_buf *out, const char *s, size_t n)
{
	size_t i;
	char *p;

	/* lower-cased as it is copied up to the first byte above 0x7f: all
	 * of it, in most words; with room for a byte more, the NUL that
	 * ends a word in st_doc.fold */
	st_buf_reserve(out, n + 1);
	p = out->s + out->len;
	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		if (x & HIGH8)
			break;
		x = lower8(x);
		memcpy(p + i, &x, 8);
	}
	if (i + 4 <= n) {
		uint32_t y;

		memcpy(&y, s + i, 4);
		if (!(y & 0x80808080u)) {
			y = (uint32_t)lower8(y);
			memcpy(p + i, &y, 4);
			i += 4;
		}
	}
	for (; i < n && !(s[i] & 0x80); i++)
		p[i] = (char)(s[i] + ((unsigned)(s[i] - 'A') < 26u ? 32 : 0));
	out->len += i;
	out->s[out->len] = '\0';
	if (i < n)
		fold_rest(out, s, i, n);
}

/* st_fold_add() of s[i..n), which starts above 0x7f: a call of its own,
 * so that an ASCII word costs no more registers than it needs */
static void fold_rest(struct st_buf *out, const char *s, size_t i, size_t n)
{
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		utf8proc_int32_t cp, dst[8];
		utf8proc_ssize_t k, j;
		int bound = 0;

		if (c < 0x80) {
			/* a run of ASCII, lower-cased in place */
			size_t e = i, at = out->len;

			while (e < n && !(s[e] & 0x80))
				e++;
			st_buf_add(out, s + i, e - i);
			for (; at < out->len; at++)
				if (out->s[at] >= 'A' && out->s[at] <= 'Z')
					out->s[at] = (char)(out->s[at] + 32);
			i = e;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			st_buf_addc(out, (char)c);	/* checked text: never */
			i++;
			continue;
		}
		i += (size_t)k;
		k = utf8proc_decompose_char(cp, dst, 8, UTF8PROC_CASEFOLD |
		                            UTF8PROC_IGNORE, &bound);
		for (j = 0; j < k && j < 8; j++)
			add_utf8(out, dst[j]);
		if (k < 0)
			add_utf8(out, cp);
	}
}

void st_visible_add(struct st_buf *out, const char *s, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (!(s[i] & 0x80)) {
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			k = 1;
		else if (utf8proc_get_property(cp)->ignorable) {
			st_buf_add(out, s + run, i - run);
			run = i + (size_t)k;
		}
		i += (size_t)k;
	}
	st_buf_add(out, s + run, n - run);
}
