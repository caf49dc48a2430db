/* people.c - the batch's people for speakers.csv, gathered on disk and
 * sorted by sort(1), so that memory stays flat however many people a
 * batch quotes; folded into rows by persons.c. */
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
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
 * bits: exact, and quick to write and read), ',' between them.  With
 * st_people_split() the lines go to several first files, by a hash of
 * GROUP. */
struct st_people {
	char *dir;
	char **spill;		/* the first files, nb of them */
	FILE **fp;
	char **buf;		/* their buffers: written once, whole */
	size_t nb;
	char *out;		/* a temporary file */
	char *article;		/* the last line's, and its number there */
	long seq, table;
	char **parts;		/* rows to merge (st_people_add_sorted) */
	size_t nparts;
	int nlabels;
};

/* A file of this process's table or merge n. */
static char *temp_name(const char *dir, long n, const char *what)
{
	char *pre = st_temp_prefix("people");
	struct st_buf b = ST_BUF_INIT;

	st_buf_addf(&b, "%s/%s%ld-%s", dir, pre, n, what);
	free(pre);
	return st_buf_detach(&b);
}

/* Tables and merges of this process, in one folder or not. */
static long tables;

/* Make first file i. */
static int open_spill(struct st_people *p, size_t i, struct st_error *err)
{
	char what[32];

	snprintf(what, sizeof what, "1-%zu", i);
	p->spill[i] = temp_name(p->dir, p->table, what);
	p->fp[i] = fopen(p->spill[i], "w");
	if (!p->fp[i])
		return st_fail(err, p->spill[i], 0, "cannot create: %s",
		               strerror(errno));
	p->buf[i] = st_xmalloc(1 << 16);
	setvbuf(p->fp[i], p->buf[i], _IOFBF, 1 << 16);
	return 0;
}

struct st_people *st_people_new(const char *dir, int nlabels,
                                struct st_error *err)
{
	struct st_people *p = st_xcalloc(1, sizeof *p);

	p->dir = st_xstrdup(dir);
	p->nlabels = nlabels;
	p->table = tables++;
	p->out = temp_name(dir, p->table, "3");
	p->spill = st_xcalloc(1, sizeof *p->spill);
	p->fp = st_xcalloc(1, sizeof *p->fp);
	p->buf = st_xcalloc(1, sizeof *p->buf);
	p->nb = 1;
	if (open_spill(p, 0, err)) {
		st_people_free(p);
		return NULL;
	}
	return p;
}

int st_people_split(struct st_people *p, size_t n, struct st_error *err)
{
	if (n <= p->nb)
		return 0;
	p->spill = st_xrealloc(p->spill, n * sizeof *p->spill);
	p->fp = st_xrealloc(p->fp, n * sizeof *p->fp);
	p->buf = st_xrealloc(p->buf, n * sizeof *p->buf);
	for (; p->nb < n; p->nb++) {
		p->fp[p->nb] = NULL;
		p->buf[p->nb] = NULL;
		if (open_spill(p, p->nb, err)) {
			p->nb++;
			return -1;
		}
	}
	return 0;
}

void st_people_free(struct st_people *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nb; i++) {
		if (p->fp[i])
			fclose(p->fp[i]);
		if (p->spill[i])
			unlink(p->spill[i]);
		free(p->spill[i]);
		free(p->buf[i]);
	}
	unlink(p->out);
	free(p->spill);
	free(p->fp);
	free(p->buf);
	free(p->out);
	free(p->article);
	free(p->parts);
	free(p->dir);
	free(p);
}

/* Write the part of key that st_speaker_merge() merges by: a name's last
 * word ("N:" and "S:" keys), else the whole key; return the number of the
 * first file it goes to. */
static size_t put_group(const struct st_people *p, const char *key)
{
	const char *g = key;
	size_t b;

	if ((key[0] == 'N' || key[0] == 'S') && key[1] == ':') {
		const char *sp = strrchr(key + 2, ' ');

		g = sp ? sp + 1 : key + 2;
	}
	b = p->nb > 1 ? (size_t)(st_fnv1a(g, strlen(g), ST_FNV_INIT) % p->nb)
	              : 0;
	if (g != key)
		putc('~', p->fp[b]);
	st_tsv_put(p->fp[b], g);
	return b;
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


/* SEQ: the article's id in hex, then the line's number within it. */
static void put_seq(struct st_people *p, FILE *fp, const char *article)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)article;

	if (!p->article || strcmp(p->article, article)) {
		free(p->article);
		p->article = st_xstrdup(article);
		p->seq = 0;
	}
	for (; *s; s++) {
		putc(hex[*s >> 4], fp);
		putc(hex[*s & 15], fp);
	}
	fprintf(fp, ".%010ld", p->seq++);
}

int st_people_add(struct st_people *p, const char *article, const char *key,
                  const char *name, const char *role,
                  const char *const *variants, size_t nvar,
                  const int *labels, const double *probs, size_t nq,
                  struct st_error *err)
{
	size_t i, b = put_group(p, key);
	FILE *fp = p->fp[b];
	int k;

	putc('\t', fp);
	put_seq(p, fp, article);
	putc('\t', fp);
	st_tsv_put(fp, key);
	putc('\t', fp);
	st_tsv_put(fp, name);
	putc('\t', fp);
	st_tsv_put(fp, role);
	putc('\t', fp);
	for (i = 0; i < nvar; i++) {
		if (i)
			putc('\x1f', fp);
		st_tsv_put(fp, variants[i]);
	}
	putc('\t', fp);
	for (i = 0; i < nq; i++)
		fprintf(fp, "%s%d", i ? "," : "", labels[i]);
	putc('\t', fp);
	for (i = 0; i < nq; i++)
		for (k = 0; k < p->nlabels; k++) {
			if (i || k)
				putc(',', fp);
			put_bits(fp, probs[i * (size_t)p->nlabels + (size_t)k]);
		}
	putc('\n', fp);
	if (ferror(fp))
		return st_fail(err, p->spill[b], 0, "write error: %s",
		               strerror(errno));
	return 0;
}


/* The first files, closed. */
static int close_spill(struct st_people *p, struct st_error *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < p->nb; i++) {
		if (p->fp[i] && fclose(p->fp[i]) && !rc)
			rc = st_fail(err, p->spill[i], 0, "write error: %s",
			             strerror(errno));
		p->fp[i] = NULL;
	}
	return rc;
}

int st_people_end_split(struct st_people *p, char *const *outs,
                        struct st_error *err)
{
	size_t i;

	if (close_spill(p, err))
		return -1;
	for (i = 0; i < p->nb; i++)
		if (rename(p->spill[i], outs[i]))
			return st_fail(err, outs[i], 0, "cannot create: %s",
			               strerror(errno));
	return 0;
}

int st_people_merge(char *const *ins, size_t n, const char *out,
                    const char *dir, int nlabels, struct st_error *err)
{
	char *rows = temp_name(dir, tables++, "3");
	struct st_sort sort;
	FILE *in;
	int rc = -1;

	/* the tables' files sorted as one and folded as sort writes them */
	in = st_sort_open(ins, n, 0, 2, dir, &sort, err);
	if (in && !st_sort_close(&sort, st_people_rows(in, ins[0], rows,
	                                               nlabels, err), err))
		rc = st_sort_file(rows, out, 3, dir, err);
	unlink(rows);
	free(rows);
	return rc;
}

void st_people_add_sorted(struct st_people *p, char *path)
{
	p->parts = st_xrealloc(p->parts, (p->nparts + 1) * sizeof *p->parts);
	p->parts[p->nparts++] = path;
}

int st_people_write(struct st_people *p, struct st_csv_writer *w,
                    char *const *labels, struct st_error *err)
{
	struct st_sort sort;
	FILE *in;
	char *line = NULL, *f[9];
	const char *name;
	size_t cap = 0;
	long lineno = 0;
	int rc = -1;

	if (close_spill(p, err))
		return -1;
	/* the rows are read as sort writes them; each file is removed as
	 * soon as the next is made from it, so that the disk holds two of
	 * them at most */
	if (p->nparts) {
		in = st_sort_open(p->parts, p->nparts, 1, 3, p->dir, &sort,
		                  err);
		name = p->parts[0];
	} else {
		in = st_sort_open(p->spill, 1, 0, 2, p->dir, &sort, err);
		if (!in || st_sort_close(&sort, st_people_rows(in,
		    p->spill[0], p->out, p->nlabels, err), err))
			return -1;
		unlink(p->spill[0]);
		in = st_sort_open(&p->out, 1, 0, 3, p->dir, &sort, err);
		name = p->out;
	}
	if (!in)
		return -1;
	while (getline(&line, &cap, in) >= 0) {
		long best;
		char *s;
		int k;

		lineno++;
		if (st_tsv_split(line, f, 9) != 9 || st_parse_long(f[6], &best) ||
		    best < 0 || best >= p->nlabels) {
			st_fail(err, name, lineno, "not a people line");
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
		st_fail(err, name, 0, "read error: %s", strerror(errno));
		goto done;
	}
	rc = 0;
done:
	free(line);
	return st_sort_close(&sort, rc, err);
}
