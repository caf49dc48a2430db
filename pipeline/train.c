/* stance-train: labelled quotes (annotation CSVs + their articles) -> a
 * model folder. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cv.h"
#include "labelled.h"
#include "parallel.h"
#include "feature.h"
#include "model.h"

static const char usage[] =
"Usage: stance-train -a ARTICLES [OPTION]... ANNOTATIONS...\n"
"Train a stance model from labelled quotes and write it to a model folder.\n"
"Each ANNOTATIONS file is a CSV with at least the columns article, quote\n"
"and stance (speaker and role may follow; a spreadsheet's byte order mark\n"
"and CRLF line ends are fine).  article names ARTICLES/<article>.txt;\n"
"quote is the text inside the quotation marks.  Each quote is found in\n"
"its article with stance-tokenize's extractor, so that training sees the\n"
"same speaker, role and context as prediction will.  Rows with an empty\n"
"stance are skipped (and counted); a quote that is not found is reported\n"
"and skipped; an unknown stance is an error.\n"
"\n"
"  -a, --articles=DIR   the articles folder (required; the corpus's is\n"
"                       corpus/articles)\n"
"  -o, --output=DIR     the model folder to write (default: models)\n"
"  -l, --labels=FILE    the labels, one per line (default: the three\n"
"                       camps: pro-Russia opposition, government,\n"
"                       Western-leaning analyst)\n"
"  -g, --groups=LIST    feature groups, comma-separated, of: words,\n"
"                       bigrams, chars, context, role, lexicon\n"
"                       (default: words,bigrams,context,role,lexicon)\n"
"  -C, --cost=C         the SVM's C (default: chosen by cross-validation)\n"
"      --rbf            also try an RBF kernel over C x gamma and keep it\n"
"                       if cross-validation prefers it (slower; by\n"
"                       default the kernel is linear, which classifies\n"
"                       fastest)\n"
"  -s, --seed=N         seed for libsvm's random numbers (default: 1)\n"
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

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "articles", required_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		{ "labels", required_argument, NULL, 'l' },
		{ "groups", required_argument, NULL, 'g' },
		{ "cost", required_argument, NULL, 'C' },
		{ "seed", required_argument, NULL, 's' },
		{ "rbf", no_argument, NULL, 'r' },
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
	char *labels[ST_MAX_LABELS];
	int ch, k, rc = EXIT_DATA, nlabels = 0, quiet = 0;
	long v;

	cli_init(argv, "stance-train");
	st_quotes_init(&qs);
	st_train_opts_init(&topts);
	topts.jobs = st_jobs();
	while ((ch = getopt_long(argc, argv, "a:o:l:g:C:s:qhV", opts,
	                         NULL)) != -1) {
		switch (ch) {
		case 'a': articles_dir = optarg; break;
		case 'o': outdir = optarg; break;
		case 'l': labels_path = optarg; break;
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
	if (cli_load_labelled(articles_dir, labels_path, argv + optind,
	                      argc - optind, labels, &nlabels, &lab, &qs, &err))
		goto fail;
	if (lab.skipped)
		fprintf(stderr, "%s: %ld row%s without a stance skipped\n",
		        cli_prog, lab.skipped, lab.skipped == 1 ? "" : "s");
	if (lab.not_found)
		fprintf(stderr, "%s: %ld row%s whose quote was not found "
		        "skipped\n", cli_prog, lab.not_found,
		        lab.not_found == 1 ? "" : "s");
	cli_progress_init(&prog, quiet, "grid points", st_grid_points(&topts));
	if (topts.C <= 0) {
		topts.progress = grid_progress;
		topts.progress_arg = &prog;
	}
	if (st_train(&qs, labels, nlabels, &topts, outdir, &err)) {
		cli_progress_end(&prog);
		goto fail;
	}
	cli_progress_end(&prog);
	rc = EXIT_OK;
	goto out;
fail:
	cli_error(&err);
out:
	for (k = 0; k < nlabels; k++)
		free(labels[k]);
	st_quotes_finish(&qs);
	return rc;
}
