/* stance-shard: which articles of a folder belong to which batch. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

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
"  -h, --help         display this help and exit\n"
"  -V, --version      output version information and exit\n"
"\n"
"Exit status: 0 if all went well, 1 for an unreadable folder or an I/O\n"
"error, 2 for a usage error.\n";

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "batches", required_argument, NULL, 'n' },
		{ "batch", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct st_error err = { 0 };
	struct st_buf path = ST_BUF_INIT;
	struct st_out out = { 0 };
	struct dirent *e;
	long n = 1, k = -1;
	int c, rc = EXIT_DATA;
	DIR *dir;

	cli_init(argv, "stance-shard");
	while ((c = getopt_long(argc, argv, "n:k:hV", opts, NULL)) != -1) {
		switch (c) {
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
	dir = opendir(argv[optind]);
	if (!dir) {
		st_fail(&err, argv[optind], 0, "cannot open: %s", strerror(errno));
		goto fail;
	}
	if (st_out_open(&out, NULL, &err))
		goto fail;
	while ((errno = 0, e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		struct stat sb;

		if (len <= 4 || strcmp(e->d_name + len - 4, ".txt"))
			continue;
		if (k >= 0 && (long)(st_fnv1a(e->d_name, len - 4, ST_FNV_INIT) %
		                     (unsigned long long)n) != k)
			continue;
		st_buf_reset(&path);
		st_buf_addf(&path, "%s/%s", argv[optind], e->d_name);
		if (stat(path.s, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
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
	if (st_out_commit(&out, &err))
		goto fail;
	rc = EXIT_OK;
	goto out;
fail:
	cli_error(&err);
out:
	st_buf_finish(&path);
	return rc;
}
