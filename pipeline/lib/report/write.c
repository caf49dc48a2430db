/* write.c - quotes.csv, articles.csv and speakers.csv, written as the
 * merged quotes come: an article's rows when it ends, the people at the
 * end. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

struct st_report {
	struct st_report_opts o;
	struct st_csv_writer wq, wa, ws;
	struct st_article art;	/* the article being read */
	struct st_people *people;
	/* every article id, in order: from a file, read as needed, or a
	 * list */
	FILE *ids_fp;
	const char *ids_path;
	char *line;
	size_t linecap;
	long ids_line;
	char *cur_id, *prev_id;
	char **ids;
	size_t nids, next_id;
	int ids_started;
	long narticles;
	/* a part (st_report_new_part): told of each article's bytes */
	void (*done)(void *arg, const char *article, long qbytes,
	             long abytes);
	void *done_arg;
	char *const *people_out;
	long long qend, aend;	/* the bytes of the articles told of */
};

static void header(struct st_csv_writer *w, const struct st_report *r,
                   const char *const *first, int with_p)
{
	int k;

	for (; *first; first++)
		st_csv_put(w, *first);
	for (k = 0; k < r->o.nlabels; k++) {
		if (with_p) {
			struct st_buf col = ST_BUF_INIT;

			st_buf_addf(&col, "P(%s)", r->o.labels[k]);
			st_csv_put(w, col.s);
			st_buf_finish(&col);
		} else {
			st_csv_put(w, r->o.labels[k]);
		}
	}
}

static struct st_report *report_new(const struct st_report_opts *o,
                                    FILE *quotes, FILE *articles,
                                    FILE *speakers, int bom,
                                    struct st_error *err)
{
	struct st_report *r = st_xcalloc(1, sizeof *r);

	r->o = *o;
	st_article_init(&r->art);
	r->people = st_people_new(o->tmpdir, o->nlabels, err);
	if (!r->people) {
		st_article_finish(&r->art);
		free(r);
		return NULL;
	}
	/* a part's rows end as the whole file's; the one byte order mark
	 * is the whole file's */
	st_csv_writer_init(&r->wq, quotes, o->excel && bom, 1);
	st_csv_writer_init(&r->wa, articles, o->excel && bom, 1);
	st_csv_writer_init(&r->ws, speakers, o->excel && bom, 1);
	r->wq.excel = r->wa.excel = r->ws.excel = o->excel;
	return r;
}

struct st_report *st_report_new_part(const struct st_report_opts *o,
                                     FILE *quotes, FILE *articles,
                                     void (*done)(void *arg,
                                                  const char *article,
                                                  long qbytes, long abytes),
                                     void *arg, char *const *people,
                                     size_t npeople, struct st_error *err)
{
	struct st_report *r = report_new(o, quotes, articles, NULL, 0, err);

	if (r && st_people_split(r->people, npeople, err)) {
		st_report_free(r);
		return NULL;
	}
	if (r) {
		r->done = done;
		r->done_arg = arg;
		r->people_out = people;
		r->ids_started = 1;	/* ids are the join's */
	}
	return r;
}

struct st_report *st_report_new(const struct st_report_opts *o, FILE *quotes,
                                FILE *articles, FILE *speakers,
                                struct st_error *err)
{
	static const char *const qcols[] = { "article", "quote_id",
		"paragraph", "start", "end", "kind", "speaker", "role", "quote",
		"stance", "confidence", NULL };
	static const char *const acols[] = { "article", "date", "source",
		"quotes", NULL };
	struct st_report *r = report_new(o, quotes, articles, speakers, 1, err);

	if (!r)
		return NULL;
	header(&r->wq, r, qcols, 1);
	st_csv_put(&r->wq, "review");
	st_csv_put(&r->wq, "speaker_confidence");
	st_csv_put(&r->wq, "evidence");
	st_csv_endrow(&r->wq);
	header(&r->wa, r, acols, 0);
	st_csv_endrow(&r->wa);
	return r;
}

int st_report_ids_file(struct st_report *r, const char *path,
                       struct st_error *err)
{
	r->ids_path = path;
	r->ids_fp = fopen(path, "rb");
	if (!r->ids_fp)
		return st_fail(err, path, 0, "cannot open: %s", strerror(errno));
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void st_report_ids_add(struct st_report *r, const char *id)
{
	r->ids = st_xrealloc(r->ids, (r->nids + 1) * sizeof *r->ids);
	r->ids[r->nids++] = st_xstrdup(id);
}

void st_report_free(struct st_report *r)
{
	size_t j;

	if (!r)
		return;
	st_article_finish(&r->art);
	st_people_free(r->people);
	for (j = 0; j < r->nids; j++)
		free(r->ids[j]);
	free(r->ids);
	free(r->cur_id);
	free(r->prev_id);
	free(r->line);
	if (r->ids_fp)
		fclose(r->ids_fp);
	st_csv_writer_finish(&r->wq);
	st_csv_writer_finish(&r->wa);
	st_csv_writer_finish(&r->ws);
	free(r);
}

long st_report_articles(const struct st_report *r)
{
	return r->narticles;
}

static void article_row(struct st_report *r, const char *id, const char *date,
                        const char *source, const long *counts, long n)
{
	char d[11], src[64];
	int k;

	r->narticles++;
	if (!date) {
		/* no quotes carry them: from the article's opening when
		 * --article-dir names its folder (a dateline is in the first few
		 * kilobytes), else from the id alone */
		char head[8192];
		size_t len = 0;

		if (r->o.article_dir) {
			struct st_buf path = ST_BUF_INIT;
			FILE *fp;

			st_buf_addf(&path, "%s/%s.txt", r->o.article_dir, id);
			fp = fopen(path.s, "rb");
			if (fp) {
				len = fread(head, 1, sizeof head, fp);
				fclose(fp);
			}
			st_buf_finish(&path);
		}
		st_article_date(id, head, len, d, src, sizeof src);
		date = d;
		source = src;
	}
	st_csv_put(&r->wa, id);
	st_csv_put(&r->wa, date);
	st_csv_put(&r->wa, source);
	st_csv_putl(&r->wa, n);
	for (k = 0; k < r->o.nlabels; k++)
		st_csv_putl(&r->wa, counts ? counts[k] : 0);
	st_csv_endrow(&r->wa);
}

/* The next article id of the run, or NULL at the end; ids come sorted
 * and a repeated id is passed over. */
static int next_id(struct st_report *r, struct st_error *err)
{
	free(r->prev_id);
	r->prev_id = r->cur_id;
	r->cur_id = NULL;
	for (;;) {
		if (r->ids_fp) {
			ssize_t n = getline(&r->line, &r->linecap, r->ids_fp);

			if (n < 0)
				return ferror(r->ids_fp)
				       ? st_fail(err, r->ids_path, r->ids_line,
				                 "read error: %s", strerror(errno))
				       : 0;
			r->ids_line++;
			while (n && (r->line[n - 1] == '\n' ||
			             r->line[n - 1] == '\r'))
				r->line[--n] = '\0';
			if (!n)
				continue;
			r->cur_id = st_xstrdup(r->line);
		} else {
			if (r->next_id == r->nids)
				return 0;
			r->cur_id = st_xstrdup(r->ids[r->next_id++]);
		}
		if (r->o.skips && st_skips_has(r->o.skips, r->cur_id)) {
			free(r->cur_id);	/* skipped: in errors.csv */
			r->cur_id = NULL;
			continue;
		}
		if (!r->prev_id || strcmp(r->prev_id, r->cur_id) < 0)
			return 0;
		if (strcmp(r->prev_id, r->cur_id) > 0)
			return st_fail(err, r->ids_path, r->ids_line,
			               "article ids out of order ('%s' after "
			               "'%s')", r->cur_id, r->prev_id);
		free(r->cur_id);	/* the same id again */
		r->cur_id = NULL;
	}
}

/* Rows, with no quotes, for the ids that sort before id (or all, for
 * NULL); an id equal to id is passed over. */
static int articles_before(struct st_report *r, const char *id,
                           struct st_error *err)
{
	while (r->cur_id) {
		int c = id ? strcmp(r->cur_id, id) : -1;

		if (c > 0)
			break;
		if (c < 0)
			article_row(r, r->cur_id, NULL, NULL, NULL, 0);
		if (next_id(r, err))
			return -1;
	}
	return 0;
}

/* Write the held article: its quote rows, its articles.csv row, and its
 * people's counts. */
static int finish_article(struct st_report *r, struct st_error *err)
{
	struct st_article *a = &r->art;
	long counts[ST_MAX_LABELS] = { 0 };
	size_t i;
	int k;

	if (!a->n)
		return 0;
	if (st_article_decide(a, r->o.actors, r->o.labels, r->o.nlabels,
	                      r->o.per_quote, r->people, err))
		return -1;
	for (i = 0; i < a->n; i++) {
		const struct st_quote *q = &a->q.q[i];
		const struct st_pred *w = &a->pred[i];
		struct st_csv_writer *cw = &r->wq;
		char id[32];

		st_quote_id(id, q->id);
		st_csv_put(cw, a->q.q[0].article);
		st_csv_putraw(cw, id);
		st_csv_putl(cw, q->paragraph);
		st_csv_putl(cw, (long)q->start);
		st_csv_putl(cw, (long)q->end);
		st_csv_putraw(cw, q->kind == ST_FULL ? "full" : "partial");
		st_csv_put(cw, q->speaker);
		st_csv_put(cw, q->role);
		st_csv_put(cw, q->text);
		st_csv_put(cw, r->o.labels[w->label]);
		st_csv_putd(cw, w->conf, 4);
		for (k = 0; k < r->o.nlabels; k++)
			st_csv_putd(cw, w->prob[k], 4);
		st_csv_putl(cw, w->conf < 0.5);
		if (q->speaker[0] && q->speaker_confidence >= 0)
			st_csv_putd(cw, q->speaker_confidence, 1);
		else
			st_csv_putraw(cw, "");
		st_csv_put(cw, a->evidence[i]);
		st_csv_endrow(cw);
		counts[w->label]++;
	}
	article_row(r, a->q.q[0].article, a->q.q[0].date, a->q.q[0].source,
	            counts, (long)a->n);
	if (r->done) {
		r->done(r->done_arg, a->q.q[0].article,
		        (long)(r->wq.bytes - r->qend),
		        (long)(r->wa.bytes - r->aend));
		r->qend = r->wq.bytes;
		r->aend = r->wa.bytes;
	}
	st_article_clear(a);
	return 0;
}

/* The first id, once: the list sorted, or the file's first line. */
static int start_ids(struct st_report *r, struct st_error *err)
{
	if (r->ids_started)
		return 0;
	r->ids_started = 1;
	if (!r->ids_fp && r->nids)
		qsort(r->ids, r->nids, sizeof *r->ids, cmp_str);
	return next_id(r, err);
}

int st_report_add(struct st_report *r, struct st_quote *q,
                  const struct st_pred *p, struct st_error *err)
{
	if (start_ids(r, err))
		return -1;
	if (r->art.n && strcmp(r->art.q.q[0].article, q->article) &&
	    finish_article(r, err))
		return -1;
	if (!r->art.n && articles_before(r, q->article, err))
		return -1;
	st_article_add(&r->art, q, p);
	return 0;
}

/* The batch's people, merged across it and written, most quoted
 * first. */
static int write_speakers(struct st_report *r, struct st_error *err)
{
	static const char *const cols[] = { "speaker", "role", "articles",
		"quotes", NULL };
	struct st_csv_writer *w = &r->ws;

	header(w, r, cols, 0);
	st_csv_put(w, "majority");
	st_csv_put(w, "variants");
	st_csv_endrow(w);
	return st_people_write(r->people, w, r->o.labels, err);
}

/* n bytes from in to out. */
static int copy(FILE *in, FILE *out, long n, const char *what,
                struct st_error *err)
{
	char buf[65536];

	while (n > 0) {
		size_t want = n < (long)sizeof buf ? (size_t)n : sizeof buf;
		size_t got = fread(buf, 1, want, in);

		if (got != want)
			return st_fail(err, what, 0, "read error: %s",
			               ferror(in) ? strerror(errno)
			               : "the file ends early");
		fwrite(buf, 1, got, out);
		n -= (long)got;
	}
	return 0;
}

int st_report_copy(struct st_report *r, const char *article, FILE *quotes,
                   long qbytes, FILE *articles, long abytes,
                   const char *what, struct st_error *err)
{
	if (start_ids(r, err) || articles_before(r, article, err))
		return -1;
	if (!quotes)
		return 0;
	r->narticles++;
	return copy(quotes, r->wq.fp, qbytes, what, err) ||
	       copy(articles, r->wa.fp, abytes, what, err) ? -1 : 0;
}

void st_report_add_people(struct st_report *r, char *path)
{
	st_people_add_sorted(r->people, path);
}

int st_report_end(struct st_report *r, struct st_error *err)
{
	if (r->done)
		return finish_article(r, err) ||
		       st_people_end_split(r->people, r->people_out, err) ? -1 : 0;
	if (start_ids(r, err))
		return -1;
	if (finish_article(r, err) || articles_before(r, NULL, err))
		return -1;
	return write_speakers(r, err);
}
