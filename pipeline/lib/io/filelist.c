/* filelist.c - the names of the files a stage reads: operands or a list. */
#include "io/io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct st_names {
	const char *path;	/* the list, or NULL for operands */
	FILE *fp;
	char *line;
	size_t cap;
	char **args;
	long nargs, next, count;
};

struct st_names *st_names_args(char **names, int n)
{
	struct st_names *l = st_xcalloc(1, sizeof *l);

	l->args = names;
	l->nargs = l->count = n;
	return l;
}

struct st_names *st_names_open(const char *path, struct st_error *err)
{
	struct st_names *l;
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	ssize_t n;

	if (!fp) {
		st_fail(err, path, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	l = st_xcalloc(1, sizeof *l);
	l->path = path;
	l->fp = fp;
	/* count the names first, for a progress line; stdin cannot be
	 * read twice */
	if (fp != stdin) {
		while ((n = getline(&l->line, &l->cap, fp)) > 1)
			l->count++;
		rewind(fp);
	}
	return l;
}

long st_names_count(const struct st_names *l)
{
	return l->count;
}

int st_names_next(struct st_names *l, const char **name,
                  struct st_error *err)
{
	ssize_t n;

	if (!l->path) {
		if (l->next == l->nargs)
			return 0;
		*name = l->args[l->next++];
		return 1;
	}
	while ((n = getline(&l->line, &l->cap, l->fp)) > 0) {
		while (n && (l->line[n - 1] == '\n' || l->line[n - 1] == '\r'))
			l->line[--n] = '\0';
		if (n) {
			*name = l->line;
			return 1;
		}
	}
	if (ferror(l->fp))
		return st_fail(err, l->path, 0, "read error: %s",
		               strerror(errno));
	return 0;
}

void st_names_close(struct st_names *l)
{
	if (!l)
		return;
	if (l->fp && l->fp != stdin)
		fclose(l->fp);
	free(l->line);
	free(l);
}
