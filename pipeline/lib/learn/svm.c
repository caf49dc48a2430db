/* svm.c - the one file that touches libsvm's types: fitting (for
 * cross-validation, and the final model with probability estimates),
 * libsvm's model file saved and loaded, and libsvm's own prediction. */
#include "learn/learn.h"
#include "learn/internal.h"
#include "core/core.h"
#include "io/io.h"

#include <errno.h>
#include <libsvm/svm.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void quiet(const char *s)
{
	(void)s;	/* libsvm's training chatter would go to stdout */
}

static struct svm_node *nodes_of(const struct st_vec *x)
{
	struct svm_node *n = st_xmalloc((x->n + 1) * sizeof *n);
	size_t k;

	for (k = 0; k < x->n; k++) {
		n[k].index = x->idx[k];
		n[k].value = x->val[k];
	}
	n[x->n].index = -1;
	n[x->n].value = 0;
	return n;
}

/* Sum each pair's support vectors, weighted by their coefficients, into
 * one dense vector: for a linear kernel sum_k c_k (sv_k . x) is
 * (sum_k c_k sv_k) . x. */
static void collapse(struct st_model *m)
{
	const struct svm_model *s = m->svm;
	int k = s->nr_class, i, j, p = 0, *start;
	size_t npairs = (size_t)(k * (k - 1) / 2);

	m->w = st_xcalloc((m->nfeatures + 1) * npairs, sizeof *m->w);
	start = st_xmalloc((size_t)k * sizeof *start);
	start[0] = 0;
	for (i = 1; i < k; i++)
		start[i] = start[i - 1] + s->nSV[i - 1];
	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++, p++) {
			double *w = m->w + p;
			int a;

			/* class i's vectors carry their coefficient for the
			 * pair in row j - 1, class j's in row i */
			for (a = 0; a < s->nSV[i]; a++) {
				const struct svm_node *x = s->SV[start[i] + a];
				double c = s->sv_coef[j - 1][start[i] + a];
				for (; x->index != -1; x++)
					w[(size_t)x->index * npairs] +=
						c * x->value;
			}
			for (a = 0; a < s->nSV[j]; a++) {
				const struct svm_node *x = s->SV[start[j] + a];
				double c = s->sv_coef[i][start[j] + a];
				for (; x->index != -1; x++)
					w[(size_t)x->index * npairs] +=
						c * x->value;
			}
		}
	free(start);
}

int st_svm_load(struct st_model *m, const char *path, struct st_error *err)
{
	int rc = -1, i, nsv, nclass, npairs, *lab = NULL;
	long maxidx = 0;

	svm_set_print_string_function(quiet);
	m->svm = svm_load_model(path);
	if (!m->svm)
		return st_fail(err, path, 1, "libsvm cannot read the model");
	nclass = svm_get_nr_class(m->svm);
	if (svm_get_svm_type(m->svm) != C_SVC || nclass != m->nlabels ||
	    !svm_check_probability_model(m->svm)) {
		st_fail(err, path, 1, "expected a C-SVC model with "
		        "probabilities for %d labels", m->nlabels);
		goto out;
	}
	lab = st_xmalloc((size_t)nclass * sizeof *lab);
	svm_get_labels(m->svm, lab);
	m->svm_order = st_xmalloc((size_t)nclass * sizeof *m->svm_order);
	for (i = 0; i < nclass; i++) {
		if (lab[i] < 1 || lab[i] > m->nlabels) {
			st_fail(err, path, 1, "class %d has no label", lab[i]);
			goto out;
		}
		m->svm_order[i] = lab[i] - 1;
	}
	nsv = svm_get_nr_sv(m->svm);
	for (i = 0; i < nsv; i++) {
		const struct svm_node *x = m->svm->SV[i];
		for (; x->index != -1; x++)
			if (x->index > maxidx)
				maxidx = x->index;
	}
	if (maxidx > (long)st_vocab_size(&m->vocab)) {
		st_fail(err, path, 1, "model uses feature %ld but the "
		        "vocabulary has %zu", maxidx, st_vocab_size(&m->vocab));
		goto out;
	}
	m->nfeatures = st_vocab_size(&m->vocab);
	if (m->svm->param.kernel_type == LINEAR) {
		collapse(m);
		/* what the linear prediction needs besides the weights, so
		 * that linear.c never looks inside libsvm's model */
		npairs = nclass * (nclass - 1) / 2;
		m->rho = st_xmalloc((size_t)npairs * sizeof *m->rho);
		m->probA = st_xmalloc((size_t)npairs * sizeof *m->probA);
		m->probB = st_xmalloc((size_t)npairs * sizeof *m->probB);
		memcpy(m->rho, m->svm->rho, (size_t)npairs * sizeof *m->rho);
		memcpy(m->probA, m->svm->probA,
		       (size_t)npairs * sizeof *m->probA);
		memcpy(m->probB, m->svm->probB,
		       (size_t)npairs * sizeof *m->probB);
	}
	rc = 0;
out:
	free(lab);
	return rc;
}

void st_svm_free(struct st_model *m)
{
	if (m->svm)
		svm_free_and_destroy_model(&m->svm);
}

int st_svm_predict(const struct st_model *m, const struct st_vec *x,
                   double *est, double *dec)
{
	struct svm_node *n = nodes_of(x);
	int label = (int)svm_predict_probability(m->svm, n, est);

	if (dec)
		svm_predict_values(m->svm, n, dec);
	free(n);
	return label;
}

/* ---- fitting --------------------------------------------------------- */

static void init_param(struct svm_parameter *p, double C, double gamma,
                       int nlabels,
                       const long *counts, long n, int *wl, double *w)
{
	int i, present = 0;

	memset(p, 0, sizeof *p);
	for (i = 0; i < nlabels; i++)
		present += counts[i] > 0;
	p->svm_type = C_SVC;
	p->kernel_type = gamma > 0 ? RBF : LINEAR;
	p->gamma = gamma;
	p->C = C;
	p->cache_size = 100;
	p->eps = 1e-3;
	p->shrinking = 1;
	p->probability = 0;
	/* class weights: a rare camp costs as much in total as a common one;
	 * a label absent from the training set gets none (libsvm would
	 * complain on stderr) */
	p->nr_weight = 0;
	for (i = 0; i < nlabels; i++) {
		if (!counts[i])
			continue;
		wl[p->nr_weight] = i + 1;
		w[p->nr_weight++] = (double)n / ((double)present * counts[i]);
	}
	p->weight_label = wl;
	p->weight = w;
}

/* A problem over the documents with use[i] set, and the vocabulary built
 * from them.  The caller frees with free_problem(). */
struct problem {
	struct svm_problem p;
	struct st_vocab v;
	long counts[ST_MAX_LABELS];
};

static void make_problem(struct problem *pr, const struct st_docs *d,
                         int nlabels, const char *use, long min_df)
{
	struct st_map *sub;
	struct st_vec x;
	size_t i, n = 0;

	memset(pr, 0, sizeof *pr);
	(void)nlabels;
	st_vocab_init(&pr->v);
	st_vec_init(&x);
	for (i = 0; i < d->n; i++)
		n += (!use || use[i]) && d->y[i] >= 0;
	sub = st_xmalloc((n ? n : 1) * sizeof *sub);
	pr->p.l = (int)n;
	pr->p.y = st_xmalloc((n ? n : 1) * sizeof *pr->p.y);
	pr->p.x = st_xmalloc((n ? n : 1) * sizeof *pr->p.x);
	for (i = 0, n = 0; i < d->n; i++)
		if ((!use || use[i]) && d->y[i] >= 0)
			sub[n++] = d->terms[i];	/* shallow: read only */
	st_vocab_build(&pr->v, sub, n, d->groups, min_df);
	for (i = 0, n = 0; i < d->n; i++) {
		if ((use && !use[i]) || d->y[i] < 0)
			continue;
		st_vectorize(&pr->v, &d->terms[i], &x);
		pr->p.x[n] = nodes_of(&x);
		pr->p.y[n] = d->y[i] + 1;
		pr->counts[d->y[i]]++;
		n++;
	}
	free(sub);
	st_vec_finish(&x);
}

static void free_problem(struct problem *pr)
{
	int i;

	for (i = 0; i < pr->p.l; i++)
		free(pr->p.x[i]);
	free(pr->p.x);
	free(pr->p.y);
	st_vocab_finish(&pr->v);
}

void st_fit_predict(const struct st_docs *d, int nlabels, const char *train,
                    const char *test, double C, double gamma, long min_df,
                    int *pred)
{
	struct problem pr;
	struct svm_parameter param;
	struct svm_model *model;
	struct st_vec x;
	double w[ST_MAX_LABELS];
	int wl[ST_MAX_LABELS];
	size_t i;

	make_problem(&pr, d, nlabels, train, min_df);
	if (pr.p.l == 0) {
		/* nothing to learn from (a fold that holds every article):
		 * the quotes stay unpredicted */
		free_problem(&pr);
		return;
	}
	init_param(&param, C, gamma, nlabels, pr.counts, pr.p.l, wl, w);
	svm_set_print_string_function(quiet);
	model = svm_train(&pr.p, &param);
	st_vec_init(&x);
	for (i = 0; i < d->n; i++) {
		struct svm_node *n;

		if (!test[i])
			continue;
		st_vectorize(&pr.v, &d->terms[i], &x);
		n = nodes_of(&x);
		pred[i] = (int)svm_predict(model, n) - 1;
		free(n);
	}
	st_vec_finish(&x);
	svm_free_and_destroy_model(&model);
	free_problem(&pr);
}

/* A fitted model and the training problem its support vectors point
 * into. */
struct st_fit {
	struct problem pr;
	struct svm_model *svm;
};

struct st_fit *st_fit_new(const struct st_docs *d, int nlabels, double C,
                          double gamma, long min_df, unsigned seed,
                          struct st_error *err)
{
	struct st_fit *f = st_xcalloc(1, sizeof *f);
	struct svm_parameter param;
	double w[ST_MAX_LABELS];
	int wl[ST_MAX_LABELS];
	const char *msg;

	make_problem(&f->pr, d, nlabels, NULL, min_df);
	init_param(&param, C, gamma, nlabels, f->pr.counts, f->pr.p.l, wl, w);
	param.probability = 1;
	msg = svm_check_parameter(&f->pr.p, &param);
	if (msg) {
		st_fail(err, NULL, 0, "libsvm: %s", msg);
		st_fit_free(f);
		return NULL;
	}
	svm_set_print_string_function(quiet);
	/* libsvm draws its internal folds for the probabilities with
	 * rand() */
	srand(seed);
	f->svm = svm_train(&f->pr.p, &param);
	return f;
}

void st_fit_free(struct st_fit *f)
{
	if (!f)
		return;
	if (f->svm)
		svm_free_and_destroy_model(&f->svm);
	free_problem(&f->pr);
	free(f);
}

const struct st_vocab *st_fit_vocab(const struct st_fit *f)
{
	return &f->pr.v;
}

long st_fit_count(const struct st_fit *f, int label)
{
	return f->pr.counts[label];
}

int st_fit_quotes(const struct st_fit *f)
{
	return f->pr.p.l;
}

int st_fit_support_vectors(const struct st_fit *f)
{
	return svm_get_nr_sv(f->svm);
}

/* Write the model through a temporary name in dir; *tmp gets the name. */
int st_fit_save(const struct st_fit *f, const char *dir, char **tmp,
                struct st_error *err)
{
	int fd;

	{
		char *pre = st_temp_prefix("stance.model");
		char *tmpl = st_xmalloc(strlen(pre) + 7);

		sprintf(tmpl, "%sXXXXXX", pre);
		*tmp = st_join(dir, tmpl);
		free(tmpl);
		free(pre);
	}
	fd = mkstemp(*tmp);
	if (fd < 0) {
		st_fail(err, dir, 0, "cannot create a file: %s", strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	close(fd);
	errno = 0;
	if (svm_save_model(*tmp, f->svm) != 0) {
		int e = errno;
		unlink(*tmp);
		st_fail(err, dir, 0, "cannot write the model: %s",
		        e ? strerror(e) : "write error");
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	chmod(*tmp, 0644 & ~st_umask());
	return 0;
}
