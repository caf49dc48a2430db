/* people.c - the batch's people for speakers.csv, gathered on disk and
 * sorted by sort(1), so that memory stays flat however many people a
 * batch quotes. */
#include "report/report.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One line of the first file per person and article, its fields
 * separated by tabs (escaped within a field):
 *   GROUP SEQ KEY NAME ROLE VARIANTS LABELS PROBS
 * GROUP is what st_speaker_merge() may merge across (a name key's last
 * word; the key itself for an actor or a description), SEQ the line's
 * place in the batch: its article's id in hex (two digits a byte, which
 * sort as the id does, a shorter id first), '.', and the line's number
 * within the article, fixed width, so that lines that processes wrote
 * for different articles sort as one batch would; VARIANTS are the names
 * as written, '\x1f' between them; LABELS the label numbers of the
 * quotes, PROBS their probabilities (the 16 hex digits of each double's
 * bits: exact, and quick to write and read), ',' between them. */
struct st_people {
	char *dir;
	char *spill, *sorted, *out, *outsorted;	/* temporary files */
	FILE *fp;
	char *article;		/* the last line's, and its number there */
	long seq;
	char **parts;		/* sorted files to merge (st_people_add_sorted) */
	size_t nparts;
	int nlabels;
};

/* The files of table n of this process. */
static char *temp_name(const char *dir, long n, const char *what)
{
	char *pre = st_temp_prefix("people");
	struct st_buf b = ST_BUF_INIT;

	st_buf_addf(&b, "%s/%s%ld-%s", dir, pre, n, what);
	free(pre);
	return st_buf_detach(&b);
}

struct st_people *st_people_new(const char *dir, int nlabels,
                                struct st_error *err)
{
	static long tables;	/* of this process, in one folder or not */
	struct st_people *p = st_xcalloc(1, sizeof *p);

	p->dir = st_xstrdup(dir);
	p->nlabels = nlabels;

	p->spill = temp_name(dir, tables, "1");
	p->sorted = temp_name(dir, tables, "2");
	p->out = temp_name(dir, tables, "3");
	p->outsorted = temp_name(dir, tables++, "4");
	p->fp = fopen(p->spill, "w");
	if (!p->fp) {
		st_fail(err, p->spill, 0, "cannot create: %s", strerror(errno));
		st_people_free(p);
		return NULL;
	}
	return p;
}

void st_people_free(struct st_people *p)
{
	if (!p)
		return;
	if (p->fp)
		fclose(p->fp);
	unlink(p->spill);
	unlink(p->sorted);
	unlink(p->out);
	unlink(p->outsorted);
	free(p->spill);
	free(p->sorted);
	free(p->out);
	free(p->outsorted);
	free(p->article);
	free(p->parts);
	free(p->dir);
	free(p);
}

/* The part of key that st_speaker_merge() merges by: a name's last word
 * ("N:" and "S:" keys), else the whole key. */
static void put_group(FILE *fp, const char *key)
{
	if ((key[0] == 'N' || key[0] == 'S') && key[1] == ':') {
		const char *sp = strrchr(key + 2, ' ');

		fputs("~", fp);
		st_tsv_put(fp, sp ? sp + 1 : key + 2);
	} else {
		st_tsv_put(fp, key);
	}
}

static void put_bits(FILE *fp, double v)
{
	static const char hex[] = "0123456789abcdef";
	uint64_t u;
	char b[16];
	int i;

	memcpy(&u, &v, sizeof u);
	for (i = 15; i >= 0; i--, u >>= 4)
		b[i] = hex[u & 15];
	fwrite(b, 1, sizeof b, fp);
}

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

/* SEQ: the article's id in hex, then the line's number within it. */
static void put_seq(struct st_people *p, const char *article)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)article;

	if (!p->article || strcmp(p->article, article)) {
		free(p->article);
		p->article = st_xstrdup(article);
		p->seq = 0;
	}
	for (; *s; s++) {
		putc(hex[*s >> 4], p->fp);
		putc(hex[*s & 15], p->fp);
	}
	fprintf(p->fp, ".%010ld", p->seq++);
}

int st_people_add(struct st_people *p, const char *article, const char *key,
                  const char *name, const char *role,
                  const char *const *variants, size_t nvar,
                  const int *labels, const double *probs, size_t nq,
                  struct st_error *err)
{
	size_t i;
	int k;

	put_group(p->fp, key);
	putc('\t', p->fp);
	put_seq(p, article);
	putc('\t', p->fp);
	st_tsv_put(p->fp, key);
	putc('\t', p->fp);
	st_tsv_put(p->fp, name);
	putc('\t', p->fp);
	st_tsv_put(p->fp, role);
	putc('\t', p->fp);
	for (i = 0; i < nvar; i++) {
		if (i)
			putc('\x1f', p->fp);
		st_tsv_put(p->fp, variants[i]);
	}
	putc('\t', p->fp);
	for (i = 0; i < nq; i++)
		fprintf(p->fp, "%s%d", i ? "," : "", labels[i]);
	putc('\t', p->fp);
	for (i = 0; i < nq; i++)
		for (k = 0; k < p->nlabels; k++) {
			if (i || k)
				putc(',', p->fp);
			put_bits(p->fp, probs[i * (size_t)p->nlabels + (size_t)k]);
		}
	putc('\n', p->fp);
	if (ferror(p->fp))
		return st_fail(err, p->spill, 0, "write error: %s",
		               strerror(errno));
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

/* Read the sorted first file group by group into the second. */
static int merge_groups(struct st_people *p, struct st_error *err)
{
	FILE *in = fopen(p->sorted, "r"), *out = NULL;
	struct group g = { NULL, 0, 0, { 0 } };
	char *line = NULL, *prev = NULL, *f[8];
	size_t cap = 0;
	long lineno = 0;
	int rc = -1;

	if (!in)
		return st_fail(err, p->sorted, 0, "cannot open: %s",
		               strerror(errno));
	out = fopen(p->out, "w");
	if (!out) {
		st_fail(err, p->out, 0, "cannot create: %s", strerror(errno));
		goto done;
	}
	st_map_init(&g.index);
	while (getline(&line, &cap, in) >= 0) {
		lineno++;
		if (st_tsv_split(line, f, 8) != 8 || !f[1][0]) {
			st_fail(err, p->sorted, lineno, "not a people line");
			goto done;
		}
		if (prev && strcmp(prev, f[0]) != 0)
			flush_group(&g, out, p->nlabels);
		free(prev);
		prev = st_xstrdup(f[0]);
		if (add_line(&g, f, p->nlabels)) {
			st_fail(err, p->sorted, lineno, "bad counts");
			goto done;
		}
	}
	flush_group(&g, out, p->nlabels);
	if (ferror(in) || ferror(out)) {
		st_fail(err, p->out, 0, "read or write error: %s",
		        strerror(errno));
		goto done;
	}
	rc = 0;
done:
	if (out && fclose(out) && !rc)
		rc = st_fail(err, p->out, 0, "write error: %s", strerror(errno));
	fclose(in);
	free(line);
	free(prev);
	free(g.sp);
	st_map_finish(&g.index);
	return rc;
}

/* The first file, closed. */
static int close_spill(struct st_people *p, struct st_error *err)
{
	int bad = fclose(p->fp);

	p->fp = NULL;
	return bad ? st_fail(err, p->spill, 0, "write error: %s",
	                     strerror(errno)) : 0;
}

int st_people_sort(struct st_people *p, const char *out, struct st_error *err)
{
	if (close_spill(p, err) || st_sort_file(p->spill, out, 2, p->dir, err))
		return -1;
	unlink(p->spill);
	return 0;
}

void st_people_add_sorted(struct st_people *p, char *path)
{
	p->parts = st_xrealloc(p->parts, (p->nparts + 1) * sizeof *p->parts);
	p->parts[p->nparts++] = path;
}

int st_people_write(struct st_people *p, struct st_csv_writer *w,
                    char *const *labels, struct st_error *err)
{
	FILE *in;
	char *line = NULL, *f[9];
	size_t cap = 0;
	long lineno = 0;
	int rc = -1;

	if (close_spill(p, err))
		return -1;
	/* each file is removed as soon as the next is made from it, so that
	 * the disk holds two of them at most */
	if (p->nparts ? st_sort_merge(p->parts, p->nparts, p->sorted, 2, p->dir,
	                              err)
	              : st_sort_file(p->spill, p->sorted, 2, p->dir, err))
		return -1;
	unlink(p->spill);
	if (merge_groups(p, err))
		return -1;
	unlink(p->sorted);
	if (st_sort_file(p->out, p->outsorted, 3, p->dir, err))
		return -1;
	unlink(p->out);
	in = fopen(p->outsorted, "r");
	if (!in)
		return st_fail(err, p->outsorted, 0, "cannot open: %s",
		               strerror(errno));
	while (getline(&line, &cap, in) >= 0) {
		long best;
		char *s;
		int k;

		lineno++;
		if (st_tsv_split(line, f, 9) != 9 || st_parse_long(f[6], &best) ||
		    best < 0 || best >= p->nlabels) {
			st_fail(err, p->outsorted, lineno, "not a people line");
			goto done;
		}
		st_csv_put(w, st_tsv_unescape(f[1]));
		st_csv_put(w, st_tsv_unescape(f[3]));
		st_csv_putraw(w, f[4]);
		st_csv_putraw(w, f[5]);
		for (s = f[7], k = 0; k < p->nlabels; k++) {
			char *e = strchr(s, ',');

			if (e)
				*e = '\0';
			st_csv_putraw(w, s);
			s = e ? e + 1 : s + strlen(s);
		}
		st_csv_put(w, labels[best]);
		st_csv_put(w, st_tsv_unescape(f[8]));
		st_csv_endrow(w);
	}
	if (ferror(in)) {
		st_fail(err, p->outsorted, 0, "read error: %s", strerror(errno));
		goto done;
	}
	rc = 0;
done:
	fclose(in);
	free(line);
	return rc;
}
