/* stance-report: quotes + predictions, joined on their key -> quotes.csv,
 * articles.csv, speakers.csv and errors.csv, or the labelling sheet. */
#define _DEFAULT_SOURCE	/* MAP_ANONYMOUS */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "extract/extract.h"
#include "cli.h"
#include "io/io.h"
#include "learn/learn.h"
#include "report/report.h"
#include "core/core.h"

static const char usage[] =
"Usage: stance-report [OPTION]... QUOTES PREDICTIONS [QUOTES PREDICTIONS]...\n"
"Join each QUOTES file (from stance-tokenize) with its PREDICTIONS file\n"
"(from stance-classify: article,quote_id, then the prediction), joined on\n"
"article,quote_id (a quote without its prediction, a prediction without\n"
"its quote or a key given twice is an error), and write\n"
"the reports into the folder DIR, which is replaced whole (files of other\n"
"programs in it, such as plots/, are kept):\n"
"  quotes.csv    one row per quote: article,quote_id,paragraph,start,end,\n"
"                kind,speaker,role,quote,stance,confidence, then P(label)\n"
"                for every label, review (1 when confidence < 0.5),\n"
"                speaker_confidence (how sure the speaker is, 0 to 1,\n"
"                empty without one) and evidence (what decided the\n"
"                label: the actor's affiliation, role words or text)\n"
"  articles.csv  per article: its date and source, the number of quotes,\n"
"                and per label\n"
"  speakers.csv  per person: role, articles, quotes, quotes per label,\n"
"                the majority label, and the names it went by (variants)\n"
"One person's quotes in an article get one label, from their\n"
"probabilities combined (the P(label) columns stay per quote); a person\n"
"is the actor the dictionary knows, else the longest full name of the\n"
"batch that the name or surname resolves to, titles stripped.\n"
"  errors.csv    the articles that were skipped: article,line,message\n"
"Each QUOTES file must be in article then text order (as stance-tokenize\n"
"writes it for articles given in name order); the files are merged as they\n"
"are read, so memory does not grow with the number of quotes.  The pairs\n"
"are shared among STANCE_JOBS processes (default: one per processor), at\n"
"most one per pair, their rows joined in article order: the reports are\n"
"those of one process.\n"
"Text cells that a spreadsheet would run as a formula (=, +, -, @, tab,\n"
"CR first), label names included, start with an apostrophe; start and end\n"
"give the raw text.\n"
"\n"
"  -d, --dir=DIR         the reports folder (default: reports)\n"
"  -a, --articles=FILE   every article id of the run, one per line, so that\n"
"                        articles without quotes get their row in\n"
"                        articles.csv (by default: the name of a QUOTES file\n"
"                        that has no quotes)\n"
"  -e, --errors=FILE     a list of skipped articles from stance-tokenize\n"
"                        --errors (article,line,message); repeatable\n"
"  -s, --skipped=FILE    what the articles folder held besides articles,\n"
"                        from stance-shard --skipped (name,reason)\n"
"      --strict          fail on the first skipped article instead\n"
"      --excel           UTF-8 byte order mark and CRLF line ends, for Excel\n"
"      --xlsx=FILE       also write the workbook FILE: the three reports as\n"
"                        sheets (or, with --todo, the labelling sheet), text\n"
"                        as text, numbers as numbers, frozen headers,\n"
"                        autofilters\n"
"      --workbook        also write DIR/stance.xlsx, the reports as sheets,\n"
"                        with them in the new folder\n"
"      --article-dir=DIR the articles folder: with --todo and --xlsx, the\n"
"                        workbook gets each quote's sentence and paragraph;\n"
"                        an article without quotes gets its date and source\n"
"                        from its opening (else only a date its id begins\n"
"                        with)\n"
CLI_ACTORS_HELP
"      --per-quote       label each quote alone, not each person once per\n"
"                        article\n"
"  -q, --quiet           no progress on stderr (shown only on a terminal)\n"
"      --todo=FILE       instead of the reports, write a labelling sheet:\n"
"                        article,quote,speaker,role,stance,suggested,\n"
"                        confidence, stance empty, least confident first\n"
"  -h, --help            display this help and exit\n"
"  -V, --version         output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for bad input or an I/O error,\n"
"2 for a usage error.\n";

struct opts {
	const char *dir, *todo, *ids, *xlsx, *skipped, *article_dir;
	const char **elists;
	int nelists, strict, workbook, excel, quiet, per_quote, npairs;
	char **qpaths, **ppaths;
};

static void parse(int argc, char **argv, struct opts *o)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "articles", required_argument, NULL, 'a' },
		{ "excel", no_argument, NULL, 'x' },
		{ "errors", required_argument, NULL, 'e' },
		{ "skipped", required_argument, NULL, 's' },
		{ "strict", no_argument, NULL, 'S' },
		{ "actors", required_argument, NULL, 'C' },
		{ "per-quote", no_argument, NULL, 'P' },
		{ "todo", required_argument, NULL, 't' },
		{ "xlsx", required_argument, NULL, 'X' },
		{ "workbook", no_argument, NULL, 'W' },
		{ "article-dir", required_argument, NULL, 'A' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, i;

	o->dir = "reports";
	while ((c = getopt_long(argc, argv, "d:a:e:s:qhV", opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			o->elists = st_xrealloc(o->elists, (size_t)(o->nelists +
			                        1) * sizeof *o->elists);
			o->elists[o->nelists++] = optarg;
			break;
		case 's': o->skipped = optarg; break;
		case 'S': o->strict = 1; break;
		case 'q': o->quiet = 1; break;
		case 'd': o->dir = optarg; break;
		case 'a': o->ids = optarg; break;
		case 'x': o->excel = 1; break;
		case 'C': cli_add_actors(optarg); break;
		case 'P': o->per_quote = 1; break;
		case 'X': o->xlsx = optarg; break;
		case 'W': o->workbook = 1; break;
		case 'A': o->article_dir = optarg; break;
		case 't': o->todo = optarg; break;
		case 'h': fputs(usage, stdout); exit(EXIT_OK);
		case 'V': cli_version(); exit(EXIT_OK);
		default: exit(cli_try_help());
		}
	}
	if (optind == argc || (argc - optind) % 2)
		cli_usage_error("expected pairs of QUOTES and PREDICTIONS files");
	o->npairs = (argc - optind) / 2;
	o->qpaths = st_xcalloc((size_t)o->npairs, sizeof *o->qpaths);
	o->ppaths = st_xcalloc((size_t)o->npairs, sizeof *o->ppaths);
	for (i = 0; i < o->npairs; i++) {
		o->qpaths[i] = argv[optind + 2 * i];
		o->ppaths[i] = argv[optind + 2 * i + 1];
	}
}

/* Every pair stays open during the merge: a run of many batches needs
 * more than the usual 1024 descriptors. */
static void raise_file_limit(int npairs)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < (rlim_t)npairs * 2 + 16) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* The articles skipped come first: they are left out of the rest. */
static int read_skips(const struct opts *o, struct st_skips *sk,
                      struct st_error *err)
{
	int i;

	for (i = 0; i < o->nelists; i++)
		if (st_skips_read_errors(sk, o->elists[i], err))
			return -1;
	if (o->skipped && st_skips_read_skipped(sk, o->skipped, err))
		return -1;
	if (o->strict && sk->nfl)
		return st_fail(err, sk->fl[0].where, sk->fl[0].line, "%s (%zu "
		               "article%s cannot be read; without --strict "
		               "they are skipped)", sk->fl[0].message, sk->nfl,
		               sk->nfl == 1 ? "" : "s");
	return 0;
}

/* --todo: the labelling sheet, and with --xlsx its workbook. */
static int write_todo(const struct opts *o, struct st_merge *mg,
                      struct st_error *err)
{
	struct st_out out = { 0 };
	struct st_quote *q;
	struct st_pred p;
	int nlabels, got, rc = -1;
	char *const *labels = st_merge_labels(mg, &nlabels);
	struct st_todo *t = st_todo_new(labels, nlabels, o->article_dir);

	while ((got = st_merge_next(mg, &q, &p, err)) == 1)
		if (st_todo_add(t, q, &p, err))
			goto out;
	if (got < 0 || st_out_open(&out, o->todo, err))
		goto out;
	st_todo_write(t, out.fp, o->excel);
	if (st_out_commit(&out, err) ||
	    (o->xlsx && st_todo_write_xlsx(t, o->xlsx, err)))
		goto out;
	rc = 0;
out:
	st_todo_free(t);
	return rc;
}

/* How many processes share the pairs: one per pair up to st_jobs(), when
 * every file can be read again (not stdin, a pipe or a device). */
static int share(const struct opts *o)
{
	struct stat sb;
	int i, n = st_jobs();

	if (o->todo || o->npairs < 2 || n < 2)
		return 1;
	for (i = 0; i < 2 * o->npairs; i++) {
		const char *f = i % 2 ? o->ppaths[i / 2] : o->qpaths[i / 2];

		if (!strcmp(f, "-") || stat(f, &sb) || !S_ISREG(sb.st_mode))
			return 1;
	}
	return n < o->npairs ? n : o->npairs;
}

/* The pairs in one process, as they are merged. */
static int fill_serial(const struct opts *o, struct st_merge *mg,
                       struct st_report *rep, struct st_error *err)
{
	struct cli_progress prog;
	struct st_quote *q;
	struct st_pred p;
	int got;

	cli_progress_init(&prog, o->quiet, "quotes", -1);
	while ((got = st_merge_next(mg, &q, &p, err)) == 1) {
		if (st_report_add(rep, q, &p, err))
			return -1;
		cli_progress_step(&prog, 1);
	}
	cli_progress_end(&prog);
	return got < 0 || st_report_end(rep, err) ? -1 : 0;
}

/* The pairs shared by n processes, part i the pairs [first(i),
 * first(i + 1)); the first of them draws the progress of all, from
 * counts in memory they share. */
struct run {
	const struct opts *o;
	const struct st_report_opts *ro;
	struct st_part *parts;
	int n, self;
	long *counts;
	struct cli_progress prog;
};
struct result {
	int rc;
	struct st_error err;	/* file in fbuf: it crosses a pipe */
};

static int first(const struct run *r, int i)
{
	return (int)((long)r->o->npairs * i / r->n);
}

static void step(void *arg)
{
	struct run *r = arg;
	long sum = 0;
	int i;

	r->counts[r->self]++;
	if (r->self)
		return;
	for (i = 0; i < r->n; i++)
		sum += r->counts[i];
	cli_progress_step(&r->prog, sum - r->prog.done);
}

static void work(int i, void *arg, void *out)
{
	struct run *r = arg;
	struct result *res = out;
	int a = first(r, i);

	r->self = i;
	res->rc = st_part_write(r->ro, r->o->qpaths + a, r->o->ppaths + a,
	                        (size_t)(first(r, i + 1) - a), &r->parts[i],
	                        r->counts ? step : NULL, r, &res->err);
	if (res->rc && res->err.file && res->err.file != res->err.fbuf) {
		snprintf(res->err.fbuf, sizeof res->err.fbuf, "%s",
		         res->err.file);
		res->err.file = res->err.fbuf;
	}
	if (i == 0)
		cli_progress_end(&r->prog);
}

/* 1 when an article is in the pairs of two parts: nothing written can be
 * used. */
static int fill_parallel(const struct opts *o, const struct st_report_opts *ro,
                         struct st_report *rep, int n, struct st_error *err)
{
	struct run r = { 0 };
	struct result *res = st_xcalloc((size_t)n, sizeof *res);
	int i, rc;

	r.o = o;
	r.ro = ro;
	r.n = n;
	r.parts = st_xcalloc((size_t)n, sizeof *r.parts);
	for (i = 0; i < n; i++)
		st_part_init(&r.parts[i], ro->tmpdir, i, n);
	cli_progress_init(&r.prog, o->quiet, "quotes", -1);
	if (r.prog.on) {
		r.counts = mmap(NULL, (size_t)n * sizeof *r.counts, PROT_READ |
		                PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (r.counts == MAP_FAILED)
			r.counts = NULL;
	}
	rc = st_parallel(n, n, sizeof *res, work, &r, res, NULL, err);
	for (i = 0; i < n && !rc; i++) {
		if (res[i].err.file)
			res[i].err.file = res[i].err.fbuf;
		if (res[i].rc < 0) {
			st_fail(err, res[i].err.file, res[i].err.line, "%s",
			        res[i].err.msg);
			rc = -1;
		}
		r.parts[i].err = res[i].err;
		if (r.parts[i].err.file)
			r.parts[i].err.file = r.parts[i].err.fbuf;
	}
	if (!rc)
		rc = st_part_join(rep, ro, r.parts, (size_t)n, err);
	for (i = 0; i < n; i++)
		st_part_finish(&r.parts[i]);
	if (r.counts)
		munmap(r.counts, (size_t)n * sizeof *r.counts);
	free(r.parts);
	free(res);
	return rc;
}

/* The reports, written into a new folder swapped in whole at the end
 * (files of other programs in the old one, such as plots/, carried
 * over), by jobs processes; 1 when they cannot share the pairs. */
static int write_reports(const struct opts *o, struct st_merge *mg,
                         const struct st_actors *actors,
                         const struct st_skips *sk, int jobs,
                         long *narticles, struct st_error *err)
{
	static const char *const names[] = { "quotes.csv", "articles.csv",
		"speakers.csv", "errors.csv", "stance.xlsx", NULL };
	struct st_stage stage = { NULL, NULL, NULL };
	struct st_out out[4];
	struct st_report_opts ro = { 0 };
	struct st_report *rep = NULL;
	char *paths[5] = { NULL }, *buf[4] = { NULL };
	int k, got, rc = -1;

	memset(out, 0, sizeof out);
	ro.labels = st_merge_labels(mg, &ro.nlabels);
	ro.actors = actors;
	ro.skips = sk;
	ro.article_dir = o->article_dir;
	ro.per_quote = o->per_quote;
	ro.excel = o->excel;
	if (st_stage_open(&stage, o->dir, names, err))
		goto out;
	for (k = 0; k < 5; k++) {
		paths[k] = st_join(stage.path, names[k]);
		if (k < 4 && st_out_open(&out[k], paths[k], err))
			goto out;
		if (k < 4) {	/* the reports are written in large pieces */
			buf[k] = st_xmalloc(1 << 16);
			setvbuf(out[k].fp, buf[k], _IOFBF, 1 << 16);
		}
	}
	ro.tmpdir = stage.path;
	rep = st_report_new(&ro, out[0].fp, out[1].fp, out[2].fp, err);
	if (!rep)
		goto out;
	if (o->ids && st_report_ids_file(rep, o->ids, err))
		goto out;
	/* by default a quotes file without quotes stands for its article */
	for (k = 0; !o->ids && k < o->npairs; k++)
		if (st_merge_empty(mg, (size_t)k)) {
			char *id = cli_article_id_csv(o->qpaths[k]);
			st_report_ids_add(rep, id);
			free(id);
		}
	got = jobs > 1 ? fill_parallel(o, &ro, rep, jobs, err)
	               : fill_serial(o, mg, rep, err);
	if (got) {
		rc = got;
		goto out;
	}
	st_skips_write(sk, out[3].fp, o->excel);
	*narticles = st_report_articles(rep);
	st_report_free(rep);	/* flushes the writers */
	rep = NULL;
	for (k = 0; k < 4; k++)
		if (st_out_commit(&out[k], err))
			goto out;
	/* the workbook is one more report, from the reports in the stage */
	if (o->workbook && st_sheet_write_reports(stage.path, paths[4], err))
		goto out;
	if (st_stage_commit(&stage, ST_STAGE_CARRY, err))
		goto out;
	rc = 0;
out:
	st_report_free(rep);
	for (k = 0; k < 4; k++)
		st_out_abort(&out[k]);
	st_stage_abort(&stage);
	for (k = 0; k < 5; k++)
		free(paths[k]);
	for (k = 0; k < 4; k++)
		free(buf[k]);
	return rc;
}

/* One line for the whole batch, when anything was left out. */
static void summary(const struct opts *o, const struct st_skips *sk, long n)
{
	if (!sk->nfl && !sk->other_files && !sk->folders)
		return;
	fprintf(stderr, "%s: %ld article%s reported", cli_prog, n,
	        n == 1 ? "" : "s");
	if (sk->nfl)
		fprintf(stderr, ", %zu skipped (listed in %s/errors.csv)",
		        sk->nfl, o->dir);
	if (sk->other_files)
		fprintf(stderr, ", %ld file%s not named *.txt left out",
		        sk->other_files, sk->other_files == 1 ? "" : "s");
	if (sk->folders)
		fprintf(stderr, ", %ld folder%s left out", sk->folders,
		        sk->folders == 1 ? "" : "s");
	fputc('\n', stderr);
}

int main(int argc, char **argv)
{
	struct opts o = { 0 };
	struct st_actors *actors = NULL;
	struct st_merge *mg = NULL;
	struct st_skips sk;
	struct st_error err = { 0 };
	long narticles = 0;
	int rc = EXIT_DATA;

	cli_init(argv, "stance-report");
	parse(argc, argv, &o);
	raise_file_limit(o.npairs);
	st_skips_init(&sk);
	st_out_install_signals();
	actors = cli_load_actors(&err);
	if (!actors || read_skips(&o, &sk, &err))
		goto fail;
	mg = st_merge_open(o.qpaths, o.ppaths, (size_t)o.npairs, &err);
	if (!mg)
		goto fail;
	if (o.todo) {
		if (write_todo(&o, mg, &err))
			goto fail;
	} else {
		int got = write_reports(&o, mg, actors, &sk, share(&o),
		                        &narticles, &err);

		if (got > 0)	/* an article in two parts: in one process */
			got = write_reports(&o, mg, actors, &sk, 1, &narticles,
			                    &err);
		if (got)
			goto fail;
		summary(&o, &sk, narticles);
		if (o.xlsx && st_sheet_write_reports(o.dir, o.xlsx, &err))
			goto fail;
	}
	rc = EXIT_OK;
	goto out;
fail:
	cli_error(&err);
out:
	st_merge_free(mg);
	st_skips_finish(&sk);
	st_actors_free(actors);
	free(o.elists);
	free(o.qpaths);
	free(o.ppaths);
	return rc;
}
