/* actors-load.c - reading actor files into the dictionary: records,
 * their checks, and replacement by later files. */
#include "extract/actor-table.h"

#include <stdlib.h>
#include <string.h>

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
		for (k = 0; st_actor_kinds[k] && strcmp(st_actor_kinds[k], r->f[2]); k++)
			;
		if (!st_actor_kinds[k])
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
		ST_GROW(recs, nrec, caprec, 256);
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
			ST_GROW(a->ac, a->nac, a->capac, 256);
			a->nac++;
		} else {
			st_actor_clear(&a->ac[*slot]);
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
				st_aff_clear(&a->af[k]);
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
		ST_GROW(a->af, a->naf, a->capaf, 256);
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
	st_actors_index(a);
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

