/* modeldir.c - the model folder: its four files saved together, loaded
 * and checked against each other by their checksums, and prediction. */
#include "learn/learn.h"
#include "learn/internal.h"
#include "core/core.h"
#include "io/io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned long long file_sum(const struct st_buf *b)
{
	return st_fnv1a(b->s, b->len, ST_FNV_INIT);
}

void st_model_finish(struct st_model *m)
{
	int i;

	st_svm_free(m);
	st_vocab_finish(&m->vocab);
	for (i = 0; i < m->nlabels; i++)
		free(m->labels[i]);
	free(m->svm_order);
	free(m->w);
	free(m->rho);
	free(m->probA);
	free(m->probB);
	memset(m, 0, sizeof *m);
}

/* labels.txt's lines other than its labels: the version, then the
 * checksums of vocab.txt, stance.model and the label lines. */
struct sums {
	const char *path;
	unsigned long long vsum, msum, lsum;
	long labels_line;
	int have;
};

static int sum_line(const char *l, long line, void *arg, struct st_error *err)
{
	struct sums *s = arg;
	unsigned long long v;
	const char *h;
	char *end;

	if (!l) {
		if (s->have != 7)
			return st_fail(err, s->path, line ? line : 1,
			               "truncated label file");
		return 0;
	}
	if (line == 1) {
		int old = strcmp(l, "stance-labels 1") == 0;
		if (old || strcmp(l, "stance-labels 2") != 0)
			return st_fail(err, s->path, line, old
			               ? "a model of an older stance: "
			               "retrain it (make train)"
			               : "not a stance label file (version 2)");
		return 1;
	}
	if (strncmp(l, "vocab ", 6) != 0 && strncmp(l, "model ", 6) != 0 &&
	    strncmp(l, "labels ", 7) != 0)
		return 0;
	h = l + (l[0] == 'l' ? 7 : 6);
	errno = 0;
	v = strtoull(h, &end, 16);
	if (errno || end == h || *end || strlen(h) != 16)
		return st_fail(err, s->path, line, "bad checksum");
	if (l[0] == 'l') {
		s->lsum = v;
		s->labels_line = line;
		s->have |= 4;
	} else {
		*(l[0] == 'v' ? &s->vsum : &s->msum) = v;
		s->have |= l[0] == 'v' ? 1 : 2;
	}
	return 1;
}

/* Parse labels.txt into m->labels and the checksums. */
static int read_labels(struct st_model *m, const char *path, const char *text,
                       struct sums *s, struct st_error *err)
{
	struct st_label_syntax syn = { "label ", sum_line, s };
	int n;

	memset(s, 0, sizeof *s);
	s->path = path;
	n = st_labels_read(path, text, &syn, m->labels, err);
	if (n < 0)
		return -1;
	m->nlabels = n;
	/* the label lines in their order: the model's classes are their
	 * positions, so a reordered list would relabel every prediction */
	if (st_labels_sum(m->labels, m->nlabels) != s->lsum)
		return st_fail(err, path, s->labels_line, "the labels are not the "
		               "model's, or not in its order (checksum differs)");
	return 0;
}

/* Read labels.txt, vocab.txt and (with mb) stance.model of dir, and check
 * them against labels.txt's checksums; m gets the labels and the
 * vocabulary, *mp (with mb) the model's path. */
static int load_files(struct st_model *m, const char *dir, struct st_buf *mb,
                      char **mp, struct st_error *err)
{
	struct st_buf lb = ST_BUF_INIT, vb = ST_BUF_INIT;
	char *lp = st_join(dir, "labels.txt"), *vp = st_join(dir, "vocab.txt");
	struct sums s;
	int rc = -1;

	if (mb)
		*mp = st_join(dir, "stance.model");
	if (st_read_file(lp, &lb, err) || st_read_file(vp, &vb, err) ||
	    (mb && st_read_file(*mp, mb, err)))
		goto out;
	if (read_labels(m, lp, lb.s, &s, err))
		goto out;
	if (file_sum(&vb) != s.vsum) {
		st_fail(err, vp, 1, "vocabulary does not match the model "
		        "(checksum differs from %s)", lp);
		goto out;
	}
	if (mb && file_sum(mb) != s.msum) {
		st_fail(err, *mp, 1, "model file does not match its "
		        "vocabulary (checksum differs from %s)", lp);
		goto out;
	}
	if (st_vocab_read(vp, vb.s, vb.len, &m->vocab, err))
		goto out;
	rc = 0;
out:
	st_buf_finish(&lb);
	st_buf_finish(&vb);
	free(lp);
	free(vp);
	return rc;
}

int st_model_load(struct st_model *m, const char *dir, struct st_error *err)
{
	struct st_buf mb = ST_BUF_INIT;
	char *mp = NULL;
	int rc = -1;

	memset(m, 0, sizeof *m);
	if (load_files(m, dir, &mb, &mp, err))
		goto out;
	if (st_model_text_check(mp, &mb, m->nlabels,
	                        st_vocab_size(&m->vocab), err))
		goto out;
	if (st_svm_load(m, mp, err))
		goto out;
	rc = 0;
out:
	st_buf_finish(&mb);
	free(mp);
	if (rc)
		st_model_finish(m);
	return rc;
}

int st_model_load_vocab(struct st_model *m, const char *dir,
                        struct st_error *err)
{
	memset(m, 0, sizeof *m);
	if (load_files(m, dir, NULL, NULL, err)) {
		st_model_finish(m);
		return -1;
	}
	return 0;
}

int st_model_predict_ex(const struct st_model *m, const struct st_vec *x,
                        double *prob, double *dec, int use_libsvm)
{
	double est[ST_MAX_LABELS];
	int i, label;

	if (m->w && !use_libsvm)
		label = m->svm_order[st_linear_predict(m, x, est, dec)] + 1;
	else
		label = st_svm_predict(m, x, est, dec);
	for (i = 0; i < m->nlabels; i++)
		prob[m->svm_order[i]] = est[i];
	return label - 1;
}

int st_model_predict(const struct st_model *m, const struct st_vec *x,
                     double *prob)
{
	return st_model_predict_ex(m, x, prob, NULL, 0);
}

/* ---- saving ---------------------------------------------------------- */

static void write_metrics(FILE *fp, const struct st_fit *fit,
                          char *const *labels, int nlabels,
                          const struct st_fit_facts *ff)
{
	char groups[128];
	int k;

	st_groups_format(ff->o->groups, groups, sizeof groups);
	fprintf(fp, "quotes %d\n", st_fit_quotes(fit));
	for (k = 0; k < nlabels; k++)
		fprintf(fp, "quotes[%s] %ld\n", labels[k], st_fit_count(fit, k));
	fprintf(fp, "articles %ld\nfeatures %zu\ngroups %s\n",
	        ff->articles, st_vocab_size(st_fit_vocab(fit)), groups);
	if (ff->gamma > 0)
		fprintf(fp, "kernel rbf\ngamma %g\n", ff->gamma);
	else
		fprintf(fp, "kernel linear\n");
	fprintf(fp, "C %g\nC_grid 2^-5..2^15%s\n"
	        "cv %d folds grouped by article, seed %u\n"
	        "cv_macro_f1 %.4f\nsupport_vectors %d\n", ff->C,
	        ff->o->rbf ? ", rbf gamma 2^-15..2^3 tried" : "", ff->o->folds,
	        ff->o->seed, ff->f1, st_fit_support_vectors(fit));
}

int st_model_save(const char *dir, const struct st_fit *fit,
                  char *const *labels, int nlabels,
                  const struct st_fit_facts *ff, struct st_error *err)
{
	char *mtmp = NULL, *vpath = NULL, *lpath = NULL, *tpath = NULL;
	struct st_out vo = { 0 }, lo = { 0 }, to = { 0 };
	struct st_buf mb = ST_BUF_INIT, vb = ST_BUF_INIT;
	int rc = -1, k;

	/* each file whole, through a temporary name; the folder as a whole
	 * is the caller's to swap in (see commit.h) */
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		st_fail(err, dir, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	if (st_fit_save(fit, dir, &mtmp, err))
		goto out;
	if (st_read_file(mtmp, &mb, err))
		goto out;
	vpath = st_join(dir, "vocab.txt");
	lpath = st_join(dir, "labels.txt");
	tpath = st_join(dir, "metrics.txt");
	if (st_out_open(&vo, vpath, err))
		goto out;
	st_vocab_write(vo.fp, st_fit_vocab(fit));
	if (st_out_commit(&vo, err) || st_read_file(vpath, &vb, err))
		goto out;
	if (st_out_open(&lo, lpath, err) || st_out_open(&to, tpath, err))
		goto out;
	fprintf(lo.fp, "stance-labels 2\nvocab %016llx\nmodel %016llx\n"
	        "labels %016llx\n", file_sum(&vb), file_sum(&mb),
	        st_labels_sum(labels, nlabels));
	for (k = 0; k < nlabels; k++)
		fprintf(lo.fp, "label %s\n", labels[k]);
	write_metrics(to.fp, fit, labels, nlabels, ff);
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
	st_buf_finish(&mb);
	st_buf_finish(&vb);
	return rc;
}
