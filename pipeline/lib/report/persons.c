/* persons.c - the people's lines of a batch (people.c), sorted by group,
 * folded into one row per person: identities merged as
 * st_speaker_merge() says, counted, and the majority label. */
#include "report/report.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Read what put_bits() wrote at *s and move *s past it; -1 if it is not
 * 16 hex digits. */
static int get_bits(char **s, double *v)
{
	uint64_t u = 0;
	int i;

	for (i = 0; i < 16; i++) {
		char c = (*s)[i];

		u <<= 4;
		if (c >= '0' && c <= '9')
			u |= (uint64_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			u |= (uint64_t)(c - 'a' + 10);
		else
			return -1;
	}
	*s += 16;
	memcpy(v, &u, sizeof *v);
	return 0;
}

static void add_variant(struct st_person *sp, const char *name)
{
	size_t k;

	for (k = 0; k < sp->nvar; k++)
		if (strcmp(sp->var[k], name) == 0)
			return;
	sp->var = st_xrealloc(sp->var, (sp->nvar + 1) * sizeof *sp->var);
	sp->var[sp->nvar++] = st_xstrdup(name);
}

static void clear_person(struct st_person *sp)
{
	size_t j;

	free(sp->key);
	free(sp->name);
	free(sp->role);
	for (j = 0; j < sp->nvar; j++)
		free(sp->var[j]);
	free(sp->var);
	free(sp->first);
}

/* The people of one group, as they come, and the map to them. */
struct group {
	struct st_person *sp;
	size_t n, cap;
	struct st_map index;
};

/* Fold one line (f[2..7]) into its identity of g. */
static int add_line(struct group *g, char **f, int nlabels)
{
	const char *key = st_tsv_unescape(f[2]), *name = st_tsv_unescape(f[3]);
	int *slot = st_map_put(&g->index, key, (int)g->n);
	struct st_person *sp;
	char *s, *end;
	int k;

	if (*slot == (int)g->n) {
		ST_GROW(g->sp, g->n, g->cap, 16);
		memset(&g->sp[g->n], 0, sizeof g->sp[g->n]);
		g->sp[g->n].key = st_xstrdup(key);
		g->sp[g->n].name = st_xstrdup(name);
		g->sp[g->n].first = st_xstrdup(f[1]);
		g->n++;
	}
	sp = &g->sp[*slot];
	if (strlen(name) > strlen(sp->name)) {
		free(sp->name);
		sp->name = st_xstrdup(name);
	}
	sp->articles++;
	for (s = f[5]; ; ) {
		char *e = strchr(s, '\x1f');

		if (e)
			*e = '\0';
		add_variant(sp, st_tsv_unescape(s));
		if (!e)
			break;
		s = e + 1;
	}
	st_tsv_unescape(f[4]);
	if (!sp->role && f[4][0])
		sp->role = st_xstrdup(f[4]);
	for (s = f[6]; *s; ) {
		long v = strtol(s, &end, 10);

		if (end == s || v < 0 || v >= nlabels)
			return -1;
		sp->quotes++;
		sp->counts[v]++;
		s = *end == ',' ? end + 1 : end;
	}
	for (s = f[7], k = 0; *s; k = (k + 1) % nlabels) {
		double v;

		if (get_bits(&s, &v))
			return -1;
		sp->mass[k] += v;
		if (*s == ',')
			s++;
	}
	return 0;
}

/* Merge the group's identities as st_speaker_merge() says and write one
 * line per person left to out: QUOTES-DESC NAME FIRST then the fields of
 * its row. */
static void flush_group(struct group *g, FILE *out, int nlabels)
{
	char **keys, **names;
	size_t *canon, i, j;
	int k;

	if (!g->n)
		return;
	keys = st_xmalloc(g->n * sizeof *keys);
	names = st_xmalloc(g->n * sizeof *names);
	canon = st_xmalloc(g->n * sizeof *canon);
	for (i = 0; i < g->n; i++) {
		keys[i] = g->sp[i].key;
		names[i] = g->sp[i].name;
	}
	st_speaker_merge(keys, names, g->n, canon);
	for (i = 0; i < g->n; i++) {
		struct st_person *from = &g->sp[i], *to = &g->sp[canon[i]];

		if (canon[i] == i)
			continue;
		to->quotes += from->quotes;
		to->articles += from->articles;
		for (k = 0; k < nlabels; k++) {
			to->counts[k] += from->counts[k];
			to->mass[k] += from->mass[k];
		}
		for (j = 0; j < from->nvar; j++)
			add_variant(to, from->var[j]);
		if (!to->role && from->role) {
			to->role = from->role;
			from->role = NULL;
		}
		from->quotes = 0;	/* merged: not written */
	}
	for (i = 0; i < g->n; i++) {
		const struct st_person *sp = &g->sp[i];
		int best;

		if (!sp->quotes)
			continue;
		best = st_person_majority(sp, nlabels);
		fprintf(out, "%019ld\t", LONG_MAX - sp->quotes);
		st_tsv_put(out, sp->name);
		fprintf(out, "\t%s\t", sp->first);
		st_tsv_put(out, sp->role ? sp->role : "");
		fprintf(out, "\t%ld\t%ld\t%d\t", sp->articles, sp->quotes, best);
		for (k = 0; k < nlabels; k++)
			fprintf(out, "%s%ld", k ? "," : "", sp->counts[k]);
		putc('\t', out);
		for (j = 0; j < sp->nvar; j++) {
			if (j)
				putc('|', out);
			st_tsv_put(out, sp->var[j]);
		}
		putc('\n', out);
	}
	for (i = 0; i < g->n; i++)
		clear_person(&g->sp[i]);
	g->n = 0;
	st_map_finish(&g->index);
	st_map_init(&g->index);
	free(keys);
	free(names);
	free(canon);
}

int st_people_rows(FILE *in, const char *inpath, const char *outpath,
                   int nlabels, struct st_error *err)
{
	FILE *out = NULL;
	struct group g = { NULL, 0, 0, { 0 } };
	char *line = NULL, *prev = NULL, *f[8];
	size_t cap = 0;
	long lineno = 0;
	int rc = -1;

	out = fopen(outpath, "w");
	if (!out) {
		st_fail(err, outpath, 0, "cannot create: %s", strerror(errno));
		goto done;
	}
	st_map_init(&g.index);
	while (getline(&line, &cap, in) >= 0) {
		lineno++;
		if (st_tsv_split(line, f, 8) != 8 || !f[1][0]) {
			st_fail(err, inpath, lineno, "not a people line");
			goto done;
		}
		if (prev && strcmp(prev, f[0]) != 0)
			flush_group(&g, out, nlabels);
		free(prev);
		prev = st_xstrdup(f[0]);
		if (add_line(&g, f, nlabels)) {
			st_fail(err, inpath, lineno, "bad counts");
			goto done;
		}
	}
	flush_group(&g, out, nlabels);
	if (ferror(in) || ferror(out)) {
		st_fail(err, outpath, 0, "read or write error: %s",
		        strerror(errno));
		goto done;
	}
	rc = 0;
done:
	if (out && fclose(out) && !rc)
		rc = st_fail(err, outpath, 0, "write error: %s", strerror(errno));
	free(line);
	free(prev);
	free(g.sp);
	st_map_finish(&g.index);
	return rc;
}
