/* actors.c - the actor dictionary: loading, name matching, dated
 * affiliations. */
#include "extract/extract.h"
#include "core/core.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char *const kinds[] = { "person", "party", "bloc", "faction",
	"ministry", "institution", "thinktank", "state", NULL };


struct actor {
	char *id, *kind;
	char **var;
	size_t nvar;
	int person;
};

struct aff_rec {
	int actor;
	struct st_aff a;	/* strings owned here */
};

struct st_actors {
	struct actor *ac;
	size_t nac, capac;
	struct st_map ids;		/* id -> index into ac */
	struct aff_rec *af;
	size_t naf, capaf;
	/* built after each load: name key -> actor, or -2 when two actors
	 * share it */
	struct st_map names, orgs, surnames;
	/* first word of an organisation's variant -> the most words of the
	 * variants that start with it, so that a role is searched only
	 * where a variant can start */
	struct st_map first;
};

struct st_actors *st_actors_new(void)
{
	struct st_actors *a = st_xcalloc(1, sizeof *a);

	st_map_init(&a->ids);
	st_map_init(&a->names);
	st_map_init(&a->orgs);
	st_map_init(&a->surnames);
	st_map_init(&a->first);
	return a;
}

static void free_actor(struct actor *c)
{
	size_t k;

	free(c->id);
	free(c->kind);
	for (k = 0; k < c->nvar; k++)
		free(c->var[k]);
	free(c->var);
}

static void free_aff(struct aff_rec *r)
{
	free((char *)r->a.from);
	free((char *)r->a.to);
	free((char *)r->a.camp);
	free((char *)r->a.code);
	free((char *)r->a.role);
}

void st_actors_free(struct st_actors *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->nac; i++)
		free_actor(&a->ac[i]);
	for (i = 0; i < a->naf; i++)
		free_aff(&a->af[i]);
	free(a->ac);
	free(a->af);
	st_map_finish(&a->ids);
	st_map_finish(&a->names);
	st_map_finish(&a->orgs);
	st_map_finish(&a->surnames);
	st_map_finish(&a->first);
	free(a);
}

size_t st_actors_count(const struct st_actors *a)
{
	return a->nac;
}

const char *st_actor_id(const struct st_actors *a, int i)
{
	return a->ac[i].id;
}

const char *st_actor_kind(const struct st_actors *a, int i)
{
	return a->ac[i].kind;
}

const char *st_actor_name(const struct st_actors *a, int i)
{
	return a->ac[i].var[0];
}

/* ---- names ------------------------------------------------------------ */

/* Does code point cp separate words of a name? */
static int separates(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return !(c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
	         c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LM ||
	         c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND ||
	         c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO);
}

/* st_name_fold() of ASCII text, without utf8proc's allocation: most
 * names and roles in English news are ASCII. */
static void ascii_key(const char *s, size_t n, struct st_buf *out)
{
	char tmp[256], *o = n < sizeof tmp ? tmp : st_xmalloc(n + 1);
	size_t k, m = 0;
	int space = 0;

	for (k = 0; k < n; k++) {
		char c = s[k];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')) {
			if (space && m)
				o[m++] = ' ';
			space = 0;
			o[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		} else if (c == '\'') {
			/* a possessive 's goes */
			if (k + 1 < n && (s[k + 1] == 's' || s[k + 1] == 'S') &&
			    (k + 2 == n || !((s[k + 2] >= 'a' && s[k + 2] <= 'z') ||
			                     (s[k + 2] >= 'A' && s[k + 2] <= 'Z') ||
			                     (s[k + 2] >= '0' && s[k + 2] <= '9'))))
				k++;
		} else {
			space = 1;
		}
	}
	if (m)
		st_buf_add(out, o, m);
	if (o != tmp)
		free(o);
}

void st_name_fold(const char *s, size_t n, struct st_buf *out)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len, i = 0;
	size_t start = out->len, ascii;
	int space = 0;

	for (ascii = 0; ascii < n && (unsigned char)s[ascii] < 0x80; ascii++)
		;
	if (ascii == n) {
		ascii_key(s, n, out);
		return;
	}
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	                   &folded, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                   UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	if (len < 0) {
		/* invalid UTF-8: keep the ASCII letters and digits, folded */
		size_t k;
		for (k = 0; k < n; k++) {
			char c = s[k];
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9')) {
				if (space && out->len > start)
					st_buf_addc(out, ' ');
				space = 0;
				st_buf_addc(out, (char)(c >= 'A' && c <= 'Z'
				                        ? c + 32 : c));
			} else if (c != '\'') {
				space = 1;
			}
		}
		return;
	}
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(folded + i, len - i, &cp);

		if (k <= 0)
			break;
		if (cp == '\'' || cp == 0x2019 || cp == 0x02bc) {
			/* O'Brien: apostrophes join; a possessive 's goes */
			utf8proc_ssize_t j = i + k;
			utf8proc_int32_t next = -1;

			if (j < len && folded[j] == 's') {
				if (j + 1 >= len)
					k++;
				else if (utf8proc_iterate(folded + j + 1, len - j - 1,
				                          &next) > 0 &&
				         separates(next))
					k++;
			}
		} else if (separates(cp)) {
			space = 1;
		} else {
			if (space && out->len > start)
				st_buf_addc(out, ' ');
			space = 0;
			st_buf_add(out, folded + i, (size_t)k);
		}
		i += k;
	}
	free(folded);
}

/* Title words stripped from the front of a speaker's name, as keys, in
 * byte order for bsearch(). */
static const char *const titles[] = {
	"acting", "ambassador", "archbishop", "armenia", "armenian",
	"assembly", "bishop", "captain", "catholicos", "chair", "chairman",
	"chairwoman", "chief", "col", "colonel", "council", "csto", "dame",
	"defence", "defense", "deputy", "doctor", "dr", "economy", "ex",
	"father", "finance", "first", "foreign", "former", "gen", "general",
	"head", "interior", "junior", "justice", "kremlin", "lawmaker",
	"leader", "lieutenant", "lt", "madam", "major", "minister", "miss",
	"mister", "mp", "mr", "mrs", "ms", "national", "of", "opposition",
	"parliament", "parliamentary", "president", "press", "prime", "prof",
	"professor", "russia", "russian", "secretary", "security", "senator",
	"senior", "sir", "speaker", "spokesman", "spokesperson",
	"spokeswoman", "then", "top", "vice",
};
#define NTITLES (sizeof titles / sizeof titles[0])

static int cmp_title(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int is_title(const char *w, size_t n)
{
	struct st_buf k = ST_BUF_INIT;
	char buf[32];
	const char *key = buf;
	size_t m = 0, i;
	int found;

	/* an ASCII word keyed on the stack: this runs for every word */
	for (i = 0; i < n && (unsigned char)w[i] < 0x80; i++)
		;
	if (i == n && n < sizeof buf) {
		for (i = 0; i < n; i++) {
			char c = w[i];
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				buf[m++] = c;
			else if (c >= 'A' && c <= 'Z')
				buf[m++] = (char)(c + 32);
			else if (c == '\'' && i + 2 == n &&
			         (w[i + 1] == 's' || w[i + 1] == 'S'))
				break;
			else if (c != '\'' && c != '.' && c != ',')
				return 0;	/* two words: no title */
		}
		buf[m] = '\0';
	} else {
		st_name_fold(w, n, &k);
		key = k.s ? k.s : "";
	}
	found = key[0] && bsearch(key, titles, NTITLES, sizeof *titles,
	                          cmp_title) != NULL;
	st_buf_finish(&k);
	return found;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void st_name_strip_titles(const char *s, size_t n, struct st_buf *out)
{
	const char *p = s, *end = s + n, *rest;

	while (p < end && blank(*p))
		p++;
	while (end > p && (blank(end[-1]) || end[-1] == ',' ||
	                   end[-1] == '.' || end[-1] == ';' ||
	                   end[-1] == ':'))
		end--;
	rest = p;
	for (;;) {
		const char *w = rest, *we;

		while (w < end && blank(*w))
			w++;
		we = w;
		while (we < end && !blank(*we))
			we++;
		if (we == w || we == end)
			break;		/* the last word is never a title */
		if (!is_title(w, (size_t)(we - w)))
			break;
		rest = we;
	}
	while (rest < end && blank(*rest))
		rest++;
	{
		/* nothing but titles ("Defence Minister"): kept whole */
		const char *last = end;
		while (last > rest && !blank(last[-1]))
			last--;
		if (is_title(last, (size_t)(end - last)))
			rest = p;
	}
	st_buf_add(out, rest, (size_t)(end - rest));
}

/* Put key -> v into m, or mark it -2 when another actor has it. */
static void index_name(struct st_map *m, const char *key, int v)
{
	int *slot = st_map_put(m, key, v);

	if (*slot != v)
		*slot = -2;
}

static void build_index(struct st_actors *a)
{
	struct st_buf k = ST_BUF_INIT;
	size_t i, j;

	st_map_finish(&a->names);
	st_map_finish(&a->orgs);
	st_map_finish(&a->surnames);
	st_map_finish(&a->first);
	for (i = 0; i < a->nac; i++) {
		const struct actor *c = &a->ac[i];

		for (j = 0; j < c->nvar; j++) {
			char *sp;

			st_buf_reset(&k);
			st_name_fold(c->var[j], strlen(c->var[j]), &k);
			if (!k.len)
				continue;
			index_name(&a->names, k.s, (int)i);
			if (!c->person) {
				size_t nf = strcspn(k.s, " ");
				int words = 1, *mx;
				const char *q;

				index_name(&a->orgs, k.s, (int)i);
				for (q = k.s; *q; q++)
					words += *q == ' ';
				mx = st_map_putn(&a->first, k.s, nf, words);
				if (*mx < words)
					*mx = words;
				continue;
			}
			/* the surname is the variant's last word as written:
			 * "Ter-Petrosyan", not "Petrosyan" */
			sp = strrchr(c->var[j], ' ');
			st_buf_reset(&k);
			sp = sp ? sp + 1 : c->var[j];
			st_name_fold(sp, strlen(sp), &k);
			if (k.len)
				index_name(&a->surnames, k.s, (int)i);
		}
	}
	st_buf_finish(&k);
}

static int lookup(const struct st_map *m, const char *key)
{
	int *v = st_map_get(m, key);

	return v && *v >= 0 ? *v : -1;
}

int st_actors_find(const struct st_actors *a, const char *speaker)
{
	struct st_buf k = ST_BUF_INIT, s = ST_BUF_INIT;
	int r = -1;
	char *sp;

	st_name_fold(speaker, strlen(speaker), &k);
	if (!k.len)
		goto out;
	if ((r = lookup(&a->names, k.s)) >= 0)
		goto out;
	if (strncmp(k.s, "the ", 4) == 0 &&
	    (r = lookup(&a->names, k.s + 4)) >= 0)
		goto out;
	st_name_strip_titles(speaker, strlen(speaker), &s);
	st_buf_reset(&k);
	st_name_fold(s.s ? s.s : "", s.len, &k);
	if (!k.len)
		goto out;
	if ((r = lookup(&a->names, k.s)) >= 0)
		goto out;
	sp = strrchr(k.s, ' ');
	if (!sp) {
		r = lookup(&a->surnames, k.s);
	} else {
		/* first and last words: "Nikol V. Pashinyan" */
		char *first_end = strchr(k.s, ' ');
		if (first_end != sp) {
			memmove(first_end, sp, strlen(sp) + 1);
			r = lookup(&a->names, k.s);
		}
		if (r >= 0 && !a->ac[r].person)
			r = -1;
	}
out:
	st_buf_finish(&k);
	st_buf_finish(&s);
	return r;
}

/* Does the word w[0..n) before a variant keep the variant from naming
 * the speaker's organisation?  "former" and "ex" up to two words before
 * it ("a former deputy foreign minister"); "pro", "anti" and a foreign
 * country's adjective right before it ("pro-government", "the French
 * foreign minister"). */
static int disowns(const char *w, size_t n, int adjacent)
{
	static const char *const far[] = { "former", "ex", NULL };
	static const char *const near[] = { "pro", "anti", "russian",
		"russia", "french", "france", "us", "american", "america",
		"azerbaijani", "azerbaijan", "iranian", "iran", "turkish",
		"turkey", "georgian", "georgia", "belarusian", "belarus",
		"kazakh", "kazakhstan", "kyrgyz", "tajik", "eu", "un",
		"european", "german", "british", "chinese", "indian",
		"ukrainian", "nato", NULL };
	int k;

	for (k = 0; far[k]; k++)
		if (strlen(far[k]) == n && !strncmp(far[k], w, n))
			return 1;
	for (k = 0; adjacent && near[k]; k++)
		if (strlen(near[k]) == n && !strncmp(near[k], w, n))
			return 1;
	return 0;
}

/* A word of a role as written, for st_actors_find_role(). */
struct rword {
	size_t key, keylen;	/* its key in the key buffer */
	int cap;		/* written with a capital */
	int hyph_before, hyph_after;	/* joined by a hyphen: EU-Armenia */
};

/* Does byte sequence s[0..) start a character that separates words of a
 * role?  Sets *n to its length. */
static int role_sep(const unsigned char *s, size_t left, size_t *n)
{
	*n = 1;
	if (s[0] < 0x80)
		return !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
		         (s[0] >= '0' && s[0] <= '9') || s[0] == '\'');
	if (left >= 3 && s[0] == 0xe2 && s[1] == 0x80) {
		*n = 3;
		return s[2] != 0x99;	/* U+2019 joins like ' */
	}
	if (left >= 2 && s[0] == 0xc2) {	/* no-break space, guillemets */
		*n = 2;
		return 1;
	}
	return 0;
}

int st_actors_find_role(const struct st_actors *a, const char *role)
{
	struct st_buf k = ST_BUF_INIT, span = ST_BUF_INIT;
	struct rword w[256];
	const unsigned char *p = (const unsigned char *)role;
	size_t rn = strlen(role), pos = 0, n = 0, i, len, best_len = 0;
	int best = -1;

	/* the role's words, each keyed, with how it was written */
	while (pos < rn && n < 256) {
		size_t cl, start;

		while (pos < rn && role_sep(p + pos, rn - pos, &cl))
			pos += cl;
		start = pos;
		while (pos < rn && !role_sep(p + pos, rn - pos, &cl))
			pos += cl;
		if (pos == start)
			break;
		w[n].key = k.len;
		st_name_fold(role + start, pos - start, &k);
		if (k.len == w[n].key)
			continue;
		w[n].keylen = k.len - w[n].key;
		st_buf_addc(&k, ' ');
		w[n].cap = p[start] >= 'A' && p[start] <= 'Z';
		w[n].hyph_before = start > 0 && p[start - 1] == '-';
		w[n].hyph_after = pos < rn && p[pos] == '-';
		n++;
	}
	for (i = 0; i < n; i++) {
		const char *prev = i ? k.s + w[i - 1].key : NULL;

		if ((i >= 1 && disowns(prev, w[i - 1].keylen, 1)) ||
		    (i >= 2 && disowns(k.s + w[i - 2].key, w[i - 2].keylen, 0)) ||
		    w[i].hyph_before)
			continue;
		/* "the opposition Sovereign Armenia bloc": a capitalised word
		 * before a capitalised match makes it part of a longer name */
		if (i >= 1 && w[i].cap && w[i - 1].cap &&
		    !is_title(prev, w[i - 1].keylen))
			continue;
		{
			int *mx = st_map_getn(&a->first, k.s + w[i].key,
			                      w[i].keylen);
			if (!mx)
				continue;	/* no variant starts with it */
			len = n - i < (size_t)*mx ? n - i : (size_t)*mx;
		}
		for (; len > best_len; len--) {
			int r;

			if (w[i + len - 1].hyph_after)
				continue;
			st_buf_reset(&span);
			st_buf_add(&span, k.s + w[i].key,
			           w[i + len - 1].key + w[i + len - 1].keylen -
			           w[i].key);
			r = lookup(&a->orgs, span.s);
			if (r >= 0 && strcmp(a->ac[r].kind, "state") != 0) {
				best = r;
				best_len = len;
				break;
			}
		}
	}
	st_buf_finish(&k);
	st_buf_finish(&span);
	return best;
}

/* ---- affiliations ----------------------------------------------------- */

size_t st_actors_affs(const struct st_actors *a, int i, const char *date,
                      const struct st_aff **out, size_t max)
{
	const char *last = NULL;
	int open = 0;
	size_t k, n = 0;

	if (i < 0 || (size_t)i >= a->nac)
		return 0;
	if (date && *date) {
		for (k = 0; k < a->naf; k++) {
			const struct st_aff *f = &a->af[k].a;

			if (a->af[k].actor != i ||
			    (f->from[0] && strcmp(date, f->from) < 0) ||
			    (f->to[0] && strcmp(date, f->to) > 0))
				continue;
			if (n < max)
				out[n] = f;
			n++;
		}
		return n;
	}
	/* no date: the affiliations still open, or else those that ended
	 * last */
	for (k = 0; k < a->naf; k++) {
		const struct st_aff *f = &a->af[k].a;

		if (a->af[k].actor != i)
			continue;
		if (!f->to[0])
			open = 1;
		else if (!last || strcmp(f->to, last) > 0)
			last = f->to;
	}
	for (k = 0; k < a->naf; k++) {
		const struct st_aff *f = &a->af[k].a;

		if (a->af[k].actor != i ||
		    (open ? f->to[0] != '\0' : !last || strcmp(f->to, last)))
			continue;
		if (n < max)
			out[n] = f;
		n++;
	}
	return n;
}

size_t st_actors_resolve(const struct st_actors *a, const char *speaker,
                         const char *role, const char *date, int *actor,
                         const struct st_aff **out, size_t max)
{
	int i = speaker && *speaker ? st_actors_find(a, speaker) : -1;
	size_t n = i >= 0 ? st_actors_affs(a, i, date, out, max) : 0;

	if (!n && role && *role) {
		i = st_actors_find_role(a, role);
		n = i >= 0 ? st_actors_affs(a, i, date, out, max) : 0;
	}
	*actor = n ? i : -1;
	return n;
}

/* ---- loading ---------------------------------------------------------- */

/* A parsed record, before it is applied. */
struct rec {
	int aff;
	long line;
	char *f[7];
	int nf;
};

/* Is camp one of the default labels? */
static int valid_camp(const char *camp)
{
	const char *p = st_data_labels;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);

		while (n && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		if (*p != '#' && n && strlen(camp) == n && !strncmp(p, camp, n))
			return 1;
		p += n;
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
	return 0;
}

static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s == ' ' || *s == '|' || (unsigned char)*s < 0x21)
			return 0;
	return 1;
}

static void free_recs(struct rec *r, size_t n)
{
	size_t i;
	int k;

	for (i = 0; i < n; i++)
		for (k = 0; k < r[i].nf; k++)
			free(r[i].f[k]);
	free(r);
}

/* Check one record; the message goes to err. */
static int check_rec(const struct rec *r, const char *path,
                     struct st_error *err)
{
	int k;

	if (!r->aff) {
		const char *v;

		if (r->nf != 4)
			return st_fail(err, path, r->line, "an actor record has 4 "
			               "fields (actor, ID, KIND, variants), "
			               "found %d", r->nf);
		if (!valid_id(r->f[1]))
			return st_fail(err, path, r->line, "bad actor ID '%s'",
			               r->f[1]);
		for (k = 0; kinds[k] && strcmp(kinds[k], r->f[2]); k++)
			;
		if (!kinds[k])
			return st_fail(err, path, r->line, "unknown kind '%s' "
			               "(person, party, bloc, faction, ministry, "
			               "institution, thinktank or state)", r->f[2]);
		for (v = r->f[3];;) {
			size_t n = strcspn(v, "|");
			struct st_buf key = ST_BUF_INIT;
			int empty;

			st_name_fold(v, n, &key);
			empty = key.len == 0;
			st_buf_finish(&key);
			if (empty)
				return st_fail(err, path, r->line, "empty name "
				               "variant for '%s'", r->f[1]);
			if (!v[n])
				break;
			v += n + 1;
		}
		return 0;
	}
	if (r->nf != 7)
		return st_fail(err, path, r->line, "an aff record has 7 fields "
		               "(aff, ID, FROM, TO, CAMP, CODE, ROLE), found %d",
		               r->nf);
	if (!valid_id(r->f[1]))
		return st_fail(err, path, r->line, "bad actor ID '%s'", r->f[1]);
	for (k = 2; k <= 3; k++)
		if (r->f[k][0] && !st_valid_date(r->f[k]))
			return st_fail(err, path, r->line, "bad date '%s' (not "
			               "YYYY-MM-DD)", r->f[k]);
	if (r->f[2][0] && r->f[3][0] && strcmp(r->f[2], r->f[3]) > 0)
		return st_fail(err, path, r->line, "affiliation ends (%s) "
		               "before it starts (%s)", r->f[3], r->f[2]);
	if (!valid_camp(r->f[4]))
		return st_fail(err, path, r->line, "unknown camp '%s'", r->f[4]);
	if (!valid_id(r->f[5]))
		return st_fail(err, path, r->line, "bad code '%s'", r->f[5]);
	return 0;
}

int st_actors_load(struct st_actors *a, const char *path, const char *text,
                   size_t len, struct st_error *err)
{
	struct rec *recs = NULL;
	size_t nrec = 0, caprec = 0, i;
	struct st_map defined;		/* IDs this file gives actor records */
	const char *p = text, *end = text + len;
	long line = 0;
	int rc = -1;

	st_map_init(&defined);
	if (st_check_text(path, text, len, err))
		goto out;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *le = eol ? eol : end, *f;
		struct rec *r;

		line++;
		if (le > p && le[-1] == '\r')
			le--;
		if (line == 1 && le - p >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
			p += 3;
		f = p;
		while (f < le && (*f == ' ' || *f == '\t'))
			f++;
		if (f == le || *f == '#') {
			p = eol ? eol + 1 : end;
			continue;
		}
		if (nrec == caprec) {
			caprec = caprec ? caprec * 2 : 256;
			recs = st_xrealloc(recs, caprec * sizeof *recs);
		}
		r = &recs[nrec++];
		memset(r, 0, sizeof *r);
		r->line = line;
		for (f = p;;) {
			const char *t = memchr(f, '\t', (size_t)(le - f));
			const char *fe = t ? t : le, *fs = f;

			if (r->nf == 7) {
				r->nf++;
				break;
			}
			while (fs < fe && *fs == ' ')
				fs++;
			while (fe > fs && fe[-1] == ' ')
				fe--;
			r->f[r->nf++] = st_xstrndup(fs, (size_t)(fe - fs));
			if (!t)
				break;
			f = t + 1;
		}
		if (r->nf > 7) {
			r->nf = 7;
			st_fail(err, path, line, "too many fields");
			goto out;
		}
		if (strcmp(r->f[0], "actor") == 0)
			r->aff = 0;
		else if (strcmp(r->f[0], "aff") == 0)
			r->aff = 1;
		else {
			st_fail(err, path, line, "unknown record '%s' (actor or "
			        "aff)", r->f[0]);
			goto out;
		}
		if (check_rec(r, path, err))
			goto out;
		if (!r->aff) {
			int *d = st_map_put(&defined, r->f[1], (int)line);
			if (*d != (int)line) {
				st_fail(err, path, line, "actor '%s' defined twice "
				        "(first at line %d)", r->f[1], *d);
				goto out;
			}
		}
		p = eol ? eol + 1 : end;
	}
	for (i = 0; i < nrec; i++)
		if (recs[i].aff && !st_map_get(&defined, recs[i].f[1]) &&
		    !st_map_get(&a->ids, recs[i].f[1])) {
			st_fail(err, path, recs[i].line, "aff record for unknown "
			        "actor '%s'", recs[i].f[1]);
			goto out;
		}
	/* all good: apply.  A redefined actor keeps its index. */
	for (i = 0; i < nrec; i++) {
		struct rec *r = &recs[i];
		struct actor *c;
		int *slot;
		const char *v;

		if (r->aff)
			continue;
		slot = st_map_put(&a->ids, r->f[1], (int)a->nac);
		if (*slot == (int)a->nac) {
			if (a->nac == a->capac) {
				a->capac = a->capac ? a->capac * 2 : 256;
				a->ac = st_xrealloc(a->ac, a->capac * sizeof *a->ac);
			}
			a->nac++;
		} else {
			free_actor(&a->ac[*slot]);
		}
		c = &a->ac[*slot];
		memset(c, 0, sizeof *c);
		c->id = st_xstrdup(r->f[1]);
		c->kind = st_xstrdup(r->f[2]);
		c->person = strcmp(r->f[2], "person") == 0;
		for (v = r->f[3];;) {
			size_t n = strcspn(v, "|"), b = 0;

			while (b < n && v[b] == ' ')
				b++;
			while (n > b && v[n - 1] == ' ')
				n--;
			c->var = st_xrealloc(c->var, (c->nvar + 1) * sizeof *c->var);
			c->var[c->nvar++] = st_xstrndup(v + b, n - b);
			v += strcspn(v, "|");
			if (!*v)
				break;
			v++;
		}
	}
	{
		/* aff records of this file replace the earlier files' for
		 * the same ID */
		struct st_map replaced;
		size_t k, kept = 0;

		st_map_init(&replaced);
		for (i = 0; i < nrec; i++)
			if (recs[i].aff)
				st_map_put(&replaced, recs[i].f[1], 1);
		for (k = 0; k < a->naf; k++) {
			if (st_map_get(&replaced, a->ac[a->af[k].actor].id))
				free_aff(&a->af[k]);
			else
				a->af[kept++] = a->af[k];
		}
		a->naf = kept;
		st_map_finish(&replaced);
	}
	for (i = 0; i < nrec; i++) {
		struct rec *r = &recs[i];
		struct aff_rec *f;

		if (!r->aff)
			continue;
		if (a->naf == a->capaf) {
			a->capaf = a->capaf ? a->capaf * 2 : 256;
			a->af = st_xrealloc(a->af, a->capaf * sizeof *a->af);
		}
		f = &a->af[a->naf++];
		f->actor = *st_map_get(&a->ids, r->f[1]);
		f->a.from = r->f[2];
		f->a.to = r->f[3];
		f->a.camp = r->f[4];
		f->a.code = r->f[5];
		f->a.role = r->f[6];
		r->f[2] = r->f[3] = r->f[4] = r->f[5] = r->f[6] = NULL;
		r->nf = 2;
	}
	build_index(a);
	rc = 0;
out:
	free_recs(recs, nrec);
	st_map_finish(&defined);
	return rc;
}

int st_actors_load_file(struct st_actors *a, const char *path,
                        struct st_error *err)
{
	struct st_buf b = ST_BUF_INIT;
	int rc;

	if (st_read_file(path, &b, err)) {
		st_buf_finish(&b);
		return -1;
	}
	rc = st_actors_load(a, path, b.s ? b.s : "", b.len, err);
	st_buf_finish(&b);
	return rc;
}

int st_actors_load_default(struct st_actors *a, struct st_error *err)
{
	return st_actors_load(a, "pipeline/data/actors.txt", st_data_actors,
	                      strlen(st_data_actors), err);
}
