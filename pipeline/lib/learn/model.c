/* model.c - the model folder, prediction and training over libsvm. */
#include "learn/learn.h"
#include "core/core.h"

#include <errno.h>
#include <libsvm/svm.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void quiet(const char *s)
{
	(void)s;	/* libsvm's training chatter would go to stdout */
}

int st_label_index(char *const *labels, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(labels[i], name) == 0)
			return i;
	return -1;
}

int st_labels_parse(const char *path, const char *text, char **labels,
                    struct st_error *err)
{
	const char *p = text;
	long line = 0;
	int n = 0, i;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *s;

		line++;
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len && *p != '#') {
			s = st_xstrndup(p, len);
			if (n == ST_MAX_LABELS || st_label_index(labels, n, s) >= 0) {
				st_fail(err, path, line, n == ST_MAX_LABELS
				        ? "more than %d labels" : "label twice",
				        ST_MAX_LABELS);
				free(s);
				goto fail;
			}
			labels[n++] = s;
		}
		p = eol ? eol + 1 : p + strlen(p);
	}
	if (n < 2) {
		st_fail(err, path, line ? line : 1, "fewer than two labels");
		goto fail;
	}
	return n;
fail:
	for (i = 0; i < n; i++)
		free(labels[i]);
	return -1;
}

static long count_articles(const struct st_quotes *qs)
{
	struct st_map seen;
	size_t i;
	long n;

	st_map_init(&seen);
	for (i = 0; i < qs->n; i++)
		st_map_put(&seen, qs->q[i].article, 0);
	n = (long)seen.n;
	st_map_finish(&seen);
	return n;
}

static void collapse(struct st_model *m);

/* ---- the model file, checked before libsvm reads it ------------------ */

/* libsvm's loader trusts its input (a count that does not match the lines
 * that follow sends it past its arrays), so the text is checked here
 * first, line by line, against the format libsvm writes:
 *   svm_type c_svc / kernel_type K / [degree, gamma, coef0] / nr_class N /
 *   total_sv L / rho, probA, probB (N(N-1)/2 numbers each) / label (N
 *   classes) / nr_sv (N counts summing to L) / SV / L lines of N-1
 *   coefficients and ascending index:value pairs. */
struct cursor {
	const char *p, *end, *path;
	long line;
};

static int next_line(struct cursor *c, const char **s, size_t *n)
{
	const char *nl;

	if (c->p >= c->end)
		return 0;
	nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	*s = c->p;
	*n = nl ? (size_t)(nl - c->p) : (size_t)(c->end - c->p);
	c->p += *n + (nl != NULL);
	c->line++;
	return 1;
}

/* count numbers (whole ones when integral) in s[0..n), into out if set */
static int numbers(const char *s, size_t n, int count, int integral,
                   double *out)
{
	char buf[64];
	int k = 0;
	size_t i = 0;

	for (;;) {
		size_t j;
		double v;
		char *e;

		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i == n)
			break;
		for (j = i; j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\r';
		     j++)
			;
		if (j - i >= sizeof buf || k == count)
			return -1;
		memcpy(buf, s + i, j - i);
		buf[j - i] = '\0';
		errno = 0;
		v = integral ? (double)strtol(buf, &e, 10) : strtod(buf, &e);
		if (*e || errno || !isfinite(v))
			return -1;
		if (out)
			out[k] = v;
		k++;
		i = j;
	}
	return k == count ? 0 : -1;
}

static int check_model_text(const char *path, const struct st_buf *b,
                            int nlabels, size_t nfeatures,
                            struct st_error *err)
{
	struct cursor c = { b->s, b->s + b->len, path, 0 };
	const char *s;
	size_t n;
	int have = 0, npairs = nlabels * (nlabels - 1) / 2, k;
	long total = -1, sum = 0, i;
	double v[ST_MAX_LABELS];
	enum { H_TYPE = 1, H_KERNEL = 2, H_NCLASS = 4, H_TOTAL = 8, H_RHO = 16,
	       H_LABEL = 32, H_PROBA = 64, H_PROBB = 128, H_NSV = 256 };

	if (memchr(b->s, '\0', b->len))
		return st_fail(err, path, 1, "NUL byte in the model");
	for (;;) {
		const char *arg;
		size_t klen;
		int bit = 0, bad = 0;

		if (!next_line(&c, &s, &n))
			return st_fail(err, path, c.line, "truncated model: "
			               "no SV line");
		klen = strcspn(s, " \r\n");
		if (klen > n)
			klen = n;
		arg = s + klen;
		n -= klen;
#define KEY(w) (klen == strlen(w) && memcmp(s, w, klen) == 0)
		if (KEY("SV") && !n)
			break;
		if (KEY("svm_type")) {
			bit = H_TYPE;
			bad = n < 6 || memcmp(arg, " c_svc", 6) ||
			      numbers(arg + 6, n - 6, 0, 0, NULL);
		} else if (KEY("kernel_type")) {
			bit = H_KERNEL;
			bad = !((n >= 7 && !memcmp(arg, " linear", 7)) ||
			        (n >= 4 && !memcmp(arg, " rbf", 4)) ||
			        (n >= 11 && !memcmp(arg, " polynomial", 11)) ||
			        (n >= 8 && !memcmp(arg, " sigmoid", 8)));
		} else if (KEY("degree") || KEY("gamma") || KEY("coef0")) {
			bad = numbers(arg, n, 1, KEY("degree"), NULL);
		} else if (KEY("nr_class")) {
			bit = H_NCLASS;
			bad = numbers(arg, n, 1, 1, v) || v[0] != nlabels;
			if (bad)
				return st_fail(err, path, c.line, "expected "
				               "nr_class %d", nlabels);
		} else if (KEY("total_sv")) {
			bit = H_TOTAL;
			bad = numbers(arg, n, 1, 1, v) || v[0] < 1 || v[0] > 1e8;
			total = bad ? -1 : (long)v[0];
		} else if (KEY("rho") || KEY("probA") || KEY("probB")) {
			bit = KEY("rho") ? H_RHO : KEY("probA") ? H_PROBA : H_PROBB;
			bad = numbers(arg, n, npairs, 0, NULL);
		} else if (KEY("label")) {
			int seen = 0;
			bit = H_LABEL;
			bad = numbers(arg, n, nlabels, 1, v);
			for (k = 0; !bad && k < nlabels; k++) {
				bad = v[k] < 1 || v[k] > nlabels ||
				      (seen & (1 << (int)v[k]));
				if (!bad)
					seen |= 1 << (int)v[k];
			}
		} else if (KEY("nr_sv")) {
			bit = H_NSV;
			bad = numbers(arg, n, nlabels, 1, v);
			for (k = 0, sum = 0; !bad && k < nlabels; k++) {
				bad = v[k] < 0 || v[k] > 1e8;
				sum += (long)v[k];
			}
		} else {
			bad = 1;
		}
#undef KEY
		if (bad || (have & bit))
			return st_fail(err, path, c.line, "bad model line");
		have |= bit;
	}
	if (have != (H_TYPE | H_KERNEL | H_NCLASS | H_TOTAL | H_RHO | H_LABEL |
	             H_PROBA | H_PROBB | H_NSV) || sum != total)
		return st_fail(err, path, c.line, "model header incomplete or "
		               "inconsistent");
	for (i = 0; i < total; i++) {
		size_t j = 0;
		long prev = 0;

		if (!next_line(&c, &s, &n))
			return st_fail(err, path, c.line, "truncated model: "
			               "%ld of %ld support vectors", i, total);
		for (k = 0; k < nlabels - 1; k++) {
			size_t e = j;
			while (e < n && s[e] != ' ')
				e++;
			if (numbers(s + j, e - j, 1, 0, NULL))
				return st_fail(err, path, c.line,
				               "bad coefficient");
			j = e + 1;
		}
		while (j < n && s[j] != '\r') {
			size_t e = j, colon;
			char *end;
			long idx;

			while (e < n && s[e] != ' ' && s[e] != '\r')
				e++;
			for (colon = j; colon < e && s[colon] != ':'; colon++)
				;
			if (colon == e || colon == j || e - j > 60)
				return st_fail(err, path, c.line, "bad feature");
			idx = strtol(s + j, &end, 10);
			if (end != s + colon || idx <= prev ||
			    (size_t)idx > nfeatures ||
			    numbers(s + colon + 1, e - colon - 1, 1, 0, NULL))
				return st_fail(err, path, c.line, "bad feature");
			prev = idx;
			j = e + (e < n && s[e] == ' ');
		}
	}
	while (next_line(&c, &s, &n))
		if (strspn(s, " \t\r") != n)
			return st_fail(err, path, c.line, "lines after the "
			               "support vectors");
	return 0;
}

static unsigned long long file_sum(const struct st_buf *b)
{
	return st_fnv1a(b->s, b->len, ST_FNV_INIT);
}

void st_model_finish(struct st_model *m)
{
	int i;

	if (m->svm)
		svm_free_and_destroy_model(&m->svm);
	st_vocab_finish(&m->vocab);
	for (i = 0; i < m->nlabels; i++)
		free(m->labels[i]);
	free(m->svm_order);
	free(m->w);
	memset(m, 0, sizeof *m);
}

unsigned long long st_labels_sum(char *const *labels, int n)
{
	unsigned long long h = ST_FNV_INIT;
	int i;

	for (i = 0; i < n; i++)
		h = st_fnv1a(labels[i], strlen(labels[i]) + 1, h);
	return h;
}

/* Parse labels.txt into m->labels and the two checksums. */
static int read_labels(struct st_model *m, const char *path, const char *s,
                       unsigned long long *vsum, unsigned long long *msum,
                       struct st_error *err)
{
	long line = 0, labels_line = 0;
	int have = 0;
	unsigned long long lsum = 0;

	while (*s) {
		const char *eol = strchr(s, '\n');
		size_t n = eol ? (size_t)(eol - s) : strlen(s);
		char *l = st_xstrndup(s, n), *end;

		line++;
		s += n + (eol != NULL);
		if (line == 1) {
			int old = strcmp(l, "stance-labels 1") == 0;
			if (old || strcmp(l, "stance-labels 2") != 0) {
				free(l);
				return st_fail(err, path, line, old
				               ? "a model of an older stance: "
				               "retrain it (make train)"
				               : "not a stance label file (version 2)");
			}
		} else if (strncmp(l, "vocab ", 6) == 0 ||
		           strncmp(l, "model ", 6) == 0 ||
		           strncmp(l, "labels ", 7) == 0) {
			unsigned long long v;
			const char *h = l + (l[0] == 'l' ? 7 : 6);
			errno = 0;
			v = strtoull(h, &end, 16);
			if (errno || end == h || *end || strlen(h) != 16) {
				free(l);
				return st_fail(err, path, line, "bad checksum");
			}
			if (l[0] == 'l') {
				lsum = v;
				labels_line = line;
				have |= 4;
			} else {
				*(l[0] == 'v' ? vsum : msum) = v;
				have |= l[0] == 'v' ? 1 : 2;
			}
		} else if (strncmp(l, "label ", 6) == 0 && l[6]) {
			if (m->nlabels == ST_MAX_LABELS ||
			    st_label_index(m->labels, m->nlabels, l + 6) >= 0) {
				free(l);
				return st_fail(err, path, line,
				               "too many or repeated labels");
			}
			m->labels[m->nlabels++] = st_xstrdup(l + 6);
		} else {
			free(l);
			return st_fail(err, path, line, "unexpected line");
		}
		free(l);
	}
	if (have != 7 || m->nlabels < 2)
		return st_fail(err, path, line ? line : 1,
		               "truncated label file");
	/* the label lines in their order: the model's classes are their
	 * positions, so a reordered list would relabel every prediction */
	if (st_labels_sum(m->labels, m->nlabels) != lsum)
		return st_fail(err, path, labels_line, "the labels are not the "
		               "model's, or not in its order (checksum differs)");
	return 0;
}

int st_model_load(struct st_model *m, const char *dir, struct st_error *err)
{
	struct st_buf lb = ST_BUF_INIT, vb = ST_BUF_INIT, mb = ST_BUF_INIT;
	unsigned long long vsum = 0, msum = 0;
	char *lp = st_join(dir, "labels.txt"), *vp = st_join(dir, "vocab.txt");
	char *mp = st_join(dir, "stance.model");
	int rc = -1, i, nsv, nclass, *lab = NULL;
	long maxidx = 0;

	memset(m, 0, sizeof *m);
	if (st_read_file(lp, &lb, err) || st_read_file(vp, &vb, err) ||
	    st_read_file(mp, &mb, err))
		goto out;
	if (read_labels(m, lp, lb.s, &vsum, &msum, err))
		goto out;
	if (file_sum(&vb) != vsum) {
		st_fail(err, vp, 1, "vocabulary does not match the model "
		        "(checksum differs from %s)", lp);
		goto out;
	}
	if (file_sum(&mb) != msum) {
		st_fail(err, mp, 1, "model file does not match its "
		        "vocabulary (checksum differs from %s)", lp);
		goto out;
	}
	if (st_vocab_read(vp, vb.s, vb.len, &m->vocab, err))
		goto out;
	if (check_model_text(mp, &mb, m->nlabels,
	                     st_vocab_size(&m->vocab), err))
		goto out;
	svm_set_print_string_function(quiet);
	m->svm = svm_load_model(mp);
	if (!m->svm) {
		st_fail(err, mp, 1, "libsvm cannot read the model");
		goto out;
	}
	nclass = svm_get_nr_class(m->svm);
	if (svm_get_svm_type(m->svm) != C_SVC || nclass != m->nlabels ||
	    !svm_check_probability_model(m->svm)) {
		st_fail(err, mp, 1, "expected a C-SVC model with "
		        "probabilities for %d labels", m->nlabels);
		goto out;
	}
	lab = st_xmalloc((size_t)nclass * sizeof *lab);
	svm_get_labels(m->svm, lab);
	m->svm_order = st_xmalloc((size_t)nclass * sizeof *m->svm_order);
	for (i = 0; i < nclass; i++) {
		if (lab[i] < 1 || lab[i] > m->nlabels) {
			st_fail(err, mp, 1, "class %d has no label", lab[i]);
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
		st_fail(err, mp, 1, "model uses feature %ld but the "
		        "vocabulary has %zu", maxidx, st_vocab_size(&m->vocab));
		goto out;
	}
	m->nfeatures = st_vocab_size(&m->vocab);
	if (m->svm->param.kernel_type == LINEAR)
		collapse(m);
	rc = 0;
out:
	free(lab);
	st_buf_finish(&lb);
	st_buf_finish(&vb);
	st_buf_finish(&mb);
	free(lp);
	free(vp);
	free(mp);
	if (rc)
		st_model_finish(m);
	return rc;
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
	size_t stride = m->nfeatures + 1;

	m->w = st_xcalloc((size_t)(k * (k - 1) / 2) * stride, sizeof *m->w);
	start = st_xmalloc((size_t)k * sizeof *start);
	start[0] = 0;
	for (i = 1; i < k; i++)
		start[i] = start[i - 1] + s->nSV[i - 1];
	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++, p++) {
			double *w = m->w + (size_t)p * stride;
			int a;

			/* class i's vectors carry their coefficient for the
			 * pair in row j - 1, class j's in row i */
			for (a = 0; a < s->nSV[i]; a++) {
				const struct svm_node *x = s->SV[start[i] + a];
				double c = s->sv_coef[j - 1][start[i] + a];
				for (; x->index != -1; x++)
					w[x->index] += c * x->value;
			}
			for (a = 0; a < s->nSV[j]; a++) {
				const struct svm_node *x = s->SV[start[j] + a];
				double c = s->sv_coef[i][start[j] + a];
				for (; x->index != -1; x++)
					w[x->index] += c * x->value;
			}
		}
	free(start);
}

/* Platt's sigmoid, in the form that loses no precision for either sign
 * of its argument. */
static double sigmoid(double dec, double A, double B)
{
	double f = dec * A + B;

	return f >= 0 ? exp(-f) / (1.0 + exp(-f)) : 1.0 / (1.0 + exp(f));
}

/* Class probabilities p[0..k) from pairwise ones r[i][j] by the second
 * method of Wu, Lin and Weng (2004): minimise p'Qp subject to sum p = 1
 * by updating one coordinate at a time, keeping Qp and p'Qp current,
 * until every (Qp)_t is within 0.005/k of p'Qp.  The order of the
 * updates is libsvm's, so that the results agree with it to rounding. */
static void couple(int k, double r[][ST_MAX_LABELS], double *p)
{
	double Q[ST_MAX_LABELS][ST_MAX_LABELS], Qp[ST_MAX_LABELS];
	double pQp, eps = 0.005 / k;
	int t, j, iter, max_iter = k > 100 ? k : 100;

	for (t = 0; t < k; t++) {
		p[t] = 1.0 / k;
		Q[t][t] = 0;
		for (j = 0; j < t; j++) {
			Q[t][t] += r[j][t] * r[j][t];
			Q[t][j] = Q[j][t];
		}
		for (j = t + 1; j < k; j++) {
			Q[t][t] += r[j][t] * r[j][t];
			Q[t][j] = -r[j][t] * r[t][j];
		}
	}
	for (iter = 0; iter < max_iter; iter++) {
		double worst = 0;

		pQp = 0;
		for (t = 0; t < k; t++) {
			Qp[t] = 0;
			for (j = 0; j < k; j++)
				Qp[t] += Q[t][j] * p[j];
			pQp += p[t] * Qp[t];
		}
		for (t = 0; t < k; t++)
			if (fabs(Qp[t] - pQp) > worst)
				worst = fabs(Qp[t] - pQp);
		if (worst < eps)
			break;
		for (t = 0; t < k; t++) {
			double diff = (-Qp[t] + pQp) / Q[t][t];

			p[t] += diff;
			pQp = (pQp + diff * (diff * Q[t][t] + 2 * Qp[t])) /
			      (1 + diff) / (1 + diff);
			for (j = 0; j < k; j++) {
				Qp[j] = (Qp[j] + diff * Q[t][j]) / (1 + diff);
				p[j] /= (1 + diff);
			}
		}
	}
}

/* libsvm's svm_predict_probability, from the collapsed weights. */
static int fast_predict(const struct st_model *m, const struct st_vec *x,
                        double *est, double *dec)
{
	const struct svm_model *s = m->svm;
	double r[ST_MAX_LABELS][ST_MAX_LABELS];
	double d[ST_MAX_LABELS * (ST_MAX_LABELS - 1) / 2];
	size_t stride = m->nfeatures + 1, f;
	int k = s->nr_class, i, j, p = 0, best = 0;
	const double min_prob = 1e-7;

	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++, p++) {
			const double *w = m->w + (size_t)p * stride;
			double sum = 0;

			for (f = 0; f < x->n; f++)
				if ((size_t)x->idx[f] <= m->nfeatures)
					sum += w[x->idx[f]] * x->val[f];
			d[p] = sum - s->rho[p];
			if (dec)
				dec[p] = d[p];
			r[i][j] = sigmoid(d[p], s->probA[p], s->probB[p]);
			if (r[i][j] < min_prob)
				r[i][j] = min_prob;
			if (r[i][j] > 1 - min_prob)
				r[i][j] = 1 - min_prob;
			r[j][i] = 1 - r[i][j];
		}
	if (k == 2) {
		est[0] = r[0][1];
		est[1] = r[1][0];
	} else {
		couple(k, r, est);
	}
	for (i = 1; i < k; i++)
		if (est[i] > est[best])
			best = i;
	return s->label[best];
}

int st_model_predict_ex(const struct st_model *m, const struct st_vec *x,
                        double *prob, double *dec, int use_libsvm)
{
	double est[ST_MAX_LABELS];
	int i, label;

	if (m->w && !use_libsvm) {
		label = fast_predict(m, x, est, dec);
	} else {
		struct svm_node *n = nodes_of(x);
		label = (int)svm_predict_probability(m->svm, n, est);
		if (dec)
			svm_predict_values(m->svm, n, dec);
		free(n);
	}
	for (i = 0; i < m->nlabels; i++)
		prob[m->svm_order[i]] = est[i];
	return label - 1;
}

int st_model_predict(const struct st_model *m, const struct st_vec *x,
                     double *prob)
{
	return st_model_predict_ex(m, x, prob, NULL, 0);
}

/* ---- training -------------------------------------------------------- */

void st_train_opts_init(struct st_train_opts *o)
{
	memset(o, 0, sizeof *o);
	o->groups = ST_G_DEFAULT;
	o->folds = 5;
	o->seed = 1;
	o->min_df = 2;
	o->jobs = 1;
}

int st_docs_init(struct st_docs *d, const struct st_quotes *qs,
                 char *const *labels, int nlabels, unsigned groups,
                 struct st_error *err)
{
	struct st_featurizer *f;
	size_t i;

	memset(d, 0, sizeof *d);
	f = st_featurizer_new(err);
	if (!f)
		return -1;
	d->n = qs->n;
	d->groups = groups;
	d->terms = st_xcalloc(qs->n ? qs->n : 1, sizeof *d->terms);
	d->y = st_xmalloc((qs->n ? qs->n : 1) * sizeof *d->y);
	for (i = 0; i < qs->n; i++) {
		const char *st = qs->q[i].stance;

		d->y[i] = st[0] ? st_label_index(labels, nlabels, st) : -1;
		if (st[0] && d->y[i] < 0) {
			st_featurizer_free(f);
			st_docs_finish(d);
			return st_fail(err, NULL, 0, "unknown label '%s'", st);
		}
		st_map_init(&d->terms[i]);
		if (groups)
			st_quote_terms(f, &qs->q[i], groups, &d->terms[i]);
	}
	st_featurizer_free(f);
	return 0;
}

void st_docs_finish(struct st_docs *d)
{
	size_t i;

	for (i = 0; d->terms && i < d->n; i++)
		st_map_finish(&d->terms[i]);
	free(d->terms);
	free(d->y);
	memset(d, 0, sizeof *d);
}

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

/* Write the model through a temporary name in dir; *tmp gets the name. */
static int save_svm(const struct svm_model *model, const char *dir,
                    char **tmp, struct st_error *err)
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
	if (svm_save_model(*tmp, model) != 0) {
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

int st_train(const struct st_quotes *qs, char *const *labels, int nlabels,
             const struct st_train_opts *o, const char *dir,
             struct st_error *err)
{
	struct st_docs d;
	struct problem pr;
	struct svm_parameter param;
	struct svm_model *model = NULL;
	double w[ST_MAX_LABELS], C = o->C, f1 = 0, gamma = 0;
	int wl[ST_MAX_LABELS], *fold = NULL;
	char *mtmp = NULL, *vpath = NULL, *lpath = NULL, *tpath = NULL;
	struct st_out vo = { 0 }, lo = { 0 }, to = { 0 };
	struct st_buf mb = ST_BUF_INIT, vb = ST_BUF_INIT;
	int rc = -1, k, have_problem = 0;
	char groups[128];

	if (qs->n < (size_t)(2 * nlabels))
		return st_fail(err, NULL, 0, "too few labelled quotes (%zu)",
		               qs->n);
	if (st_docs_init(&d, qs, labels, nlabels, o->groups, err))
		return -1;
	for (k = 0; k < nlabels; k++) {
		size_t i;
		for (i = 0; i < d.n && d.y[i] != k; i++)
			;
		if (i == d.n) {
			st_fail(err, NULL, 0, "no quote is labelled '%s'",
			        labels[k]);
			goto out;
		}
	}
	/* C by cross-validation over whole articles, without probabilities */
	fold = st_xmalloc(d.n * sizeof *fold);
	st_folds(qs, labels, nlabels, ST_BY_ARTICLE, o->folds, o->seed, fold);
	if (C <= 0) {
		C = st_choose_C(&d, nlabels, o, NULL, fold, o->folds, 1, &gamma,
		                &f1, err);
		if (C <= 0)
			goto out;
	} else {
		int *pred = st_xmalloc(d.n * sizeof *pred);
		char *test = st_xmalloc(d.n), *train = st_xmalloc(d.n);
		struct st_scores sc;
		size_t i;

		for (i = 0; i < d.n; i++)
			pred[i] = -1;

		for (k = 0; k < o->folds; k++) {
			for (i = 0; i < d.n; i++) {
				test[i] = fold[i] == k;
				train[i] = !test[i];
			}
			st_fit_predict(&d, nlabels, train, test, C, 0, o->min_df,
			               pred);
		}
		st_score(d.y, pred, (long)d.n, nlabels, &sc);
		f1 = sc.macro_f1;
		free(pred);
		free(test);
		free(train);
	}
	/* the final model, with probability estimates: libsvm draws its
	 * internal folds for them with rand() */
	make_problem(&pr, &d, nlabels, NULL, o->min_df);
	have_problem = 1;
	init_param(&param, C, gamma, nlabels, pr.counts, pr.p.l, wl, w);
	param.probability = 1;
	{
		const char *msg = svm_check_parameter(&pr.p, &param);
		if (msg) {
			st_fail(err, NULL, 0, "libsvm: %s", msg);
			goto out;
		}
	}
	svm_set_print_string_function(quiet);
	srand(o->seed);
	model = svm_train(&pr.p, &param);

	/* each file whole, through a temporary name; the folder as a whole
	 * is the caller's to swap in (see commit.h) */
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		st_fail(err, dir, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	if (save_svm(model, dir, &mtmp, err))
		goto out;
	if (st_read_file(mtmp, &mb, err))
		goto out;
	vpath = st_join(dir, "vocab.txt");
	lpath = st_join(dir, "labels.txt");
	tpath = st_join(dir, "metrics.txt");
	if (st_out_open(&vo, vpath, err))
		goto out;
	st_vocab_write(vo.fp, &pr.v);
	if (st_out_commit(&vo, err) || st_read_file(vpath, &vb, err))
		goto out;
	if (st_out_open(&lo, lpath, err) || st_out_open(&to, tpath, err))
		goto out;
	fprintf(lo.fp, "stance-labels 2\nvocab %016llx\nmodel %016llx\n"
	        "labels %016llx\n", file_sum(&vb), file_sum(&mb),
	        st_labels_sum(labels, nlabels));
	for (k = 0; k < nlabels; k++)
		fprintf(lo.fp, "label %s\n", labels[k]);
	st_groups_format(o->groups, groups, sizeof groups);
	fprintf(to.fp, "quotes %d\n", pr.p.l);
	for (k = 0; k < nlabels; k++)
		fprintf(to.fp, "quotes[%s] %ld\n", labels[k], pr.counts[k]);
	fprintf(to.fp, "articles %ld\nfeatures %zu\ngroups %s\n",
	        count_articles(qs), st_vocab_size(&pr.v), groups);
	if (gamma > 0)
		fprintf(to.fp, "kernel rbf\ngamma %g\n", gamma);
	else
		fprintf(to.fp, "kernel linear\n");
	fprintf(to.fp, "C %g\nC_grid 2^-5..2^15%s\n"
	        "cv %d folds grouped by article, seed %u\n"
	        "cv_macro_f1 %.4f\nsupport_vectors %d\n", C,
	        o->rbf ? ", rbf gamma 2^-15..2^3 tried" : "", o->folds, o->seed,
	        f1, svm_get_nr_sv(model));
	if (st_out_commit(&lo, err) || st_out_commit(&to, err))
		goto out;
	{
		char *final = st_join(dir, "stance.model");
		int bad = rename(mtmp, final) != 0;
		free(final);
		if (bad) {
			st_fail(err, dir, 0, "cannot rename the model: %s",
			        strerror(errno));
			goto out;
		}
		free(mtmp);
		mtmp = NULL;
	}
	rc = 0;
out:
	st_out_abort(&vo);
	st_out_abort(&lo);
	st_out_abort(&to);
	if (mtmp)
		unlink(mtmp);
	free(mtmp);
	free(vpath);
	free(lpath);
	free(tpath);
	free(fold);
	st_buf_finish(&mb);
	st_buf_finish(&vb);
	if (model)
		svm_free_and_destroy_model(&model);
	if (have_problem)
		free_problem(&pr);
	st_docs_finish(&d);
	return rc;
}
