/* tsv.c - lines of tab-separated fields for files of a run's own, and
 * sort(1) over them, so that a table larger than memory is sorted on
 * disk by a tool made for it. */
#include "io/io.h"

#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void st_tsv_escape(struct st_buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '\\': st_buf_adds(b, "\\\\"); break;
		case '\t': st_buf_adds(b, "\\t"); break;
		case '\n': st_buf_adds(b, "\\n"); break;
		case '\r': st_buf_adds(b, "\\r"); break;
		default: st_buf_addc(b, *s);
		}
}

void st_tsv_put(FILE *fp, const char *s)
{
	struct st_buf b = ST_BUF_INIT;

	if (!s[strcspn(s, "\\\t\n\r")]) {	/* nothing to escape */
		fputs(s, fp);
		return;
	}
	st_tsv_escape(&b, s);
	fputs(b.s, fp);
	st_buf_finish(&b);
}

/* Undo st_tsv_put() in place on a field of a line read back. */
char *st_tsv_unescape(char *s)
{
	char *r = s, *w = s;

	for (; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' :
			       *r == 'r' ? '\r' : *r;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return s;
}

/* Split line at tabs into at most max fields; returns how many. */
int st_tsv_split(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\n")] = '\0';
	f[n++] = line;
	while (n < max && (line = strchr(line, '\t'))) {
		*line++ = '\0';
		f[n++] = line;
	}
	return n;
}

/* sort(1) in the C locale, by the first nkeys tab-separated fields, with
 * its memory bounded and its temporary files beside ours. */
int st_sort_file(const char *in, const char *out, int nkeys,
                 const char *tmpdir, struct st_error *err)
{
	char *argv[16], **envp;
	char k1[] = "-k1,1", k2[] = "-k2,2", k3[] = "-k3,3";
	size_t n = 0, ne = 0, i;
	pid_t pid;
	int status, e;

	argv[n++] = "sort";
	argv[n++] = "-t";
	argv[n++] = "\t";
	argv[n++] = k1;
	if (nkeys > 1)
		argv[n++] = k2;
	if (nkeys > 2)
		argv[n++] = k3;
	argv[n++] = "-S";
	argv[n++] = "8M";
	argv[n++] = "-T";
	argv[n++] = (char *)tmpdir;
	argv[n++] = "-o";
	argv[n++] = (char *)out;
	argv[n++] = (char *)in;
	argv[n] = NULL;
	while (environ[ne])
		ne++;
	envp = st_xmalloc((ne + 2) * sizeof *envp);
	envp[0] = "LC_ALL=C";
	for (i = 0; i < ne; i++)
		envp[i + 1] = environ[i];
	envp[ne + 1] = NULL;
	e = posix_spawnp(&pid, "sort", NULL, NULL, argv, envp);
	free(envp);
	if (e)
		return st_fail(err, in, 0, "cannot run sort: %s", strerror(e));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return st_fail(err, in, 0, "sort: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return st_fail(err, in, 0, "sort failed (status %d)", status);
	return 0;
}
