/* mentions.c - people and the words that may stand for them.
 *
 * Reads: tokens, cues and spans (words inside quotation marks are never
 * names).  Adds: st_doc.pe, one person per full name (two to four
 * capitalised words, after leading titles and words that are never names
 * are cut off; none of those inside; not the name of an organisation or
 * "the Sevan Herald"), looked up by name in st_doc.names; st_doc.m, the
 * mentions in text order: full names (resolved), and single capitalised
 * words (surnames), "he"/"she" and "the minister" before a cue verb, all
 * left for coref.c to resolve.  st_tok.ment points at the mention that
 * starts at a token.  The gender of a person comes from the first-name
 * lists; a name is kept without soft hyphens and zero-width characters. */
#include "extract/doc.h"

#include <limits.h>
#include <stdlib.h>

static int adjacent(const struct st_doc *d, int i)
{
	/* token i+1 follows token i after exactly one space */
	return i + 1 < d->nt && d->t[i + 1].para == d->t[i].para &&
	       d->t[i + 1].s == d->t[i].e + 1 && d->text[d->t[i].e] == ' ';
}

static int noname(const struct st_doc *d, int i)
{
	const char *w = d->text + d->t[i].s;
	size_t n = d->t[i].e - d->t[i].s;

	return st_key_bits_may(d->lx->noname_bits, w, n) &&
	       st_map_getn(&d->lx->nonames, w, n) != NULL;
}

/* 1 female, 0 male, -1 unknown (matches both "he" and "she"). */
static int guess_female(const struct st_doc *d, const char *first, size_t n)
{
	if (st_map_getn(&d->lx->female, first, n))
		return 1;
	if (st_map_getn(&d->lx->male, first, n))
		return 0;
	return n > 1 && first[n - 1] == 'a' ? 1 : -1;
}

static int add_mention(struct st_doc *d, int t0, int t1, int kind, int person)
{
	struct st_mention *m;

	ST_GROW(d->m, d->nm, d->capm, 32);
	m = &d->m[d->nm];
	memset(m, 0, sizeof *m);
	m->t0 = t0;
	m->t1 = t1;
	m->r0 = t0;
	m->kind = kind;
	m->person = person;
	d->t[t0].ment = d->nm;
	return d->nm++;
}

static int find_person(struct st_doc *d, const char *name, size_t n)
{
	int *v = st_map_getn(&d->names, name, n);

	return v ? *v : st_person_new(d, name, n);
}

int st_person_new(struct st_doc *d, const char *name, size_t n)
{
	struct st_person *pe;
	const char *sp;

	ST_GROW(d->pe, d->npe, d->cappe, 16);
	pe = &d->pe[d->npe];
	memset(pe, 0, sizeof *pe);
	pe->name = st_xstrndup(name, n);
	sp = strrchr(pe->name, ' ');
	pe->surname = sp ? sp + 1 : pe->name;
	pe->female = guess_female(d, pe->name, strcspn(pe->name, " "));
	pe->role_at = -1;
	pe->confirmed_at = INT_MAX;
	st_map_putn(&d->names, name, n, d->npe);
	return d->npe++;
}

/* Length of token i without a possessive 's. */
static size_t name_len(const struct st_doc *d, int i, int *possessive)
{
	size_t n = d->t[i].e - d->t[i].s;
	const char *w = d->text + d->t[i].s;

	*possessive = 0;
	if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's') {
		*possessive = 1;
		return n - 2;
	}
	if (n > 4 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0) {
		*possessive = 1;
		return n - 4;
	}
	return n;
}

void st_name_key(const struct st_doc *d, int a, int b, struct st_buf *out)
{
	int k, ps;

	st_buf_reset(out);
	for (k = a; k < b; k++) {
		if (k > a)
			st_buf_addc(out, ' ');
		st_visible_add(out, d->text + d->t[k].s, name_len(d, k, &ps));
	}
	st_buf_addc(out, '\0');
	out->len--;
}

/* A lower-case word: a pronoun, or "the minister" before a cue verb. */
static void lower_word(struct st_doc *d, int i)
{
	if (d->t[i].cls & (ST_W_HE | ST_W_SHE)) {
		int m = add_mention(d, i, i + 1, ST_MK_PRONOUN, -1);
		d->m[m].female = (d->t[i].cls & ST_W_SHE) != 0;
	} else if (i > 0 && st_is_word(d, i - 1, "the") && st_role_word(d, i) &&
	           (st_cue_at(d, i + 1) || st_cue_at(d, i + 2))) {
		add_mention(d, i - 1, i + 1, ST_MK_NOMINAL, -1);
	}
}

void st_mentions(struct st_doc *d)
{
	struct st_buf name = ST_BUF_INIT;
	int i = 0;

	while (i < d->nt) {
		int a = i, b, k, poss = 0, i0 = i;

		if (d->t[i].q >= 0 || d->t[i].type != ST_T_WORD) {
			i++;
			continue;
		}
		if (!d->t[i].cap || (d->t[i].cls & (ST_W_HE | ST_W_SHE))) {
			lower_word(d, i);
			i++;
			continue;
		}
		/* a run of capitalised words, ended by a possessive */
		b = i;
		while (b < d->nt && d->t[b].cap && d->t[b].q < 0 &&
		       d->t[b].type == ST_T_WORD) {
			name_len(d, b, &poss);
			b++;
			if (poss || !adjacent(d, b - 1))
				break;
		}
		i = b;
		while (a < b && (noname(d, a) || st_role_word(d, a)))
			a++;
		if (a == i0 && a < b && a > 0 && d->t[a - 1].type == ST_T_WORD &&
		    d->t[a - 1].para == d->t[a].para &&
		    st_has(d, a - 1, ST_W_DET))
			continue;	/* "the Sevan Herald" is no person */
		/* an organisation or a title before the name: "head of the
		 * Centre for Policy Studies Ara Petrosyan" is Ara Petrosyan */
		for (k = b - 1; k >= a; k--)
			if (noname(d, k))
				break;
		if (k >= a)
			a = k + 1;
		if (a == b || st_org_noun(d, b))
			continue;
		if (b - a >= 2 && b - a <= 4) {
			int m;

			st_name_key(d, a, b, &name);
			m = add_mention(d, a, b, ST_MK_FULL,
			                find_person(d, name.s, name.len));
			d->m[m].r0 = i0;
			d->m[m].poss = poss;
		} else if (b - a == 1) {
			add_mention(d, a, b, ST_MK_SURNAME, -1);
		}
	}
	st_buf_finish(&name);
}
