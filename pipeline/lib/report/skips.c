/* skips.c - the articles a run skipped: read from stance-tokenize's
 * --errors lists and stance-shard's --skipped list, written as
 * errors.csv. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

void st_skips_init(struct st_skips *s)
{
	memset(s, 0, sizeof *s);
	st_map_init(&s->failed);
}

void st_skips_finish(struct st_skips *s)
{
	size_t j;

	for (j = 0; j < s->nfl; j++) {
		free(s->fl[j].article);
		free(s->fl[j].message);
		free(s->fl[j].where);
	}
	free(s->fl);
	st_map_finish(&s->failed);
}

static void add_failure(struct st_skips *r, const char *article, long line,
                        const char *message, const char *where)
{
	struct st_failure *f;

	if (st_map_get(&r->failed, article))
		return;
	st_map_put(&r->failed, article, 1);
	r->fl = st_xrealloc(r->fl, (r->nfl + 1) * sizeof *r->fl);
	f = &r->fl[r->nfl++];
	f->article = st_xstrdup(article);
	f->message = st_xstrdup(message);
	f->where = st_xstrdup(where);
	f->line = line;
}

/* Read a CSV file whose header starts with the columns cols[0..ncols),
 * calling fn on every further row. */
static int read_list(struct st_skips *r, const char *path,
                     const char *const *cols, int ncols,
                     int (*fn)(struct st_skips *, const struct st_csv_row *,
                               const char *, struct st_error *),
                     struct st_error *err)
{
	struct st_csv_reader *cr = st_csv_reader_open(path, err);
	const struct st_csv_row *row;
	int rc = -1, got, k;

	if (!cr)
		return -1;
	got = st_csv_next(cr, &row, err);
	if (got < 0)
		goto out;
	if (got == 0) {
		st_fail(err, path, 1, "empty file: no header");
		goto out;
	}
	for (k = 0; k < ncols; k++)
		if ((size_t)k >= row->n || strcmp(row->field[k], cols[k])) {
			st_fail(err, path, row->line, "expected the columns %s,%s",
			        cols[0], cols[1]);
			goto out;
		}
	while ((got = st_csv_next(cr, &row, err)) > 0) {
		if (row->n < (size_t)ncols) {
			st_fail(err, path, row->line, "expected %d fields", ncols);
			goto out;
		}
		if (fn(r, row, path, err))
			goto out;
	}
	rc = got < 0 ? -1 : 0;
out:
	st_csv_reader_close(cr);
	return rc;
}

static int error_row(struct st_skips *r, const struct st_csv_row *row,
                     const char *path, struct st_error *err)
{
	long line;

	if (st_parse_long(row->field[1], &line) || line < 0)
		return st_fail(err, path, row->line, "bad line number '%s'",
		               row->field[1]);
	add_failure(r, row->field[0], line, row->field[2],
	            row->n > 3 && row->field[3][0] ? row->field[3] : path);
	return 0;
}

static int skipped_row(struct st_skips *r, const struct st_csv_row *row,
                       const char *path, struct st_error *err)
{
	const char *name = row->field[0], *why = row->field[1];
	size_t n = strlen(name);

	(void)err;
	(void)path;
	if (!strcmp(why, "folder"))
		r->folders++;
	else if (n > 4 && !strcmp(name + n - 4, ".txt")) {
		/* an article whose name cannot be used, or a file that
		 * cannot be read */
		char *id = st_xstrndup(name, n - 4);
		add_failure(r, id, 0, why, name);
		free(id);
	} else {
		r->other_files++;
	}
	return 0;
}

static int cmp_failure(const void *a, const void *b)
{
	return strcmp(((const struct st_failure *)a)->article,
	              ((const struct st_failure *)b)->article);
}

/* Kept in article order: the first is the one --strict names. */
static void sort(struct st_skips *s)
{
	if (s->nfl)
		qsort(s->fl, s->nfl, sizeof *s->fl, cmp_failure);
}

void st_skips_write(const struct st_skips *r, FILE *fp, int excel)
{
	struct st_csv_writer w;
	size_t i;

	st_csv_writer_init(&w, fp, excel, 1);
	st_csv_put(&w, "article");
	st_csv_put(&w, "line");
	st_csv_put(&w, "message");
	st_csv_endrow(&w);
	for (i = 0; i < r->nfl; i++) {
		st_csv_put(&w, r->fl[i].article);
		if (r->fl[i].line > 0)
			st_csv_putl(&w, r->fl[i].line);
		else
			st_csv_putraw(&w, "");
		st_csv_put(&w, r->fl[i].message);
		st_csv_endrow(&w);
	}
	st_csv_writer_finish(&w);
}

int st_skips_read_errors(struct st_skips *s, const char *path,
                         struct st_error *err)
{
	static const char *const cols[] = { "article", "line", "message" };

	if (read_list(s, path, cols, 3, error_row, err))
		return -1;
	sort(s);
	return 0;
}

int st_skips_read_skipped(struct st_skips *s, const char *path,
                          struct st_error *err)
{
	static const char *const cols[] = { "name", "reason" };

	if (read_list(s, path, cols, 2, skipped_row, err))
		return -1;
	sort(s);
	return 0;
}

int st_skips_has(const struct st_skips *s, const char *article)
{
	return st_map_get(&s->failed, article) != NULL;
}
