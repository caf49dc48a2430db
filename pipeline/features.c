/* stance-features: quotes -> sparse vectors in LIBSVM's text format. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "cli.h"
#include "learn/learn.h"
#include "io/io.h"

static const char usage[] =
"Usage: stance-features -m MODEL [OPTION]... [QUOTES]...\n"
"Turn each quote of the QUOTES files (from stance-tokenize) into a sparse\n"
"feature vector, one line each in LIBSVM's format 'label idx:val ...',\n"
"using the vocabulary of the model folder MODEL.  The label is the number\n"
"of the quote's stance column (1, 2, ... in MODEL/labels.txt), or 0.\n"
"Each line ends with the quote's key, '# ARTICLE<TAB>QUOTE_ID' (SVMlight's\n"
"trailing comment; \\\\, \\t, \\n and \\r stand for a backslash, tab, newline\n"
"and CR in them), that stance-classify passes on.\n"
"With no QUOTES, or when QUOTES is -, read standard input.\n"
"\n"
"  -m, --model=DIR    the model folder (required; the shipped one is\n"
"                     models)\n"
"  -o, --output=FILE  write to FILE (whole or not at all) instead of stdout\n"
CLI_ACTORS_HELP
"  -q, --quiet        no progress on stderr (shown only on a terminal)\n"
"  -h, --help         display this help and exit\n"
"  -V, --version      output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

/* One vector line with its key, made in one buffer and written at once. */
struct vline {
	char *s;
	size_t cap;
	struct st_buf key;
};

static void put_line(struct vline *v, FILE *out, int label,
                     const struct st_vec *x, const struct st_quote *q)
{
	char id[16];
	size_t n;

	if (ST_VEC_LINE_MAX(x->n) > v->cap) {
		v->cap = 2 * ST_VEC_LINE_MAX(x->n);
		v->s = st_xrealloc(v->s, v->cap);
	}
	n = st_vec_format(v->s, label, x);
	st_quote_id(id, q->id);
	st_buf_reset(&v->key);
	st_buf_add(&v->key, v->s, n);
	st_vkey_add(&v->key, q->article, id);
	st_buf_addc(&v->key, '\n');
	fwrite(v->key.s, 1, v->key.len, out);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "model", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "actors", required_argument, NULL, 'A' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *model_dir = NULL;
	struct cli_progress prog;
	int quiet = 0;
	struct st_model model;
	struct st_featurizer *f = NULL;
	struct st_actors *actors = NULL;
	struct st_error err = { 0 };
	struct st_quotes one;
	struct st_quote *q;
	struct st_out out = { 0 };
	struct st_vec x;
	struct vline vl = { NULL, 0, ST_BUF_INIT };
	int c, i, rc = EXIT_DATA, nin, loaded = 0;
	char **in;

	cli_init(argv, "stance-features");
	while ((c = getopt_long(argc, argv, "m:o:qhV", opts, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'm': model_dir = optarg; break;
		case 'o': output = optarg; break;
		case 'A': cli_add_actors(optarg); break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (!model_dir)
		cli_usage_error("no model folder (-m MODEL)");
	in = cli_inputs(argc, argv, &nin);
	st_vec_init(&x);
	st_quotes_init(&one);
	st_out_install_signals();
	if (st_model_load_vocab(&model, model_dir, &err))
		goto fail;
	loaded = 1;
	actors = cli_load_actors(&err);
	if (!actors)
		goto fail;
	f = st_featurizer_new(&err);
	if (!f || st_out_open(&out, output, &err))
		goto fail;
	st_quotes_init(&one);
	q = st_quotes_add(&one);
	cli_progress_init(&prog, quiet, "quotes", -1);
	for (i = 0; i < nin; i++) {
		struct st_quote_reader *r = st_quote_reader_open(in[i], &err);
		const char *name = strcmp(in[i], "-") ? in[i] : "<stdin>";
		int got;

		if (!r)
			goto abort;
		/* one quote at a time: memory does not grow with the file */
		while ((got = st_quote_next(r, q, &err)) == 1) {
			int label = 0;

			if (q->stance[0]) {
				label = st_label_index(model.labels, model.nlabels,
				                       q->stance) + 1;
				if (!label) {
					st_fail(&err, name, q->line,
					        "unknown label '%s'", q->stance);
					got = -1;
					break;
				}
			}
			st_quote_vector(f, q, &model.vocab, &x);
			put_line(&vl, out.fp, label, &x, q);
			cli_progress_step(&prog, 1);
		}
		st_quote_reader_close(r);
		if (got < 0)
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
	free(vl.s);
	st_buf_finish(&vl.key);
	st_quotes_finish(&one);
	st_vec_finish(&x);
	st_featurizer_free(f);
	st_actors_free(actors);
	if (loaded)
		st_model_finish(&model);
	return rc;
}
