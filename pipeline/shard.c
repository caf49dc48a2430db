/* stance-shard: which articles of a folder belong to which batch. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "io/io.h"

static const char usage[] =
"Usage: stance-shard [OPTION]... DIR\n"
"Print the articles (*.txt files) of the folder DIR that belong to batch K\n"
"of N, one per line: PATH<TAB>ID<TAB>SIZE<TAB>MTIME (nanoseconds).  An\n"
"article's batch is the FNV-1a hash of its id modulo N, so it stays in\n"
"its batch when others come and go.  Lines come in the folder's order\n"
"(sort them); memory does not grow with the folder.\n"
"\n"
"  -n, --batches=N    the number of batches (default: 1)\n"
"  -k, --batch=K      the batch to print, 0 to N-1 (default: all)\n"
"  -s, --skipped=FILE list in FILE, as CSV (name,reason), what the folder\n"
"                     holds that is not an article: other files, folders,\n"
"                     and *.txt files whose name holds a control character\n"
"                     or invalid UTF-8 (those are never printed)\n"
"  -b, --numbered     start each line with the article's batch, 0 to N-1,\n"
"                     and a tab\n"
"  -h, --help         display this help and exit\n"
"  -V, --version      output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for an unreadable folder or an I/O\n"
"error, 2 for a usage error.\n";

/* Why the file name name is no article's, or NULL: a name that Make, a
 * list of lines or a CSV cell would cut in two. */
static const char *bad_name(const char *name, size_t len)
{
	struct st_error e;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c == '\n')
			return "file name holds a newline";
		if (c == '\t')
			return "file name holds a tab";
		if (c < 0x20 || c == 0x7f)
			return "file name holds a control character";
	}
	if (st_check_text(name, name, len, &e) != 0)
		return "file name is not UTF-8";
	return NULL;
}

/* A printable form of a file name for messages: control bytes, and
 * every byte of 0x80 or more when the name is not UTF-8, as \xHH. */
static void printable(struct st_buf *b, const char *name)
{
	struct st_error e;
	const unsigned char *p = (const unsigned char *)name;
	int utf8 = st_check_text(name, name, strlen(name), &e) == 0;

	st_buf_reset(b);
	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || (*p >= 0x80 && !utf8))
			st_buf_addf(b, "\\x%02x", *p);
		else
			st_buf_addc(b, (char)*p);
	}
}

/* Why the entry name of the folder, at path, is not an article, or NULL
 * (with *sb filled); txt: the name ends in .txt. */
static const char *not_article(const char *path, const char *name,
                               size_t len, int txt, struct stat *sb)
{
	if (stat(path, sb) != 0)
		return "cannot be read";
	if (S_ISDIR(sb->st_mode))
		return "folder";
	if (!S_ISREG(sb->st_mode))
		return "not a regular file";
	if (!txt)
		return "not named *.txt";
	return bad_name(name, len);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "batches", required_argument, NULL, 'n' },
		{ "batch", required_argument, NULL, 'k' },
		{ "skipped", required_argument, NULL, 's' },
		{ "numbered", no_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct st_error err = { 0 };
	struct st_buf path = ST_BUF_INIT;
	struct st_out out = { 0 }, sk = { 0 };
	struct st_csv_writer w;
	struct st_buf shown = ST_BUF_INIT;
	const char *skipped = NULL;
	struct dirent *e;
	long n = 1, k = -1, batch;
	int c, numbered = 0, rc = EXIT_DATA;
	DIR *dir;

	cli_init(argv, "stance-shard");
	while ((c = getopt_long(argc, argv, "n:k:s:bhV", opts, NULL)) != -1) {
		switch (c) {
		case 's': skipped = optarg; break;
		case 'b': numbered = 1; break;
		case 'n':
			if (st_parse_long(optarg, &n) || n < 1 || n > 100000)
				cli_usage_error("bad number of batches '%s'", optarg);
			break;
		case 'k':
			if (strcmp(optarg, "all") == 0)
				k = -1;
			else if (st_parse_long(optarg, &k) || k < 0)
				cli_usage_error("bad batch '%s'", optarg);
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		case 'V': cli_version(); return EXIT_OK;
		default: return cli_try_help();
		}
	}
	if (optind != argc - 1)
		cli_usage_error("expected one folder");
	if (k >= n)
		cli_usage_error("batch %ld of %ld", k, n);
	st_out_install_signals();
	dir = opendir(argv[optind]);
	if (!dir) {
		st_fail(&err, argv[optind], 0, "cannot open: %s", strerror(errno));
		goto fail;
	}
	if (st_out_open(&out, NULL, &err))
		goto fail;
	if (skipped) {
		if (st_out_open(&sk, skipped, &err))
			goto fail;
		st_csv_writer_init(&w, sk.fp, 0, 1);
		st_csv_put(&w, "name");
		st_csv_put(&w, "reason");
		st_csv_endrow(&w);
	}
	while ((errno = 0, e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		const char *why = NULL;
		struct stat sb;
		int txt = len > 4 && !strcmp(e->d_name + len - 4, ".txt");

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		st_buf_reset(&path);
		st_buf_addf(&path, "%s/%s", argv[optind], e->d_name);
		if (!txt && !skipped)
			continue;
		why = not_article(path.s, e->d_name, len, txt, &sb);
		if (why) {
			if (skipped) {
				printable(&shown, e->d_name);
				st_csv_put(&w, shown.s);
				st_csv_put(&w, why);
				st_csv_endrow(&w);
			}
			continue;
		}
		batch = (long)(st_fnv1a(e->d_name, len - 4, ST_FNV_INIT) %
		               (unsigned long long)n);
		if (k >= 0 && batch != k)
			continue;
		if (numbered)
			printf("%ld\t", batch);
		printf("%s\t%.*s\t%lld\t%lld%09ld\n", path.s, (int)(len - 4),
		       e->d_name, (long long)sb.st_size,
		       (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
	}
	if (errno) {
		st_fail(&err, argv[optind], 0, "read error: %s", strerror(errno));
		closedir(dir);
		goto fail;
	}
	closedir(dir);
	if ((skipped && st_out_commit(&sk, &err)) || st_out_commit(&out, &err))
		goto fail;
	rc = EXIT_OK;
	goto out;
fail:
	st_out_abort(&sk);
	cli_error(&err);
out:
	if (skipped)
		st_csv_writer_finish(&w);
	st_buf_finish(&shown);
	st_buf_finish(&path);
	return rc;
}
