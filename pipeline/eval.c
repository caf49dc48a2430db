/* stance-eval: how well the model does on articles and speakers it has
 * not seen, against baselines, with each feature group left out. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract/extract.h"
#include "cli.h"
#include "io/io.h"
#include "learn/learn.h"
#include "core/core.h"

/* The full model and the baselines, run over every repeat and on both
 * splits; the ablations after them only on the first repeat. */
#define NBASE 4

static const char usage[] =
"Usage: stance-eval -a ARTICLES [OPTION]... ANNOTATIONS...\n"
"Measure the stance model on labelled quotes (the ANNOTATIONS files, as\n"
"for stance-train) with cross-validation that never tests on an article\n"
"it trained on (stratified k folds grouped by article, repeated with\n"
"fixed seeds), and on a split that never tests on a speaker it trained on\n"
"(grouped by speaker).  In every training fold the vocabulary and C are\n"
"chosen on that fold alone.  Beside the full model: the majority label,\n"
"a model of the speaker's role words only, one of the quote's own words\n"
"only (words, bigrams, lexicon: who said it left out), and the full\n"
"model with each\n"
"feature group left out (and with character n-grams added; these over\n"
"the first repeat).  Writes:\n"
"  DIR/metrics.csv    split,model,label,precision,recall,f1,f1_sd,support\n"
"                     (per label, then 'macro avg' and 'accuracy' rows;\n"
"                     means over the repeats, f1_sd their spread)\n"
"  DIR/confusion.csv  split,model,gold,then one column per predicted label\n"
"                     (the full model, first repeat)\n"
"  DIR/folds.csv      the quotes, their folds and the full model's\n"
"                     predictions (first repeat), for error analysis\n"
"                     and other tools\n"
"and a table on stderr.\n"
"\n"
"  -a, --articles=DIR   the articles folder (required; the corpus's is\n"
"                       corpus/articles)\n"
CLI_QUOTES_HELP
"  -d, --dir=DIR        the output folder (default: reports/eval)\n"
"  -k, --folds=K        folds (default: 5)\n"
"  -r, --repeats=R      repeats of the article split (default: 3)\n"
"  -s, --seed=N         seed of the first repeat (default: 1)\n"
"  -l, --labels=FILE    the labels, one per line (default: the three camps\n"
"                       and other, less any that no quote has)\n"
CLI_ACTORS_HELP
"      --no-ablation    only the full model and the baselines\n"
"      --rbf            let model selection try an RBF kernel as well\n"
"                       (C x gamma; much slower)\n"
"  -q, --quiet          no progress and no table on stderr\n"
"  -h, --help           display this help and exit\n"
"  -V, --version        output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

struct config {
	const char *name;
	unsigned groups;	/* 0: the majority baseline */
};

struct result {
	const char *split, *model;
	int repeats;
	struct st_scores mean;	/* per-label figures averaged */
	double f1_sd, acc_sd;
	struct st_scores first;	/* the first repeat, for the confusion */
	int *pred;		/* the first repeat's predictions (owned) */
};

static double sd(const double *x, int n)
{
	double m = 0, v = 0;
	int i;

	if (n < 2)
		return 0;
	for (i = 0; i < n; i++)
		m += x[i] / n;
	for (i = 0; i < n; i++)
		v += (x[i] - m) * (x[i] - m) / (n - 1);
	return sqrt(v);
}

static int evaluate(const struct st_quotes *qs, char *const *labels,
                    int nlabels, const struct st_train_opts *base,
                    const struct config *cf, enum st_group_by by, int k,
                    int repeats, int *fold_first, struct result *r,
                    struct st_error *err)
{
	struct st_train_opts o = *base;
	int *fold = st_xmalloc((qs->n ? qs->n : 1) * sizeof *fold);
	int *pred = st_xmalloc((qs->n ? qs->n : 1) * sizeof *pred);
	int *gold = st_xmalloc((qs->n ? qs->n : 1) * sizeof *gold);
	double f1s[64], accs[64];
	size_t i;
	int rep, l, rc = -1;

	o.groups = cf->groups;
	memset(r, 0, sizeof *r);
	r->model = cf->name;
	r->split = by == ST_BY_ARTICLE ? "article" : "speaker";
	r->repeats = repeats;
	r->mean.nlabels = nlabels;
	for (i = 0; i < qs->n; i++)
		gold[i] = st_label_index(labels, nlabels, qs->q[i].stance);
	for (rep = 0; rep < repeats; rep++) {
		struct st_scores sc;

		st_folds(qs, labels, nlabels, by, k, base->seed + (unsigned)rep,
		         fold);
		if (rep == 0 && fold_first)
			memcpy(fold_first, fold, qs->n * sizeof *fold);
		if (st_cross_validate(qs, labels, nlabels, &o, fold, k, pred, err))
			goto out;
		st_score(gold, pred, (long)qs->n, nlabels, &sc);
		if (rep == 0) {
			r->first = sc;
			r->pred = st_xmalloc((qs->n ? qs->n : 1) * sizeof *r->pred);
			memcpy(r->pred, pred, qs->n * sizeof *pred);
		}
		for (l = 0; l < nlabels; l++) {
			r->mean.precision[l] += sc.precision[l] / repeats;
			r->mean.recall[l] += sc.recall[l] / repeats;
			r->mean.f1[l] += sc.f1[l] / repeats;
			r->mean.support[l] = sc.support[l];
		}
		r->mean.macro_f1 += sc.macro_f1 / repeats;
		r->mean.accuracy += sc.accuracy / repeats;
		r->mean.n = sc.n;
		f1s[rep] = sc.macro_f1;
		accs[rep] = sc.accuracy;
	}
	r->f1_sd = sd(f1s, repeats);
	r->acc_sd = sd(accs, repeats);
	rc = 0;
out:
	free(fold);
	free(pred);
	free(gold);
	return rc;
}

static void put_row(struct st_csv_writer *w, const struct result *r,
                    const char *label, double p, double rec, double f1,
                    double f1_sd, long support)
{
	st_csv_put(w, r->split);
	st_csv_put(w, r->model);
	st_csv_put(w, label);
	st_csv_putd(w, p, 4);
	st_csv_putd(w, rec, 4);
	st_csv_putd(w, f1, 4);
	st_csv_putd(w, f1_sd, 4);
	st_csv_putl(w, support);
	st_csv_endrow(w);
}

static void write_metrics(FILE *fp, const struct result *rs, int n,
                          char *const *labels, int nlabels)
{
	struct st_csv_writer w;
	int i, l;

	st_csv_writer_init(&w, fp, 0, 1);
	fputs("split,model,label,precision,recall,f1,f1_sd,support\n", fp);
	for (i = 0; i < n; i++) {
		const struct result *r = &rs[i];
		double mp = 0, mr = 0;

		for (l = 0; l < nlabels; l++) {
			put_row(&w, r, labels[l], r->mean.precision[l],
			        r->mean.recall[l], r->mean.f1[l], 0,
			        r->mean.support[l]);
			mp += r->mean.precision[l] / nlabels;
			mr += r->mean.recall[l] / nlabels;
		}
		put_row(&w, r, "macro avg", mp, mr, r->mean.macro_f1, r->f1_sd,
		        r->mean.n);
		put_row(&w, r, "accuracy", r->mean.accuracy, r->mean.accuracy,
		        r->mean.accuracy, r->acc_sd, r->mean.n);
	}
	st_csv_writer_finish(&w);
}

static void write_confusion(FILE *fp, const struct result *rs, int n,
                            char *const *labels, int nlabels)
{
	struct st_csv_writer w;
	int i, g, p;

	st_csv_writer_init(&w, fp, 0, 1);
	st_csv_put(&w, "split");
	st_csv_put(&w, "model");
	st_csv_put(&w, "gold");
	for (p = 0; p < nlabels; p++)
		st_csv_put(&w, labels[p]);
	st_csv_endrow(&w);
	for (i = 0; i < n; i++) {
		if (strcmp(rs[i].model, "full"))
			continue;
		for (g = 0; g < nlabels; g++) {
			st_csv_put(&w, rs[i].split);
			st_csv_put(&w, rs[i].model);
			st_csv_put(&w, labels[g]);
			for (p = 0; p < nlabels; p++)
				st_csv_putl(&w, rs[i].first.confusion[g][p]);
			st_csv_endrow(&w);
		}
	}
	st_csv_writer_finish(&w);
}

static void write_folds(FILE *fp, const struct st_quotes *qs,
                        const int *by_article, const int *by_speaker,
                        const int *pred_a, const int *pred_s,
                        char *const *labels)
{
	struct st_csv_writer w;
	size_t i;

	st_csv_writer_init(&w, fp, 0, 0);
	fputs("article,quote_id,article_fold,speaker_fold,stance,"
	      "article_predicted,speaker_predicted,speaker,role,quote,context\n",
	      fp);
	for (i = 0; i < qs->n; i++) {
		const struct st_quote *q = &qs->q[i];
		char id[32];

		snprintf(id, sizeof id, "q%d", q->id);
		st_csv_put(&w, q->article);
		st_csv_put(&w, id);
		st_csv_putl(&w, by_article[i]);
		st_csv_putl(&w, by_speaker[i]);
		st_csv_put(&w, q->stance);
		st_csv_put(&w, pred_a[i] >= 0 ? labels[pred_a[i]] : "");
		st_csv_put(&w, pred_s[i] >= 0 ? labels[pred_s[i]] : "");
		st_csv_put(&w, q->speaker);
		st_csv_put(&w, q->role);
		st_csv_put(&w, q->text);
		st_csv_put(&w, q->context);
		st_csv_endrow(&w);
	}
	st_csv_writer_finish(&w);
}

static char *join(const char *dir, const char *name)
{
	struct st_buf b = ST_BUF_INIT;
	st_buf_addf(&b, "%s/%s", dir, name);
	return st_buf_detach(&b);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "articles", required_argument, NULL, 'a' },
		{ "quotes", required_argument, NULL, 'Q' },
		{ "dir", required_argument, NULL, 'd' },
		{ "folds", required_argument, NULL, 'k' },
		{ "repeats", required_argument, NULL, 'r' },
		{ "seed", required_argument, NULL, 's' },
		{ "labels", required_argument, NULL, 'l' },
		{ "actors", required_argument, NULL, 'A' },
		{ "no-ablation", no_argument, NULL, 'n' },
		{ "rbf", no_argument, NULL, 'b' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const group_names[] = { "words", "bigrams", "chars",
		"context", "role", "lexicon", "actors" };
	const char *articles = NULL, *dir = "reports/eval", *labels_path = NULL;
	struct st_train_opts base;
	struct st_labelled lab;
	struct st_quotes qs;
	struct st_error err = { 0 };
	struct st_actors *actors = NULL;
	struct config cf[16];
	struct result rs[32];
	struct st_out out[3];
	char *paths[3] = { NULL, NULL, NULL };
	char *labels[ST_MAX_LABELS], names[8][32];
	int *fold_a = NULL, *fold_s = NULL;
	int ch, i, k = 5, repeats = 3, nlabels = 0, ncf = 0, nrs = 0;
	int ablation = 1, quiet = 0, rc = EXIT_DATA;
	struct cli_progress prog;
	long v;

	cli_init(argv, "stance-eval");
	st_train_opts_init(&base);
	base.jobs = st_jobs();
	while ((ch = getopt_long(argc, argv, "a:d:k:r:s:l:qhV", opts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'a': articles = optarg; break;
		case 'Q': cli_add_quotes(optarg); break;
		case 'd': dir = optarg; break;
		case 'k':
			if (st_parse_long(optarg, &v) || v < 2 || v > 50)
				cli_usage_error("bad number of folds '%s'", optarg);
			k = (int)v;
			break;
		case 'r':
			if (st_parse_long(optarg, &v) || v < 1 || v > 64)
				cli_usage_error("bad number of repeats '%s'", optarg);
			repeats = (int)v;
			break;
		case 's':
			if (st_parse_long(optarg, &v) || v < 0 || v > 2147483647L)
				cli_usage_error("bad seed '%s'", optarg);
			base.seed = (unsigned)v;
			break;
		case 'l': labels_path = optarg; break;
		case 'A': cli_add_actors(optarg); break;
		case 'n': ablation = 0; break;
		case 'b': base.rbf = 1; break;
		case 'q': quiet = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (!articles)
		cli_usage_error("no articles folder (-a ARTICLES)");
	if (optind == argc)
		cli_usage_error("no annotations file");
	base.folds = k;
	st_quotes_init(&qs);
	memset(out, 0, sizeof out);
	st_out_install_signals();
	actors = cli_load_actors(&err);
	if (!actors)
		goto fail;
	if (cli_load_labelled(articles, labels_path, argv + optind, argc - optind,
	                      labels, &nlabels, &lab, &qs, &err))
		goto fail;
	if (qs.n < (size_t)(2 * k)) {
		st_fail(&err, argv[optind], 1, "too few labelled quotes (%zu) "
		        "for %d folds", qs.n, k);
		goto fail;
	}

	cf[ncf++] = (struct config){ "full", ST_G_DEFAULT };
	cf[ncf++] = (struct config){ "majority label", 0 };
	cf[ncf++] = (struct config){ "role words only", ST_G_ROLE };
	/* the quote's own words, without who said it */
	cf[ncf++] = (struct config){ "text only", ST_G_WORDS | ST_G_BIGRAMS |
	                             ST_G_LEXICON };
	if (ablation) {
		for (i = 0; i < 7; i++) {
			unsigned bit = 1u << i;
			if (!(ST_G_DEFAULT & bit))
				continue;
			snprintf(names[i], sizeof names[i], "without %s",
			         group_names[i]);
			cf[ncf++] = (struct config){ names[i], ST_G_DEFAULT & ~bit };
		}
		cf[ncf++] = (struct config){ "with chars",
		                             ST_G_DEFAULT | ST_G_CHARS };
	}
	fold_a = st_xmalloc(qs.n * sizeof *fold_a);
	fold_s = st_xmalloc(qs.n * sizeof *fold_s);
	/* the full model and the baselines over every repeat; the
	 * ablations, which only compare with the full model, over the first */
	cli_progress_init(&prog, quiet, "evaluations", ncf + NBASE);
	for (i = 0; i < ncf; i++) {
		if (evaluate(&qs, labels, nlabels, &base, &cf[i], ST_BY_ARTICLE, k,
		             i < NBASE ? repeats : 1, fold_a, &rs[nrs++], &err))
			goto fail;
		cli_progress_step(&prog, 1);
	}
	for (i = 0; i < NBASE; i++) {
		if (evaluate(&qs, labels, nlabels, &base, &cf[i], ST_BY_SPEAKER, k,
		             1, fold_s, &rs[nrs++], &err))
			goto fail;
		cli_progress_step(&prog, 1);
	}
	cli_progress_end(&prog);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		st_fail(&err, dir, 0, "cannot create: %s", strerror(errno));
		goto fail;
	}
	{
		static const char *const files[] = { "metrics.csv",
			"confusion.csv", "folds.csv" };
		for (i = 0; i < 3; i++) {
			paths[i] = join(dir, files[i]);
			if (st_out_open(&out[i], paths[i], &err))
				goto fail;
		}
	}
	write_metrics(out[0].fp, rs, nrs, labels, nlabels);
	write_confusion(out[1].fp, rs, nrs, labels, nlabels);
	write_folds(out[2].fp, &qs, fold_a, fold_s, rs[0].pred, rs[ncf].pred,
	            labels);
	for (i = 0; i < 3; i++)
		if (st_out_commit(&out[i], &err))
			goto fail;
	if (!quiet) {
		fprintf(stderr, "%zu labelled quotes; %d folds grouped by article "
		        "(%d repeats) or by speaker\n", qs.n, k, repeats);
		fprintf(stderr, "%-8s %-20s %-16s %s\n", "split", "model",
		        "macro-F1", "accuracy");
		for (i = 0; i < nrs; i++)
			fprintf(stderr, "%-8s %-20s %.3f +- %.3f    %.3f\n",
			        rs[i].split, rs[i].model, rs[i].mean.macro_f1,
			        rs[i].f1_sd, rs[i].mean.accuracy);
	}
	cli_note_dropped_labels();
	rc = EXIT_OK;
	goto out;
fail:
	for (i = 0; i < 3; i++)
		st_out_abort(&out[i]);
	cli_error(&err);
out:
	st_actors_free(actors);
	for (i = 0; i < nlabels; i++)
		free(labels[i]);
	for (i = 0; i < nrs; i++)
		free(rs[i].pred);
	free(fold_a);
	free(fold_s);
	for (i = 0; i < 3; i++)
		free(paths[i]);
	st_quotes_finish(&qs);
	return rc;
}
