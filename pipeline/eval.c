/* stance-eval: how well the model does on articles and speakers it has
 * not seen, against baselines, with each feature group left out. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract/extract.h"
#include "cli.h"
#include "io/io.h"
#include "learn/learn.h"

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

static void step(int done, int total, void *arg)
{
	(void)done;
	(void)total;
	cli_progress_step(arg, 1);
}

/* DIR/metrics.csv, confusion.csv and folds.csv, each whole or not at all. */
static int write_files(const char *dir, const struct st_eval *ev,
                       const struct st_quotes *qs, char *const *labels,
                       int nlabels, struct st_error *err)
{
	static const char *const files[] = { "metrics.csv", "confusion.csv",
		"folds.csv" };
	struct st_out out[3];
	char *paths[3] = { NULL, NULL, NULL };
	int i, rc = -1;

	memset(out, 0, sizeof out);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		st_fail(err, dir, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	for (i = 0; i < 3; i++) {
		paths[i] = st_join(dir, files[i]);
		if (st_out_open(&out[i], paths[i], err))
			goto out;
	}
	st_eval_write_metrics(out[0].fp, ev, labels, nlabels);
	st_eval_write_confusion(out[1].fp, ev, labels, nlabels);
	st_eval_write_folds(out[2].fp, ev, qs, labels);
	for (i = 0; i < 3; i++)
		if (st_out_commit(&out[i], err))
			goto out;
	rc = 0;
out:
	for (i = 0; i < 3; i++) {
		if (rc)
			st_out_abort(&out[i]);
		free(paths[i]);
	}
	return rc;
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
	const char *articles = NULL, *dir = "reports/eval", *labels_path = NULL;
	struct st_eval_opts o;
	struct st_eval ev;
	struct st_labelled lab;
	struct st_quotes qs;
	struct st_error err = { 0 };
	struct st_actors *actors = NULL;
	struct cli_progress prog;
	char *labels[ST_MAX_LABELS];
	int ch, i, nlabels = 0, quiet = 0, rc = EXIT_DATA;
	long v;

	cli_init(argv, "stance-eval");
	st_eval_opts_init(&o);
	o.train.jobs = st_jobs();
	while ((ch = getopt_long(argc, argv, "a:d:k:r:s:l:qhV", opts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'a': articles = optarg; break;
		case 'Q': cli_add_quotes(optarg); break;
		case 'd': dir = optarg; break;
		case 'k':
			if (st_parse_long(optarg, &v) || v < 2 || v > 50)
				cli_usage_error("bad number of folds '%s'", optarg);
			o.folds = (int)v;
			break;
		case 'r':
			if (st_parse_long(optarg, &v) || v < 1 || v > 64)
				cli_usage_error("bad number of repeats '%s'", optarg);
			o.repeats = (int)v;
			break;
		case 's':
			if (st_parse_long(optarg, &v) || v < 0 || v > 2147483647L)
				cli_usage_error("bad seed '%s'", optarg);
			o.train.seed = (unsigned)v;
			break;
		case 'l': labels_path = optarg; break;
		case 'A': cli_add_actors(optarg); break;
		case 'n': o.ablation = 0; break;
		case 'b': o.train.rbf = 1; break;
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
	st_quotes_init(&qs);
	memset(&ev, 0, sizeof ev);
	st_out_install_signals();
	actors = cli_load_actors(&err);
	if (!actors)
		goto fail;
	if (cli_load_labelled(articles, labels_path, argv + optind, argc - optind,
	                      labels, &nlabels, &lab, &qs, &err))
		goto fail;
	if (qs.n < (size_t)(2 * o.folds)) {
		st_fail(&err, argv[optind], 1, "too few labelled quotes (%zu) "
		        "for %d folds", qs.n, o.folds);
		goto fail;
	}
	cli_progress_init(&prog, quiet, "evaluations", st_eval_runs(&o));
	o.progress = step;
	o.progress_arg = &prog;
	if (st_evaluate(&ev, &qs, labels, nlabels, &o, &err))
		goto fail;
	cli_progress_end(&prog);
	if (write_files(dir, &ev, &qs, labels, nlabels, &err))
		goto fail;
	if (!quiet) {
		fprintf(stderr, "%zu labelled quotes; %d folds grouped by article "
		        "(%d repeats) or by speaker\n", qs.n, o.folds, o.repeats);
		fprintf(stderr, "%-8s %-20s %-16s %s\n", "split", "model",
		        "macro-F1", "accuracy");
		for (i = 0; i < ev.n; i++)
			fprintf(stderr, "%-8s %-20s %.3f +- %.3f    %.3f\n",
			        ev.r[i].split, ev.r[i].model, ev.r[i].mean.macro_f1,
			        ev.r[i].f1_sd, ev.r[i].mean.accuracy);
	}
	cli_note_dropped_labels();
	rc = EXIT_OK;
	goto out;
fail:
	cli_error(&err);
out:
	st_actors_free(actors);
	for (i = 0; i < nlabels; i++)
		free(labels[i]);
	st_eval_finish(&ev);
	st_quotes_finish(&qs);
	return rc;
}
