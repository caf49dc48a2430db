/* stance-train: labelled quotes (annotation sheets matched to the quotes
 * files of stance-tokenize, or to their articles) -> a model folder. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/extract.h"
#include "cli.h"
#include "io/io.h"
#include "learn/learn.h"
#include "core/core.h"

static const char usage[] =
"Usage: stance-train -a ARTICLES [--quotes=FILE]... [OPTION]... ANNOTATIONS...\n"
"Train a stance model from labelled quotes and write it to a model folder.\n"
"Each ANNOTATIONS file is a CSV with at least the columns article, quote\n"
"and stance (speaker and role may follow; a spreadsheet's byte order mark\n"
"and CRLF line ends are fine).  article names ARTICLES/<article>.txt;\n"
"quote is the text inside the quotation marks.  Each quote is looked up\n"
"among its article's quotes in the --quotes files, stance-tokenize's\n"
"output for ARTICLES (as make train gives them), so that training sees\n"
"the same speaker, role and context as prediction; without --quotes, the\n"
"articles are read and their quotes extracted as stance-tokenize would.\n"
"Rows with an empty stance are skipped (and counted); a quote that is not\n"
"found is reported and skipped; an unknown stance is an error that lists\n"
"the valid ones (labels match without regard to case and to spaces at\n"
"either end).\n"
"A sheet may also be semicolon-separated CSV, or an .xlsx or .ods\n"
"workbook (read through LibreOffice, soffice, when it is installed).\n"
"A row that repeats a quote with its label counts once; a quote labelled\n"
"differently in two sheets is reported with both rows, and the newer\n"
"sheet wins (the date in its name, YYYY-MM-DD, else the day it was\n"
"modified; then its modification time).  An article that cannot be read\n"
"stops the run, naming its path, unless --keep-going.\n"
"\n"
"The model folder is written whole under a temporary name beside it and\n"
"renamed into place; the one it replaces becomes DIR.prev.  What changed\n"
"(cross-validated macro-F1 and quotes per label, before and after, and\n"
"how many quotes of the articles folder changed predicted label) is\n"
"printed and added to DIR/metrics.txt.\n"
"\n"
"  -a, --articles=DIR   the articles folder (required; the corpus's is\n"
"                       corpus/articles)\n"
CLI_QUOTES_HELP
"  -o, --output=DIR     the model folder to write (default: models)\n"
"  -l, --labels=FILE    the labels, one per line (default: the three\n"
"                       camps, pro-Russia opposition, government and\n"
"                       Western-leaning analyst, and other; a default\n"
"                       label that no quote has is left out)\n"
"  -g, --groups=LIST    feature groups, comma-separated, of: words,\n"
"                       bigrams, chars, context, role, lexicon, actors\n"
"                       (default: words,bigrams,context,role,lexicon,\n"
"                       actors)\n"
CLI_ACTORS_HELP
"  -C, --cost=C         the SVM's C (default: chosen by cross-validation)\n"
"      --rbf            also try an RBF kernel over C x gamma and keep it\n"
"                       if cross-validation prefers it (slower; by\n"
"                       default the kernel is linear, which classifies\n"
"                       fastest)\n"
"  -s, --seed=N         seed for libsvm's random numbers (default: 1)\n"
"  -k, --keep-going     skip the rows of an article that cannot be read,\n"
"                       with a warning, instead of stopping\n"
"  -q, --quiet          no progress on stderr\n"
"  -h, --help           display this help and exit\n"
"  -V, --version        output version information and exit\n"
"\n"
"The same annotations and options give a byte-identical model folder.\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

/* libsvm's grid, reported through the progress line */
static void grid_progress(int done, int total, void *arg)
{
	struct cli_progress *p = arg;

	(void)total;
	cli_progress_step(p, done - p->done);
}

static void figure(FILE *fp, const char *name, double before, double after,
                   int decimals)
{
	char b[32] = "-", a[32] = "-";

	if (before >= 0)
		snprintf(b, sizeof b, "%.*f", decimals, before);
	if (after >= 0)
		snprintf(a, sizeof a, "%.*f", decimals, after);
	fprintf(fp, "  %-32s %10s %10s\n", name, b, a);
}

/* The previous model (outdir) beside the new one (tmpdir): the figures
 * are added to the new metrics.txt and printed, and the new folder takes
 * the place of the old, which becomes outdir.prev. */
static int what_changed(const char *outdir, struct st_stage *stage,
                        const char *articles, char *const *labels,
                        int nlabels, struct st_error *err)
{
	struct st_metrics before, after;
	struct st_buf mpath = ST_BUF_INIT, oldmodel = ST_BUF_INIT;
	struct st_error why = { 0 };
	long nq = 0, changed = -1, unread = 0;
	FILE *fp = NULL;
	int k, rc = -1, had_prev, have_old;
	const char *tmpdir = stage->path;
	char *const *qfiles;
	int nqfiles;

	memset(&before, 0, sizeof before);
	memset(&after, 0, sizeof after);
	st_buf_addf(&oldmodel, "%s/stance.model", outdir);
	have_old = access(oldmodel.s, F_OK) == 0;
	if (st_metrics_read(outdir, &before, err) ||
	    st_metrics_read(tmpdir, &after, err))
		goto out;
	qfiles = cli_quote_files(&nqfiles);
	if (have_old &&
	    (nqfiles ? st_prediction_changes_quotes(outdir, tmpdir, qfiles,
	                                            nqfiles, articles, &nq,
	                                            &changed, &unread, &why)
	             : st_prediction_changes(outdir, tmpdir, articles, &nq,
	                                     &changed, &unread, &why)))
		changed = -1;
	st_buf_addf(&mpath, "%s/metrics.txt", tmpdir);
	fp = fopen(mpath.s, "a");
	if (!fp) {
		st_fail(err, mpath.s, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	if (!before.have) {
		fprintf(fp, "before none\n");
	} else {
		if (before.quotes >= 0)
			fprintf(fp, "before_quotes %ld\n", before.quotes);
		for (k = 0; k < before.nlabels; k++)
			fprintf(fp, "before_quotes[%s] %ld\n", before.labels[k],
			        before.count[k]);
		if (before.cv_f1 >= 0)
			fprintf(fp, "before_cv_macro_f1 %.4f\n", before.cv_f1);
	}
	if (changed >= 0)
		fprintf(fp, "corpus_quotes %ld\ncorpus_quotes_changed %ld\n",
		        nq, changed);
	if (ferror(fp) | fclose(fp)) {
		fp = NULL;
		st_fail(err, mpath.s, 0, "write error: %s", strerror(errno));
		goto out;
	}
	fp = NULL;
	had_prev = access(outdir, F_OK) == 0;
	/* one step: a kill leaves the old model or the new */
	if (st_stage_commit(stage, ST_STAGE_KEEP_PREV, err))
		goto out;
	printf("%s: %s written", cli_prog, outdir);
	if (had_prev)
		printf(", the previous model kept in %s.prev", outdir);
	printf("\n  %-32s %10s %10s\n", "", "before", "after");
	figure(stdout, "cross-validated macro-F1", before.cv_f1, after.cv_f1,
	       4);
	figure(stdout, "labelled quotes", (double)before.quotes,
	       (double)after.quotes, 0);
	for (k = 0; k < nlabels; k++) {
		struct st_buf name = ST_BUF_INIT;

		st_buf_addf(&name, "  %s", labels[k]);
		figure(stdout, name.s, (double)st_metrics_count(&before,
		       labels[k]), (double)st_metrics_count(&after, labels[k]),
		       0);
		st_buf_finish(&name);
	}
	for (k = 0; k < before.nlabels; k++)
		if (st_metrics_count(&after, before.labels[k]) < 0) {
			struct st_buf name = ST_BUF_INIT;

			st_buf_addf(&name, "  %s", before.labels[k]);
			figure(stdout, name.s, (double)before.count[k], -1, 0);
			st_buf_finish(&name);
		}
	if (changed >= 0)
		printf("  quotes of %s whose predicted label changed: %ld of "
		       "%ld\n", articles, changed, nq);
	else if (have_old)
		printf("  predictions not compared: the previous model: %s%s%s\n",
		       why.file ? why.file : "", why.file ? ": " : "", why.msg);
	else
		printf("  no previous model\n");
	if (unread)
		printf("  (%ld article%s of %s could not be read)\n", unread,
		       unread == 1 ? "" : "s", articles);
	rc = 0;
out:
	if (fp)
		fclose(fp);
	st_metrics_finish(&before);
	st_metrics_finish(&after);
	st_buf_finish(&mpath);
	st_buf_finish(&oldmodel);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "articles", required_argument, NULL, 'a' },
		{ "quotes", required_argument, NULL, 'Q' },
		{ "output", required_argument, NULL, 'o' },
		{ "labels", required_argument, NULL, 'l' },
		{ "actors", required_argument, NULL, 'A' },
		{ "groups", required_argument, NULL, 'g' },
		{ "cost", required_argument, NULL, 'C' },
		{ "seed", required_argument, NULL, 's' },
		{ "rbf", no_argument, NULL, 'r' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *outdir = "models", *labels_path = NULL;
	struct st_train_opts topts;
	struct cli_progress prog;
	struct st_labelled lab;
	struct st_quotes qs;
	const char *articles_dir = NULL;
	struct st_error err = { 0 };
	struct st_actors *actors = NULL;
	char *labels[ST_MAX_LABELS];
	int ch, k, rc = EXIT_DATA, nlabels = 0, quiet = 0, keep_going = 0;
	struct st_stage stage = { NULL, NULL, NULL };
	long v;

	cli_init(argv, "stance-train");
	st_quotes_init(&qs);
	st_train_opts_init(&topts);
	topts.jobs = st_jobs();
	while ((ch = getopt_long(argc, argv, "a:o:l:g:C:s:kqhV", opts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'a': articles_dir = optarg; break;
		case 'Q': cli_add_quotes(optarg); break;
		case 'o': outdir = optarg; break;
		case 'l': labels_path = optarg; break;
		case 'A': cli_add_actors(optarg); break;
		case 'g':
			if (st_groups_parse(optarg, &topts.groups))
				cli_usage_error("bad feature groups '%s'", optarg);
			break;
		case 'C':
			if (st_parse_double(optarg, &topts.C) || topts.C <= 0)
				cli_usage_error("bad C '%s'", optarg);
			break;
		case 's':
			if (st_parse_long(optarg, &v) || v < 0 || v > 2147483647L)
				cli_usage_error("bad seed '%s'", optarg);
			topts.seed = (unsigned)v;
			break;
		case 'q': quiet = 1; break;
		case 'r': topts.rbf = 1; break;
		case 'k': keep_going = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (!articles_dir)
		cli_usage_error("no articles folder (-a ARTICLES)");
	if (optind == argc)
		cli_usage_error("no annotations file");
	st_out_install_signals();
	actors = cli_load_actors(&err);
	if (!actors)
		goto fail;
	if (cli_load_sheets(articles_dir, labels_path, argv + optind,
	                    argc - optind, keep_going, labels, &nlabels, &lab,
	                    &qs, &err))
		goto fail;
	if (lab.skipped)
		fprintf(stderr, "%s: %ld row%s without a stance skipped\n",
		        cli_prog, lab.skipped, lab.skipped == 1 ? "" : "s");
	if (lab.not_found)
		fprintf(stderr, "%s: %ld row%s whose quote was not found "
		        "skipped\n", cli_prog, lab.not_found,
		        lab.not_found == 1 ? "" : "s");
	if (lab.duplicates)
		fprintf(stderr, "%s: %ld row%s repeating a labelled quote "
		        "counted once\n", cli_prog, lab.duplicates,
		        lab.duplicates == 1 ? "" : "s");
	if (lab.conflicts)
		fprintf(stderr, "%s: %ld quote%s labelled differently in two "
		        "rows: the newer sheet's label kept\n", cli_prog,
		        lab.conflicts, lab.conflicts == 1 ? "" : "s");
	cli_progress_init(&prog, quiet, "grid points", st_grid_points(&topts));
	if (topts.C <= 0) {
		topts.progress = grid_progress;
		topts.progress_arg = &prog;
	}
	/* the new model goes into a folder beside the old, swapped in
	 * whole */
	if (st_stage_open(&stage, outdir, NULL, &err))
		goto fail;
	if (st_train(&qs, labels, nlabels, &topts, stage.path, &err)) {
		cli_progress_end(&prog);
		goto fail;
	}
	cli_progress_end(&prog);
	if (what_changed(outdir, &stage, articles_dir, labels, nlabels, &err))
		goto fail;
	cli_note_dropped_labels();
	rc = EXIT_OK;
	goto out;
fail:
	cli_error(&err);
out:
	st_stage_abort(&stage);
	st_actors_free(actors);
	for (k = 0; k < nlabels; k++)
		free(labels[k]);
	st_quotes_finish(&qs);
	return rc;
}
