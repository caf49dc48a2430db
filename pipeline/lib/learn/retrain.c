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

static int predict(struct st_featurizer *f, const struct st_model *m,
                   const struct st_quote *q, struct st_vec *x)
{
	double prob[ST_MAX_LABELS];

	st_quote_vector(f, q, &m->vocab, x);
	return st_model_predict(m, x, prob);
}

int st_prediction_changes(const char *old_dir, const char *new_dir,
                          const char *articles_dir, long *nquotes,
                          long *changed, long *unread, struct st_error *err)
{
	struct st_model om, nm;
	struct st_extractor *x = NULL;
	struct st_tokenizer *tk = NULL;
	struct st_featurizer *f = NULL;
	struct dirent **ents = NULL;
	struct st_buf text = ST_BUF_INIT, path = ST_BUF_INIT;
	struct st_vec v;
	int n = -1, i, rc = -1, loaded = 0;

	*nquotes = *changed = *unread = 0;
	memset(&om, 0, sizeof om);
	memset(&nm, 0, sizeof nm);
	st_vec_init(&v);
	if (st_model_load(&om, old_dir, err))
		goto out;
	loaded = 1;
	if (st_model_load(&nm, new_dir, err))
		goto out;
	loaded = 2;
	x = st_extractor_new(err);
	tk = x ? st_tokenizer_new(err) : NULL;
	f = tk ? st_featurizer_new(err) : NULL;
	if (!f)
		goto out;
	n = scandir(articles_dir, &ents, txt_name, alphasort);
	if (n < 0) {
		st_fail(err, articles_dir, 0, "cannot list: %s", strerror(errno));
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct st_quotes qs;
		struct st_error e;
		char *id;
		size_t k;

		st_buf_reset(&path);
		st_buf_addf(&path, "%s/%s", articles_dir, ents[i]->d_name);
		if (st_read_file(path.s, &text, &e) || text.len == 0 ||
		    st_check_text(path.s, text.s, text.len, &e)) {
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
		for (k = 0; k < qs.n; k++) {
			int a = predict(f, &om, &qs.q[k], &v);
			int b = predict(f, &nm, &qs.q[k], &v);

			(*nquotes)++;
			if (strcmp(om.labels[a], nm.labels[b]))
				(*changed)++;
		}
		st_quotes_finish(&qs);
		free(id);
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	st_vec_finish(&v);
	st_featurizer_free(f);
	st_tokenizer_free(tk);
	st_extractor_free(x);
	if (loaded >= 1)
		st_model_finish(&om);
	st_model_finish(&nm);
	st_buf_finish(&text);
	st_buf_finish(&path);
	return rc;
}
