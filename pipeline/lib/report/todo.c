/* todo.c - the labelling sheet of make annotate: every quote with the
 * model's guess, the least confident first, as CSV and as a workbook. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

struct todo_row {
	char *article, *text, *speaker, *role, *sentence, *paragraph;
	int label;
	double conf;
	size_t order;
};

struct st_todo {
	char *const *labels;
	int nlabels;
	const char *article_dir;	/* or NULL */
	char *text_id;			/* the article held in text */
	struct st_buf text;
	struct todo_row *tr;
	size_t ntr, captr;
	int sorted;
};

struct st_todo *st_todo_new(char *const *labels, int nlabels,
                            const char *article_dir)
{
	struct st_todo *t = st_xcalloc(1, sizeof *t);

	t->labels = labels;
	t->nlabels = nlabels;
	t->article_dir = article_dir;
	return t;
}

void st_todo_free(struct st_todo *t)
{
	size_t j;

	if (!t)
		return;
	for (j = 0; j < t->ntr; j++) {
		free(t->tr[j].article);
		free(t->tr[j].text);
		free(t->tr[j].speaker);
		free(t->tr[j].role);
		free(t->tr[j].sentence);
		free(t->tr[j].paragraph);
	}
	free(t->tr);
	free(t->text_id);
	st_buf_finish(&t->text);
	free(t);
}

/* The sentence and the paragraph of quote q, from its article in the
 * articles folder (read once per article: quotes come in article
 * order). */
static int around(struct st_todo *r, const struct st_quote *q,
                  struct todo_row *t, struct st_error *err)
{
	size_t sb, se, pb, pe;

	if (!r->text_id || strcmp(r->text_id, q->article)) {
		struct st_buf path = ST_BUF_INIT;
		struct st_error e;
		int bad;

		free(r->text_id);
		r->text_id = st_xstrdup(q->article);
		st_buf_addf(&path, "%s/%s.txt", r->article_dir, q->article);
		bad = st_read_file(path.s, &r->text, &e);
		if (bad)
			st_fail(err, r->article_dir, 0, "%s: %s", path.s, e.msg);
		st_buf_finish(&path);
		if (bad)
			return -1;
	}
	st_text_around(r->text.s, r->text.len, q->start, q->end, &sb, &se,
	               &pb, &pe);
	t->sentence = st_xstrndup(r->text.s + sb, se - sb);
	t->paragraph = st_xstrndup(r->text.s + pb, pe - pb);
	return 0;
}

int st_todo_add(struct st_todo *r, const struct st_quote *q,
                const struct st_pred *p, struct st_error *err)
{
	struct todo_row *t;

	ST_GROW(r->tr, r->ntr, r->captr, 256);
	t = &r->tr[r->ntr];
	t->article = st_xstrdup(q->article);
	t->text = st_xstrdup(q->text);
	t->speaker = st_xstrdup(q->speaker);
	t->role = st_xstrdup(q->role);
	t->label = p->label;
	t->conf = p->conf;
	t->sentence = t->paragraph = NULL;
	if (r->article_dir && around(r, q, t, err)) {
		free(t->article);
		free(t->text);
		free(t->speaker);
		free(t->role);
		return -1;
	}
	t->order = r->ntr++;
	return 0;
}

static int cmp_todo(const void *a, const void *b)
{
	const struct todo_row *x = a, *y = b;

	if (x->conf != y->conf)
		return x->conf < y->conf ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* The least sure first, ties in the order the quotes came. */
static void sort(struct st_todo *r)
{
	if (!r->sorted && r->ntr)
		qsort(r->tr, r->ntr, sizeof *r->tr, cmp_todo);
	r->sorted = 1;
}

void st_todo_write(struct st_todo *r, FILE *fp, int excel)
{
	static const char *const cols[] = { "article", "quote", "speaker",
		"role", "stance", "suggested", "confidence", NULL };
	struct st_csv_writer w;
	size_t i;

	sort(r);
	st_csv_writer_init(&w, fp, excel, 1);
	for (i = 0; cols[i]; i++)
		st_csv_put(&w, cols[i]);
	st_csv_endrow(&w);
	for (i = 0; i < r->ntr; i++) {
		const struct todo_row *t = &r->tr[i];

		st_csv_put(&w, t->article);
		st_csv_put(&w, t->text);
		st_csv_put(&w, t->speaker);
		st_csv_put(&w, t->role);
		st_csv_put(&w, "");
		st_csv_put(&w, r->labels[t->label]);
		st_csv_putd(&w, t->conf, 4);
		st_csv_endrow(&w);
	}
	st_csv_writer_finish(&w);
}

int st_todo_write_xlsx(struct st_todo *r, const char *path,
                       struct st_error *err)
{
	struct st_todo_row *rows = st_xcalloc(r->ntr ? r->ntr : 1,
	                                      sizeof *rows);
	size_t i;
	int rc;

	sort(r);
	for (i = 0; i < r->ntr; i++) {
		const struct todo_row *t = &r->tr[i];

		rows[i].article = t->article;
		rows[i].quote = t->text;
		rows[i].speaker = t->speaker;
		rows[i].role = t->role;
		rows[i].suggested = r->labels[t->label];
		rows[i].confidence = t->conf;
		rows[i].sentence = t->sentence ? t->sentence : "";
		rows[i].paragraph = t->paragraph ? t->paragraph : "";
	}
	rc = st_sheet_write_todo(path, rows, r->ntr, r->labels, r->nlabels,
	                         err);
	free(rows);
	return rc;
}
