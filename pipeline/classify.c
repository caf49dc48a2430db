/* stance-classify: feature vectors + model -> a label and probabilities
 * per quote. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io/io.h"
#include "learn/learn.h"

static const char usage[] =
"Usage: stance-classify -m MODEL [OPTION]... [VECTORS]...\n"
"Predict the stance of each feature vector of the VECTORS files (LIBSVM's\n"
"format, from stance-features) with the model folder MODEL, and write a\n"
"CSV with one row per vector, in order:\n"
"  article,quote_id,stance,confidence,P(label 1),P(label 2),...\n"
"article and quote_id are the key that ends the vector's line\n"
"('# ARTICLE<TAB>QUOTE_ID'), empty for a line without one.  confidence is\n"
"the probability of the predicted stance.  An empty VECTORS file (an\n"
"article without quotes) gives no rows.\n"
"With no VECTORS, or when VECTORS is -, read standard input.\n"
"\n"
"  -m, --model=DIR    the model folder (required; the shipped one is\n"
"                     models)\n"
"  -o, --output=FILE  write to FILE (whole or not at all) instead of stdout\n"
"  -q, --quiet        no progress on stderr (shown only on a terminal)\n"
"  -h, --help         display this help and exit\n"
"  -V, --version      output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

/* The key of the quote, then its prediction's columns. */
static void header(struct st_csv_writer *w, const struct st_model *model)
{
	static const char *const first[] = { "article", "quote_id", "stance",
		"confidence", NULL };
	int i;

	for (i = 0; first[i]; i++)
		st_csv_put(w, first[i]);
	for (i = 0; i < model->nlabels; i++) {
		char *col = cli_prob_column(model->labels[i]);
		st_csv_put(w, col);
		free(col);
	}
	st_csv_endrow(w);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "model", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *model_dir = NULL;
	struct cli_progress prog;
	int quiet = 0;
	struct st_model model;
	struct st_error err = { 0 };
	char *line = NULL;
	size_t cap = 0;
	struct st_out out = { 0 };
	struct st_csv_writer w = { 0 };
	struct st_vec x;
	int c, i, k, rc = EXIT_DATA, nin, loaded = 0;
	char **in;

	cli_init(argv, "stance-classify");
	while ((c = getopt_long(argc, argv, "m:o:qhV", opts, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'm': model_dir = optarg; break;
		case 'o': output = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (!model_dir)
		cli_usage_error("no model folder (-m MODEL)");
	in = cli_inputs(argc, argv, &nin);
	st_vec_init(&x);
	st_out_install_signals();
	if (st_model_load(&model, model_dir, &err))
		goto fail;
	loaded = 1;
	if (st_out_open(&out, output, &err))
		goto fail;
	st_csv_writer_init(&w, out.fp, 0, 0);
	header(&w, &model);
	cli_progress_init(&prog, quiet, "vectors", -1);
	for (i = 0; i < nin; i++) {
		const char *name = strcmp(in[i], "-") ? in[i] : "<stdin>";
		FILE *fp = strcmp(in[i], "-") ? fopen(in[i], "rb") : stdin;
		long lineno = 0;
		ssize_t n;
		int bad = 0;

		if (!fp) {
			st_fail(&err, name, 0, "cannot open: %s", strerror(errno));
			goto abort;
		}
		/* a line at a time: memory does not grow with the file */
		while (!bad && (n = getline(&line, &cap, fp)) > 0) {
			double prob[ST_MAX_LABELS];
			char *article, *quote_id;
			int label, best;

			lineno++;
			if (line[n - 1] == '\n')
				line[--n] = '\0';
			if (memchr(line, '\0', (size_t)n)) {
				bad = st_fail(&err, name, lineno, "NUL byte");
				break;
			}
			if (st_vkey_split(line, &article, &quote_id, name,
			                  lineno, &err) < 0) {
				bad = -1;
				break;
			}
			if (st_vec_parse(name, lineno, line, &label, &x,
			                 (long)st_vocab_size(&model.vocab), &err)) {
				bad = -1;
				break;
			}
			best = st_model_predict(&model, &x, prob);
			st_csv_put(&w, article ? article : "");
			st_csv_put(&w, quote_id ? quote_id : "");
			st_csv_put(&w, model.labels[best]);
			st_csv_putd(&w, prob[best], 6);
			for (k = 0; k < model.nlabels; k++)
				st_csv_putd(&w, prob[k], 6);
			st_csv_endrow(&w);
			cli_progress_step(&prog, 1);
		}
		if (!bad && ferror(fp))
			bad = st_fail(&err, name, lineno, "read error: %s",
			              strerror(errno));
		if (fp != stdin)
			fclose(fp);
		if (bad)
			goto abort;
	}
	cli_progress_end(&prog);
	if (st_out_commit(&out, &err))
		goto fail;
	rc = EXIT_OK;
	goto out;
abort:
	st_out_abort(&out);
fail:
	cli_error(&err);
out:
	st_vec_finish(&x);
	st_csv_writer_finish(&w);
	free(line);
	if (loaded)
		st_model_finish(&model);
	return rc;
}
