/* retrain.c - the previous model beside the new one. */
#include "learn/learn.h"
#include "extract/extract.h"
#include "io/io.h"
#include "text/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int st_metrics_read(const char *dir, struct st_metrics *m,
                    struct st_error *err)
{
	struct st_buf path = ST_BUF_INIT, data = ST_BUF_INIT;
	char *line, *next;
	int rc = -1;

	memset(m, 0, sizeof *m);
	m->cv_f1 = -1;
	m->quotes = -1;
	st_buf_addf(&path, "%s/metrics.txt", dir);
	if (access(path.s, F_OK) != 0) {
		rc = 0;
		goto out;
	}
	if (st_read_file(path.s, &data, err))
		goto out;
	m->have = 1;
	for (line = data.s; line && *line; line = next) {
		char *sp;
		double d;
		long v;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		sp = strrchr(line, ' ');
		if (!sp)
			continue;
		*sp = '\0';
		if (!strcmp(line, "cv_macro_f1") && !st_parse_double(sp + 1, &d))
			m->cv_f1 = d;
		else if (!strcmp(line, "quotes") && !st_parse_long(sp + 1, &v))
			m->quotes = v;
		else if (!strncmp(line, "quotes[", 7) &&
		         line[strlen(line) - 1] == ']' &&
		         m->nlabels < ST_MAX_LABELS &&
		         !st_parse_long(sp + 1, &v)) {
			m->labels[m->nlabels] = st_xstrndup(line + 7,
			                                    strlen(line) - 8);
			m->count[m->nlabels++] = v;
		}
	}
	rc = 0;
out:
	st_buf_finish(&path);
	st_buf_finish(&data);
	return rc;
}

void st_metrics_finish(struct st_metrics *m)
{
	int k;

	for (k = 0; k < m->nlabels; k++)
		free(m->labels[k]);
	m->nlabels = 0;
}

long st_metrics_count(const struct st_metrics *m, const char *label)
{
	int k;

	for (k = 0; k < m->nlabels; k++)
		if (!strcmp(m->labels[k], label))
			return m->count[k];
	return -1;
}

static int txt_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 4 && e->d_name[0] != '.' &&
	       strcmp(e->d_name + n - 4, ".txt") == 0;
}

/* The *.txt entries of dir, sorted (scandir(3): the caller frees them),
 * or -1 with err filled. */
static int list_articles(const char *dir, struct dirent ***ents,
                         struct st_error *err)
{
	int n = scandir(dir, ents, txt_name, alphasort);

	if (n < 0)
		return st_fail(err, dir, 0, "cannot list: %s", strerror(errno));
	return n;
}

/* The previous model and the new one, for comparing their predictions
 * quote by quote. */
struct compare {
	struct st_model om, nm;
	int loaded;
	struct st_featurizer *f;
	struct st_vec v;
};

static int compare_open(struct compare *c, const char *old_dir,
                        const char *new_dir, struct st_error *err)
{
	memset(c, 0, sizeof *c);
	st_vec_init(&c->v);
	if (st_model_load(&c->om, old_dir, err))
		return -1;
	c->loaded = 1;
	if (st_model_load(&c->nm, new_dir, err))
		return -1;
	c->loaded = 2;
	c->f = st_featurizer_new(err);
	return c->f ? 0 : -1;
}

static int predict(struct compare *c, const struct st_model *m,
                   const struct st_quote *q)
{
	double prob[ST_MAX_LABELS];

	st_quote_vector(c->f, q, &m->vocab, &c->v);
	return st_model_predict(m, &c->v, prob);
}

static void compare_quote(struct compare *c, const struct st_quote *q,
                          long *nquotes, long *changed)
{
	int a = predict(c, &c->om, q);
	int b = predict(c, &c->nm, q);

	(*nquotes)++;
	if (strcmp(c->om.labels[a], c->nm.labels[b]))
		(*changed)++;
}

static void compare_close(struct compare *c)
{
	st_vec_finish(&c->v);
	st_featurizer_free(c->f);
	if (c->loaded >= 1)
		st_model_finish(&c->om);
	st_model_finish(&c->nm);
}

/* Can the article at path be read as stance-tokenize reads it? */
static int readable(const char *path, struct st_buf *text)
{
	struct st_error e;

	return !st_read_file(path, text, &e) && text->len > 0 &&
	       !st_check_text(path, text->s, text->len, &e);
}

int st_prediction_changes(const char *old_dir, const char *new_dir,
                          const char *articles_dir, long *nquotes,
                          long *changed, long *unread, struct st_error *err)
{
	struct compare c;
	struct st_extractor *x = NULL;
	struct st_tokenizer *tk = NULL;
	struct dirent **ents = NULL;
	struct st_buf text = ST_BUF_INIT, path = ST_BUF_INIT;
	int n = -1, i, rc = -1;

	*nquotes = *changed = *unread = 0;
	if (compare_open(&c, old_dir, new_dir, err))
		goto out;
	x = st_extractor_new(err);
	tk = x ? st_tokenizer_new(err) : NULL;
	if (!tk)
		goto out;
	if ((n = list_articles(articles_dir, &ents, err)) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		struct st_quotes qs;
		char *id;
		size_t k;

		st_buf_reset(&path);
		st_buf_addf(&path, "%s/%s", articles_dir, ents[i]->d_name);
		if (!readable(path.s, &text)) {
			(*unread)++;
			continue;
		}
		id = st_xstrndup(ents[i]->d_name, strlen(ents[i]->d_name) - 4);
		st_quotes_init(&qs);
		st_extract(x, tk, id, text.s, text.len, &qs);
		{
			/* the article's date, as stance-tokenize gives it: the
			 * actor features depend on it */
			char date[11], source[64];

			st_article_date(id, text.s, text.len, date, source,
			                sizeof source);
			st_quotes_set_date(&qs, 0, date, source);
		}
		for (k = 0; k < qs.n; k++)
			compare_quote(&c, &qs.q[k], nquotes, changed);
		st_quotes_finish(&qs);
		free(id);
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	st_tokenizer_free(tk);
	st_extractor_free(x);
	compare_close(&c);
	st_buf_finish(&text);
	st_buf_finish(&path);
	return rc;
}

int st_prediction_changes_quotes(const char *old_dir, const char *new_dir,
                                 char *const *files, int nfiles,
                                 const char *articles_dir, long *nquotes,
                                 long *changed, long *unread,
                                 struct st_error *err)
{
	struct compare c;
	struct st_map seen;	/* the articles with quotes */
	struct st_quote q;
	struct dirent **ents = NULL;
	struct st_buf text = ST_BUF_INIT, path = ST_BUF_INIT;
	int n = -1, i, rc = -1;

	*nquotes = *changed = *unread = 0;
	st_map_init(&seen);
	memset(&q, 0, sizeof q);
	if (compare_open(&c, old_dir, new_dir, err))
		goto out;
	for (i = 0; i < nfiles; i++) {
		struct st_quote_reader *r = st_quote_reader_open(files[i], err);
		int got;

		if (!r)
			goto out;
		while ((got = st_quote_next(r, &q, err)) > 0) {
			compare_quote(&c, &q, nquotes, changed);
			st_map_put(&seen, q.article, 0);
		}
		st_quote_reader_close(r);
		if (got < 0)
			goto out;
	}
	/* what stance-tokenize skipped: the articles without quotes that
	 * cannot be read (the others have none to compare) */
	if ((n = list_articles(articles_dir, &ents, err)) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		size_t len = strlen(ents[i]->d_name) - 4;

		if (st_map_getn(&seen, ents[i]->d_name, len))
			continue;
		st_buf_reset(&path);
		st_buf_addf(&path, "%s/%s", articles_dir, ents[i]->d_name);
		if (!readable(path.s, &text))
			(*unread)++;
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	st_quote_finish(&q);
	st_map_finish(&seen);
	compare_close(&c);
	st_buf_finish(&text);
	st_buf_finish(&path);
	return rc;
}
