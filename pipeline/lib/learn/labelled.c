/* labelled.c - annotation rows matched to the quotes of their articles. */
#include "learn/learn.h"
#include "io/io.h"
#include "extract/extract.h"
#include "core/core.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct article {
	char *path;		/* ARTICLES/<id>.txt, once it is needed */
	struct st_quotes qs;
	int *used;		/* per quote: the sheet number that took it,
				 * or 0 */
	int missing;
	/* from the quotes files: the file and line of its first quote */
	const char *qfile;
	long qline;
};

/* Where a labelled quote came from: the row that set its label. */
struct origin {
	size_t out;		/* index into the caller's quotes */
	int sheet;		/* index into sheets */
	long line;
	int label;
};

struct sheet {
	char *path;
	struct st_sheet_age age;
};

struct st_labelled_state {
	struct st_map ids;	/* article id -> index into arts */
	struct article *arts;
	size_t narts;
	struct st_map keys;	/* "article\nk" -> index into origins */
	struct origin *origins;
	size_t norigins;
	struct sheet *sheets;
	int nsheets;
	/* quotes files read (st_labelled_add_quotes): then the articles'
	 * quotes are theirs, and no article is extracted */
	char **qfiles;
	int nqfiles;
	int last_art;		/* the article of the last quote read, or -1 */
	struct st_extractor *x;
	struct st_tokenizer *tk;
	struct st_buf text;
};

struct ctx {
	struct st_labelled *l;
	struct st_labelled_state *s;
	const char *path;
	int sheet;
	int rows;
	long rowno;
	struct st_quotes *out;
	int col_article, col_quote, col_stance;
	int header;
};

/* The text of a quote as compared: white space collapsed, and the
 * punctuation at either end dropped, so that "We stay," and "We stay"
 * are the same quote. */
static char *norm(const char *s)
{
	struct st_buf b = ST_BUF_INIT;
	size_t i = 0;
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			st_buf_addc(&b, ' ');
		space = 0;
		st_buf_addc(&b, *s);
	}
	while (b.len && strchr(".,;:!?", b.s[b.len - 1]))
		b.s[--b.len] = '\0';
	while (i < b.len && strchr(".,;:!? ", b.s[i]))
		i++;
	if (i) {
		memmove(b.s, b.s + i, b.len - i + 1);
		b.len -= i;
	}
	return st_buf_detach(&b);
}

static void tell(struct ctx *c, long line, const char *msg)
{
	struct st_error e;

	if (!c->l->warn)
		return;
	st_fail(&e, c->path, line, "%s", msg);
	c->l->warn(&e, c->l->warn_arg);
}

static void warn(struct ctx *c, long line, const char *msg)
{
	c->l->not_found++;
	tell(c, line, msg);
}

static struct article *new_article(struct st_labelled_state *s)
{
	struct article *a;

	s->arts = st_xrealloc(s->arts, (s->narts + 1) * sizeof *s->arts);
	a = &s->arts[s->narts++];
	memset(a, 0, sizeof *a);
	st_quotes_init(&a->qs);
	return a;
}

/* The article id of a sheet's row, with its quotes: those of the quotes
 * files when there are any, else those the extractor finds in
 * ARTICLES/<id>.txt.  An article the quotes files lack is read only to say
 * why (missing, not UTF-8), as it was when it was extracted. */
static struct article *load_article(struct ctx *c, const char *id, long line,
                                    struct st_error *err)
{
	struct st_labelled_state *s = c->s;
	int *slot = st_map_put(&s->ids, id, (int)s->narts);
	struct article *a;
	struct st_error e = { 0 };
	struct st_buf path = ST_BUF_INIT;

	if (*slot != (int)s->narts) {
		a = &s->arts[*slot];
		if (!a->used && !a->missing)	/* from the quotes files */
			a->used = st_xcalloc(a->qs.n ? a->qs.n : 1,
			                     sizeof *a->used);
		return a;
	}
	a = new_article(s);
	st_buf_addf(&path, "%s/%s.txt", c->l->articles_dir, id);
	a->path = st_buf_detach(&path);
	if (st_read_file(a->path, &s->text, &e) ||
	    (s->text.len == 0 && st_fail(&e, a->path, 1, "empty file")) ||
	    st_check_text(a->path, s->text.s, s->text.len, &e)) {
		a->missing = 1;
		if (!c->l->keep_going) {
			struct st_buf where = ST_BUF_INIT;

			if (e.line)
				st_buf_addf(&where, "%s:%ld", a->path, e.line);
			else
				st_buf_adds(&where, a->path);
			st_fail(err, c->path, line, "article '%s': %s: %s: "
			        "%s, or skip its rows with --keep-going (make "
			        "train KEEP_GOING=1)", id, where.s, e.msg,
			        access(a->path, F_OK) != 0
			        ? "move the article there first" : "fix it");
			st_buf_finish(&where);
			return NULL;
		}
		{
			struct st_buf msg = ST_BUF_INIT;

			st_buf_addf(&msg, "article '%s' skipped: %s: %s", id,
			            a->path, e.msg);
			tell(c, line, msg.s);
			st_buf_finish(&msg);
		}
		return a;
	}
	if (!s->nqfiles) {
		char date[11], source[64];

		if (!s->x && !(s->x = st_extractor_new(err)))
			return NULL;
		if (!s->tk && !(s->tk = st_tokenizer_new(err)))
			return NULL;
		st_extract(s->x, s->tk, id, s->text.s, s->text.len, &a->qs);
		st_article_date(id, s->text.s, s->text.len, date, source,
		                sizeof source);
		st_quotes_set_date(&a->qs, 0, date, source);
	}
	a->used = st_xcalloc(a->qs.n ? a->qs.n : 1, sizeof *a->used);
	return a;
}

static void copy_quote(struct st_quote *q, const struct st_quote *src,
                       const char *stance)
{
	q->id = src->id;
	q->start = src->start;
	q->end = src->end;
	q->kind = src->kind;
	q->paragraph = src->paragraph;
	st_set(&q->article, src->article, strlen(src->article));
	st_set(&q->speaker, src->speaker, strlen(src->speaker));
	st_set(&q->role, src->role, strlen(src->role));
	st_set(&q->text, src->text, strlen(src->text));
	st_set(&q->context, src->context, strlen(src->context));
	st_set(&q->tokens, src->tokens, strlen(src->tokens));
	st_set(&q->stance, stance, strlen(stance));
	st_set(&q->date, src->date, strlen(src->date));
	st_set(&q->source, src->source, strlen(src->source));
	q->speaker_confidence = src->speaker_confidence;
}

/* The row (this sheet, line, label) labels extracted quote k of article
 * a: a new quote, the same label again, or another label for it. */
static void label_quote(struct ctx *c, const char *id, struct article *a,
                        size_t k, long line, int label)
{
	struct st_labelled_state *s = c->s;
	struct st_buf key = ST_BUF_INIT;
	int *slot;
	struct origin *o;

	st_buf_addf(&key, "%s\n%zu", id, k);
	slot = st_map_put(&s->keys, key.s, (int)s->norigins);
	st_buf_finish(&key);
	if (*slot == (int)s->norigins) {
		s->origins = st_xrealloc(s->origins, (s->norigins + 1) *
		                         sizeof *s->origins);
		o = &s->origins[s->norigins++];
		o->out = c->out->n;
		o->sheet = c->sheet;
		o->line = line;
		o->label = label;
		copy_quote(st_quotes_add(c->out), &a->qs.q[k],
		           c->l->labels[label]);
		return;
	}
	o = &s->origins[*slot];
	if (o->label == label) {
		c->l->duplicates++;
		return;
	}
	{
		const struct sheet *old = &s->sheets[o->sheet];
		/* the newer sheet wins; on a tie (one sheet), the later row */
		int newer = st_sheet_age_cmp(&s->sheets[c->sheet].age,
		                             &old->age) >= 0;
		int keep = newer ? label : o->label;
		struct st_buf msg = ST_BUF_INIT;

		c->l->conflicts++;
		st_buf_addf(&msg, "quote labelled \"%s\" here and \"%s\" at "
		            "%s:%ld: \"%s\" is kept (%s)", c->l->labels[label],
		            c->l->labels[o->label], old->path, o->line,
		            c->l->labels[keep], o->sheet == c->sheet
		            ? "the later row" : newer ? "this sheet is newer"
		            : "that sheet is newer");
		tell(c, line, msg.s);
		st_buf_finish(&msg);
		if (newer) {
			o->sheet = c->sheet;
			o->line = line;
			o->label = label;
			st_set(&c->out->q[o->out].stance, c->l->labels[label],
			       strlen(c->l->labels[label]));
		}
	}
}

static int on_row(const struct st_csv_row *r, void *vc, struct st_error *err)
{
	struct ctx *c = vc;
	char *id, *quote, *stance;
	struct article *a;
	char *want;
	size_t k;
	long line = c->rows ? ++c->rowno : r->line;
	int found = -1, again = -1, label;

	if (!c->header) {
		c->col_article = st_csv_col(r, "article");
		c->col_quote = st_csv_col(r, "quote");
		c->col_stance = st_csv_col(r, "stance");
		if (c->col_article < 0 || c->col_quote < 0 || c->col_stance < 0)
			return st_fail(err, c->path, line, "missing column: "
			               "need article, quote and stance%s",
			               r->n == 1 && strchr(r->field[0], '\t')
			               ? " (separated by commas or semicolons, "
			               "not tabs)" : "");
		c->header = 1;
		return 0;
	}
	if ((int)r->n <= c->col_article || (int)r->n <= c->col_quote ||
	    (int)r->n <= c->col_stance) {
		size_t i;

		for (i = 0; i < r->n && !r->field[i][0]; i++)
			;
		if (i == r->n)	/* a spreadsheet's empty row */
			return 0;
		return st_fail(err, c->path, line, "too few fields (%zu)", r->n);
	}
	id = r->field[c->col_article];
	quote = r->field[c->col_quote];
	stance = r->field[c->col_stance];
	st_cell_restore(id);
	st_cell_restore(quote);
	st_cell_restore(stance);
	if (!stance[strspn(stance, " \t")]) {
		if (id[0] || quote[0])
			c->l->skipped++;
		return 0;
	}
	label = st_label_match(c->l->labels, c->l->nlabels, stance);
	if (label < 0) {
		char *valid = st_labels_join(c->l->labels, c->l->nlabels);

		st_fail(err, c->path, line, "unknown label \"%s\" (valid: %s)",
		        stance, valid);
		free(valid);
		return -1;
	}
	if (!id[0] || strchr(id, '/'))
		return st_fail(err, c->path, line, "bad article id '%s'", id);
	a = load_article(c, id, line, err);
	if (!a)
		return -1;
	if (a->missing) {
		c->l->not_found++;
		return 0;
	}
	want = norm(quote);
	for (k = 0; k < a->qs.n && found < 0; k++) {
		char *have = norm(a->qs.q[k].text);

		if (strcmp(have, want) == 0) {
			if (a->used[k] != c->sheet + 1)
				found = (int)k;
			else if (again < 0)
				again = (int)k;
		}
		free(have);
	}
	free(want);
	if (found < 0 && again < 0) {
		struct st_buf msg = ST_BUF_INIT;

		st_buf_addf(&msg, "quote not found in article '%s'%s", id,
		            c->s->nqfiles && !a->qs.n ? ": the quotes files "
		            "hold none of its quotes" : "");
		warn(c, line, msg.s);
		st_buf_finish(&msg);
		return 0;
	}
	/* a quote the article holds once, labelled twice in one sheet, is
	 * the same quote again */
	if (found < 0)
		found = again;
	a->used[found] = c->sheet + 1;
	label_quote(c, id, a, (size_t)found, line, label);
	return 0;
}

static struct st_labelled_state *state(struct st_labelled *l)
{
	struct st_labelled_state *s = l->state;

	if (!s) {
		s = l->state = st_xcalloc(1, sizeof *s);
		st_map_init(&s->ids);
		st_map_init(&s->keys);
		s->last_art = -1;
	}
	return s;
}

int st_labelled_add_quotes(struct st_labelled *l, const char *path,
                           struct st_error *err)
{
	struct st_labelled_state *s = state(l);
	struct st_quote_reader *r;
	struct st_quote q;
	const char *name;
	int rc;

	s->qfiles = st_xrealloc(s->qfiles, (size_t)(s->nqfiles + 1) *
	                        sizeof *s->qfiles);
	name = s->qfiles[s->nqfiles++] = st_xstrdup(strcmp(path, "-") ? path
	                                            : "<stdin>");
	r = st_quote_reader_open(path, err);
	if (!r)
		return -1;
	memset(&q, 0, sizeof q);
	s->last_art = -1;
	while ((rc = st_quote_next(r, &q, err)) > 0) {
		int *slot = st_map_put(&s->ids, q.article, (int)s->narts);
		struct article *a;
		struct st_quote *to;

		if (*slot == (int)s->narts) {
			a = new_article(s);
			a->qfile = name;
			a->qline = q.line;
		} else if (*slot != s->last_art) {
			/* stance-tokenize writes an article's quotes together,
			 * in one batch: quotes files of two runs given at
			 * once would count its quotes twice */
			a = &s->arts[*slot];
			rc = st_fail(err, name, q.line, "article '%s' again, "
			             "after other articles: its quotes begin at "
			             "%s:%ld (give each batch's quotes file once)",
			             q.article, a->qfile, a->qline);
			break;
		} else {
			a = &s->arts[*slot];
		}
		s->last_art = *slot;
		to = st_quotes_add(&a->qs);
		st_quote_finish(to);
		*to = q;
		memset(&q, 0, sizeof q);
	}
	st_quote_finish(&q);
	st_quote_reader_close(r);
	return rc < 0 ? -1 : 0;
}

int st_labelled_load_sheet(struct st_labelled *l, const char *path,
                           const char *data, size_t len, int rows,
                           struct st_quotes *out, struct st_error *err)
{
	struct st_labelled_state *s = state(l);
	struct ctx c;
	struct sheet *sh;

	if (len == 0)
		return st_fail(err, path, 1, "empty file");
	if (st_check_text(path, data, len, err))
		return -1;
	s->sheets = st_xrealloc(s->sheets, (size_t)(s->nsheets + 1) *
	                        sizeof *s->sheets);
	sh = &s->sheets[s->nsheets];
	sh->path = st_xstrdup(path);
	st_sheet_age(sh->path, &sh->age);
	memset(&c, 0, sizeof c);
	c.l = l;
	c.s = s;
	c.path = sh->path;
	c.sheet = s->nsheets++;
	c.rows = rows;
	c.out = out;
	if (st_csv_parse_delim(path, data, len, st_sheet_delim(data, len),
	                       on_row, &c, err)) {
		err->file = path;	/* the caller's: ours goes with l */
		return -1;
	}
	if (!c.header)
		return st_fail(err, path, 1, "no header row");
	return 0;
}

int st_labelled_load(struct st_labelled *l, const char *path,
                     const char *data, size_t len, struct st_quotes *out,
                     struct st_error *err)
{
	return st_labelled_load_sheet(l, path, data, len, 0, out, err);
}

void st_labelled_finish(struct st_labelled *l)
{
	struct st_labelled_state *s = l->state;
	size_t i;
	int k;

	if (!s)
		return;
	for (i = 0; i < s->narts; i++) {
		st_quotes_finish(&s->arts[i].qs);
		free(s->arts[i].used);
		free(s->arts[i].path);
	}
	free(s->arts);
	st_map_finish(&s->ids);
	st_map_finish(&s->keys);
	free(s->origins);
	for (k = 0; k < s->nsheets; k++)
		free(s->sheets[k].path);
	free(s->sheets);
	for (k = 0; k < s->nqfiles; k++)
		free(s->qfiles[k]);
	free(s->qfiles);
	st_buf_finish(&s->text);
	st_tokenizer_free(s->tk);
	st_extractor_free(s->x);
	free(s);
	l->state = NULL;
}
