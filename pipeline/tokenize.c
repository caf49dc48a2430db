/* stance-tokenize: articles -> their quoted statements (quotes CSV). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io/io.h"
#include "extract/extract.h"
#include "text/text.h"

static const char usage[] =
"Usage: stance-tokenize [OPTION]... [ARTICLE]...\n"
"Find every quoted statement in each ARTICLE (UTF-8 text, one paragraph per\n"
"line), who made it and in what role, and write them as one quotes CSV:\n"
"  article,quote_id,paragraph,start,end,kind,speaker,role,quote,context,\n"
"  tokens,date,source,speaker_confidence\n"
"With no ARTICLE, or when ARTICLE is -, read standard input.\n"
"\n"
"  -o, --output=FILE  write to FILE (whole or not at all) instead of stdout\n"
"      --id=ID        article id for standard input (default: stdin); a\n"
"                     file's id is its name without .txt\n"
"  -f, --files-from=LIST  read the ARTICLE names from the file LIST, one\n"
"                     per line (for more articles than a command line holds)\n"
"  -e, --errors=FILE  go on past an article that cannot be read (not\n"
"                     UTF-8, too large, missing) and list it in FILE as\n"
"                     CSV: article,line,message,path; without it, the first\n"
"                     one stops the run\n"
"  -q, --quiet        no progress on stderr (shown only on a terminal), and\n"
"                     no warning about a quotation cut off at the end\n"
"      --stats        at the end, the words seen and the share found in\n"
"                     the stem cache, on stderr\n"
"  -h, --help         display this help and exit\n"
"  -V, --version      output version information and exit\n"
"\n"
"Limits: an article of at most 64 MiB, 100000 quotes and quotes of at most\n"
"256 KiB each; more is an error.\n"
"\n"
"Exit status: 0 if all went well (with --errors, also when articles were\n"
"skipped), 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

/* Extract the quotes of one article into qs (emptied first: its memory
 * serves every article) and write them; warn about the quotations left
 * out as cut off unless quiet. */
static int one(struct st_extractor *x, struct st_tokenizer *tk,
               const char *path, const char *stdin_id, struct st_buf *text,
               struct st_quotes *qs, FILE *fp, int quiet,
               struct st_error *err)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	char *id = strcmp(path, "-") == 0 ? st_xstrdup(stdin_id)
	                                  : cli_article_id(path);

	if (cli_read_text(path, text, err) != 0 ||
	    st_check_limits(name, text->s, text->len, NULL, err) != 0) {
		free(id);
		return -1;
	}
	st_quotes_clear(qs);
	st_extract(x, tk, id, text->s, text->len, qs);
	{
		char date[11], source[64];

		st_article_date(id, text->s, text->len, date, source,
		                sizeof source);
		st_quotes_set_date(qs, 0, date, source);
	}
	if (st_check_limits(name, text->s, text->len, qs, err) != 0) {
		free(id);
		return -1;
	}
	{
		const size_t *at;
		size_t i, n = st_extract_cutoffs(x, &at);

		for (i = 0; i < n && !quiet; i++)
			fprintf(stderr, "stance-tokenize: %s:%ld: quotation "
			        "still open at the end of the text (cut off?): "
			        "left out\n", name, st_line_of(text->s, at[i]));
	}
	st_quotes_write(fp, qs, 0);
	free(id);
	return 0;
}

/* With --errors: the articles skipped so far, as CSV rows. */
struct skipped {
	struct st_out out;
	struct st_csv_writer w;
	long n;
};

/* Record the failure of article path in sk, or return -1 to stop the run
 * when there is no sk. */
static int skip(struct skipped *sk, const char *path, const char *stdin_id,
                const struct st_error *err)
{
	char *id;

	if (!sk)
		return -1;
	id = strcmp(path, "-") == 0 ? st_xstrdup(stdin_id) : cli_article_id(path);
	st_csv_put(&sk->w, id);
	st_csv_putl(&sk->w, err->line > 0 ? err->line : 1);
	st_csv_put(&sk->w, err->msg);
	st_csv_put(&sk->w, path);
	st_csv_endrow(&sk->w);
	sk->n++;
	free(id);
	return 0;
}

/* Open the list of skipped articles, path, and write its header. */
static int skipped_open(struct skipped *sk, const char *path,
                        struct st_error *err)
{
	static const char *const header[] = { "article", "line", "message",
	                                      "path" };
	size_t i;

	memset(sk, 0, sizeof *sk);
	if (st_out_open(&sk->out, path, err) != 0)
		return -1;
	st_csv_writer_init(&sk->w, sk->out.fp, 0, 1);
	for (i = 0; i < sizeof header / sizeof header[0]; i++)
		st_csv_put(&sk->w, header[i]);
	st_csv_endrow(&sk->w);
	return 0;
}

/* The quotes file's stdio buffer */
static char outbuf[1 << 20];

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "id", required_argument, NULL, 'i' },
		{ "files-from", required_argument, NULL, 'f' },
		{ "errors", required_argument, NULL, 'e' },
		{ "stats", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *stdin_id = "stdin", *list = NULL;
	const char *errors = NULL, *name;
	struct skipped skipped, *sk = NULL;
	struct cli_progress prog;
	int quiet = 0, stats = 0, c, nin, more, rc = EXIT_DATA;
	struct st_extractor *x = NULL;
	struct st_tokenizer *tk = NULL;
	struct st_names *names = NULL;
	struct st_error err = { 0 };
	struct st_buf text = ST_BUF_INIT;
	struct st_out out = { 0 };
	struct st_quotes none, qs;
	char **in;

	cli_init(argv, "stance-tokenize");
	st_quotes_init(&qs);
	while ((c = getopt_long(argc, argv, "o:f:e:qhV", opts, NULL)) != -1) {
		switch (c) {
		case 'e': errors = optarg; break;
		case 's': stats = 1; break;
		case 'q': quiet = 1; break;
		case 'o': output = optarg; break;
		case 'f': list = optarg; break;
		case 'i': stdin_id = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	in = cli_inputs(argc, argv, &nin);
	if (list && optind < argc)
		cli_usage_error("both --files-from and ARTICLE operands");
	st_out_install_signals();
	x = st_extractor_new(&err);
	tk = x ? st_tokenizer_new(&err) : NULL;
	if (!tk)
		goto fail;
	if (st_out_open(&out, output, &err) != 0)
		goto fail;
	/* the quotes go out in large writes: stdio's own buffer is a page */
	setvbuf(out.fp, outbuf, _IOFBF, sizeof outbuf);
	if (errors) {
		if (skipped_open(&skipped, errors, &err) != 0)
			goto fail;
		sk = &skipped;
	}
	st_quotes_init(&none);
	st_quotes_write(out.fp, &none, 1);	/* the header */
	/* one name at a time: a batch may hold any number of articles */
	names = list ? st_names_open(list, &err) : st_names_args(in, nin);
	if (!names)
		goto fail;
	cli_progress_init(&prog, quiet, "articles", st_names_count(names));
	while ((more = st_names_next(names, &name, &err)) > 0) {
		if (one(x, tk, name, stdin_id, &text, &qs, out.fp, quiet,
		        &err) &&
		    skip(sk, name, stdin_id, &err)) {
			more = -1;
			break;
		}
		cli_progress_step(&prog, 1);
	}
	cli_progress_end(&prog);
	if (more < 0)
		goto fail;
	/* the skipped list first: the quotes file is what Make waits for */
	if (sk && st_out_commit(&sk->out, &err) != 0)
		goto fail;
	if (st_out_commit(&out, &err) != 0)
		goto fail;
	if (stats) {
		unsigned long long words, hits;

		st_tokenizer_stats(tk, &words, &hits);
		fprintf(stderr, "%s: stem cache: %llu of %llu words found "
		        "(%.1f%%)\n", cli_prog, hits, words,
		        words ? 100.0 * (double)hits / (double)words : 0.0);
	}
	rc = EXIT_OK;
	goto out;
fail:
	st_out_abort(&out);
	if (sk)
		st_out_abort(&sk->out);
	cli_error(&err);
out:
	if (sk)
		st_csv_writer_finish(&sk->w);
	st_names_close(names);
	st_quotes_finish(&qs);
	st_buf_finish(&text);
	st_tokenizer_free(tk);
	st_extractor_free(x);
	return rc;
}
